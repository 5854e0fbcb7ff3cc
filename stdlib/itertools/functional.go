package itertools

import (
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
)

// fnIter is the state shared by the iterators that apply a function or
// predicate to one source: accumulate, starmap, takewhile, dropwhile,
// filterfalse, pairwise, compress.
type fnIter struct {
	typ     *vm.Type
	kind    byte
	fn      vm.Value
	it      vm.Value
	sel     vm.Value // compress selectors
	acc     vm.Value // accumulate total / pairwise previous
	initial vm.Value
	started bool
	done    bool
}

func (f *fnIter) Type() *vm.Type { return f.typ }

func fnNew(name string, kind byte, params []string) func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	return func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
		vals := make([]vm.Value, len(params))
		ptrs := make([]*vm.Value, len(params))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if kind != 'a' {
			if err := noKw(name, kwnames); err != nil {
				return vm.NULL, err
			}
			if len(args) != len(params) {
				return vm.NULL, vm.NewError(vm.TypeErrorType, "%s expected %d arguments, got %d", name, len(params), len(args))
			}
		}
		if err := vm.ParseArgs(name, args, kwnames, params, ptrs...); err != nil {
			return vm.NULL, err
		}
		f := &fnIter{typ: t, kind: kind}
		var src vm.Value
		switch kind {
		case 'a': // accumulate(iterable, func=None, *, initial=None)
			src, f.fn, f.initial = vals[0], vals[1], vals[2]
			if f.fn.IsNone() {
				f.fn = vm.NULL
			}
			if f.initial.IsNone() {
				f.initial = vm.NULL
			}
		case 'p': // pairwise(iterable)
			src = vals[0]
		case 'c': // compress(data, selectors)
			src = vals[0]
			sel, err := vm.Iter(th, vals[1])
			if err != nil {
				return vm.NULL, err
			}
			f.sel = sel
		default: // starmap, takewhile, dropwhile, filterfalse: (function, iterable)
			f.fn, src = vals[0], vals[1]
		}
		it, err := vm.Iter(th, src)
		if err != nil {
			return vm.NULL, err
		}
		f.it = it
		return vm.ObjectValue(f), nil
	}
}

func truth(th *vm.Thread, fn, x vm.Value) (bool, error) {
	r := x
	if !fn.IsNone() {
		var err error
		if r, err = th.Call(fn, []vm.Value{x}, nil); err != nil {
			return false, err
		}
	}
	return vm.Truth(th, r)
}

func fnNext(th *vm.Thread, v vm.Value) (vm.Value, error) {
	f := v.Object().(*fnIter)
	if f.done {
		return vm.NULL, nil
	}
	switch f.kind {
	case 'a':
		if !f.started && !f.initial.IsNull() {
			f.started, f.acc = true, f.initial
			return f.acc, nil
		}
		x, err := vm.Next(th, f.it)
		if err != nil || x.IsNull() {
			return vm.NULL, err
		}
		if !f.started {
			f.started, f.acc = true, x
			return x, nil
		}
		if f.fn.IsNull() {
			f.acc, err = vm.BinaryOp(th, compile.BinAdd, f.acc, x)
		} else {
			f.acc, err = th.Call(f.fn, []vm.Value{f.acc, x}, nil)
		}
		if err != nil {
			return vm.NULL, err
		}
		return f.acc, nil
	case 'p':
		if !f.started {
			f.started = true
			x, err := vm.Next(th, f.it)
			if err != nil || x.IsNull() {
				f.done = true
				return vm.NULL, err
			}
			f.acc = x
		}
		x, err := vm.Next(th, f.it)
		if err != nil || x.IsNull() {
			f.done = true
			return vm.NULL, err
		}
		prev := f.acc
		f.acc = x
		return vm.NewTuple([]vm.Value{prev, x}), nil
	case 'c':
		for {
			x, err := vm.Next(th, f.it)
			if err != nil || x.IsNull() {
				return vm.NULL, err
			}
			s, err := vm.Next(th, f.sel)
			if err != nil || s.IsNull() {
				return vm.NULL, err
			}
			ok, err := vm.Truth(th, s)
			if err != nil {
				return vm.NULL, err
			}
			if ok {
				return x, nil
			}
		}
	case 's':
		x, err := vm.Next(th, f.it)
		if err != nil || x.IsNull() {
			return vm.NULL, err
		}
		args, err := vm.ToSlice(th, x)
		if err != nil {
			return vm.NULL, err
		}
		return th.Call(f.fn, args, nil)
	case 't':
		x, err := vm.Next(th, f.it)
		if err != nil || x.IsNull() {
			return vm.NULL, err
		}
		ok, err := truth(th, f.fn, x)
		if err != nil {
			return vm.NULL, err
		}
		if !ok {
			f.done = true
			return vm.NULL, nil
		}
		return x, nil
	case 'd':
		for {
			x, err := vm.Next(th, f.it)
			if err != nil || x.IsNull() {
				return vm.NULL, err
			}
			if f.started {
				return x, nil
			}
			ok, err := truth(th, f.fn, x)
			if err != nil {
				return vm.NULL, err
			}
			if !ok {
				f.started = true
				return x, nil
			}
		}
	case 'f':
		for {
			x, err := vm.Next(th, f.it)
			if err != nil || x.IsNull() {
				return vm.NULL, err
			}
			ok, err := truth(th, f.fn, x)
			if err != nil {
				return vm.NULL, err
			}
			if !ok {
				return x, nil
			}
		}
	}
	return vm.NULL, nil
}

var _ = register(iterType("accumulate", fnNew("accumulate", 'a', []string{"iterable", "func?", "$initial?"}), fnNext))
var _ = register(iterType("pairwise", fnNew("pairwise", 'p', []string{"iterable"}), fnNext))
var _ = register(iterType("compress", fnNew("compress", 'c', []string{"data", "selectors"}), fnNext))
var _ = register(iterType("starmap", fnNew("starmap", 's', []string{"function", "iterable"}), fnNext))
var _ = register(iterType("takewhile", fnNew("takewhile", 't', []string{"predicate", "iterable"}), fnNext))
var _ = register(iterType("dropwhile", fnNew("dropwhile", 'd', []string{"predicate", "iterable"}), fnNext))
var _ = register(iterType("filterfalse", fnNew("filterfalse", 'f', []string{"function", "iterable"}), fnNext))

// ---- zip_longest(*iterables, fillvalue=None)

type zipLongest struct {
	typ    *vm.Type
	its    []vm.Value // NULL once exhausted
	active int
	fill   vm.Value
}

func (z *zipLongest) Type() *vm.Type { return z.typ }

var _ = register(iterType("zip_longest", func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	npos := len(args) - len(kwnames)
	z := &zipLongest{typ: t, fill: vm.None}
	for i, k := range kwnames {
		if k != "fillvalue" {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "zip_longest() got an unexpected keyword argument '%s'", k)
		}
		z.fill = args[npos+i]
	}
	for _, a := range args[:npos] {
		it, err := vm.Iter(th, a)
		if err != nil {
			return vm.NULL, err
		}
		z.its = append(z.its, it)
	}
	z.active = len(z.its)
	return vm.ObjectValue(z), nil
}, func(th *vm.Thread, v vm.Value) (vm.Value, error) {
	z := v.Object().(*zipLongest)
	if z.active == 0 {
		return vm.NULL, nil
	}
	out := make([]vm.Value, len(z.its))
	for i, it := range z.its {
		if it.IsNull() {
			out[i] = z.fill
			continue
		}
		x, err := vm.Next(th, it)
		if err != nil {
			return vm.NULL, err
		}
		if x.IsNull() {
			z.its[i] = vm.NULL
			z.active--
			if z.active == 0 {
				return vm.NULL, nil
			}
			x = z.fill
		}
		out[i] = x
	}
	return vm.NewTuple(out), nil
}))

// ---- groupby(iterable, key=None)

type groupBy struct {
	typ                      *vm.Type
	it, key                  vm.Value
	tgtKey, curKey, curValue vm.Value
	currGrouper              *grouper
	exhausted                bool
}

func (g *groupBy) Type() *vm.Type { return g.typ }

type grouper struct {
	parent *groupBy
	tgtKey vm.Value
}

func (*grouper) Type() *vm.Type { return grouperType }

var grouperType = func() *vm.Type {
	t := vm.MakeNativeType("_grouper", "itertools", nil)
	t.Next = grouperNext
	vm.IteratorMethods(t)
	return t
}()

// step advances the parent to its next (key, value).
func (g *groupBy) step(th *vm.Thread) (bool, error) {
	x, err := vm.Next(th, g.it)
	if err != nil {
		return false, err
	}
	if x.IsNull() {
		g.exhausted = true
		return false, nil
	}
	k := x
	if !g.key.IsNull() && !g.key.IsNone() {
		if k, err = th.Call(g.key, []vm.Value{x}, nil); err != nil {
			return false, err
		}
	}
	g.curValue, g.curKey = x, k
	return true, nil
}

func groupByNext(th *vm.Thread, v vm.Value) (vm.Value, error) {
	g := v.Object().(*groupBy)
	g.currGrouper = nil
	for {
		if g.curKey.IsNull() {
			if g.exhausted {
				return vm.NULL, nil
			}
			ok, err := g.step(th)
			if err != nil || !ok {
				return vm.NULL, err
			}
			if g.tgtKey.IsNull() {
				break
			}
		}
		if g.tgtKey.IsNull() {
			break
		}
		eq, err := vm.Equal(th, g.tgtKey, g.curKey)
		if err != nil {
			return vm.NULL, err
		}
		if !eq {
			break
		}
		g.curKey = vm.NULL
	}
	g.tgtKey = g.curKey
	gr := &grouper{parent: g, tgtKey: g.tgtKey}
	g.currGrouper = gr
	return vm.NewTuple([]vm.Value{g.curKey, vm.ObjectValue(gr)}), nil
}

func grouperNext(th *vm.Thread, v vm.Value) (vm.Value, error) {
	gr := v.Object().(*grouper)
	g := gr.parent
	if g.currGrouper != gr {
		return vm.NULL, nil
	}
	if g.curValue.IsNull() || g.curKey.IsNull() {
		if g.exhausted {
			return vm.NULL, nil
		}
		ok, err := g.step(th)
		if err != nil || !ok {
			return vm.NULL, err
		}
	}
	eq, err := vm.Equal(th, gr.tgtKey, g.curKey)
	if err != nil {
		return vm.NULL, err
	}
	if !eq {
		return vm.NULL, nil
	}
	r := g.curValue
	g.curValue, g.curKey = vm.NULL, vm.NULL
	return r, nil
}

var _ = register(iterType("groupby", func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	var it, key vm.Value
	if err := vm.ParseArgs("groupby", args, kwnames, []string{"iterable", "key?"}, &it, &key); err != nil {
		return vm.NULL, err
	}
	iter, err := vm.Iter(th, it)
	if err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(&groupBy{typ: t, it: iter, key: key}), nil
}, groupByNext))

// ---- tee(iterable, n=2)

type teeData struct {
	it     vm.Value
	buf    []vm.Value
	offset int // index in the whole stream of buf[0]
	pos    []int
}

type teeObj struct {
	data *teeData
	id   int
}

func (*teeObj) Type() *vm.Type { return teeType }

var teeType = func() *vm.Type {
	t := vm.MakeNativeType("_tee", "itertools", nil)
	t.Next = func(th *vm.Thread, v vm.Value) (vm.Value, error) {
		o := v.Object().(*teeObj)
		d := o.data
		p := d.pos[o.id]
		if p-d.offset >= len(d.buf) {
			if d.it.IsNull() {
				return vm.NULL, nil
			}
			x, err := vm.Next(th, d.it)
			if err != nil {
				return vm.NULL, err
			}
			if x.IsNull() {
				d.it = vm.NULL
				return vm.NULL, nil
			}
			d.buf = append(d.buf, x)
		}
		x := d.buf[p-d.offset]
		d.pos[o.id]++
		// Drop items every tee has consumed.
		min := d.pos[0]
		for _, q := range d.pos {
			if q < min {
				min = q
			}
		}
		if k := min - d.offset; k > 64 && k*2 > len(d.buf) {
			d.buf = append([]vm.Value(nil), d.buf[k:]...)
			d.offset = min
		}
		return x, nil
	}
	vm.IteratorMethods(t)
	return t
}()

func tee(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var it, nv vm.Value
	if err := vm.ParseArgs("tee", args, kwnames, []string{"iterable", "n?"}, &it, &nv); err != nil {
		return vm.NULL, err
	}
	n := int64(2)
	if !nv.IsNull() {
		if !nv.IsInt() {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "'%s' object cannot be interpreted as an integer", nv.Type().Name)
		}
		n = nv.AsInt()
	}
	if n < 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "n must be >= 0")
	}
	iter, err := vm.Iter(th, it)
	if err != nil {
		return vm.NULL, err
	}
	d := &teeData{it: iter, pos: make([]int, n)}
	out := make([]vm.Value, n)
	for i := range out {
		out[i] = vm.ObjectValue(&teeObj{data: d, id: i})
	}
	return vm.NewTuple(out), nil
}
