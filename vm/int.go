package vm

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/vm/compile"
)

// Ints are unboxed int64 values; an operation whose result overflows int64
// is redone on big.Int (see bigint.go) and the result normalized back.

// intBinary computes a op b for two int64 operands (the hot path of
// BinaryOp); it never allocates unless the result needs a big int.
func intBinary(op compile.BinaryOp, a, b int64) (Value, error) {
	switch op {
	case compile.BinAdd:
		s := a + b
		if (a^s)&(b^s) >= 0 {
			return Int(s), nil
		}
	case compile.BinSub:
		s := a - b
		if (a^b)&(a^s) >= 0 {
			return Int(s), nil
		}
	case compile.BinMul:
		hi, lo := bits.Mul64(uint64(absInt(a)), uint64(absInt(b)))
		if hi == 0 && lo <= math.MaxInt64 && a != math.MinInt64 && b != math.MinInt64 {
			if (a < 0) != (b < 0) {
				return Int(-int64(lo)), nil
			}
			return Int(int64(lo)), nil
		}
	case compile.BinFloorDiv:
		if b == 0 {
			return NULL, NewError(ZeroDivisionErrorType, "integer division or modulo by zero")
		}
		if !(a == math.MinInt64 && b == -1) {
			q := a / b
			if (a%b != 0) && ((a < 0) != (b < 0)) {
				q--
			}
			return Int(q), nil
		}
	case compile.BinMod:
		if b == 0 {
			return NULL, NewError(ZeroDivisionErrorType, "integer modulo by zero")
		}
		if b == -1 {
			return Int(0), nil
		}
		m := a % b
		if m != 0 && ((m < 0) != (b < 0)) {
			m += b
		}
		return Int(m), nil
	case compile.BinTrueDiv:
		if b == 0 {
			return NULL, NewError(ZeroDivisionErrorType, "division by zero")
		}
		if absInt(a) <= 1<<53 && absInt(b) <= 1<<53 && a != math.MinInt64 && b != math.MinInt64 {
			return Float(float64(a) / float64(b)), nil
		}
		return bigTrueDiv(big.NewInt(a), big.NewInt(b))
	case compile.BinPow:
		if b < 0 {
			return floatPow(float64(a), float64(b))
		}
		if r, ok := intPow(a, b); ok {
			return Int(r), nil
		}
	case compile.BinLShift:
		if b < 0 {
			return NULL, NewError(ValueErrorType, "negative shift count")
		}
		if a == 0 {
			return Int(0), nil
		}
		if b < 63 {
			r := a << uint(b)
			if r>>uint(b) == a {
				return Int(r), nil
			}
		}
	case compile.BinRShift:
		if b < 0 {
			return NULL, NewError(ValueErrorType, "negative shift count")
		}
		if b > 63 {
			b = 63
		}
		return Int(a >> uint(b)), nil
	case compile.BinAnd:
		return Int(a & b), nil
	case compile.BinOr:
		return Int(a | b), nil
	case compile.BinXor:
		return Int(a ^ b), nil
	default:
		return NotImplemented, nil
	}
	return bigBinary(op, big.NewInt(a), big.NewInt(b))
}

func absInt(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// intPow is a**b by squaring for b >= 0, ok false on overflow.
func intPow(a, b int64) (int64, bool) {
	r := int64(1)
	for b > 0 {
		if b&1 != 0 {
			hi, lo := bits.Mul64(uint64(absInt(r)), uint64(absInt(a)))
			if hi != 0 || lo > math.MaxInt64 || a == math.MinInt64 {
				return 0, false
			}
			if (r < 0) != (a < 0) {
				r = -int64(lo)
			} else {
				r = int64(lo)
			}
		}
		b >>= 1
		if b > 0 {
			hi, lo := bits.Mul64(uint64(absInt(a)), uint64(absInt(a)))
			if hi != 0 || lo > math.MaxInt64 || a == math.MinInt64 {
				return 0, false
			}
			a = int64(lo)
		}
	}
	return r, true
}

// intBinarySlot is int's Binary slot: both operands must be ints (bools
// included); anything else is NotImplemented (float handles int+float).
func intBinarySlot(th *Thread, op compile.BinaryOp, v, w Value, reflected bool) (Value, error) {
	if op >= compile.InplaceOffset {
		return NotImplemented, nil
	}
	if reflected {
		v, w = w, v
	}
	v, w = numPayload(v), numPayload(w)
	if (v.o == intKind || v.o == boolKind) && (w.o == intKind || w.o == boolKind) {
		if v.o == boolKind && w.o == boolKind {
			switch op {
			case compile.BinAnd:
				return Bool(v.n&w.n != 0), nil
			case compile.BinOr:
				return Bool(v.n|w.n != 0), nil
			case compile.BinXor:
				return Bool(v.n^w.n != 0), nil
			}
		}
		return intBinary(op, int64(v.n), int64(w.n))
	}
	a, ok1 := toBig(v)
	b, ok2 := toBig(w)
	if !ok1 || !ok2 {
		return NotImplemented, nil
	}
	return bigBinary(op, a, b)
}

// intUnary implements -x, +x, ~x for ints and bools.
func intUnary(th *Thread, op byte, v Value) (Value, error) {
	v = numPayload(v)
	if v.o == intKind || v.o == boolKind {
		i := int64(v.n)
		switch ast.Op(op) {
		case ast.USub:
			if i == math.MinInt64 {
				return NewBigInt(new(big.Int).Neg(big.NewInt(i))), nil
			}
			return Int(-i), nil
		case ast.UAdd:
			return Int(i), nil
		case ast.Invert:
			return Int(^i), nil
		}
		return NotImplemented, nil
	}
	b, _ := toBig(v)
	switch ast.Op(op) {
	case ast.USub:
		return NewBigInt(new(big.Int).Neg(b)), nil
	case ast.UAdd:
		return v, nil // a plain int: the payload of a subclass instance
	case ast.Invert:
		return NewBigInt(new(big.Int).Not(b)), nil
	}
	return NotImplemented, nil
}

// cmpInts compares two ints (any representation): -1, 0 or 1.
func cmpInts(a, b Value) int {
	if (a.o == intKind || a.o == boolKind) && (b.o == intKind || b.o == boolKind) {
		x, y := int64(a.n), int64(b.n)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	x, _ := toBig(a)
	y, _ := toBig(b)
	return x.Cmp(y)
}

// cmpResult turns a three-way comparison into the bool of op.
func cmpResult(c int, op compile.CompareOp) bool {
	switch op {
	case compile.CmpLt:
		return c < 0
	case compile.CmpLe:
		return c <= 0
	case compile.CmpEq:
		return c == 0
	case compile.CmpNe:
		return c != 0
	case compile.CmpGt:
		return c > 0
	}
	return c >= 0
}

func intCompare(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
	v, w = numPayload(v), numPayload(w)
	if isInt(w) {
		return Bool(cmpResult(cmpInts(v, w), op)), nil
	}
	if w.IsFloat() {
		c := cmpFloatInt(w.AsFloat(), v)
		if c != 2 {
			c = -c
		}
		return Bool(floatCmpResult(c, op)), nil
	}
	return NotImplemented, nil
}

func intHash(th *Thread, v Value) (int64, error) {
	v = numPayload(v)
	if b, ok := v.o.(*BigInt); ok {
		return hashBig(b.b), nil
	}
	return hashInt64(int64(v.n)), nil
}

// intString is str(v) for an int.
func intString(v Value) string {
	if b, ok := v.o.(*BigInt); ok {
		return b.b.String()
	}
	return strconv.FormatInt(int64(v.n), 10)
}

func intRepr(th *Thread, v Value) (string, error) { return intDecimal(th, numPayload(v)) }

func intBool(th *Thread, v Value) (bool, error) {
	v = numPayload(v)
	if _, ok := v.o.(*BigInt); ok {
		return true, nil
	}
	return v.n != 0, nil
}

// IntValue returns the int64 of an int or bool; ok false for big ints and
// non-ints.
func IntValue(v Value) (int64, bool) {
	if v.o == intKind || v.o == boolKind {
		return int64(v.n), true
	}
	return 0, false
}

func init() {
	t := IntType
	t.Repr = intRepr
	t.Hash = intHash
	t.Bool = intBool
	t.Binary = intBinarySlot
	t.Unary = intUnary
	t.Compare = intCompare
}
