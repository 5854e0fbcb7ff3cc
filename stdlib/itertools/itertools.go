// Package itertools is pya's itertools module: lazy iterator types written
// in Go, following CPython's itertoolsmodule.c (argument errors, reprs of
// count and repeat, the order of produced items).
package itertools

import (
	"strconv"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
)

// iterType makes an itertools type named name with the given constructor
// and next function.
func iterType(name string, newFn func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error),
	next func(th *vm.Thread, v vm.Value) (vm.Value, error)) *vm.Type {
	t := vm.MakeNativeType(name, "itertools", nil)
	t.New = newFn
	t.Next = next
	vm.IteratorMethods(t)
	return t
}

var types = map[string]*vm.Type{}

func register(t *vm.Type) *vm.Type {
	types[t.Name] = t
	return t
}

func init() {
	vm.RegisterModule("itertools", func(th *vm.Thread, m *vm.Module) error {
		for name, t := range types {
			m.Dict.SetStr(name, vm.ObjectValue(t))
		}
		pyarg.Funcs(m.Dict, map[string]vm.NativeFunc{"tee": tee})
		return nil
	})
}

func noKw(name string, kwnames []string) error {
	if len(kwnames) > 0 {
		return vm.NewError(vm.TypeErrorType, "%s() takes no keyword arguments", name)
	}
	return nil
}

func iterOf(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.Iter(th, v) }

// ---- count(start=0, step=1)

type countObj struct {
	typ       *vm.Type
	cur, step vm.Value
	fast      bool // cur and step are small ints
	ci, cstep int64
}

func (c *countObj) Type() *vm.Type { return c.typ }

var countType = register(iterType("count", countNew, countNext))

func init() {
	countType.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		c := v.Object().(*countObj)
		cur := c.cur
		if c.fast {
			cur = vm.Int(c.ci)
		}
		s, err := vm.Repr(th, cur)
		if err != nil {
			return "", err
		}
		if !(c.step.IsInt() && c.step.AsInt() == 1) {
			st, err := vm.Repr(th, c.step)
			if err != nil {
				return "", err
			}
			return "count(" + s + ", " + st + ")", nil
		}
		return "count(" + s + ")", nil
	}
}

func countNew(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	var start, step vm.Value
	if err := vm.ParseArgs("count", args, kwnames, []string{"start?", "step?"}, &start, &step); err != nil {
		return vm.NULL, err
	}
	if start.IsNull() {
		start = vm.Int(0)
	}
	if step.IsNull() {
		step = vm.Int(1)
	}
	for _, v := range []vm.Value{start, step} {
		if _, ok := pyarg.Float(v); !ok && v.Type().Lookup("__add__").IsNull() {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "a number is required")
		}
	}
	c := &countObj{typ: t, cur: start, step: step}
	if start.IsInt() && step.IsInt() {
		c.fast, c.ci, c.cstep = true, start.AsInt(), step.AsInt()
	}
	return vm.ObjectValue(c), nil
}

func countNext(th *vm.Thread, v vm.Value) (vm.Value, error) {
	c := v.Object().(*countObj)
	if c.fast {
		r := c.ci
		if n := r + c.cstep; (n > r) == (c.cstep > 0) || c.cstep == 0 {
			c.ci = n
			return vm.Int(r), nil
		}
		c.fast, c.cur = false, vm.Int(r)
	}
	r := c.cur
	n, err := vm.BinaryOp(th, compile.BinAdd, c.cur, c.step)
	if err != nil {
		return vm.NULL, err
	}
	c.cur = n
	return r, nil
}

// ---- cycle(iterable)

type cycleObj struct {
	typ   *vm.Type
	it    vm.Value
	saved []vm.Value
	i     int
	done  bool
}

func (c *cycleObj) Type() *vm.Type { return c.typ }

var _ = register(iterType("cycle", func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := noKw("cycle", kwnames); err != nil {
		return vm.NULL, err
	}
	if len(args) != 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "cycle expected 1 argument, got %d", len(args))
	}
	it, err := iterOf(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(&cycleObj{typ: t, it: it}), nil
}, func(th *vm.Thread, v vm.Value) (vm.Value, error) {
	c := v.Object().(*cycleObj)
	if !c.done {
		x, err := vm.Next(th, c.it)
		if err != nil {
			return vm.NULL, err
		}
		if !x.IsNull() {
			c.saved = append(c.saved, x)
			return x, nil
		}
		c.done = true
	}
	if len(c.saved) == 0 {
		return vm.NULL, nil
	}
	x := c.saved[c.i]
	c.i = (c.i + 1) % len(c.saved)
	return x, nil
}))

// ---- repeat(object[, times])

type repeatObj struct {
	typ   *vm.Type
	obj   vm.Value
	times int64 // -1: forever
}

func (r *repeatObj) Type() *vm.Type { return r.typ }

var repeatType = register(iterType("repeat", func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	var obj, times vm.Value
	if err := vm.ParseArgs("repeat", args, kwnames, []string{"object", "times?"}, &obj, &times); err != nil {
		return vm.NULL, err
	}
	r := &repeatObj{typ: t, obj: obj, times: -1}
	if !times.IsNull() {
		n, err := pyarg.Int(th, times)
		if err != nil {
			return vm.NULL, err
		}
		if n < 0 {
			n = 0
		}
		r.times = n
	}
	return vm.ObjectValue(r), nil
}, func(th *vm.Thread, v vm.Value) (vm.Value, error) {
	r := v.Object().(*repeatObj)
	if r.times == 0 {
		return vm.NULL, nil
	}
	if r.times > 0 {
		r.times--
	}
	return r.obj, nil
}))

func init() {
	repeatType.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		r := v.Object().(*repeatObj)
		s, err := vm.Repr(th, r.obj)
		if err != nil {
			return "", err
		}
		if r.times >= 0 {
			return "repeat(" + s + ", " + itoa(r.times) + ")", nil
		}
		return "repeat(" + s + ")", nil
	}
	repeatType.Len = nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// ---- chain(*iterables), chain.from_iterable(iterable)

type chainObj struct {
	typ    *vm.Type
	source vm.Value // iterator over the iterables
	cur    vm.Value // current iterator, NULL between iterables
}

func (c *chainObj) Type() *vm.Type { return c.typ }

var chainType = register(iterType("chain", func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := noKw("chain", kwnames); err != nil {
		return vm.NULL, err
	}
	src, err := vm.Iter(th, vm.NewTuple(append([]vm.Value(nil), args...)))
	if err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(&chainObj{typ: t, source: src}), nil
}, func(th *vm.Thread, v vm.Value) (vm.Value, error) {
	c := v.Object().(*chainObj)
	for {
		if c.cur.IsNull() {
			if c.source.IsNull() {
				return vm.NULL, nil
			}
			next, err := vm.Next(th, c.source)
			if err != nil {
				return vm.NULL, err
			}
			if next.IsNull() {
				c.source = vm.NULL
				return vm.NULL, nil
			}
			if c.cur, err = vm.Iter(th, next); err != nil {
				return vm.NULL, err
			}
		}
		x, err := vm.Next(th, c.cur)
		if err != nil {
			return vm.NULL, err
		}
		if !x.IsNull() {
			return x, nil
		}
		c.cur = vm.NULL
	}
}))

func init() {
	chainType.Dict.SetStr("from_iterable", vm.NewBuiltin("from_iterable", func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		if err := pyarg.Exactly("from_iterable", args, kwnames, 1); err != nil {
			return vm.NULL, err
		}
		src, err := vm.Iter(th, args[0])
		if err != nil {
			return vm.NULL, err
		}
		return vm.ObjectValue(&chainObj{typ: chainType, source: src}), nil
	}))
}

// ---- islice(iterable, stop) / islice(iterable, start, stop[, step])

type isliceObj struct {
	typ                 *vm.Type
	it                  vm.Value
	next, stop, step, i int64 // stop -1: none
}

func (s *isliceObj) Type() *vm.Type { return s.typ }

func sliceArg(th *vm.Thread, v vm.Value, msg string) (int64, error) {
	if v.IsNone() {
		return -1, nil
	}
	n, err := pyarg.Int(th, v)
	if err != nil || n < 0 {
		return 0, vm.NewError(vm.ValueErrorType, "%s", msg)
	}
	return n, nil
}

var _ = register(iterType("islice", func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := noKw("islice", kwnames); err != nil {
		return vm.NULL, err
	}
	if len(args) < 2 || len(args) > 4 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "islice expected at most 4 arguments, got %d", len(args))
	}
	s := &isliceObj{typ: t, stop: -1, step: 1}
	var err error
	if len(args) == 2 {
		if s.stop, err = sliceArg(th, args[1], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."); err != nil {
			return vm.NULL, err
		}
	} else {
		const idxMsg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
		if s.next, err = sliceArg(th, args[1], idxMsg); err != nil {
			return vm.NULL, err
		}
		if s.next < 0 {
			s.next = 0
		}
		if s.stop, err = sliceArg(th, args[2], idxMsg); err != nil {
			return vm.NULL, err
		}
		if len(args) == 4 && !args[3].IsNone() {
			st, err := pyarg.Int(th, args[3])
			if err != nil || st <= 0 {
				return vm.NULL, vm.NewError(vm.ValueErrorType, "Step for islice() must be a positive integer or None.")
			}
			s.step = st
		}
	}
	if s.it, err = iterOf(th, args[0]); err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(s), nil
}, func(th *vm.Thread, v vm.Value) (vm.Value, error) {
	s := v.Object().(*isliceObj)
	if s.it.IsNull() {
		return vm.NULL, nil
	}
	for s.i < s.next {
		if s.stop >= 0 && s.i >= s.stop {
			s.it = vm.NULL
			return vm.NULL, nil
		}
		x, err := vm.Next(th, s.it)
		if err != nil || x.IsNull() {
			s.it = vm.NULL
			return vm.NULL, err
		}
		s.i++
	}
	if s.stop >= 0 && s.i >= s.stop {
		s.it = vm.NULL
		return vm.NULL, nil
	}
	x, err := vm.Next(th, s.it)
	if err != nil || x.IsNull() {
		s.it = vm.NULL
		return vm.NULL, err
	}
	s.i++
	s.next += s.step
	if s.stop >= 0 && s.next > s.stop {
		s.next = s.stop
	}
	return x, nil
}))
