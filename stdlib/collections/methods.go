package collections

import (
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

var dequeMethods = map[string]vm.NativeFunc{
	"append": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "append")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("append", rest, kw, 1); err != nil {
			return vm.NULL, err
		}
		d.PushBack(rest[0])
		return vm.None, nil
	},
	"appendleft": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "appendleft")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("appendleft", rest, kw, 1); err != nil {
			return vm.NULL, err
		}
		d.PushFront(rest[0])
		return vm.None, nil
	},
	"pop": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "pop")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("pop", rest, kw, 0); err != nil {
			return vm.NULL, err
		}
		v := d.PopBack()
		if v.IsNull() {
			return vm.NULL, vm.NewError(vm.IndexErrorType, "pop from an empty deque")
		}
		return v, nil
	},
	"popleft": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "popleft")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("popleft", rest, kw, 0); err != nil {
			return vm.NULL, err
		}
		v := d.PopFront()
		if v.IsNull() {
			return vm.NULL, vm.NewError(vm.IndexErrorType, "pop from an empty deque")
		}
		return v, nil
	},
	"extend": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "extend")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("extend", rest, kw, 1); err != nil {
			return vm.NULL, err
		}
		items, err := vm.ToSlice(th, rest[0])
		if err != nil {
			return vm.NULL, err
		}
		for _, x := range items {
			d.PushBack(x)
		}
		return vm.None, nil
	},
	"extendleft": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "extendleft")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("extendleft", rest, kw, 1); err != nil {
			return vm.NULL, err
		}
		items, err := vm.ToSlice(th, rest[0])
		if err != nil {
			return vm.NULL, err
		}
		for _, x := range items {
			d.PushFront(x)
		}
		return vm.None, nil
	},
	"clear": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "clear")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("clear", rest, kw, 0); err != nil {
			return vm.NULL, err
		}
		d.setItems(nil)
		return vm.None, nil
	},
	"copy": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "copy")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("copy", rest, kw, 0); err != nil {
			return vm.NULL, err
		}
		nd := &Deque{typ: d.typ, maxlen: d.maxlen}
		nd.setItems(d.Items())
		return vm.ObjectValue(nd), nil
	},
	"__copy__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, _, err := self(args, "__copy__")
		if err != nil {
			return vm.NULL, err
		}
		nd := &Deque{typ: d.typ, maxlen: d.maxlen}
		nd.setItems(d.Items())
		return vm.ObjectValue(nd), nil
	},
	// __reduce__ is (type(d), () or ((), maxlen), None, iter(d)): copy and
	// deepcopy rebuild the deque through append, as CPython's.
	"__reduce__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "__reduce__")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("__reduce__", rest, kw, 0); err != nil {
			return vm.NULL, err
		}
		it, err := dequeIter(th, args[0])
		if err != nil {
			return vm.NULL, err
		}
		ctor := vm.NewTuple(nil)
		if d.maxlen >= 0 {
			ctor = vm.NewTuple([]vm.Value{vm.NewTuple(nil), vm.Int(int64(d.maxlen))})
		}
		return vm.NewTuple([]vm.Value{vm.ObjectValue(d.typ), ctor, vm.None, it}), nil
	},
	"count": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "count")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("count", rest, kw, 1); err != nil {
			return vm.NULL, err
		}
		n := 0
		for _, x := range d.Items() {
			eq, err := vm.Equal(th, x, rest[0])
			if err != nil {
				return vm.NULL, err
			}
			if eq {
				n++
			}
		}
		return vm.Int(int64(n)), nil
	},
	"index": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "index")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Range("index", rest, kw, 1, 3); err != nil {
			return vm.NULL, err
		}
		start, stop := 0, d.n
		if len(rest) > 1 {
			s, err := pyarg.Int(th, rest[1])
			if err != nil {
				return vm.NULL, err
			}
			start = clampIndex(int(s), d.n)
		}
		if len(rest) > 2 {
			s, err := pyarg.Int(th, rest[2])
			if err != nil {
				return vm.NULL, err
			}
			stop = clampIndex(int(s), d.n)
		}
		for i := start; i < stop && i < d.n; i++ {
			eq, err := vm.Equal(th, d.at(i), rest[0])
			if err != nil {
				return vm.NULL, err
			}
			if eq {
				return vm.Int(int64(i)), nil
			}
		}
		r, err := vm.Repr(th, rest[0])
		if err != nil {
			return vm.NULL, err
		}
		return vm.NULL, vm.NewError(vm.ValueErrorType, "%s is not in deque", r)
	},
	"insert": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "insert")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("insert", rest, kw, 2); err != nil {
			return vm.NULL, err
		}
		if d.maxlen >= 0 && d.n >= d.maxlen {
			return vm.NULL, vm.NewError(vm.IndexErrorType, "deque already at its maximum size")
		}
		i, err := pyarg.Int(th, rest[0])
		if err != nil {
			return vm.NULL, err
		}
		at := clampIndex(int(i), d.n)
		items := d.Items()
		items = append(items[:at], append([]vm.Value{rest[1]}, items[at:]...)...)
		d.setItems(items)
		return vm.None, nil
	},
	"remove": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "remove")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("remove", rest, kw, 1); err != nil {
			return vm.NULL, err
		}
		i, err := dequeFind(th, d, rest[0])
		if err != nil {
			return vm.NULL, err
		}
		if i < 0 {
			r, err := vm.Repr(th, rest[0])
			if err != nil {
				return vm.NULL, err
			}
			return vm.NULL, vm.NewError(vm.ValueErrorType, "%s is not in deque", r)
		}
		items := d.Items()
		d.setItems(append(items[:i], items[i+1:]...))
		return vm.None, nil
	},
	"reverse": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "reverse")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Exactly("reverse", rest, kw, 0); err != nil {
			return vm.NULL, err
		}
		items := d.Items()
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
		d.setItems(items)
		return vm.None, nil
	},
	"rotate": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, rest, err := self(args, "rotate")
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.Range("rotate", rest, kw, 0, 1); err != nil {
			return vm.NULL, err
		}
		n := int64(1)
		if len(rest) == 1 {
			if n, err = pyarg.Int(th, rest[0]); err != nil {
				return vm.NULL, err
			}
		}
		if d.n == 0 {
			return vm.None, nil
		}
		k := int(n % int64(d.n))
		if k < 0 {
			k += d.n
		}
		items := d.Items()
		d.setItems(append(items[d.n-k:], items[:d.n-k]...))
		return vm.None, nil
	},
	"__reversed__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		d, _, err := self(args, "__reversed__")
		if err != nil {
			return vm.NULL, err
		}
		return vm.ObjectValue(&dequeIterator{d: d, state: d.state, rev: true}), nil
	},
}

func clampIndex(i, n int) int {
	if i < 0 {
		i += n
		if i < 0 {
			i = 0
		}
	}
	if i > n {
		i = n
	}
	return i
}
