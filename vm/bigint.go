package vm

import (
	"math"
	"math/big"

	"github.com/pya-lang/pya/vm/compile"
)

// BigInt is an int that does not fit int64. Ints are normalized: a value
// that fits int64 is always held unboxed (see NewBigInt), so a *BigInt is
// always outside the int64 range. The big.Int is never mutated once wrapped.
type BigInt struct {
	b *big.Int
}

func (*BigInt) Type() *Type { return IntType }

// Big returns the value (callers must not mutate it).
func (b *BigInt) Big() *big.Int { return b.b }

// NewBigInt returns the int value of b, unboxed when it fits int64. It takes
// ownership of b.
func NewBigInt(b *big.Int) Value {
	if b.IsInt64() {
		return Int(b.Int64())
	}
	return Value{o: &BigInt{b: b}}
}

// isInt reports whether v is an int (unboxed, big, or a bool).
func isInt(v Value) bool {
	switch v.o {
	case intKind, boolKind:
		return true
	}
	_, ok := v.o.(*BigInt)
	return ok
}

// toBig returns the value of an int as a big.Int (fresh or shared: do not
// mutate). ok is false when v is not an int.
func toBig(v Value) (*big.Int, bool) {
	switch v.o {
	case intKind, boolKind:
		return big.NewInt(int64(v.n)), true
	}
	if b, ok := v.o.(*BigInt); ok {
		return b.b, true
	}
	return nil, false
}

// bigToFloat converts exactly-rounded; OverflowError "int too large to convert to float".
func bigToFloat(b *big.Int) (float64, error) {
	f, _ := new(big.Float).SetInt(b).Float64()
	if math.IsInf(f, 0) {
		return 0, NewError(OverflowErrorType, "int too large to convert to float")
	}
	return f, nil
}

// bigBinary computes a op b on big ints, for results that may not fit int64.
func bigBinary(op compile.BinaryOp, a, b *big.Int) (Value, error) {
	z := new(big.Int)
	switch op {
	case compile.BinAdd:
		z.Add(a, b)
	case compile.BinSub:
		z.Sub(a, b)
	case compile.BinMul:
		z.Mul(a, b)
	case compile.BinFloorDiv, compile.BinMod:
		if b.Sign() == 0 {
			if op == compile.BinMod {
				return NULL, NewError(ZeroDivisionErrorType, "integer modulo by zero")
			}
			return NULL, NewError(ZeroDivisionErrorType, "integer division or modulo by zero")
		}
		q, m := bigDivMod(a, b)
		if op == compile.BinMod {
			return NewBigInt(m), nil
		}
		return NewBigInt(q), nil
	case compile.BinTrueDiv:
		return bigTrueDiv(a, b)
	case compile.BinPow:
		if b.Sign() < 0 {
			fa, err := bigToFloat(a)
			if err != nil {
				return NULL, err
			}
			fb, _ := new(big.Float).SetInt(b).Float64()
			return floatPow(fa, fb)
		}
		if b.BitLen() > 64 && a.CmpAbs(big.NewInt(1)) > 0 {
			return NULL, NewError(OverflowErrorType, "exponent too large")
		}
		z.Exp(a, b, nil)
	case compile.BinLShift:
		if b.Sign() < 0 {
			return NULL, NewError(ValueErrorType, "negative shift count")
		}
		if !b.IsInt64() || b.Int64() > 1<<32 {
			if a.Sign() == 0 {
				return Int(0), nil
			}
			return NULL, NewError(OverflowErrorType, "too many digits in integer")
		}
		z.Lsh(a, uint(b.Int64()))
	case compile.BinRShift:
		if b.Sign() < 0 {
			return NULL, NewError(ValueErrorType, "negative shift count")
		}
		if !b.IsInt64() || b.Int64() > int64(a.BitLen()) {
			if a.Sign() < 0 {
				return Int(-1), nil
			}
			return Int(0), nil
		}
		z.Rsh(a, uint(b.Int64())) // big.Int.Rsh rounds toward -inf, as Python
	case compile.BinAnd:
		z.And(a, b)
	case compile.BinOr:
		z.Or(a, b)
	case compile.BinXor:
		z.Xor(a, b)
	default:
		return NotImplemented, nil
	}
	return NewBigInt(z), nil
}

// bigDivMod is Python's floor division and modulo (the remainder has the
// sign of the divisor).
func bigDivMod(a, b *big.Int) (q, m *big.Int) {
	q, m = new(big.Int), new(big.Int)
	q.QuoRem(a, b, m)
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
		m.Add(m, b)
	}
	return q, m
}

// bigTrueDiv is a / b correctly rounded to a float.
func bigTrueDiv(a, b *big.Int) (Value, error) {
	if b.Sign() == 0 {
		return NULL, NewError(ZeroDivisionErrorType, "division by zero")
	}
	if a.Sign() == 0 {
		return Float(math.Copysign(0, float64(b.Sign()))), nil
	}
	f, _ := new(big.Rat).SetFrac(a, b).Float64()
	if math.IsInf(f, 0) {
		return NULL, NewError(OverflowErrorType, "integer division result too large for a float")
	}
	return Float(f), nil
}
