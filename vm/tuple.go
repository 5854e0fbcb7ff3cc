package vm

import (
	"github.com/pya-lang/pya/vm/compile"
)

// Tuple is an immutable sequence (Python's tuple).
type Tuple struct {
	Items []Value
	ext   *subExt // non-nil for instances of user subclasses
}

func (t *Tuple) Type() *Type {
	if t.ext != nil {
		return t.ext.typ
	}
	return TupleType
}

// emptyTuple is the shared ().
var emptyTuple = Value{o: &Tuple{}}

// NewTuple returns a tuple holding items (the slice is not copied).
func NewTuple(items []Value) Value {
	if len(items) == 0 {
		return emptyTuple
	}
	return Value{o: &Tuple{Items: items}}
}

func tupleRepr(th *Thread, v Value) (string, error) {
	t := v.o.(*Tuple)
	if len(t.Items) == 0 {
		return "()", nil
	}
	// As CPython's Py_ReprEnter: a tuple met again inside itself is (...),
	// whatever its length.
	if reprEnter(th, t) {
		return "(...)", nil
	}
	defer reprLeave(th, t)
	if len(t.Items) == 1 {
		r, err := Repr(th, t.Items[0])
		return "(" + r + ",)", err
	}
	return reprItems(th, "(", t.Items, ")")
}

func tupleGetItem(th *Thread, v, k Value) (Value, error) {
	t := v.o.(*Tuple)
	if s, ok := k.o.(*Slice); ok {
		start, _, step, n, err := s.Indices(th, len(t.Items))
		if err != nil {
			return NULL, err
		}
		if n == len(t.Items) && step == 1 {
			return v, nil
		}
		return NewTuple(sliceItems(t.Items, start, step, n)), nil
	}
	i, err := itemIndex(th, k, "tuple")
	if err != nil {
		return NULL, err
	}
	j, ok := seqIndex(i, len(t.Items))
	if !ok {
		return NULL, NewError(IndexErrorType, "tuple index out of range")
	}
	return t.Items[j], nil
}

func tupleBinary(th *Thread, op compile.BinaryOp, v, w Value, reflected bool) (Value, error) {
	t := v.o.(*Tuple)
	switch op {
	case compile.BinAdd:
		o, ok := w.o.(*Tuple)
		if !ok || reflected {
			return NotImplemented, nil
		}
		if len(o.Items) == 0 {
			return v, nil
		}
		items := make([]Value, 0, len(t.Items)+len(o.Items))
		return NewTuple(append(append(items, t.Items...), o.Items...)), nil
	case compile.BinMul:
		n, ok, err := repeatCount(th, w, len(t.Items))
		if !ok || err != nil {
			return NotImplemented, err
		}
		if n == 1 {
			return v, nil
		}
		items := make([]Value, 0, n*len(t.Items))
		for i := 0; i < n; i++ {
			items = append(items, t.Items...)
		}
		return NewTuple(items), nil
	}
	return NotImplemented, nil
}

func tupleNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "tuple() takes no keyword arguments")
	}
	if ext := newSubExt(t, TupleType); ext != nil {
		var items []Value
		if len(args) == 1 {
			var err error
			if items, err = ToSlice(th, args[0]); err != nil {
				return NULL, err
			}
		} else if len(args) > 1 {
			return NULL, NewError(TypeErrorType, "tuple expected at most 1 argument, got %d", len(args))
		}
		return Value{o: &Tuple{Items: items, ext: ext}}, nil
	}
	switch len(args) {
	case 0:
		return emptyTuple, nil
	case 1:
		if tp, ok := args[0].o.(*Tuple); ok && tp.ext == nil {
			return args[0], nil
		}
		items, err := ToSlice(th, args[0])
		if err != nil {
			return NULL, err
		}
		return NewTuple(items), nil
	}
	return NULL, NewError(TypeErrorType, "tuple expected at most 1 argument, got %d", len(args))
}

type tupleIterator struct {
	t *Tuple
	i int
}

func (*tupleIterator) Type() *Type { return TupleIteratorType }

func init() {
	t := TupleType
	t.Repr = tupleRepr
	t.Hash = func(th *Thread, v Value) (int64, error) { return hashTuple(th, v.o.(*Tuple).Items) }
	t.Len = func(th *Thread, v Value) (int, error) { return len(v.o.(*Tuple).Items), nil }
	t.GetItem = tupleGetItem
	t.Contains = func(th *Thread, v, x Value) (bool, error) {
		n, err := indexOfItem(th, v.o.(*Tuple).Items, x)
		return n >= 0, err
	}
	t.Binary = tupleBinary
	t.Compare = func(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
		o, ok := w.o.(*Tuple)
		if !ok {
			return NotImplemented, nil
		}
		return compareSeq(th, v.o.(*Tuple).Items, o.Items, op)
	}
	t.New = tupleNew
	t.Iter = func(th *Thread, v Value) (Value, error) {
		return Value{o: &tupleIterator{t: v.o.(*Tuple)}}, nil
	}
	it := TupleIteratorType
	it.Iter = selfIter
	it.Hash = identityHashSlot
	it.Next = func(th *Thread, v Value) (Value, error) {
		it := v.o.(*tupleIterator)
		if it.i >= len(it.t.Items) {
			return NULL, nil
		}
		it.i++
		return it.t.Items[it.i-1], nil
	}
	t.AddMethods(map[string]NativeFunc{
		"count": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("tuple.count", args, kwnames); err != nil {
				return NULL, err
			}
			n, err := countItems(th, args[0].o.(*Tuple).Items, args[1])
			return Int(int64(n)), err
		},
		"index": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("index", "tuple.index", args, kwnames, 1, 3); err != nil {
				return NULL, err
			}
			items := args[0].o.(*Tuple).Items
			start, end, err := searchBounds(th, len(items), optArg(args, 2), optArg(args, 3))
			if err != nil {
				return NULL, err
			}
			if start < end {
				i, err := indexOfItem(th, items[start:end], args[1])
				if err != nil {
					return NULL, err
				}
				if i >= 0 {
					return Int(int64(start + i)), nil
				}
			}
			return NULL, NewError(ValueErrorType, "tuple.index(x): x not in tuple")
		},
	})
}

// indexOfItem returns the index of the first item equal to x, or -1.
func indexOfItem(th *Thread, items []Value, x Value) (int, error) {
	for i := 0; i < len(items); i++ {
		eq, err := Equal(th, items[i], x)
		if err != nil {
			return -1, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}
