package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pya-lang/pya/vm/compile"
)

// biBig returns the value of an int (or bool) as a big.Int, ok false for
// other values. The result may be shared: do not mutate it.
func biBig(v Value) (*big.Int, bool) {
	switch v.o {
	case intKind, boolKind:
		return big.NewInt(int64(v.n)), true
	}
	if b, ok := v.o.(*BigInt); ok {
		return b.b, true
	}
	return nil, false
}

// biIndex is operator.index(v): ints as they are, else __index__, else
// TypeError "'float' object cannot be interpreted as an integer".
func biIndex(th *Thread, v Value) (Value, error) {
	if v.IsInt() {
		return v, nil
	}
	if v.IsBool() {
		return Int(v.AsInt()), nil
	}
	if _, ok := v.o.(*BigInt); ok {
		return v, nil
	}
	if m := v.Type().Lookup("__index__"); !m.IsNull() && !v.IsFloat() {
		r, err := CallUnbound(th, m, v)
		if err != nil {
			return NULL, err
		}
		if _, ok := biBig(r); !ok {
			return NULL, NewError(TypeErrorType, "__index__ returned non-int (type %s)", biTypeName(r))
		}
		return r, nil
	}
	return NULL, NewError(TypeErrorType, "'%s' object cannot be interpreted as an integer", biTypeName(v))
}

// biIndexInt is biIndex narrowed to int64 (OverflowError beyond).
func biIndexInt(th *Thread, v Value) (int64, error) {
	r, err := biIndex(th, v)
	if err != nil {
		return 0, err
	}
	if r.IsInt() {
		return r.AsInt(), nil
	}
	return 0, NewError(OverflowErrorType, "Python int too large to convert to C ssize_t")
}

// biCallDunder calls type(v).name(v, args...) when the type defines it;
// found is false when it does not.
func biCallDunder(th *Thread, v Value, name string, args ...Value) (r Value, found bool, err error) {
	m := v.Type().Lookup(name)
	if m.IsNull() {
		return NULL, false, nil
	}
	r, err = CallUnbound(th, m, v, args...)
	return r, true, err
}

// CallUnbound calls m, an attribute found on self's type (a function or a
// method descriptor), with self as its first argument.
func CallUnbound(th *Thread, m, self Value, args ...Value) (Value, error) {
	all := make([]Value, 0, len(args)+1)
	all = append(all, self)
	all = append(all, args...)
	if d, ok := m.o.(*MethodDescr); ok {
		if err := th.enter(); err != nil {
			return NULL, err
		}
		r, err := d.Fn(th, all, nil)
		th.depth--
		if err != nil {
			return NULL, asException(err)
		}
		return r, nil
	}
	return th.Call(m, all, nil)
}

// biExactlyOne checks the argument count of a one-argument builtin.
func biExactlyOne(name string, args []Value, kwnames []string) error {
	if len(kwnames) > 0 {
		return NewError(TypeErrorType, "%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return NewError(TypeErrorType, "%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}

// biArgCount checks "name expected N arguments, got M" style counts.
func biArgCount(name string, args []Value, kwnames []string, min, max int) error {
	if len(kwnames) > 0 {
		return NewError(TypeErrorType, "%s() takes no keyword arguments", name)
	}
	n := len(args)
	switch {
	case min == max && n != min:
		return NewError(TypeErrorType, "%s expected %d argument%s, got %d", name, min, plural(min), n)
	case n < min:
		return NewError(TypeErrorType, "%s expected at least %d argument%s, got %d", name, min, plural(min), n)
	case n > max:
		return NewError(TypeErrorType, "%s expected at most %d argument%s, got %d", name, max, plural(max), n)
	}
	return nil
}

func biLen(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biExactlyOne("len", args, kwnames); err != nil {
		return NULL, err
	}
	n, err := Len(th, args[0])
	if err != nil {
		return NULL, err
	}
	return Int(int64(n)), nil
}

func biRepr(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biExactlyOne("repr", args, kwnames); err != nil {
		return NULL, err
	}
	s, err := Repr(th, args[0])
	if err != nil {
		return NULL, err
	}
	return NewStr(s), nil
}

func biASCII(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biExactlyOne("ascii", args, kwnames); err != nil {
		return NULL, err
	}
	s, err := Repr(th, args[0])
	if err != nil {
		return NULL, err
	}
	return NewStr(biASCIIEscape(s)), nil
}

// biASCIIEscape escapes non-ASCII characters as ascii() does.
func biASCIIEscape(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			sb.WriteRune(r)
		case r < 0x100:
			sb.WriteString(`\x` + biHex2(int64(r), 2))
		case r < 0x10000:
			sb.WriteString(`\u` + biHex2(int64(r), 4))
		default:
			sb.WriteString(`\U` + biHex2(int64(r), 8))
		}
	}
	return sb.String()
}

func biHex2(v int64, width int) string {
	s := strconv.FormatInt(v, 16)
	return strings.Repeat("0", width-len(s)) + s
}

func biFormat(th *Thread, args []Value, kwnames []string) (Value, error) {
	var v, spec Value
	if err := ParseArgs("format", args, kwnames, []string{"value", "format_spec?"}, &v, &spec); err != nil {
		return NULL, err
	}
	sp := ""
	if !spec.IsNull() {
		s, ok := spec.o.(*Str)
		if !ok {
			return NULL, NewError(TypeErrorType, "format() argument 2 must be str, not %s", biTypeName(spec))
		}
		sp = s.s
	}
	s, err := Format(th, v, sp)
	if err != nil {
		return NULL, err
	}
	return NewStr(s), nil
}

func biID(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biExactlyOne("id", args, kwnames); err != nil {
		return NULL, err
	}
	h := uint64(IdentityHash(args[0]))
	return NewBigInt(new(big.Int).SetUint64(h<<4 | h>>60)), nil
}

func biHash(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biExactlyOne("hash", args, kwnames); err != nil {
		return NULL, err
	}
	h, err := Hash(th, args[0])
	if err != nil {
		return NULL, err
	}
	return Int(h), nil
}

func biAbs(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biExactlyOne("abs", args, kwnames); err != nil {
		return NULL, err
	}
	v := args[0]
	switch {
	case v.IsInt(), v.IsBool():
		if i := v.AsInt(); i >= 0 {
			return Int(i), nil
		} else if i != math.MinInt64 {
			return Int(-i), nil
		}
		return NewBigInt(new(big.Int).Neg(big.NewInt(v.AsInt()))), nil
	case v.IsFloat():
		return Float(math.Abs(v.AsFloat())), nil
	}
	if b, ok := v.o.(*BigInt); ok {
		return NewBigInt(new(big.Int).Abs(b.b)), nil
	}
	r, found, err := biCallDunder(th, v, "__abs__")
	if !found {
		return NULL, NewError(TypeErrorType, "bad operand type for abs(): '%s'", biTypeName(v))
	}
	return r, err
}

func biDivmod(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("divmod", args, kwnames, 2, 2); err != nil {
		return NULL, err
	}
	a, b := numOperand(args[0], "__divmod__"), numOperand(args[1], "__rdivmod__")
	_, aInt := biBig(a)
	_, bInt := biBig(b)
	if (aInt || a.IsFloat()) && (bInt || b.IsFloat()) {
		if a.IsFloat() || b.IsFloat() {
			if bf, _ := biToFloat(b); bf == 0 {
				return NULL, NewError(ZeroDivisionErrorType, "float divmod()")
			}
		}
		q, err := BinaryOp(th, compile.BinFloorDiv, a, b)
		if err != nil {
			return NULL, err
		}
		r, err := BinaryOp(th, compile.BinMod, a, b)
		if err != nil {
			return NULL, err
		}
		return NewTuple([]Value{q, r}), nil
	}
	a, b = args[0], args[1]
	if r, found, err := biCallDunder(th, a, "__divmod__", b); found && (err != nil || !r.IsNotImplemented()) {
		return r, err
	}
	if r, found, err := biCallDunder(th, b, "__rdivmod__", a); found && (err != nil || !r.IsNotImplemented()) {
		return r, err
	}
	return NULL, NewError(TypeErrorType, "unsupported operand type(s) for divmod(): '%s' and '%s'", biTypeName(a), biTypeName(b))
}

// biToFloat converts an int or float to float64.
func biToFloat(v Value) (float64, bool) {
	if v.IsFloat() {
		return v.AsFloat(), true
	}
	if b, ok := biBig(v); ok {
		f, _ := new(big.Float).SetInt(b).Float64()
		return f, true
	}
	return 0, false
}

func biPow(th *Thread, args []Value, kwnames []string) (Value, error) {
	var base, exp, mod Value
	if err := ParseArgs("pow", args, kwnames, []string{"base", "exp", "mod?"}, &base, &exp, &mod); err != nil {
		return NULL, err
	}
	if mod.IsNull() || mod.IsNone() {
		return BinaryOp(th, compile.BinPow, base, exp)
	}
	b, ok1 := biBig(numOperand(base, "__pow__"))
	e, ok2 := biBig(numPayload(exp))
	m, ok3 := biBig(numPayload(mod))
	if !ok1 || !ok2 || !ok3 {
		return ternaryPow(th, base, exp, mod)
	}
	if m.Sign() == 0 {
		return NULL, NewError(ValueErrorType, "pow() 3rd argument cannot be 0")
	}
	am := new(big.Int).Abs(m)
	bb := new(big.Int).Set(b)
	if e.Sign() < 0 {
		inv := new(big.Int).ModInverse(new(big.Int).Mod(bb, am), am)
		if inv == nil {
			return NULL, NewError(ValueErrorType, "base is not invertible for the given modulus")
		}
		bb = inv
		e = new(big.Int).Neg(e)
	}
	r := new(big.Int).Exp(bb, e, am)
	r.Mod(r, am)
	// The result takes the sign of the modulus, as Python's % does.
	if m.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, m)
	}
	return NewBigInt(r), nil
}

func biRound(th *Thread, args []Value, kwnames []string) (Value, error) {
	var num, nd Value
	if err := ParseArgs("round", args, kwnames, []string{"number", "ndigits?"}, &num, &nd); err != nil {
		return NULL, err
	}
	if nd.IsNone() {
		nd = NULL
	}
	if !nd.IsNull() {
		if _, err := biIndex(th, nd); err != nil {
			return NULL, err
		}
	}
	switch {
	case num.IsFloat():
		return biRoundFloat(th, num.AsFloat(), nd)
	case num.IsInt(), num.IsBool():
		return biRoundInt(th, num, nd)
	}
	if _, ok := num.o.(*BigInt); ok {
		return biRoundInt(th, num, nd)
	}
	var r Value
	var found bool
	var err error
	if nd.IsNull() {
		r, found, err = biCallDunder(th, num, "__round__")
	} else {
		r, found, err = biCallDunder(th, num, "__round__", nd)
	}
	if !found {
		return NULL, NewError(TypeErrorType, "type %s doesn't define __round__ method", biTypeName(num))
	}
	return r, err
}

// biRoundFloat rounds half to even on the exact binary value, as CPython's
// float.__round__ does.
func biRoundFloat(th *Thread, x float64, nd Value) (Value, error) {
	if nd.IsNull() {
		if math.IsInf(x, 0) {
			return NULL, NewError(OverflowErrorType, "cannot convert float infinity to integer")
		}
		if math.IsNaN(x) {
			return NULL, NewError(ValueErrorType, "cannot convert float NaN to integer")
		}
		r := math.RoundToEven(x)
		if math.Abs(r) < 1<<62 {
			return Int(int64(r)), nil
		}
		b, _ := new(big.Float).SetFloat64(r).Int(nil)
		return NewBigInt(b), nil
	}
	n, err := biIndexInt(th, nd)
	if err != nil {
		return NULL, err
	}
	if math.IsInf(x, 0) || math.IsNaN(x) || x == 0 || n > 400 {
		return Float(x), nil
	}
	if n < -400 {
		return Float(math.Copysign(0, x)), nil
	}
	if n >= 0 {
		s := strconv.FormatFloat(x, 'f', int(n), 64)
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return Float(x), nil
		}
		return Float(math.Copysign(f, x)), nil
	}
	// Negative ndigits: round the exact value to a multiple of 10**-n.
	r := new(big.Rat).SetFloat64(x)
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-n), nil)
	q := new(big.Rat).Quo(r, new(big.Rat).SetInt(p))
	qi := biRoundRatHalfEven(q)
	f, _ := new(big.Rat).SetInt(qi.Mul(qi, p)).Float64()
	if math.IsInf(f, 0) {
		return NULL, NewError(OverflowErrorType, "rounded value too large to represent")
	}
	return Float(math.Copysign(f, x)), nil
}

// biRoundRatHalfEven rounds q to the nearest integer, ties to even.
func biRoundRatHalfEven(q *big.Rat) *big.Int {
	num, den := q.Num(), q.Denom()
	quo, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	// Compare 2*|rem| with den.
	twice := new(big.Int).Abs(rem)
	twice.Lsh(twice, 1)
	c := twice.Cmp(den)
	if c > 0 || (c == 0 && quo.Bit(0) == 1) {
		if num.Sign() < 0 {
			quo.Sub(quo, big.NewInt(1))
		} else {
			quo.Add(quo, big.NewInt(1))
		}
	}
	return quo
}

// biRoundInt is int.__round__: identity, or rounding half to even to a
// multiple of 10**-ndigits.
func biRoundInt(th *Thread, v, nd Value) (Value, error) {
	if v.IsBool() {
		v = Int(v.AsInt())
	}
	if nd.IsNull() {
		return v, nil
	}
	n, err := biIndexInt(th, nd)
	if err != nil {
		return NULL, err
	}
	if n >= 0 {
		return v, nil
	}
	b, _ := biBig(v)
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-n), nil)
	q := biRoundRatHalfEven(new(big.Rat).SetFrac(b, p))
	return NewBigInt(q.Mul(q, p)), nil
}

func biChr(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biExactlyOne("chr", args, kwnames); err != nil {
		return NULL, err
	}
	i, err := biIndex(th, args[0])
	if err != nil {
		return NULL, err
	}
	if !i.IsInt() {
		return NULL, NewError(OverflowErrorType, "Python int too large to convert to C int")
	}
	c := i.AsInt()
	if c < 0 || c >= 0x110000 {
		return NULL, NewError(ValueErrorType, "chr() arg not in range(0x110000)")
	}
	return NewStr(string(rune(c))), nil
}

func biOrd(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biExactlyOne("ord", args, kwnames); err != nil {
		return NULL, err
	}
	v := args[0]
	if s, ok := v.o.(*Str); ok {
		if n := utf8.RuneCountInString(s.s); n != 1 {
			return NULL, NewError(TypeErrorType, "ord() expected a character, but string of length %d found", n)
		}
		r, _ := utf8.DecodeRuneInString(s.s)
		return Int(int64(r)), nil
	}
	if b, ok := biBytesOf(v); ok {
		if len(b) != 1 {
			return NULL, NewError(TypeErrorType, "ord() expected a character, but string of length %d found", len(b))
		}
		return Int(int64(b[0])), nil
	}
	return NULL, NewError(TypeErrorType, "ord() expected string of length 1, but %s found", biTypeName(v))
}

// biIntBase formats an int in base 2, 8 or 16 with its prefix ("-0x1f").
func biIntBase(th *Thread, name string, args []Value, kwnames []string, base int, prefix string) (Value, error) {
	if err := biExactlyOne(name, args, kwnames); err != nil {
		return NULL, err
	}
	i, err := biIndex(th, args[0])
	if err != nil {
		return NULL, err
	}
	b, _ := biBig(i)
	s := b.Text(base)
	if strings.HasPrefix(s, "-") {
		return NewStr("-" + prefix + s[1:]), nil
	}
	return NewStr(prefix + s), nil
}

func biHex(th *Thread, args []Value, kwnames []string) (Value, error) {
	return biIntBase(th, "hex", args, kwnames, 16, "0x")
}

func biOct(th *Thread, args []Value, kwnames []string) (Value, error) {
	return biIntBase(th, "oct", args, kwnames, 8, "0o")
}

func biBin(th *Thread, args []Value, kwnames []string) (Value, error) {
	return biIntBase(th, "bin", args, kwnames, 2, "0b")
}

// ternaryPow is pow(base, exp, mod) when not all three are ints, as
// CPython's ternary_op: a user class's __pow__(exp, mod) on base; else
// float's power, reached when any operand is a float, refuses a modulus
// before looking at the operands; else the operand types are unsupported.
func ternaryPow(th *Thread, base, exp, mod Value) (Value, error) {
	if userDefined(base.Type(), "__pow__") {
		r, _, err := biCallDunder(th, base, "__pow__", exp, mod)
		if err != nil || !r.IsNotImplemented() {
			return r, err
		}
	}
	// Each operand's power slot in turn: float's refuses any modulus,
	// complex's one once base and exp convert to complex.
	for _, v := range []Value{base, exp, mod} {
		switch numPayload(v).o.(type) {
		case *kindMarker:
			if numPayload(v).o == floatKind {
				return NULL, NewError(TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers")
			}
		case *Complex:
			_, ok1, _ := toComplex(base)
			_, ok2, _ := toComplex(exp)
			if ok1 && ok2 {
				return NULL, NewError(ValueErrorType, "complex modulo")
			}
		}
	}
	return NULL, NewError(TypeErrorType, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", TypeName(base), TypeName(exp), TypeName(mod))
}
