package vm

import (
	"math"
	"strconv"
	"strings"
)

// ParseFloat is float(s): whitespace around, a sign, decimal digits with
// single underscores between digits, an exponent, or inf/infinity/nan in
// any case. Out-of-range values become ±inf or ±0 as in CPython.
func ParseFloat(s string) (float64, error) {
	bad := func() error {
		return NewError(ValueErrorType, "could not convert string to float: %s", StrRepr(s))
	}
	t := strings.TrimFunc(asciiDecimal(s), isPySpace)
	body := t
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if t[0] == '-' {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	case "nan":
		return math.NaN(), nil
	}
	// Validate: digits [. digits] [e [sign] digits], underscores between digits.
	var clean strings.Builder
	sawDigit, sawExpDigit, inExp, sawDot := false, false, false, false
	prev := byte(0)
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			if inExp {
				sawExpDigit = true
			} else {
				sawDigit = true
			}
		case c == '_':
			if !(prev >= '0' && prev <= '9') || i+1 >= len(t) || t[i+1] < '0' || t[i+1] > '9' {
				return 0, bad()
			}
			prev = c
			continue
		case c == '.':
			if sawDot || inExp {
				return 0, bad()
			}
			sawDot = true
		case c == 'e' || c == 'E':
			if inExp || !sawDigit {
				return 0, bad()
			}
			inExp = true
		case c == '+' || c == '-':
			if !(i == 0 || prev == 'e' || prev == 'E') {
				return 0, bad()
			}
		default:
			return 0, bad()
		}
		clean.WriteByte(c)
		prev = c
	}
	if !sawDigit || inExp && !sawExpDigit {
		return 0, bad()
	}
	f, err := strconv.ParseFloat(clean.String(), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, nil
		}
		return 0, bad()
	}
	return f, nil
}

// asciiDecimal is CPython's _PyUnicode_TransformDecimalAndSpaceToASCII, the
// first step of float() and complex() on a str: Unicode decimal digits
// become ASCII digits, Unicode whitespace a space, any other non-ASCII
// character '?' (which no parser accepts).
func asciiDecimal(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			sb.WriteRune(r)
		case isPySpace(r):
			sb.WriteByte(' ')
		default:
			if d := digitValue(r); d >= 0 && d <= 9 {
				sb.WriteByte(byte('0' + d))
			} else {
				sb.WriteByte('?')
			}
		}
	}
	return sb.String()
}

// ToFloat is float(x) for one argument.
func ToFloat(th *Thread, x Value) (float64, error) {
	switch o := x.o.(type) {
	case *Str:
		return ParseFloat(o.s)
	case *Bytes:
		f, err := ParseFloat(string(o.B))
		if err != nil {
			return 0, NewError(ValueErrorType, "could not convert string to float: %s", BytesRepr(o.B))
		}
		return f, nil
	}
	if f, ok, err := toFloat(x); ok || err != nil {
		return f, err
	}
	r, ok, err := objCallSpecial(th, x, "__float__")
	if err != nil {
		return 0, err
	}
	if ok {
		if !r.IsFloat() {
			return 0, NewError(TypeErrorType, "%s.__float__ returned non-float (type %s)", TypeName(x), TypeName(r))
		}
		return r.AsFloat(), nil
	}
	r, ok, err = objCallSpecial(th, x, "__index__")
	if err != nil {
		return 0, err
	}
	if ok {
		f, _, err := toFloat(r)
		return f, err
	}
	return 0, NewError(TypeErrorType, "float() argument must be a string or a real number, not '%s'", TypeName(x))
}

// floatValueOf is float(x=0.0) as a plain float.
func floatValueOf(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "float() takes no keyword arguments")
	}
	switch len(args) {
	case 0:
		return Float(0), nil
	case 1:
		if args[0].IsFloat() {
			return args[0], nil
		}
		f, err := ToFloat(th, args[0])
		if err != nil {
			return NULL, err
		}
		return Float(f), nil
	}
	return NULL, NewError(TypeErrorType, "float expected at most 1 argument, got %d", len(args))
}

func init() {
	FloatType.New = numNew(FloatType, floatValueOf)
}
