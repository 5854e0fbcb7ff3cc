package vm

import (
	"strconv"

	"github.com/pya-lang/pya/vm/compile"
)

// Range is an immutable arithmetic progression (Python's range). Bounds are
// int64: a range whose bounds do not fit raises OverflowError.
type Range struct {
	Start, Stop, Step int64
	n                 int64 // length
}

func (*Range) Type() *Type { return RangeType }

// NewRange returns range(start, stop, step) (step != 0).
func NewRange(start, stop, step int64) *Range {
	r := &Range{Start: start, Stop: stop, Step: step}
	r.n = rangeLen(start, stop, step)
	return r
}

func rangeLen(start, stop, step int64) int64 {
	if step > 0 && start < stop {
		return int64((uint64(stop-start)-1)/uint64(step)) + 1
	}
	if step < 0 && start > stop {
		return int64((uint64(start-stop)-1)/uint64(-step)) + 1
	}
	return 0
}

// Len returns the number of items.
func (r *Range) Len() int64 { return r.n }

// At returns item i (0 <= i < Len()).
func (r *Range) At(i int64) int64 { return r.Start + i*r.Step }

func rangeArg(th *Thread, v Value) (int64, error) {
	if b, ok := v.o.(*BigInt); ok {
		_ = b
		return 0, NewError(OverflowErrorType, "Python int too large to convert to C ssize_t")
	}
	return indexArg(th, v)
}

func rangeNew(th *Thread, _ *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "range() takes no keyword arguments")
	}
	var v [3]int64
	for i, a := range args {
		if i >= 3 {
			break
		}
		x, err := rangeArg(th, a)
		if err != nil {
			return NULL, err
		}
		v[i] = x
	}
	switch len(args) {
	case 1:
		return Value{o: NewRange(0, v[0], 1)}, nil
	case 2:
		return Value{o: NewRange(v[0], v[1], 1)}, nil
	case 3:
		if v[2] == 0 {
			return NULL, NewError(ValueErrorType, "range() arg 3 must not be zero")
		}
		return Value{o: NewRange(v[0], v[1], v[2])}, nil
	case 0:
		return NULL, NewError(TypeErrorType, "range expected at least 1 argument, got 0")
	}
	return NULL, NewError(TypeErrorType, "range expected at most 3 arguments, got %d", len(args))
}

func rangeRepr(th *Thread, v Value) (string, error) {
	r := v.o.(*Range)
	s := "range(" + strconv.FormatInt(r.Start, 10) + ", " + strconv.FormatInt(r.Stop, 10)
	if r.Step != 1 {
		s += ", " + strconv.FormatInt(r.Step, 10)
	}
	return s + ")", nil
}

func rangeGetItem(th *Thread, v, k Value) (Value, error) {
	r := v.o.(*Range)
	if s, ok := k.o.(*Slice); ok {
		start, stop, step, _, err := s.Indices(th, int(r.n))
		if err != nil {
			return NULL, err
		}
		return Value{o: NewRange(r.Start+int64(start)*r.Step, r.Start+int64(stop)*r.Step, r.Step*int64(step))}, nil
	}
	i, err := itemIndex(th, k, "range")
	if err != nil {
		return NULL, err
	}
	if i < 0 {
		i += r.n
	}
	if i < 0 || i >= r.n {
		return NULL, NewError(IndexErrorType, "range object index out of range")
	}
	return Int(r.At(i)), nil
}

// rangeIndexOf returns the position of x in r, or -1 (x an int).
func (r *Range) indexOf(x int64) int64 {
	if r.n == 0 {
		return -1
	}
	if r.Step > 0 && (x < r.Start || x >= r.Stop) || r.Step < 0 && (x > r.Start || x <= r.Stop) {
		return -1
	}
	d := x - r.Start
	if d%r.Step != 0 {
		return -1
	}
	return d / r.Step
}

func rangeContains(th *Thread, v, x Value) (bool, error) {
	r := v.o.(*Range)
	if i, ok := IntValue(x); ok {
		return r.indexOf(i) >= 0, nil
	}
	if isInt(x) {
		return false, nil // a big int is outside any int64 range
	}
	for i := int64(0); i < r.n; i++ {
		eq, err := Equal(th, Int(r.At(i)), x)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// rangeEqual compares ranges as sequences.
func rangeEqual(a, b *Range) bool {
	if a.n != b.n {
		return false
	}
	if a.n == 0 {
		return true
	}
	if a.Start != b.Start {
		return false
	}
	return a.n == 1 || a.Step == b.Step
}

type rangeIterator struct {
	next, step, left int64
}

func (*rangeIterator) Type() *Type { return RangeIteratorType }

// ReversedRange returns reversed(r).
func ReversedRange(r *Range) Value {
	return Value{o: &rangeIterator{next: r.Start + (r.n-1)*r.Step, step: -r.Step, left: r.n}}
}

func init() {
	t := RangeType
	t.New = rangeNew
	t.Repr = rangeRepr
	t.Len = func(th *Thread, v Value) (int, error) { return int(v.o.(*Range).n), nil }
	t.Bool = func(th *Thread, v Value) (bool, error) { return v.o.(*Range).n != 0, nil }
	t.GetItem = rangeGetItem
	t.Contains = rangeContains
	t.Hash = func(th *Thread, v Value) (int64, error) {
		r := v.o.(*Range)
		items := []Value{Int(r.n), None, None}
		if r.n > 0 {
			items[1] = Int(r.Start)
			if r.n > 1 {
				items[2] = Int(r.Step)
			}
		}
		return hashTuple(th, items)
	}
	t.Compare = func(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
		o, ok := w.o.(*Range)
		if !ok || (op != compile.CmpEq && op != compile.CmpNe) {
			return NotImplemented, nil
		}
		return Bool(rangeEqual(v.o.(*Range), o) == (op == compile.CmpEq)), nil
	}
	t.Iter = func(th *Thread, v Value) (Value, error) {
		r := v.o.(*Range)
		return Value{o: &rangeIterator{next: r.Start, step: r.Step, left: r.n}}, nil
	}
	t.AddGetters(map[string]func(th *Thread, v Value) (Value, error){
		"start": func(th *Thread, v Value) (Value, error) { return Int(v.o.(*Range).Start), nil },
		"stop":  func(th *Thread, v Value) (Value, error) { return Int(v.o.(*Range).Stop), nil },
		"step":  func(th *Thread, v Value) (Value, error) { return Int(v.o.(*Range).Step), nil },
	})
	t.AddMethods(map[string]NativeFunc{
		"index": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("range.index", args, kwnames); err != nil {
				return NULL, err
			}
			r := args[0].o.(*Range)
			if i, ok := IntValue(args[1]); ok {
				if p := r.indexOf(i); p >= 0 {
					return Int(p), nil
				}
			}
			s, err := Repr(th, args[1])
			if err != nil {
				return NULL, err
			}
			return NULL, NewError(ValueErrorType, "%s is not in range", s)
		},
		"count": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("range.count", args, kwnames); err != nil {
				return NULL, err
			}
			ok, err := rangeContains(th, args[0], args[1])
			if ok {
				return Int(1), err
			}
			return Int(0), err
		},
		"__reversed__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return ReversedRange(args[0].o.(*Range)), nil
		},
	})
	it := RangeIteratorType
	it.Iter = selfIter
	it.Hash = identityHashSlot
	it.Next = func(th *Thread, v Value) (Value, error) {
		it := v.o.(*rangeIterator)
		if it.left <= 0 {
			return NULL, nil
		}
		x := it.next
		it.next += it.step
		it.left--
		return Int(x), nil
	}
}
