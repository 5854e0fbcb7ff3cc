package vm

import (
	"math"
	"math/big"
	"strings"
	"unicode"
)

// ParseInt is int(s, base): whitespace around, a sign, an optional base
// prefix (required to match for base 0), underscores between digits; the
// default limit on digits applies (see int_str_limit.go).
func ParseInt(s string, base int) (Value, error) { return parseInt(nil, s, base) }

// parseInt is ParseInt under th's limit on digits.
func parseInt(th *Thread, s string, base int) (Value, error) {
	if base != 0 && (base < 2 || base > 36) {
		return NULL, NewError(ValueErrorType, "int() base must be >= 2 and <= 36, or 0")
	}
	bad := func() error {
		return NewError(ValueErrorType, "invalid literal for int() with base %d: %s", base, StrRepr(s))
	}
	t := strings.TrimFunc(s, isPySpace)
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	b := base
	prefixed := false
	if len(t) >= 2 && t[0] == '0' {
		p := t[1] | 0x20
		if p == 'x' && (b == 0 || b == 16) || p == 'o' && (b == 0 || b == 8) || p == 'b' && (b == 0 || b == 2) {
			b = map[byte]int{'x': 16, 'o': 8, 'b': 2}[p]
			t = t[2:]
			prefixed = true
		}
	}
	if b == 0 {
		b = 10
		if len(strings.TrimLeft(t, "0_")) > 0 && t[0] == '0' {
			return NULL, bad() // "010" is not allowed with base 0
		}
	}
	// Underscores: single, between digits (or right after a base prefix).
	var digits strings.Builder
	prevUnderscore := !prefixed
	for i, r := range t {
		if r == '_' {
			if prevUnderscore || i == len(t)-1 {
				return NULL, bad()
			}
			prevUnderscore = true
			continue
		}
		prevUnderscore = false
		d := digitValue(r)
		if d < 0 || d >= b {
			return NULL, bad()
		}
		digits.WriteByte("0123456789abcdefghijklmnopqrstuvwxyz"[d])
	}
	ds := digits.String()
	if ds == "" {
		return NULL, bad()
	}
	if b&(b-1) != 0 && len(ds) > MaxStrDigitsThreshold {
		if limit := maxStrDigits(th); limit > 0 && len(ds) > limit {
			return NULL, errStrDigitsToInt(limit, len(ds))
		}
	}
	if len(ds) <= 18 && b <= 10 || len(ds) <= 12 {
		var n int64
		for i := 0; i < len(ds); i++ {
			n = n*int64(b) + int64(digitValue(rune(ds[i])))
		}
		if neg {
			n = -n
		}
		return Int(n), nil
	}
	z, ok := new(big.Int).SetString(ds, b)
	if !ok {
		return NULL, bad()
	}
	if neg {
		z.Neg(z)
	}
	return NewBigInt(z), nil
}

// digitValue is the value of a digit in bases up to 36 (Unicode decimal
// digits included), or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= 'a' && r <= 'z':
		return int(r-'a') + 10
	case r >= 'A' && r <= 'Z':
		return int(r-'A') + 10
	case r > 0x7f && unicode.Is(unicode.Nd, r):
		// Decimal digits come in contiguous runs of ten starting at a zero.
		for z := r; z > r-10; z-- {
			if !unicode.Is(unicode.Nd, z-1) || (r-z) == 9 {
				return int(r - z)
			}
		}
	}
	return -1
}

// IntFromFloat is int(f): truncation toward zero.
func IntFromFloat(f float64) (Value, error) {
	if math.IsInf(f, 0) {
		return NULL, NewError(OverflowErrorType, "cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return NULL, NewError(ValueErrorType, "cannot convert float NaN to integer")
	}
	t := math.Trunc(f)
	if t >= -(1<<63) && t < 1<<63 {
		return Int(int64(t)), nil
	}
	b, _ := new(big.Float).SetFloat64(t).Int(nil)
	return NewBigInt(b), nil
}

// objCallSpecial calls type(v).name(v) when v's (user) type defines it.
func objCallSpecial(th *Thread, v Value, name string) (Value, bool, error) {
	m := v.Type().Lookup(name)
	if m.IsNull() {
		return NULL, false, nil
	}
	if md, ok := m.o.(*MethodDescr); ok {
		r, err := md.Fn(th, []Value{v}, nil)
		return r, true, err
	}
	r, err := th.Call(m, []Value{v}, nil)
	return r, true, err
}

// ToInt is int(x) for one argument.
func ToInt(th *Thread, x Value) (Value, error) {
	switch {
	case x.o == intKind:
		return x, nil
	case x.o == boolKind:
		return Int(int64(x.n)), nil
	case x.o == floatKind:
		return IntFromFloat(x.AsFloat())
	}
	switch o := x.o.(type) {
	case *BigInt:
		return x, nil
	case *Str:
		return parseInt(th, o.s, 10)
	case *Bytes:
		v, err := parseInt(th, string(o.B), 10)
		if err != nil {
			return NULL, NewError(ValueErrorType, "invalid literal for int() with base 10: %s", BytesRepr(o.B))
		}
		return v, nil
	}
	for _, name := range []string{"__int__", "__index__", "__trunc__"} {
		r, ok, err := objCallSpecial(th, x, name)
		if err != nil {
			return NULL, err
		}
		if ok {
			if !isInt(r) {
				if name == "__trunc__" {
					return ToInt(th, r)
				}
				return NULL, NewError(TypeErrorType, "%s returned non-int (type %s)", name, TypeName(r))
			}
			if r.o == boolKind {
				r = Int(int64(r.n))
			}
			return r, nil
		}
	}
	return NULL, NewError(TypeErrorType, "int() argument must be a string, a bytes-like object or a real number, not '%s'", TypeName(x))
}

// intValueOf is int(x=0, base=10) as a plain int.
func intValueOf(th *Thread, args []Value, kwnames []string) (Value, error) {
	var x, base Value
	if err := ParseArgs("int", args, kwnames, []string{"x?", "base?"}, &x, &base); err != nil {
		return NULL, err
	}
	if x.IsNull() {
		if !base.IsNull() {
			return NULL, NewError(TypeErrorType, "int() missing string argument")
		}
		return Int(0), nil
	}
	if base.IsNull() {
		return ToInt(th, x)
	}
	b, err := indexArg(th, base)
	if err != nil {
		return NULL, err
	}
	switch o := x.o.(type) {
	case *Str:
		return parseInt(th, o.s, int(b))
	case *Bytes:
		return parseInt(th, string(o.B), int(b))
	}
	return NULL, NewError(TypeErrorType, "int() can't convert non-string with explicit base")
}

func init() {
	IntType.New = numNew(IntType, intValueOf)
}
