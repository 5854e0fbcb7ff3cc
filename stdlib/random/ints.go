package random

import (
	"math"
	"math/big"

	"github.com/pya-lang/pya/stdlib/internal/libm"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
)

// seed(a=None, version=2)
func seed(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, args, err := self(args, "seed")
	if err != nil {
		return vm.NULL, err
	}
	var a, version vm.Value
	if err := pyarg.ParsePy("Random.seed", 1, args, kwnames, []string{"a?", "version?"}, &a, &version); err != nil {
		return vm.NULL, err
	}
	r.hasGauss = false
	if a.IsNull() || a.IsNone() {
		seedFromOS(r)
		return vm.None, nil
	}
	if b, ok := pyarg.Big(a); ok {
		r.st.SeedInt(b)
		return vm.None, nil
	}
	if s, ok := pyarg.Str(a); ok {
		if !version.IsNull() && version.IsInt() && version.AsInt() == 1 {
			r.st.SeedInt(big.NewInt(0).SetUint64(seedV1([]rune(s))))
			return vm.None, nil
		}
		r.st.SeedBytes([]byte(s))
		return vm.None, nil
	}
	if b, ok := bytesOf(a); ok {
		r.st.SeedBytes(b)
		return vm.None, nil
	}
	// Floats and instances of int/float subclasses seed by their hash, as CPython.
	if _, isInt := pyarg.Big(vm.NumPayload(a)); !isInt && !vm.NumPayload(a).IsFloat() {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
	}
	h, err := vm.Hash(th, a)
	if err != nil {
		return vm.NULL, err
	}
	r.st.SeedUint64(uint64(h))
	return vm.None, nil
}

// seedV1 is version-1 seeding of a str.
func seedV1(s []rune) uint64 {
	var x uint64
	if len(s) > 0 {
		x = uint64(s[0]) << 7
	}
	for _, c := range s {
		x = (1000003 * x) ^ uint64(c)
	}
	x ^= uint64(len(s))
	return x
}

// bytesOf returns the content of a bytes or bytearray value.
func bytesOf(v vm.Value) ([]byte, bool) {
	if b, ok := v.Object().(*vm.Bytes); ok {
		return b.B, true
	}
	return nil, false
}

func random(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, args, err := self(args, "random")
	if err != nil {
		return vm.NULL, err
	}
	if err := pyarg.NoArgs("Random.random", args, kwnames); err != nil {
		return vm.NULL, err
	}
	return vm.Float(r.st.Float()), nil
}

func getrandbits(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, args, err := self(args, "getrandbits")
	if err != nil {
		return vm.NULL, err
	}
	if err := pyarg.One("Random.getrandbits", args, kwnames); err != nil {
		return vm.NULL, err
	}
	k, err := pyarg.Int(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	if k < 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "number of bits must be non-negative")
	}
	if k <= 63 {
		return vm.Int(int64(r.st.Bits64(int(k)))), nil
	}
	return vm.NewBigInt(r.st.BigBits(int(k))), nil
}

// randbytes(n) is getrandbits(n*8).to_bytes(n, 'little').
func randbytes(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, args, err := self(args, "randbytes")
	if err != nil {
		return vm.NULL, err
	}
	var nv vm.Value
	if err := pyarg.ParsePy("Random.randbytes", 1, args, kwnames, []string{"n"}, &nv); err != nil {
		return vm.NULL, err
	}
	n, err := pyarg.Int(th, nv)
	if err != nil {
		return vm.NULL, err
	}
	if n < 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "negative argument not allowed")
	}
	be := r.st.BigBits(int(n) * 8).FillBytes(make([]byte, n))
	for i, j := 0, len(be)-1; i < j; i, j = i+1, j-1 {
		be[i], be[j] = be[j], be[i]
	}
	return vm.NewBytes(be), nil
}

// below is _randbelow(n) for n > 0.
func (r *Random) below(n *big.Int) vm.Value {
	if n.IsInt64() {
		return vm.Int(int64(r.st.Below(uint64(n.Int64()))))
	}
	return vm.NewBigInt(r.st.BigBelow(n))
}

// belowInt is _randbelow for a Go int n > 0.
func (r *Random) belowInt(n int) int { return int(r.st.Below(uint64(n))) }

// rangeArg converts a randrange argument: an int, or (deprecated) an
// integral float; ValueError "non-integer arg 1 for randrange()" otherwise.
func rangeArg(th *vm.Thread, v vm.Value, what string) (*big.Int, error) {
	i, err := pyarg.Index(th, v)
	if err == nil {
		b, _ := pyarg.Big(i)
		return b, nil
	}
	if v.IsFloat() {
		f := v.AsFloat()
		if f == math.Trunc(f) && !math.IsInf(f, 0) {
			b, _ := new(big.Float).SetFloat64(f).Int(nil)
			return b, nil
		}
		return nil, vm.NewError(vm.ValueErrorType, "non-integer %s for randrange()", what)
	}
	// CPython falls back to int(v), which raises for most other values.
	iv, ierr := th.Call(vm.ObjectValue(vm.IntType), []vm.Value{v}, nil)
	if ierr != nil {
		return nil, ierr
	}
	if _, ok := pyarg.Big(iv); ok {
		return nil, vm.NewError(vm.ValueErrorType, "non-integer %s for randrange()", what)
	}
	return nil, err
}

// randrange(start, stop=None, step=1)
func randrange(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, args, err := self(args, "randrange")
	if err != nil {
		return vm.NULL, err
	}
	var start, stop, step vm.Value
	if err := pyarg.ParsePy("Random.randrange", 1, args, kwnames, []string{"start", "stop?", "step?"}, &start, &stop, &step); err != nil {
		return vm.NULL, err
	}
	// Fast path: small int arguments and unit step.
	if start.IsInt() && (stop.IsNull() || stop.IsNone() || stop.IsInt()) && step.IsNull() {
		a := start.AsInt()
		if stop.IsNull() || stop.IsNone() {
			if a > 0 {
				return vm.Int(int64(r.st.Below(uint64(a)))), nil
			}
			return vm.NULL, vm.NewError(vm.ValueErrorType, "empty range for randrange()")
		}
		b := stop.AsInt()
		if w := b - a; w > 0 && b > a {
			return vm.Int(a + int64(r.st.Below(uint64(w)))), nil
		} else if b <= a && (a >= 0) == (b >= 0) {
			return vm.NULL, vm.NewError(vm.ValueErrorType, "empty range for randrange() (%d, %d, %d)", a, b, b-a)
		}
	}
	istart, err := rangeArg(th, start, "arg 1")
	if err != nil {
		return vm.NULL, err
	}
	if stop.IsNull() || stop.IsNone() {
		if !step.IsNull() {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "Missing a non-None stop argument")
		}
		if istart.Sign() > 0 {
			return r.below(istart), nil
		}
		return vm.NULL, vm.NewError(vm.ValueErrorType, "empty range for randrange()")
	}
	istop, err := rangeArg(th, stop, "stop")
	if err != nil {
		return vm.NULL, err
	}
	width := new(big.Int).Sub(istop, istart)
	istep := big.NewInt(1)
	if !step.IsNull() {
		if istep, err = rangeArg(th, step, "step"); err != nil {
			return vm.NULL, err
		}
	}
	if istep.IsInt64() && istep.Int64() == 1 {
		if width.Sign() > 0 {
			b, _ := pyarg.Big(r.below(width))
			return vm.NewBigInt(new(big.Int).Add(istart, b)), nil
		}
		return vm.NULL, vm.NewError(vm.ValueErrorType, "empty range for randrange() (%s, %s, %s)", istart, istop, width)
	}
	var n *big.Int
	switch istep.Sign() {
	case 1:
		n = new(big.Int).Add(width, istep)
		n.Sub(n, big.NewInt(1))
	case -1:
		n = new(big.Int).Add(width, istep)
		n.Add(n, big.NewInt(1))
	default:
		return vm.NULL, vm.NewError(vm.ValueErrorType, "zero step for randrange()")
	}
	floorDiv(n, istep)
	if n.Sign() <= 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "empty range for randrange()")
	}
	b, _ := pyarg.Big(r.below(n))
	res := new(big.Int).Mul(istep, b)
	return vm.NewBigInt(res.Add(res, istart)), nil
}

// floorDiv sets n = n // d (Python's floor division).
func floorDiv(n, d *big.Int) {
	m := new(big.Int)
	n.DivMod(n, d, m) // Euclidean: 0 <= remainder < |d|
	if d.Sign() < 0 && m.Sign() != 0 {
		n.Sub(n, big.NewInt(1))
	}
}

// randint(a, b) is randrange(a, b+1).
func randint(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, rest, err := self(args, "randint")
	if err != nil {
		return vm.NULL, err
	}
	var a, b vm.Value
	if err := pyarg.ParsePy("Random.randint", 1, rest, kwnames, []string{"a", "b"}, &a, &b); err != nil {
		return vm.NULL, err
	}
	if a.IsInt() && b.IsInt() && b.AsInt() >= a.AsInt() && b.AsInt()-a.AsInt() < 1<<62 {
		return vm.Int(a.AsInt() + int64(r.st.Below(uint64(b.AsInt()-a.AsInt()+1)))), nil
	}
	b1, err := vm.BinaryOp(th, compile.BinAdd, b, vm.Int(1))
	if err != nil {
		return vm.NULL, err
	}
	return randrange(th, []vm.Value{args[0], a, b1}, nil)
}

// seqLen returns len(seq), fast for lists and tuples.
func seqItems(v vm.Value) ([]vm.Value, bool) {
	switch s := v.Object().(type) {
	case *vm.List:
		return s.Items, true
	case *vm.Tuple:
		return s.Items, true
	}
	return nil, false
}

func choice(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, args, err := self(args, "choice")
	if err != nil {
		return vm.NULL, err
	}
	var seq vm.Value
	if err := pyarg.ParsePy("Random.choice", 1, args, kwnames, []string{"seq"}, &seq); err != nil {
		return vm.NULL, err
	}
	if items, ok := seqItems(seq); ok {
		if len(items) == 0 {
			return vm.NULL, vm.NewError(vm.IndexErrorType, "Cannot choose from an empty sequence")
		}
		return items[r.belowInt(len(items))], nil
	}
	n, err := vm.Len(th, seq)
	if err != nil {
		return vm.NULL, err
	}
	if n == 0 {
		return vm.NULL, vm.NewError(vm.IndexErrorType, "Cannot choose from an empty sequence")
	}
	return vm.GetItem(th, seq, vm.Int(int64(r.belowInt(n))))
}

func shuffle(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, args, err := self(args, "shuffle")
	if err != nil {
		return vm.NULL, err
	}
	var x vm.Value
	if err := pyarg.ParsePy("Random.shuffle", 1, args, kwnames, []string{"x"}, &x); err != nil {
		return vm.NULL, err
	}
	if l, ok := x.Object().(*vm.List); ok {
		for i := len(l.Items) - 1; i > 0; i-- {
			j := r.belowInt(i + 1)
			l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
		}
		return vm.None, nil
	}
	n, err := vm.Len(th, x)
	if err != nil {
		return vm.NULL, err
	}
	for i := n - 1; i > 0; i-- {
		j := r.belowInt(i + 1)
		a, err := vm.GetItem(th, x, vm.Int(int64(i)))
		if err != nil {
			return vm.NULL, err
		}
		b, err := vm.GetItem(th, x, vm.Int(int64(j)))
		if err != nil {
			return vm.NULL, err
		}
		if err := vm.SetItem(th, x, vm.Int(int64(i)), b); err != nil {
			return vm.NULL, err
		}
		if err := vm.SetItem(th, x, vm.Int(int64(j)), a); err != nil {
			return vm.NULL, err
		}
	}
	return vm.None, nil
}

// sample(population, k, *, counts=None)
func sample(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, args, err := self(args, "sample")
	if err != nil {
		return vm.NULL, err
	}
	var pop, kv, counts vm.Value
	if err := pyarg.ParsePy("Random.sample", 1, args, kwnames, []string{"population", "k", "$counts?"}, &pop, &kv, &counts); err != nil {
		return vm.NULL, err
	}
	switch pop.Type() {
	case vm.SetType, vm.FrozenSetType, vm.DictType:
		return vm.NULL, vm.NewError(vm.TypeErrorType, "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	items, err := vm.ToSlice(th, pop)
	if err != nil {
		return vm.NULL, err
	}
	k64, err := pyarg.Int(th, kv)
	if err != nil {
		return vm.NULL, err
	}
	if !counts.IsNull() && !counts.IsNone() {
		return sampleCounts(th, r, items, k64, counts)
	}
	n := len(items)
	if k64 < 0 || k64 > int64(n) {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "Sample larger than population or is negative")
	}
	idx := r.sampleIndexes(n, int(k64))
	result := make([]vm.Value, len(idx))
	for i, j := range idx {
		result[i] = items[j]
	}
	return vm.NewList(result), nil
}

// sampleIndexes is sample's selection of k indexes below n, with CPython's
// choice between a pool and a set of selected indexes.
func (r *Random) sampleIndexes(n, k int) []int {
	result := make([]int, k)
	setsize := 21
	if k > 5 {
		setsize += int(math.Pow(4, math.Ceil(libm.Log(float64(k*3))/libm.Log(4))))
	}
	if n <= setsize {
		pool := make([]int, n)
		for i := range pool {
			pool[i] = i
		}
		for i := 0; i < k; i++ {
			j := r.belowInt(n - i)
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return result
	}
	selected := make(map[int]bool, k)
	for i := 0; i < k; i++ {
		j := r.belowInt(n)
		for selected[j] {
			j = r.belowInt(n)
		}
		selected[j] = true
		result[i] = j
	}
	return result
}

// sampleCounts is sample with counts: a sample of range(total) mapped
// through the cumulative counts.
func sampleCounts(th *vm.Thread, r *Random, items []vm.Value, k int64, counts vm.Value) (vm.Value, error) {
	cs, err := vm.ToSlice(th, counts)
	if err != nil {
		return vm.NULL, err
	}
	if len(cs) != len(items) {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "The number of counts does not match the population")
	}
	cum := make([]int64, len(cs))
	var total int64
	for i, c := range cs {
		if !c.IsInt() {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "Counts must be integers")
		}
		total += c.AsInt()
		cum[i] = total
	}
	if total <= 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "Total of counts must be greater than zero")
	}
	if k < 0 || k > total {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "Sample larger than population or is negative")
	}
	idx := r.sampleIndexes(int(total), int(k))
	out := make([]vm.Value, len(idx))
	for i, s := range idx {
		lo, hi := 0, len(cum)
		for lo < hi { // bisect_right
			mid := (lo + hi) / 2
			if int64(s) < cum[mid] {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		out[i] = items[lo]
	}
	return vm.NewList(out), nil
}

// choices(population, weights=None, *, cum_weights=None, k=1)
func choices(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, args, err := self(args, "choices")
	if err != nil {
		return vm.NULL, err
	}
	var pop, weights, cumWeights, kv vm.Value
	if err := pyarg.ParsePy("Random.choices", 1, args, kwnames, []string{"population", "weights?", "$cum_weights?", "$k?"}, &pop, &weights, &cumWeights, &kv); err != nil {
		return vm.NULL, err
	}
	items, err := vm.ToSlice(th, pop)
	if err != nil {
		return vm.NULL, err
	}
	k := int64(1)
	if !kv.IsNull() {
		if k, err = pyarg.Int(th, kv); err != nil {
			return vm.NULL, err
		}
	}
	n := len(items)
	if k < 0 {
		k = 0
	}
	out := make([]vm.Value, 0, k)
	if cumWeights.IsNull() || cumWeights.IsNone() {
		if weights.IsNull() || weights.IsNone() {
			if n == 0 && k > 0 {
				return vm.NULL, vm.NewError(vm.IndexErrorType, "list index out of range")
			}
			fn := float64(n)
			for i := int64(0); i < k; i++ {
				out = append(out, items[int(math.Floor(r.st.Float()*fn))])
			}
			return vm.NewList(out), nil
		}
		if weights.IsInt() {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "The number of choices must be a keyword argument: k=%d", weights.AsInt())
		}
		ws, err := vm.ToSlice(th, weights)
		if err != nil {
			return vm.NULL, err
		}
		acc := vm.Int(0)
		cum := make([]vm.Value, len(ws))
		for i, w := range ws {
			if i == 0 {
				acc = w
			} else if acc, err = vm.BinaryOp(th, compile.BinAdd, acc, w); err != nil {
				return vm.NULL, err
			}
			cum[i] = acc
		}
		cumWeights = vm.NewList(cum)
	} else if !weights.IsNull() && !weights.IsNone() {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "Cannot specify both weights and cumulative weights")
	}
	cvals, err := vm.ToSlice(th, cumWeights)
	if err != nil {
		return vm.NULL, err
	}
	if len(cvals) != n {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "The number of weights does not match the population")
	}
	if n == 0 {
		return vm.NULL, vm.NewError(vm.IndexErrorType, "list index out of range")
	}
	cum := make([]float64, n)
	for i, c := range cvals {
		f, err := pyarg.ToFloat(th, c)
		if err != nil {
			return vm.NULL, err
		}
		cum[i] = f
	}
	total := cum[n-1]
	if total <= 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "Total of weights must be greater than zero")
	}
	if math.IsInf(total, 0) || math.IsNaN(total) {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "Total of weights must be finite")
	}
	hi := n - 1
	for i := int64(0); i < k; i++ {
		x := r.st.Float() * total
		lo, h := 0, hi
		for lo < h {
			mid := (lo + h) / 2
			if x < cum[mid] {
				h = mid
			} else {
				lo = mid + 1
			}
		}
		out = append(out, items[lo])
	}
	return vm.NewList(out), nil
}
