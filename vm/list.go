package vm

import (
	"github.com/pya-lang/pya/vm/compile"
)

// List is a mutable sequence (Python's list).
type List struct {
	Items []Value
	ext   *subExt // non-nil for instances of user subclasses
}

func (l *List) Type() *Type {
	if l.ext != nil {
		return l.ext.typ
	}
	return ListType
}

// NewList returns a list holding items (the slice is not copied).
func NewList(items []Value) Value { return Value{o: &List{Items: items}} }

func listRepr(th *Thread, v Value) (string, error) {
	l := v.o.(*List)
	if len(l.Items) == 0 {
		return "[]", nil
	}
	if reprEnter(th, l) {
		return "[...]", nil
	}
	defer reprLeave(th, l)
	return reprItems(th, "[", l.Items, "]")
}

func listGetItem(th *Thread, v, k Value) (Value, error) {
	l := v.o.(*List)
	if s, ok := k.o.(*Slice); ok {
		start, _, step, n, err := s.Indices(th, len(l.Items))
		if err != nil {
			return NULL, err
		}
		return NewList(sliceItems(l.Items, start, step, n)), nil
	}
	i, err := itemIndex(th, k, "list")
	if err != nil {
		return NULL, err
	}
	j, ok := seqIndex(i, len(l.Items))
	if !ok {
		return NULL, NewError(IndexErrorType, "list index out of range")
	}
	return l.Items[j], nil
}

func listSetItem(th *Thread, v, k, x Value) error {
	l := v.o.(*List)
	if s, ok := k.o.(*Slice); ok {
		return listSetSlice(th, l, s, x)
	}
	i, err := itemIndex(th, k, "list")
	if err != nil {
		return err
	}
	j, ok := seqIndex(i, len(l.Items))
	if !ok {
		return NewError(IndexErrorType, "list assignment index out of range")
	}
	if x.IsNull() {
		l.Items = append(l.Items[:j], l.Items[j+1:]...)
		return nil
	}
	l.Items[j] = x
	return nil
}

// listSetSlice implements l[s] = x and del l[s] (x NULL).
func listSetSlice(th *Thread, l *List, s *Slice, x Value) error {
	start, stop, step, n, err := s.Indices(th, len(l.Items))
	if err != nil {
		return err
	}
	var items []Value
	if !x.IsNull() {
		if x.o == Object(l) {
			items = append([]Value(nil), l.Items...)
		} else {
			items, err = ToSlice(th, x)
			if err != nil {
				if e, ok := err.(*Exception); ok && e.Type() == TypeErrorType && x.Type().Iter == nil {
					return NewError(TypeErrorType, "can only assign an iterable")
				}
				return err
			}
		}
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		tail := append([]Value(nil), l.Items[stop:]...)
		l.Items = append(append(l.Items[:start], items...), tail...)
		return nil
	}
	if x.IsNull() {
		del := make(map[int]bool, n)
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			del[j] = true
		}
		out := l.Items[:0]
		for i, it := range l.Items {
			if !del[i] {
				out = append(out, it)
			}
		}
		clear(l.Items[len(out):])
		l.Items = out
		return nil
	}
	if len(items) != n {
		return NewError(ValueErrorType, "attempt to assign sequence of size %d to extended slice of size %d", len(items), n)
	}
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		l.Items[j] = items[i]
	}
	return nil
}

func listContains(th *Thread, v, x Value) (bool, error) {
	l := v.o.(*List)
	for i := 0; i < len(l.Items); i++ {
		eq, err := Equal(th, l.Items[i], x)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

func listBinary(th *Thread, op compile.BinaryOp, v, w Value, reflected bool) (Value, error) {
	l := v.o.(*List)
	switch op {
	case compile.BinAdd:
		if reflected {
			return NotImplemented, nil
		}
		o, ok := w.o.(*List)
		if !ok {
			return NotImplemented, nil
		}
		items := make([]Value, len(l.Items)+len(o.Items))
		copyFresh(items, l.Items)
		copyFresh(items[len(l.Items):], o.Items)
		return NewList(items), nil
	case compile.BinMul, compile.InplaceOffset + compile.BinMul:
		n, ok, err := repeatCount(th, w, len(l.Items))
		if !ok || err != nil {
			return NotImplemented, err
		}
		items := make([]Value, 0, n*len(l.Items))
		for i := 0; i < n; i++ {
			items = append(items, l.Items...)
		}
		if op == compile.BinMul {
			return NewList(items), nil
		}
		l.Items = items
		return v, nil
	case compile.InplaceOffset + compile.BinAdd:
		if err := listExtend(th, l, w); err != nil {
			return NULL, err
		}
		return v, nil
	}
	return NotImplemented, nil
}

// listExtend appends the items of an iterable.
func listExtend(th *Thread, l *List, it Value) error {
	switch o := it.o.(type) {
	case *List:
		if o.ext == nil {
			l.Items = appendValues(l.Items, o.Items...)
			return nil
		}
	case *Tuple:
		if o.ext == nil {
			l.Items = appendValues(l.Items, o.Items...)
			return nil
		}
	}
	return Iterate(th, it, func(x Value) error {
		l.Items = appendValue(l.Items, x)
		return nil
	})
}

func listCompare(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
	o, ok := w.o.(*List)
	if !ok {
		return NotImplemented, nil
	}
	return compareSeq(th, v.o.(*List).Items, o.Items, op)
}

// listNew is list.__new__ (which also does list.__init__'s work unless a
// user subclass overrides __init__).
func listNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	l := &List{ext: newSubExt(t, ListType)}
	if initOverridden(t, ListType) {
		return Value{o: l}, nil
	}
	return Value{o: l}, listInit(th, l, args, kwnames)
}

// listInit is list.__init__(iterable=()).
func listInit(th *Thread, l *List, args []Value, kwnames []string) error {
	if len(kwnames) > 0 {
		return NewError(TypeErrorType, "list() takes no keyword arguments")
	}
	switch len(args) {
	case 0:
		l.Items = nil
		return nil
	case 1:
		items, err := ToSlice(th, args[0])
		l.Items = items
		return err
	}
	return NewError(TypeErrorType, "list expected at most 1 argument, got %d", len(args))
}

// listIterator walks a list by index, seeing appends made during the walk.
type listIterator struct {
	l *List
	i int
}

func (*listIterator) Type() *Type { return ListIteratorType }

type listRevIterator struct {
	l *List
	i int
}

func (*listRevIterator) Type() *Type { return ListReverseIteratorType }

func init() {
	t := ListType
	t.Repr = listRepr
	t.Len = func(th *Thread, v Value) (int, error) { return len(v.o.(*List).Items), nil }
	t.GetItem = listGetItem
	t.SetItem = listSetItem
	t.Contains = listContains
	t.Binary = listBinary
	t.Compare = listCompare
	t.New = listNew
	t.Iter = func(th *Thread, v Value) (Value, error) {
		return Value{o: &listIterator{l: v.o.(*List)}}, nil
	}
	it := ListIteratorType
	it.Iter = selfIter
	it.Hash = identityHashSlot
	it.Next = func(th *Thread, v Value) (Value, error) {
		it := v.o.(*listIterator)
		if it.l == nil || it.i >= len(it.l.Items) {
			it.l = nil
			return NULL, nil
		}
		it.i++
		return it.l.Items[it.i-1], nil
	}
	rit := ListReverseIteratorType
	rit.Iter = selfIter
	rit.Hash = identityHashSlot
	rit.Next = func(th *Thread, v Value) (Value, error) {
		it := v.o.(*listRevIterator)
		if it.l == nil || it.i < 0 || it.i >= len(it.l.Items) {
			it.l = nil
			return NULL, nil
		}
		it.i--
		return it.l.Items[it.i+1], nil
	}
	addListMethods()
}
