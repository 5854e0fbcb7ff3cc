package vm

import (
	"math"
	"math/big"

	"github.com/pya-lang/pya/vm/compile"
)

// Slice is a slice object (x[a:b:c], slice(a, b, c)); absent parts are None.
type Slice struct {
	Start, Stop, Step Value
}

func (*Slice) Type() *Type { return SliceType }

// NewSlice returns slice(start, stop, step).
func NewSlice(start, stop, step Value) Value {
	return Value{o: &Slice{Start: start, Stop: stop, Step: step}}
}

// Index converts v to an int64 through __index__ (ints and bools directly);
// ok false with a nil error means v is not an index at all. Big ints clamp to
// the int64 range (callers that care check isBig).
func Index(th *Thread, v Value) (i int64, ok bool, err error) {
	switch v.o {
	case intKind, boolKind:
		return int64(v.n), true, nil
	}
	if b, isBig := v.o.(*BigInt); isBig {
		if b.b.Sign() < 0 {
			return math.MinInt64, true, nil
		}
		return math.MaxInt64, true, nil
	}
	r, err := callIndex(th, v)
	if err != nil || r.IsNull() {
		return 0, false, err
	}
	return Index(th, r)
}

// callIndex calls v.__index__() when v's type defines it (NULL otherwise).
func callIndex(th *Thread, v Value) (Value, error) {
	t := v.Type()
	if t.Flags&TypeHeap == 0 {
		return NULL, nil
	}
	m := t.Lookup("__index__")
	if m.IsNull() {
		return NULL, nil
	}
	r, err := th.Call(m, []Value{v}, nil)
	if err != nil {
		return NULL, err
	}
	if !isInt(r) {
		return NULL, NewError(TypeErrorType, "__index__ returned non-int (type %s)", TypeName(r))
	}
	return r, nil
}

// IndexValue converts v to an int through __index__ (any size).
func IndexValue(th *Thread, v Value) (Value, bool, error) {
	if isInt(v) {
		if v.o == boolKind {
			return Int(int64(v.n)), true, nil
		}
		return v, true, nil
	}
	r, err := callIndex(th, v)
	return r, !r.IsNull(), err
}

// sliceIndex converts a slice bound: None is absent; TypeError otherwise.
func sliceIndex(th *Thread, v Value) (int64, bool, error) {
	if v.IsNone() || v.IsNull() {
		return 0, false, nil
	}
	i, ok, err := Index(th, v)
	if err != nil {
		return 0, false, err
	}
	if !ok {
		return 0, false, NewError(TypeErrorType, "slice indices must be integers or None or have an __index__ method")
	}
	return i, true, nil
}

// Indices computes CPython's PySlice_Unpack + PySlice_AdjustIndices for a
// sequence of length n: start, stop, step and the number of items.
func (s *Slice) Indices(th *Thread, n int) (start, stop, step, count int, err error) {
	st, ok, err := sliceIndex(th, s.Step)
	if err != nil {
		return
	}
	if !ok {
		st = 1
	}
	if st == 0 {
		err = NewError(ValueErrorType, "slice step cannot be zero")
		return
	}
	if st < -math.MaxInt64 {
		st = -math.MaxInt64
	}
	ln := int64(n)
	var lo, hi int64
	if st < 0 {
		lo, hi = -1, ln-1
	} else {
		lo, hi = 0, ln
	}
	adjust := func(v Value, def int64) (int64, error) {
		i, ok, err := sliceIndex(th, v)
		if err != nil || !ok {
			return def, err
		}
		if i < 0 {
			i += ln
			if i < lo {
				i = lo
			}
		} else if i > hi {
			i = hi
		}
		return i, nil
	}
	var a, b int64
	if st < 0 {
		a, err = adjust(s.Start, hi)
		if err == nil {
			b, err = adjust(s.Stop, lo)
		}
	} else {
		a, err = adjust(s.Start, lo)
		if err == nil {
			b, err = adjust(s.Stop, hi)
		}
	}
	if err != nil {
		return
	}
	var c int64
	if st < 0 {
		if b < a {
			c = (a-b-1)/(-st) + 1
		}
	} else if a < b {
		c = (b-a-1)/st + 1
	}
	return int(a), int(b), int(st), int(c), nil
}

func sliceRepr(th *Thread, v Value) (string, error) {
	s := v.o.(*Slice)
	a, err := Repr(th, s.Start)
	if err != nil {
		return "", err
	}
	b, err := Repr(th, s.Stop)
	if err != nil {
		return "", err
	}
	c, err := Repr(th, s.Step)
	if err != nil {
		return "", err
	}
	return "slice(" + a + ", " + b + ", " + c + ")", nil
}

func sliceNew(th *Thread, _ *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "slice() takes no keyword arguments")
	}
	switch len(args) {
	case 1:
		return NewSlice(None, args[0], None), nil
	case 2:
		return NewSlice(args[0], args[1], None), nil
	case 3:
		return NewSlice(args[0], args[1], args[2]), nil
	case 0:
		return NULL, NewError(TypeErrorType, "slice expected at least 1 argument, got 0")
	}
	return NULL, NewError(TypeErrorType, "slice expected at most 3 arguments, got %d", len(args))
}

func init() {
	t := SliceType
	t.Repr = sliceRepr
	t.New = sliceNew
	t.Compare = func(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
		b, ok := w.o.(*Slice)
		if !ok {
			return NotImplemented, nil
		}
		a := v.o.(*Slice)
		return compareSeq(th, []Value{a.Start, a.Stop, a.Step}, []Value{b.Start, b.Stop, b.Step}, op)
	}
	SliceType.AddGetters(map[string]func(th *Thread, v Value) (Value, error){
		"start": func(th *Thread, v Value) (Value, error) { return v.o.(*Slice).Start, nil },
		"stop":  func(th *Thread, v Value) (Value, error) { return v.o.(*Slice).Stop, nil },
		"step":  func(th *Thread, v Value) (Value, error) { return v.o.(*Slice).Step, nil },
	})
	t.AddMethods(map[string]NativeFunc{
		"indices": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != 2 || len(kwnames) > 0 {
				return NULL, NewError(TypeErrorType, "slice.indices() takes exactly one argument (%d given)", len(args)-1)
			}
			n, ok, err := Index(th, args[1])
			if err != nil {
				return NULL, err
			}
			if !ok {
				return NULL, NewError(TypeErrorType, "'%s' object cannot be interpreted as an integer", TypeName(args[1]))
			}
			if n < 0 {
				return NULL, NewError(ValueErrorType, "length should not be negative")
			}
			a, b, c, _, err := args[0].o.(*Slice).Indices(th, int(n))
			if err != nil {
				return NULL, err
			}
			return NewTuple([]Value{Int(int64(a)), Int(int64(b)), Int(int64(c))}), nil
		},
	})
}

// bigOne is the big int 1.
var bigOne = big.NewInt(1)
