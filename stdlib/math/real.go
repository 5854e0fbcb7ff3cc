package math

import (
	"math"
	"math/big"

	"github.com/pya-lang/pya/stdlib/internal/libm"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
)

// logOf is CPython's loghelper: ints of any size are handled through
// their bit length, so log(2**2000) works.
func logOf(th *vm.Thread, v vm.Value, f func(float64) float64) (float64, error) {
	if b, ok := pyarg.Big(v); ok {
		if b.Sign() <= 0 {
			return 0, domainError()
		}
		if b.BitLen() < 1000 {
			x, _ := new(big.Float).SetInt(b).Float64()
			return f(x), nil
		}
		e := b.BitLen()
		frac, _ := new(big.Float).SetMantExp(new(big.Float).SetInt(b), -e).Float64()
		return f(frac) + float64(e)*f(2.0), nil
	}
	x, err := pyarg.ToFloat(th, v)
	if err != nil {
		return 0, err
	}
	r := f(x)
	if math.IsNaN(r) && !math.IsNaN(x) || x == 0 {
		return 0, domainError()
	}
	if math.IsInf(r, 0) && !math.IsInf(x, 0) {
		return 0, domainError()
	}
	return r, nil
}

func logFn(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoKw("log", kwnames); err != nil {
		return vm.NULL, err
	}
	if len(args) < 1 || len(args) > 2 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "math.log requires 1 to 2 arguments")
	}
	num, err := logOf(th, args[0], libm.Log)
	if err != nil {
		return vm.NULL, err
	}
	if len(args) == 1 {
		return vm.Float(num), nil
	}
	den, err := logOf(th, args[1], libm.Log)
	if err != nil {
		return vm.NULL, err
	}
	if den == 0 {
		return vm.NULL, vm.NewError(vm.ZeroDivisionErrorType, "float division by zero")
	}
	return vm.Float(num / den), nil
}

func logN(name string, f func(float64) float64) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		if err := pyarg.One("math."+name, args, kwnames); err != nil {
			return vm.NULL, err
		}
		r, err := logOf(th, args[0], f)
		if err != nil {
			return vm.NULL, err
		}
		return vm.Float(r), nil
	}
}

// powFn is math.pow with CPython's special cases and errors.
func powFn(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	x, y, err := two(th, "pow", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	var r float64
	switch {
	case math.IsNaN(x) || math.IsNaN(y):
		if y == 0 {
			r = 1
		} else if x == 1 {
			r = 1
		} else {
			r = math.NaN()
		}
	case math.IsInf(x, 0) || math.IsInf(y, 0):
		r = libm.Pow(x, y)
	default:
		r = libm.Pow(x, y)
		if math.IsNaN(r) {
			return vm.NULL, domainError()
		}
		if math.IsInf(r, 0) {
			if x == 0 {
				return vm.NULL, domainError()
			}
			return vm.NULL, rangeError()
		}
	}
	return vm.Float(r), nil
}

func ldexp(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoKw("ldexp", kwnames); err != nil {
		return vm.NULL, err
	}
	if len(args) != 2 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "ldexp expected 2 arguments, got %d", len(args))
	}
	x, err := pyarg.ToFloat(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	eb, ok := pyarg.Big(args[1])
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "Expected an int as second argument to ldexp.")
	}
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return vm.Float(x), nil
	}
	e := int64(100000)
	if eb.IsInt64() && eb.Int64() < e {
		e = eb.Int64()
	}
	if e < -100000 {
		e = -100000
	}
	r := math.Ldexp(x, int(e))
	if math.IsInf(r, 0) {
		return vm.NULL, rangeError()
	}
	return vm.Float(r), nil
}

func frexp(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	x, err := one(th, "frexp", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return vm.NewTuple([]vm.Value{vm.Float(x), vm.Int(0)}), nil
	}
	f, e := math.Frexp(x)
	return vm.NewTuple([]vm.Value{vm.Float(f), vm.Int(int64(e))}), nil
}

func modf(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	x, err := one(th, "modf", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	if math.IsInf(x, 0) {
		return vm.NewTuple([]vm.Value{vm.Float(math.Copysign(0, x)), vm.Float(x)}), nil
	}
	i, f := math.Modf(x)
	return vm.NewTuple([]vm.Value{vm.Float(f), vm.Float(i)}), nil
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
func isclose(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var av, bv, relv, absv vm.Value
	if err := vm.ParseArgs("isclose", args, kwnames, []string{"a", "b", "$rel_tol?", "$abs_tol?"}, &av, &bv, &relv, &absv); err != nil {
		return vm.NULL, err
	}
	a, err := pyarg.ToFloat(th, av)
	if err != nil {
		return vm.NULL, err
	}
	b, err := pyarg.ToFloat(th, bv)
	if err != nil {
		return vm.NULL, err
	}
	rel, abs := 1e-09, 0.0
	if !relv.IsNull() {
		if rel, err = pyarg.ToFloat(th, relv); err != nil {
			return vm.NULL, err
		}
	}
	if !absv.IsNull() {
		if abs, err = pyarg.ToFloat(th, absv); err != nil {
			return vm.NULL, err
		}
	}
	if rel < 0 || abs < 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "tolerances must be non-negative")
	}
	if a == b {
		return vm.True, nil
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return vm.False, nil
	}
	diff := math.Abs(b - a)
	return vm.Bool(diff <= math.Abs(rel*b) || diff <= math.Abs(rel*a) || diff <= abs), nil
}

// floatToInt converts an integral float to an int with CPython's errors.
func floatToInt(f float64) (vm.Value, error) {
	if math.IsInf(f, 0) {
		return vm.NULL, vm.NewError(vm.OverflowErrorType, "cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "cannot convert float NaN to integer")
	}
	if math.Abs(f) < 1<<62 {
		return vm.Int(int64(f)), nil
	}
	b, _ := new(big.Float).SetFloat64(f).Int(nil)
	return vm.NewBigInt(b), nil
}

// rounding is floor/ceil: ints unchanged, floats to int, else the dunder.
func rounding(name, dunder string, f func(float64) float64) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		if err := pyarg.One("math."+name, args, kwnames); err != nil {
			return vm.NULL, err
		}
		v := args[0]
		if _, ok := pyarg.Big(v); ok {
			return pyarg.Index(th, v)
		}
		if v.IsFloat() {
			return floatToInt(f(v.AsFloat()))
		}
		if m := v.Type().Lookup(dunder); !m.IsNull() {
			return vm.CallUnbound(th, m, v)
		}
		x, err := pyarg.ToFloat(th, v)
		if err != nil {
			return vm.NULL, err
		}
		return floatToInt(f(x))
	}
}

func trunc(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.One("math.trunc", args, kwnames); err != nil {
		return vm.NULL, err
	}
	v := args[0]
	if _, ok := pyarg.Big(v); ok {
		return pyarg.Index(th, v)
	}
	if v.IsFloat() {
		return floatToInt(math.Trunc(v.AsFloat()))
	}
	if m := v.Type().Lookup("__trunc__"); !m.IsNull() {
		return vm.CallUnbound(th, m, v)
	}
	return vm.NULL, vm.NewError(vm.TypeErrorType, "type %s doesn't define __trunc__ method", v.Type().Name)
}

// fsum is CPython's math_fsum (Shewchuk's exact partials, correctly rounded).
func fsum(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.One("math.fsum", args, kwnames); err != nil {
		return vm.NULL, err
	}
	var p []float64
	specialSum, infSum := 0.0, 0.0
	err := vm.Iterate(th, args[0], func(item vm.Value) error {
		x, err := pyarg.ToFloat(th, item)
		if err != nil {
			return err
		}
		xsave := x
		i := 0
		for _, y := range p {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			lo := y - (hi - x)
			if lo != 0 {
				p[i] = lo
				i++
			}
			x = hi
		}
		p = p[:i]
		if x != 0 {
			if math.IsInf(x, 0) || math.IsNaN(x) {
				if !math.IsInf(xsave, 0) && !math.IsNaN(xsave) {
					return vm.NewError(vm.OverflowErrorType, "intermediate overflow in fsum")
				}
				if math.IsInf(xsave, 0) {
					infSum += xsave
				}
				specialSum += xsave
				p = p[:0]
			} else {
				p = append(p, x)
			}
		}
		return nil
	})
	if err != nil {
		return vm.NULL, err
	}
	if specialSum != 0 {
		if math.IsNaN(infSum) {
			return vm.NULL, vm.NewError(vm.ValueErrorType, "-inf + inf in fsum")
		}
		return vm.Float(specialSum), nil
	}
	hi, lo := 0.0, 0.0
	n := len(p)
	if n > 0 {
		n--
		hi = p[n]
		for n > 0 {
			x := hi
			n--
			y := p[n]
			hi = x + y
			lo = y - (hi - x)
			if lo != 0 {
				break
			}
		}
		if n > 0 && ((lo < 0 && p[n-1] < 0) || (lo > 0 && p[n-1] > 0)) {
			y := lo * 2
			x := hi + y
			if y == x-hi {
				hi = x
			}
		}
	}
	return vm.Float(hi), nil
}

// vectorNorm is CPython 3.11's vector_norm: an accurately rounded
// Euclidean norm.
func vectorNorm(vec []float64, max float64, foundNaN bool) float64 {
	if math.IsInf(max, 0) {
		return max
	}
	if foundNaN {
		return math.NaN()
	}
	if max == 0 || len(vec) <= 1 {
		return max
	}
	_, maxE := math.Frexp(max)
	if maxE < -1023 {
		const dblMin = 2.2250738585072014e-308
		for i := range vec {
			vec[i] /= dblMin
		}
		return dblMin * vectorNorm(vec, max/dblMin, foundNaN)
	}
	scale := math.Ldexp(1.0, -maxE)
	csum, frac1, frac2 := 1.0, 0.0, 0.0
	for _, x := range vec {
		x *= scale
		prHi := x * x
		prLo := math.FMA(x, x, -prHi)
		smHi := csum + prHi
		smLo := (csum - smHi) + prHi
		csum = smHi
		frac1 += prLo
		frac2 += smLo
	}
	h := math.Sqrt(csum - 1.0 + (frac1 + frac2))
	prHi := -h * h
	prLo := math.FMA(-h, h, -prHi)
	smHi := csum + prHi
	smLo := (csum - smHi) + prHi
	csum = smHi
	frac1 += prLo
	frac2 += smLo
	x := csum - 1.0 + (frac1 + frac2)
	return (h + x/(2.0*h)) / scale
}

func norm(vec []float64) float64 {
	max, nan := 0.0, false
	for i, x := range vec {
		x = math.Abs(x)
		vec[i] = x
		nan = nan || math.IsNaN(x)
		if x > max {
			max = x
		}
	}
	return vectorNorm(vec, max, nan)
}

func hypot(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoKw("math.hypot", kwnames); err != nil {
		return vm.NULL, err
	}
	vec := make([]float64, len(args))
	for i, a := range args {
		x, err := pyarg.ToFloat(th, a)
		if err != nil {
			return vm.NULL, err
		}
		vec[i] = x
	}
	return vm.Float(norm(vec)), nil
}

func dist(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoKw("dist", kwnames); err != nil {
		return vm.NULL, err
	}
	if len(args) != 2 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "dist expected 2 arguments, got %d", len(args))
	}
	p, err := vm.ToSlice(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	q, err := vm.ToSlice(th, args[1])
	if err != nil {
		return vm.NULL, err
	}
	if len(p) != len(q) {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "both points must have the same number of dimensions")
	}
	vec := make([]float64, len(p))
	for i := range p {
		a, err := pyarg.ToFloat(th, p[i])
		if err != nil {
			return vm.NULL, err
		}
		b, err := pyarg.ToFloat(th, q[i])
		if err != nil {
			return vm.NULL, err
		}
		vec[i] = a - b
	}
	return vm.Float(norm(vec)), nil
}

// prod(iterable, *, start=1)
func prod(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var it, start vm.Value
	if err := vm.ParseArgs("prod", args, kwnames, []string{"iterable", "$start?"}, &it, &start); err != nil {
		return vm.NULL, err
	}
	acc := vm.Int(1)
	if !start.IsNull() {
		acc = start
	}
	err := vm.Iterate(th, it, func(x vm.Value) error {
		r, err := vm.BinaryOp(th, compile.BinMul, acc, x)
		acc = r
		return err
	})
	if err != nil {
		return vm.NULL, err
	}
	return acc, nil
}
