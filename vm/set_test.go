package vm

import (
	"math/big"
	"testing"

	"github.com/pya-lang/pya/vm/compile"
)

func mkSet(th *Thread, items ...Value) Value {
	s := NewSet()
	for _, x := range items {
		if err := s.Add(th, x); err != nil {
			panic(err)
		}
	}
	return Value{o: s}
}

func ints(xs ...int64) []Value {
	out := make([]Value, len(xs))
	for i, x := range xs {
		out[i] = Int(x)
	}
	return out
}

func intRange(n int) []Value {
	out := make([]Value, n)
	for i := range out {
		out[i] = Int(int64(i))
	}
	return out
}

func TestSetOrder(t *testing.T) {
	th := NewThread(nil)
	op := func(o compile.BinaryOp, a, b Value) Value {
		r, err := BinaryOp(th, o, a, b)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	var mul8 []Value
	for i := int64(0); i < 12; i++ {
		mul8 = append(mul8, Int(i*8))
	}
	lit := func(xs ...Value) Value {
		s, err := NewSetFromConstants(th, xs)
		if err != nil {
			t.Fatal(err)
		}
		return Value{o: s}
	}
	fs := lit(ints(5, 13, 21)...)
	fs.o.(*Set).frozen = true
	big40, _ := new(big.Int).SetString("2305843009213693952", 10)
	tests := []struct {
		v    Value
		want string
	}{
		{mkSet(th, ints(3, 1, 2)...), "{1, 2, 3}"},
		{lit(ints(100, 5, 37, 8, 1000, -1, -2, 64, 72)...), "{64, 100, 5, 37, 8, 1000, 72, -1, -2}"},
		{mkSet(th, ints(100, 5, 37, 8, 1000, -1, -2, 64, 72)...), "{64, 100, 37, 5, 8, 1000, 72, -2, -1}"}, // s.add() in a loop
		{op(compile.BinSub, mkSet(th, intRange(20)...), mkSet(th, ints(3, 4, 5)...)), "{0, 1, 2, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}"},
		{op(compile.BinOr, mkSet(th, ints(1, 9, 17, 25, 33)...), mkSet(th, ints(2, 10, 18)...)), "{1, 33, 17, 18, 2, 9, 10, 25}"},
		{op(compile.BinAnd, mkSet(th, ints(1, 9, 17, 25, 33, 41, 49)...), mkSet(th, ints(49, 9, 33, 100)...)), "{49, 9, 33}"},
		{op(compile.BinXor, mkSet(th, ints(1, 9, 17, 25, 33)...), mkSet(th, ints(9, 2, 10, 17)...)), "{1, 2, 33, 10, 25}"},
		{fs, "frozenset({21, 5, 13})"},
		{mkSet(th, NewTuple(ints(1, 2)), NewTuple(ints(3, 4)), NewTuple(ints(5, 6))), "{(1, 2), (3, 4), (5, 6)}"},
		{mkSet(th, Float(1.5), Float(2.5), Float(0.5)), "{0.5, 1.5, 2.5}"},
		{mkSet(th, Int(1<<40), NewBigInt(big40), Int(7), Int(-7)), "{1099511627776, 2305843009213693952, -7, 7}"},
		{mkSet(th, mul8...), "{0, 32, 64, 8, 40, 72, 16, 48, 80, 24, 56, 88}"},
		{Value{o: NewSet()}, "set()"},
	}
	for i, tc := range tests {
		got, err := Repr(th, tc.v)
		if err != nil || got != tc.want {
			t.Errorf("%d: got %s (%v), want %s", i, got, err, tc.want)
		}
	}
}
