package vm

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/pya-lang/pya/vm/compile"
)

func intSelf(args []Value) *big.Int {
	b, _ := toBig(args[0])
	return b
}

// asPlainInt returns v as an int (bools become ints).
func asPlainInt(v Value) Value {
	if v.o == boolKind {
		return Int(int64(v.n))
	}
	return v
}

func addIntMethods() {
	getters := map[string]func(th *Thread, v Value) (Value, error){
		"real":        func(th *Thread, v Value) (Value, error) { return asPlainInt(v), nil },
		"imag":        func(th *Thread, v Value) (Value, error) { return Int(0), nil },
		"numerator":   func(th *Thread, v Value) (Value, error) { return asPlainInt(v), nil },
		"denominator": func(th *Thread, v Value) (Value, error) { return Int(1), nil },
	}
	IntType.AddGetters(numSelfGetters(getters))
	self := func(fname string, f func(th *Thread, v Value) (Value, error)) NativeFunc {
		return func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("int."+fname, args, kwnames); err != nil {
				return NULL, err
			}
			return f(th, args[0])
		}
	}
	plain := func(th *Thread, v Value) (Value, error) { return asPlainInt(v), nil }
	IntType.AddMethods(numSelfMethods(map[string]NativeFunc{
		"bit_length": self("bit_length", func(th *Thread, v Value) (Value, error) {
			if i, ok := IntValue(v); ok {
				if i < 0 {
					i = -i
				}
				return Int(int64(bits.Len64(uint64(i)))), nil
			}
			b, _ := toBig(v)
			return Int(int64(b.BitLen())), nil
		}),
		"bit_count": self("bit_count", func(th *Thread, v Value) (Value, error) {
			b, _ := toBig(v)
			n := 0
			for _, w := range new(big.Int).Abs(b).Bits() {
				n += bits.OnesCount(uint(w))
			}
			return Int(int64(n)), nil
		}),
		"conjugate": self("conjugate", plain),
		"__index__": self("__index__", plain),
		"__int__":   self("__int__", plain),
		"__trunc__": self("__trunc__", plain),
		"__floor__": self("__floor__", plain),
		"__ceil__":  self("__ceil__", plain),
		"__abs__":   self("__abs__", func(th *Thread, v Value) (Value, error) { return intAbs(v), nil }),
		"__float__": self("__float__", func(th *Thread, v Value) (Value, error) { f, _, err := toFloat(v); return Float(f), err }),
		"__repr__":  self("__repr__", func(th *Thread, v Value) (Value, error) { s, err := Repr(th, v); return NewStr(s), err }),
		"__round__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("__round__", "int.__round__", args, kwnames, 0, 1); err != nil {
				return NULL, err
			}
			return Round(th, args[0], optArg(args, 1))
		},
		"__getnewargs__": self("__getnewargs__", func(th *Thread, v Value) (Value, error) {
			return NewTuple([]Value{asPlainInt(v)}), nil
		}),
		"as_integer_ratio": self("as_integer_ratio", func(th *Thread, v Value) (Value, error) {
			return NewTuple([]Value{asPlainInt(v), Int(1)}), nil
		}),
		"to_bytes": intToBytes,
	}))
	IntType.AddMethods(map[string]NativeFunc{"__format__": numFormatMethod(IntType)})
	IntType.AddClassMethods(map[string]NativeFunc{"from_bytes": intFromBytes})
}

// formatMethod is the __format__ method of a built-in type (through Format).
func formatMethod(tname string) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsOne(tname+".__format__", args, kwnames); err != nil {
			return NULL, err
		}
		spec, ok := args[1].o.(*Str)
		if !ok {
			return NULL, NewError(TypeErrorType, "%s.__format__() argument must be str, not %s", tname, TypeName(args[1]))
		}
		s, err := Format(th, args[0], spec.s)
		if err != nil {
			return NULL, err
		}
		return NewStr(s), nil
	}
}

func intAbs(v Value) Value {
	if i, ok := IntValue(v); ok {
		if i < 0 {
			if i == math.MinInt64 {
				return NewBigInt(new(big.Int).Neg(big.NewInt(i)))
			}
			return Int(-i)
		}
		return Int(i)
	}
	b, _ := toBig(v)
	return NewBigInt(new(big.Int).Abs(b))
}

// byteorderArg checks "big"/"little".
func byteorderArg(v Value) (bool, error) {
	s, ok := v.o.(*Str)
	if !ok {
		return false, NewError(TypeErrorType, "to_bytes() argument 'byteorder' must be str, not %s", TypeName(v))
	}
	switch s.s {
	case "big":
		return true, nil
	case "little":
		return false, nil
	}
	return false, NewError(ValueErrorType, "byteorder must be either 'little' or 'big'")
}

func intToBytes(th *Thread, args []Value, kwnames []string) (Value, error) {
	length, order, signed := Int(1), NewStr("big"), False
	if err := ParseArgs("to_bytes", args[1:], kwnames, []string{"length?", "byteorder?", "$signed?"}, &length, &order, &signed); err != nil {
		return NULL, err
	}
	n, err := indexArg(th, length)
	if err != nil {
		return NULL, err
	}
	if n < 0 {
		return NULL, NewError(ValueErrorType, "length argument must be non-negative")
	}
	bigEndian, err := byteorderArg(order)
	if err != nil {
		return NULL, err
	}
	sg, err := Truth(th, signed)
	if err != nil {
		return NULL, err
	}
	b := intSelf(args)
	if b.Sign() < 0 && !sg {
		return NULL, NewError(OverflowErrorType, "can't convert negative int to unsigned")
	}
	v := new(big.Int).Set(b)
	if b.Sign() < 0 {
		v.Add(v, new(big.Int).Lsh(bigOne, uint(8*n))) // two's complement
	}
	limit := 8 * int(n)
	if sg {
		limit--
	}
	bl := b.BitLen()
	if b.Sign() < 0 {
		bl = new(big.Int).Sub(new(big.Int).Neg(b), bigOne).BitLen()
	}
	if bl > limit || v.Sign() < 0 {
		return NULL, NewError(OverflowErrorType, "int too big to convert")
	}
	out := make([]byte, n)
	v.FillBytes(out)
	if !bigEndian {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return NewBytes(out), nil
}

func intFromBytes(th *Thread, args []Value, kwnames []string) (Value, error) {
	var src Value
	order, signed := NewStr("big"), False
	if err := ParseArgs("from_bytes", args[1:], kwnames, []string{"bytes", "byteorder?", "$signed?"}, &src, &order, &signed); err != nil {
		return NULL, err
	}
	b, err := bytesFromIterable(th, src)
	if err != nil {
		return NULL, err
	}
	bigEndian, err := byteorderArg(order)
	if err != nil {
		return NULL, err
	}
	sg, err := Truth(th, signed)
	if err != nil {
		return NULL, err
	}
	if !bigEndian {
		for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
			b[i], b[j] = b[j], b[i]
		}
	}
	v := new(big.Int).SetBytes(b)
	if sg && len(b) > 0 && b[0]&0x80 != 0 {
		v.Sub(v, new(big.Int).Lsh(bigOne, uint(8*len(b))))
	}
	if cls, ok := args[0].o.(*Type); ok && cls != IntType {
		return th.Call(args[0], []Value{NewBigInt(v)}, nil) // a subclass: cls(value)
	}
	return NewBigInt(v), nil
}

// Round is round(x, ndigits) (ndigits NULL or None: round to an int).
func Round(th *Thread, x, ndigits Value) (Value, error) {
	hasN := !ndigits.IsNull() && !ndigits.IsNone()
	var n int64
	if hasN {
		var err error
		if n, err = indexArg(th, ndigits); err != nil {
			return NULL, err
		}
	}
	switch {
	case isInt(x):
		if !hasN || n >= 0 {
			return asPlainInt(x), nil
		}
		b, _ := toBig(x)
		if -n > 4400 {
			return Int(0), nil
		}
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-n), nil)
		q, r := bigDivMod(b, p)
		// Round half to even.
		twice := new(big.Int).Lsh(r, 1)
		if c := twice.Cmp(p); c > 0 || c == 0 && q.Bit(0) == 1 {
			q.Add(q, bigOne)
		}
		return NewBigInt(q.Mul(q, p)), nil
	case x.IsFloat():
		f := x.AsFloat()
		if !hasN {
			return IntFromFloat(math.RoundToEven(f))
		}
		return Float(roundFloat(f, n)), nil
	}
	r, ok, err := objCallSpecialArg(th, x, "__round__", ndigits, hasN)
	if err != nil || ok {
		return r, err
	}
	return NULL, NewError(TypeErrorType, "type %s doesn't define __round__ method", TypeName(x))
}

// objCallSpecialArg calls type(x).name(x[, arg]).
func objCallSpecialArg(th *Thread, x Value, name string, arg Value, withArg bool) (Value, bool, error) {
	m := x.Type().Lookup(name)
	if m.IsNull() {
		return NULL, false, nil
	}
	args := []Value{x}
	if withArg {
		args = append(args, arg)
	}
	if md, ok := m.o.(*MethodDescr); ok {
		r, err := md.Fn(th, args, nil)
		return r, true, err
	}
	r, err := th.Call(m, args, nil)
	return r, true, err
}

// roundFloat rounds f to n decimal digits, correctly (round half to even
// on the exact binary value, as CPython's dtoa-based float.__round__).
func roundFloat(f float64, n int64) float64 {
	if math.IsInf(f, 0) || math.IsNaN(f) || f == 0 {
		return f
	}
	if n > 330 {
		return f
	}
	if n < -330 {
		return math.Copysign(0, f)
	}
	if n >= 0 {
		r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', int(n), 64), 64)
		if r == 0 {
			return math.Copysign(0, f)
		}
		return r
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-n), nil)
	exact := new(big.Rat).SetFloat64(f)
	q := new(big.Rat).Quo(exact, new(big.Rat).SetInt(p))
	num, den := q.Num(), q.Denom()
	iq, rem := bigDivMod(num, den)
	twice := new(big.Int).Lsh(rem, 1)
	if c := twice.Cmp(den); c > 0 || c == 0 && iq.Bit(0) == 1 {
		iq.Add(iq, bigOne)
	}
	r, _ := new(big.Float).SetInt(iq.Mul(iq, p)).Float64()
	if r == 0 {
		return math.Copysign(0, f)
	}
	return r
}

// DivMod is divmod(a, b).
func DivMod(th *Thread, a, b Value) (Value, error) {
	if isInt(a) && isInt(b) {
		q, err := BinaryOp(th, compile.BinFloorDiv, a, b)
		if err != nil {
			return NULL, err
		}
		m, err := BinaryOp(th, compile.BinMod, a, b)
		if err != nil {
			return NULL, err
		}
		return NewTuple([]Value{q, m}), nil
	}
	x, ok1, err := toFloat(a)
	if err != nil {
		return NULL, err
	}
	y, ok2, err := toFloat(b)
	if err != nil {
		return NULL, err
	}
	if ok1 && ok2 {
		if y == 0 {
			return NULL, NewError(ZeroDivisionErrorType, "float divmod()")
		}
		q, m := floatDivMod(x, y)
		return NewTuple([]Value{Float(q), Float(m)}), nil
	}
	if r, ok, err := objCallSpecialArg(th, a, "__divmod__", b, true); err != nil || ok && !r.IsNotImplemented() {
		return r, err
	}
	if r, ok, err := objCallSpecialArg(th, b, "__rdivmod__", a, true); err != nil || ok && !r.IsNotImplemented() {
		return r, err
	}
	return NULL, NewError(TypeErrorType, "unsupported operand type(s) for divmod(): '%s' and '%s'", TypeName(a), TypeName(b))
}

// Pow is pow(a, b[, m]) (m NULL or None: a ** b).
func Pow(th *Thread, a, b, m Value) (Value, error) {
	if m.IsNull() || m.IsNone() {
		return BinaryOp(th, compile.BinPow, a, b)
	}
	x, ok1 := toBig(a)
	y, ok2 := toBig(b)
	z, ok3 := toBig(m)
	if !ok1 || !ok2 || !ok3 {
		if r, ok, err := objCallPow3(th, a, b, m); ok || err != nil {
			return r, err
		}
		return NULL, NewError(TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers")
	}
	if z.Sign() == 0 {
		return NULL, NewError(ValueErrorType, "pow() 3rd argument cannot be 0")
	}
	az := new(big.Int).Abs(z)
	base := new(big.Int).Mod(x, az)
	exp := y
	if y.Sign() < 0 {
		inv := new(big.Int).ModInverse(base, az)
		if inv == nil {
			return NULL, NewError(ValueErrorType, "base is not invertible for the given modulus")
		}
		base, exp = inv, new(big.Int).Neg(y)
	}
	r := new(big.Int).Exp(base, exp, az)
	if z.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, z)
	}
	return NewBigInt(r), nil
}

// objCallPow3 calls a.__pow__(b, m) for user types.
func objCallPow3(th *Thread, a, b, m Value) (Value, bool, error) {
	if a.Type().Flags&TypeHeap == 0 {
		return NULL, false, nil
	}
	f := a.Type().Lookup("__pow__")
	if f.IsNull() {
		return NULL, false, nil
	}
	r, err := th.Call(f, []Value{a, b, m}, nil)
	return r, true, err
}

func init() {
	addIntMethods()
}
