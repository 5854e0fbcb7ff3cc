package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// FloatHex is float.hex(): CPython's form, 13 hex digits after the point
// and a decimal exponent without padding ("0x1.8000000000000p+0").
func FloatHex(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	sign := ""
	if math.Signbit(f) {
		sign = "-"
		f = -f
	}
	if f == 0 {
		return sign + "0x0.0p+0"
	}
	b := math.Float64bits(f)
	exp := int(b>>52) & 0x7ff
	mant := b & (1<<52 - 1)
	lead := 1
	if exp == 0 { // subnormal
		lead, exp = 0, 1
	}
	e := exp - 1023
	es := strconv.Itoa(e)
	if e >= 0 {
		es = "+" + es
	}
	return sign + "0x" + strconv.Itoa(lead) + "." + leftPad(strconv.FormatUint(mant, 16), 13) + "p" + es
}

func leftPad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat("0", n-len(s)) + s
}

// FloatFromHex is float.fromhex(s).
func FloatFromHex(s string) (float64, error) {
	t := strings.TrimFunc(s, isPySpace)
	bad := NewError(ValueErrorType, "invalid hexadecimal floating-point string")
	neg := false
	body := t
	if body != "" && (body[0] == '+' || body[0] == '-') {
		neg = body[0] == '-'
		body = body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if neg {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	case "nan":
		return math.NaN(), nil
	}
	l := strings.ToLower(body)
	if !strings.HasPrefix(l, "0x") {
		l = "0x" + l
	}
	if !strings.Contains(l, "p") {
		l += "p0"
	}
	if strings.ContainsAny(l[2:], "x_") || strings.HasPrefix(l[2:], "p") || strings.HasPrefix(l[2:], ".p") {
		return 0, bad
	}
	f, err := strconv.ParseFloat(l, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && math.IsInf(f, 0) {
			return 0, NewError(OverflowErrorType, "hexadecimal value too large to represent as a float")
		} else if !ok || ne.Err != strconv.ErrRange {
			return 0, bad
		}
	}
	if neg {
		f = -f
	}
	return f, nil
}

// FloatRatio is float.as_integer_ratio().
func FloatRatio(f float64) (Value, Value, error) {
	if math.IsInf(f, 0) {
		return NULL, NULL, NewError(OverflowErrorType, "cannot convert Infinity to integer ratio")
	}
	if math.IsNaN(f) {
		return NULL, NULL, NewError(ValueErrorType, "cannot convert NaN to integer ratio")
	}
	r := new(big.Rat).SetFloat64(f)
	return NewBigInt(new(big.Int).Set(r.Num())), NewBigInt(new(big.Int).Set(r.Denom())), nil
}

func addFloatMethods() {
	self := func(fname string, f func(x float64) (Value, error)) NativeFunc {
		return func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("float."+fname, args, kwnames); err != nil {
				return NULL, err
			}
			return f(args[0].AsFloat())
		}
	}
	FloatType.AddGetters(numSelfGetters(map[string]func(th *Thread, v Value) (Value, error){
		"real": func(th *Thread, v Value) (Value, error) { return v, nil },
		"imag": func(th *Thread, v Value) (Value, error) { return Float(0), nil },
	}))
	FloatType.AddMethods(numSelfMethods(map[string]NativeFunc{
		"is_integer": self("is_integer", func(x float64) (Value, error) {
			return Bool(!math.IsInf(x, 0) && x == math.Trunc(x)), nil
		}),
		"hex":       self("hex", func(x float64) (Value, error) { return NewStr(FloatHex(x)), nil }),
		"conjugate": self("conjugate", func(x float64) (Value, error) { return Float(x), nil }),
		"as_integer_ratio": self("as_integer_ratio", func(x float64) (Value, error) {
			n, d, err := FloatRatio(x)
			if err != nil {
				return NULL, err
			}
			return NewTuple([]Value{n, d}), nil
		}),
		"__trunc__": self("__trunc__", func(x float64) (Value, error) { return IntFromFloat(x) }),
		"__int__":   self("__int__", func(x float64) (Value, error) { return IntFromFloat(x) }),
		"__floor__": self("__floor__", func(x float64) (Value, error) { return IntFromFloat(math.Floor(x)) }),
		"__ceil__":  self("__ceil__", func(x float64) (Value, error) { return IntFromFloat(math.Ceil(x)) }),
		"__float__": self("__float__", func(x float64) (Value, error) { return Float(x), nil }),
		"__getnewargs__": self("__getnewargs__", func(x float64) (Value, error) {
			return NewTuple([]Value{Float(x)}), nil
		}),
		"__abs__":  self("__abs__", func(x float64) (Value, error) { return Float(math.Abs(x)), nil }),
		"__repr__": self("__repr__", func(x float64) (Value, error) { return NewStr(FloatRepr(x)), nil }),
		"__round__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("__round__", "float.__round__", args, kwnames, 0, 1); err != nil {
				return NULL, err
			}
			return Round(th, args[0], optArg(args, 1))
		},
	}))
	FloatType.AddMethods(map[string]NativeFunc{"__format__": numFormatMethod(FloatType)})
	FloatType.AddClassMethods(map[string]NativeFunc{
		"fromhex": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("float.fromhex", args, kwnames); err != nil {
				return NULL, err
			}
			s, err := strArgOf(args[1])
			if err != nil {
				return NULL, err
			}
			f, err := FloatFromHex(s)
			if err != nil {
				return NULL, err
			}
			if cls, ok := args[0].o.(*Type); ok && cls != FloatType {
				return th.Call(args[0], []Value{Float(f)}, nil) // a subclass: cls(value)
			}
			return Float(f), nil
		},
	})
}

func init() { addFloatMethods() }
