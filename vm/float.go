package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/vm/compile"
)

// shortestDigits returns the shortest decimal digits that round-trip f
// (f finite and > 0 or == 0) and the decimal point position: f = 0.DIGITS * 10**decpt.
func shortestDigits(f float64) (digits string, decpt int) {
	s := strconv.FormatFloat(math.Abs(f), 'e', -1, 64)
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	digits = strings.Replace(mant, ".", "", 1)
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		digits = "0"
	}
	return digits, e + 1
}

// FloatRepr is repr(f) exactly as CPython: the shortest round-trip digits,
// in fixed notation when the exponent is in [-4, 16), else in scientific
// notation with at least two exponent digits ("1e+16", "1e-05").
func FloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	var sb strings.Builder
	if math.Signbit(f) {
		sb.WriteByte('-')
	}
	if f == 0 {
		sb.WriteString("0.0")
		return sb.String()
	}
	digits, decpt := shortestDigits(f)
	if decpt > -4 && decpt <= 16 {
		writeFixedDigits(&sb, digits, decpt, true)
		return sb.String()
	}
	writeExpDigits(&sb, digits, decpt, false)
	return sb.String()
}

// writeFixedDigits writes 0.DIGITS*10**decpt in fixed notation; with dot0 an
// integral value gets ".0".
func writeFixedDigits(sb *strings.Builder, digits string, decpt int, dot0 bool) {
	switch {
	case decpt <= 0:
		sb.WriteString("0.")
		sb.WriteString(strings.Repeat("0", -decpt))
		sb.WriteString(digits)
	case decpt >= len(digits):
		sb.WriteString(digits)
		sb.WriteString(strings.Repeat("0", decpt-len(digits)))
		if dot0 {
			sb.WriteString(".0")
		}
	default:
		sb.WriteString(digits[:decpt])
		sb.WriteByte('.')
		sb.WriteString(digits[decpt:])
	}
}

// writeExpDigits writes D.IGITSe+XX; with keepDot a single digit still gets a ".".
func writeExpDigits(sb *strings.Builder, digits string, decpt int, keepDot bool) {
	sb.WriteByte(digits[0])
	if len(digits) > 1 || keepDot {
		sb.WriteByte('.')
		sb.WriteString(digits[1:])
	}
	writeExponent(sb, decpt-1)
}

func writeExponent(sb *strings.Builder, e int) {
	sb.WriteByte('e')
	if e < 0 {
		sb.WriteByte('-')
		e = -e
	} else {
		sb.WriteByte('+')
	}
	if e < 10 {
		sb.WriteByte('0')
	}
	sb.WriteString(strconv.Itoa(e))
}

func floatRepr(th *Thread, v Value) (string, error) { return FloatRepr(numPayload(v).AsFloat()), nil }

// toFloat converts an int or float operand for mixed arithmetic.
func toFloat(v Value) (float64, bool, error) {
	switch v.o {
	case floatKind:
		return v.AsFloat(), true, nil
	case intKind, boolKind:
		return float64(int64(v.n)), true, nil
	}
	if b, ok := v.o.(*BigInt); ok {
		f, err := bigToFloat(b.b)
		return f, true, err
	}
	return 0, false, nil
}

// floatBinary computes a op b on floats with Python's semantics.
func floatBinary(op compile.BinaryOp, a, b float64) (Value, error) {
	switch op {
	case compile.BinAdd:
		return Float(a + b), nil
	case compile.BinSub:
		return Float(a - b), nil
	case compile.BinMul:
		return Float(a * b), nil
	case compile.BinTrueDiv:
		if b == 0 {
			return NULL, NewError(ZeroDivisionErrorType, "float division by zero")
		}
		return Float(a / b), nil
	case compile.BinFloorDiv:
		if b == 0 {
			return NULL, NewError(ZeroDivisionErrorType, "float floor division by zero")
		}
		q, _ := floatDivMod(a, b)
		return Float(q), nil
	case compile.BinMod:
		if b == 0 {
			return NULL, NewError(ZeroDivisionErrorType, "float modulo")
		}
		_, m := floatDivMod(a, b)
		return Float(m), nil
	case compile.BinPow:
		return floatPow(a, b)
	}
	return NotImplemented, nil
}

// floatDivMod is CPython's float_divmod (b != 0).
func floatDivMod(a, b float64) (float64, float64) {
	mod := math.Mod(a, b)
	div := (a - mod) / b
	if mod != 0 {
		if (b < 0) != (mod < 0) {
			mod += b
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, b)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, a/b)
	}
	return floordiv, mod
}

// floatPow is a ** b for floats as CPython's float_pow.
func floatPow(a, b float64) (Value, error) {
	if b == 0 {
		return Float(1), nil
	}
	if math.IsNaN(a) {
		if b == 0 {
			return Float(1), nil
		}
		return Float(a), nil
	}
	if a == 0 && b < 0 && !math.IsInf(b, 0) {
		return NULL, NewError(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power")
	}
	if a < 0 && b != math.Floor(b) && !math.IsInf(b, 0) && !math.IsNaN(b) {
		return complexPow(Complex{a, 0}, Complex{b, 0}) // (-8) ** (1/3)
	}
	r := libmPow(a, b)
	if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
		return NULL, NewError(OverflowErrorType, "(34, 'Numerical result out of range')")
	}
	return Float(r), nil
}

func floatBinarySlot(th *Thread, op compile.BinaryOp, v, w Value, reflected bool) (Value, error) {
	if op >= compile.InplaceOffset {
		return NotImplemented, nil
	}
	v, w = numPayload(v), numPayload(w)
	a, ok, err := toFloat(v)
	if !ok || err != nil {
		return NotImplemented, err
	}
	b, ok, err := toFloat(w)
	if !ok {
		return NotImplemented, nil
	}
	if err != nil {
		return NULL, err
	}
	if reflected {
		a, b = b, a
	}
	return floatBinary(op, a, b)
}

func floatUnary(th *Thread, op byte, v Value) (Value, error) {
	v = numPayload(v)
	switch ast.Op(op) {
	case ast.USub:
		return Float(-v.AsFloat()), nil
	case ast.UAdd:
		return v, nil
	}
	return NotImplemented, nil
}

// cmpFloatInt compares a float with an int exactly (no rounding of the int):
// -1, 0, 1; NaN compares as unordered, reported as 2 (every op false but !=).
func cmpFloatInt(f float64, i Value) int {
	if math.IsNaN(f) {
		return 2
	}
	if math.IsInf(f, 0) {
		if f > 0 {
			return 1
		}
		return -1
	}
	if x, ok := IntValue(i); ok && x > -1<<53 && x < 1<<53 {
		return cmpFloats(f, float64(x))
	}
	b, _ := toBig(i)
	return new(big.Rat).SetFloat64(f).Cmp(new(big.Rat).SetInt(b)) // the float's exact value
}

func cmpFloats(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	case a == b:
		return 0
	}
	return 2
}

// floatCmpResult is cmpResult where 2 means unordered (NaN).
func floatCmpResult(c int, op compile.CompareOp) bool {
	if c == 2 {
		return op == compile.CmpNe
	}
	return cmpResult(c, op)
}

func floatCompare(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
	v, w = numPayload(v), numPayload(w)
	a := v.AsFloat()
	if w.IsFloat() {
		return Bool(floatCmpResult(cmpFloats(a, w.AsFloat()), op)), nil
	}
	if isInt(w) {
		return Bool(floatCmpResult(cmpFloatInt(a, w), op)), nil
	}
	return NotImplemented, nil
}

func floatHash(th *Thread, v Value) (int64, error) { return hashFloat(numPayload(v).AsFloat()), nil }

func floatBool(th *Thread, v Value) (bool, error) { return numPayload(v).AsFloat() != 0, nil }

func init() {
	t := FloatType
	t.Repr = floatRepr
	t.Hash = floatHash
	t.Bool = floatBool
	t.Binary = floatBinarySlot
	t.Unary = floatUnary
	t.Compare = floatCompare
}
