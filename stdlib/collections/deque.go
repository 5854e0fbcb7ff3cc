// Package collections provides the _collections module: deque, written
// in Go as a ring buffer (asyncio-style code uses it as a queue). The rest
// of collections (namedtuple, Counter, OrderedDict, defaultdict, ChainMap)
// is written in pya in stdlib/pymod/collections.py.
package collections

import (
	"strconv"
	"strings"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
)

// DequeType is collections.deque.
var DequeType = vm.MakeNativeType("deque", "collections", nil)

// Deque is a double-ended queue: a ring buffer of n items starting at head.
type Deque struct {
	typ    *vm.Type
	buf    []vm.Value
	head   int
	n      int
	maxlen int // -1: unbounded
	state  int // bumped by mutations, to detect mutation during iteration
}

func (d *Deque) Type() *vm.Type { return d.typ }

func (d *Deque) at(i int) vm.Value { return d.buf[(d.head+i)%len(d.buf)] }

func (d *Deque) set(i int, v vm.Value) { d.buf[(d.head+i)%len(d.buf)] = v }

func (d *Deque) grow() {
	if d.n < len(d.buf) {
		return
	}
	nb := make([]vm.Value, max(8, 2*len(d.buf)))
	for i := 0; i < d.n; i++ {
		nb[i] = d.at(i)
	}
	d.buf, d.head = nb, 0
}

// PushBack appends v, dropping from the left when full.
func (d *Deque) PushBack(v vm.Value) {
	d.state++
	if d.maxlen == 0 {
		return
	}
	if d.maxlen > 0 && d.n == d.maxlen {
		d.PopFront()
	}
	d.grow()
	d.buf[(d.head+d.n)%len(d.buf)] = v
	d.n++
}

// PushFront prepends v, dropping from the right when full.
func (d *Deque) PushFront(v vm.Value) {
	d.state++
	if d.maxlen == 0 {
		return
	}
	if d.maxlen > 0 && d.n == d.maxlen {
		d.PopBack()
	}
	d.grow()
	d.head = (d.head - 1 + len(d.buf)) % len(d.buf)
	d.buf[d.head] = v
	d.n++
}

// PopFront removes and returns the leftmost item (NULL when empty).
func (d *Deque) PopFront() vm.Value {
	if d.n == 0 {
		return vm.NULL
	}
	d.state++
	v := d.buf[d.head]
	d.buf[d.head] = vm.NULL
	d.head = (d.head + 1) % len(d.buf)
	d.n--
	return v
}

// PopBack removes and returns the rightmost item (NULL when empty).
func (d *Deque) PopBack() vm.Value {
	if d.n == 0 {
		return vm.NULL
	}
	d.state++
	i := (d.head + d.n - 1) % len(d.buf)
	v := d.buf[i]
	d.buf[i] = vm.NULL
	d.n--
	return v
}

// Items returns the items left to right (a fresh slice).
func (d *Deque) Items() []vm.Value {
	out := make([]vm.Value, d.n)
	for i := range out {
		out[i] = d.at(i)
	}
	return out
}

func (d *Deque) setItems(items []vm.Value) {
	d.state++
	d.buf = append([]vm.Value(nil), items...)
	d.head, d.n = 0, len(items)
	if len(d.buf) == 0 {
		d.buf = nil
	}
}

func init() {
	DequeType.Flags |= vm.TypeBaseType
	DequeType.New = dequeNew
	DequeType.Init = dequeInit
	DequeType.Repr = dequeRepr
	DequeType.Len = func(th *vm.Thread, v vm.Value) (int, error) { return v.Object().(*Deque).n, nil }
	DequeType.Hash = nil
	DequeType.Iter = dequeIter
	DequeType.GetItem = dequeGetItem
	DequeType.SetItem = dequeSetItem
	DequeType.Contains = func(th *vm.Thread, v, x vm.Value) (bool, error) {
		i, err := dequeFind(th, v.Object().(*Deque), x)
		return i >= 0, err
	}
	DequeType.Compare = dequeCompare
	DequeType.Binary = dequeBinary
	DequeType.AddMethods(dequeMethods)
	// Unhashable as in CPython: collections.abc.Hashable looks for it.
	DequeType.Dict.SetStr("__hash__", vm.None)
	vm.RegisterModule("_collections", func(th *vm.Thread, m *vm.Module) error {
		m.Dict.SetStr("deque", vm.ObjectValue(DequeType))
		m.Dict.SetStr("_tuplegetter", vm.ObjectValue(TupleGetterType))
		return nil
	})
}

func self(args []vm.Value, name string) (*Deque, []vm.Value, error) {
	if len(args) > 0 {
		if d, ok := args[0].Object().(*Deque); ok {
			return d, args[1:], nil
		}
	}
	return nil, nil, vm.NewError(vm.TypeErrorType, "descriptor '%s' for 'collections.deque' objects doesn't apply to this object", name)
}

func dequeNew(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	return vm.ObjectValue(&Deque{typ: t, maxlen: -1}), nil
}

// deque([iterable[, maxlen]])
func dequeInit(th *vm.Thread, self vm.Value, args []vm.Value, kwnames []string) error {
	d := self.Object().(*Deque)
	var it, ml vm.Value
	if err := vm.ParseArgs("deque", args, kwnames, []string{"iterable?", "maxlen?"}, &it, &ml); err != nil {
		return err
	}
	d.maxlen = -1
	if !ml.IsNull() && !ml.IsNone() {
		n, err := pyarg.Int(th, ml)
		if err != nil {
			return err
		}
		if n < 0 {
			return vm.NewError(vm.ValueErrorType, "maxlen must be non-negative")
		}
		d.maxlen = int(n)
	}
	d.setItems(nil)
	if !it.IsNull() {
		return vm.Iterate(th, it, func(x vm.Value) error {
			d.PushBack(x)
			return nil
		})
	}
	return nil
}

func (d *Deque) NativeAttr(th *vm.Thread, name string) (vm.Value, error) {
	if name == "maxlen" {
		if d.maxlen < 0 {
			return vm.None, nil
		}
		return vm.Int(int64(d.maxlen)), nil
	}
	return vm.NULL, nil
}

func dequeRepr(th *vm.Thread, v vm.Value) (string, error) {
	d := v.Object().(*Deque)
	if !th.ReprEnter(d) {
		return "[...]", nil
	}
	defer th.ReprLeave(d)
	var sb strings.Builder
	name := d.typ.Name
	sb.WriteString(name + "([")
	for i := 0; i < d.n; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		r, err := vm.Repr(th, d.at(i))
		if err != nil {
			return "", err
		}
		sb.WriteString(r)
	}
	sb.WriteString("]")
	if d.maxlen >= 0 {
		sb.WriteString(", maxlen=" + itoa(d.maxlen))
	}
	sb.WriteString(")")
	return sb.String(), nil
}

func itoa(n int) string { return strconv.Itoa(n) }

// dequeIterator walks a deque, failing if it is mutated meanwhile.
type dequeIterator struct {
	d     *Deque
	i     int
	state int
	rev   bool
}

var dequeIterType = func() *vm.Type {
	t := vm.MakeNativeType("_collections._deque_iterator", "collections", nil)
	t.Next = func(th *vm.Thread, v vm.Value) (vm.Value, error) {
		it := v.Object().(*dequeIterator)
		if it.state != it.d.state {
			return vm.NULL, vm.NewError(vm.RuntimeErrorType, "deque mutated during iteration")
		}
		if it.i >= it.d.n {
			return vm.NULL, nil
		}
		idx := it.i
		if it.rev {
			idx = it.d.n - 1 - it.i
		}
		it.i++
		return it.d.at(idx), nil
	}
	vm.IteratorMethods(t)
	return t
}()

func (*dequeIterator) Type() *vm.Type { return dequeIterType }

func dequeIter(th *vm.Thread, v vm.Value) (vm.Value, error) {
	d := v.Object().(*Deque)
	return vm.ObjectValue(&dequeIterator{d: d, state: d.state}), nil
}

func (d *Deque) index(th *vm.Thread, key vm.Value) (int, error) {
	i, err := pyarg.Int(th, key)
	if err != nil {
		if _, ok := key.Object().(*vm.Slice); ok {
			return 0, vm.NewError(vm.TypeErrorType, "sequence index must be integer, not 'slice'")
		}
		return 0, err
	}
	if i < 0 {
		i += int64(d.n)
	}
	if i < 0 || i >= int64(d.n) {
		return 0, vm.NewError(vm.IndexErrorType, "deque index out of range")
	}
	return int(i), nil
}

func dequeGetItem(th *vm.Thread, v, key vm.Value) (vm.Value, error) {
	d := v.Object().(*Deque)
	i, err := d.index(th, key)
	if err != nil {
		return vm.NULL, err
	}
	return d.at(i), nil
}

func dequeSetItem(th *vm.Thread, v, key, val vm.Value) error {
	d := v.Object().(*Deque)
	i, err := d.index(th, key)
	if err != nil {
		return err
	}
	if val.IsNull() {
		items := d.Items()
		d.setItems(append(items[:i], items[i+1:]...))
		return nil
	}
	d.set(i, val)
	return nil
}

func dequeFind(th *vm.Thread, d *Deque, x vm.Value) (int, error) {
	state := d.state
	for i := 0; i < d.n; i++ {
		eq, err := vm.Equal(th, d.at(i), x)
		if err != nil {
			return -1, err
		}
		if state != d.state {
			return -1, vm.NewError(vm.RuntimeErrorType, "deque mutated during iteration")
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

func dequeCompare(th *vm.Thread, v, other vm.Value, op compile.CompareOp) (vm.Value, error) {
	o, ok := other.Object().(*Deque)
	if !ok {
		return vm.NotImplemented, nil
	}
	return vm.CompareOp(th, op, vm.NewList(v.Object().(*Deque).Items()), vm.NewList(o.Items()))
}

func dequeBinary(th *vm.Thread, op compile.BinaryOp, v, other vm.Value, reflected bool) (vm.Value, error) {
	d := v.Object().(*Deque)
	switch op {
	case compile.BinAdd:
		o, ok := other.Object().(*Deque)
		if !ok || reflected {
			if !ok {
				return vm.NULL, vm.NewError(vm.TypeErrorType, "can only concatenate deque (not \"%s\") to deque", other.Type().Name)
			}
			return vm.NotImplemented, nil
		}
		nd := &Deque{typ: d.typ, maxlen: d.maxlen}
		for _, x := range append(d.Items(), o.Items()...) {
			nd.PushBack(x)
		}
		return vm.ObjectValue(nd), nil
	case compile.InplaceOffset + compile.BinAdd:
		if err := vm.Iterate(th, other, func(x vm.Value) error {
			d.PushBack(x)
			return nil
		}); err != nil {
			return vm.NULL, err
		}
		return v, nil
	case compile.BinMul, compile.InplaceOffset + compile.BinMul:
		if !other.Type().IsSubtype(vm.IntType) {
			return vm.NotImplemented, nil
		}
		n, err := pyarg.Int(th, other)
		if err != nil {
			return vm.NULL, err
		}
		items := d.Items()
		target := d
		if op == compile.BinMul {
			target = &Deque{typ: d.typ, maxlen: d.maxlen}
		} else {
			target.setItems(nil)
		}
		// Only the last maxlen items survive; skip whole copies that would be dropped.
		if d.maxlen >= 0 && len(items) > 0 && n*int64(len(items)) > int64(d.maxlen) {
			n = min(n, int64(d.maxlen/len(items)+1))
		}
		for ; n > 0; n-- {
			for _, x := range items {
				target.PushBack(x)
			}
		}
		return vm.ObjectValue(target), nil
	}
	return vm.NotImplemented, nil
}
