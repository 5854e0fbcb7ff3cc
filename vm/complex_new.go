package vm

import (
	"strconv"
	"strings"
)

// complex(real=0, imag=0) and complex(string), as CPython's complex_new.

// complexValueOf is complex(real=0, imag=0) as a plain complex.
func complexValueOf(th *Thread, args []Value, kwnames []string) (Value, error) {
	var r, i Value
	if err := ParseArgs("complex", args, kwnames, []string{"real?", "imag?"}, &r, &i); err != nil {
		return NULL, err
	}
	if r.IsNull() {
		r = Int(0)
	}
	if s, ok := r.o.(*Str); ok {
		if !i.IsNull() {
			return NULL, NewError(TypeErrorType, "complex() can't take second arg if first is a string")
		}
		return parseComplex(s.s)
	}
	if !i.IsNull() {
		if _, ok := i.o.(*Str); ok {
			return NULL, NewError(TypeErrorType, "complex() second arg can't be a string")
		}
	}
	// __complex__ first (a complex subclass or any class defining it).
	if _, isC := r.o.(*Complex); !isC {
		if m := r.Type().Lookup("__complex__"); !m.IsNull() {
			c, err := CallUnbound(th, m, r)
			if err != nil {
				return NULL, err
			}
			if _, ok := c.o.(*Complex); !ok {
				return NULL, NewError(TypeErrorType, "__complex__ returned non-complex (type %s)", TypeName(c))
			}
			r = c
		}
	}
	if i.IsNull() {
		if _, ok := r.o.(*Complex); ok {
			return r, nil
		}
	}
	cr, err := complexPart(th, r, "first argument must be a string or a number")
	if err != nil {
		return NULL, err
	}
	if i.IsNull() {
		return NewComplex(cr.Re, cr.Im), nil
	}
	ci, err := complexPart(th, i, "second argument must be a number")
	if err != nil {
		return NULL, err
	}
	// real + imag*1j where either may itself be complex; plain real parts
	// are taken as they are (complex(0, -0.0) keeps its -0.0).
	re, im := cr.Re, ci.Re
	if _, ok := numPayload(i).o.(*Complex); ok {
		re -= ci.Im
	}
	if _, ok := numPayload(r).o.(*Complex); ok {
		im += cr.Im
	}
	return NewComplex(re, im), nil
}

// complexPart converts one argument of complex(real, imag).
func complexPart(th *Thread, v Value, what string) (Complex, error) {
	if c, ok := numPayload(v).o.(*Complex); ok {
		return *c, nil
	}
	if f, ok, err := toFloat(numPayload(v)); ok || err != nil {
		return Complex{f, 0}, err
	}
	if t := v.Type(); !t.Lookup("__float__").IsNull() || !t.Lookup("__index__").IsNull() {
		f, err := ToFloat(th, v)
		return Complex{f, 0}, err
	}
	return Complex{}, NewError(TypeErrorType, "complex() %s, not '%s'", what, TypeName(v))
}

// parseComplex is complex(s): optional whitespace and parentheses around
// "re", "imj", "re+imj" or "re-imj" (each part a float literal, inf or nan;
// "j" alone means 1j), with underscores between digits.
func parseComplex(s string) (Value, error) {
	bad := func() (Value, error) {
		return NULL, NewError(ValueErrorType, "complex() arg is a malformed string")
	}
	t := strings.TrimFunc(asciiDecimal(s), isPySpace)
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && len(t) >= 2 {
		t = strings.TrimFunc(t[1:len(t)-1], isPySpace)
	}
	if t == "" {
		return bad()
	}
	n, ok := floatPrefix(t)
	var re, im float64
	switch {
	case !ok:
		// "j", "+j", "-j"
		if j := strings.TrimLeft(t, "+-"); (j == "j" || j == "J") && len(t)-len(j) <= 1 {
			im = 1
			if t[0] == '-' {
				im = -1
			}
			return NewComplex(0, im), nil
		}
		return bad()
	case n == len(t):
		re = parseFloatPrefix(t)
		return NewComplex(re, 0), nil
	case n == len(t)-1 && (t[n] == 'j' || t[n] == 'J'):
		return NewComplex(0, parseFloatPrefix(t[:n])), nil
	}
	re = parseFloatPrefix(t[:n])
	rest := t[n:]
	if rest[0] != '+' && rest[0] != '-' {
		return bad()
	}
	last := rest[len(rest)-1]
	if last != 'j' && last != 'J' {
		return bad()
	}
	body := rest[:len(rest)-1]
	if body == "+" || body == "-" {
		im = 1
		if body == "-" {
			im = -1
		}
		return NewComplex(re, im), nil
	}
	if m, ok := floatPrefix(body); !ok || m != len(body) {
		return bad()
	}
	return NewComplex(re, parseFloatPrefix(body)), nil
}

// floatPrefix returns the length of the longest float literal at the start
// of s (sign, digits with single underscores between them, a point, an
// exponent; or inf, infinity, nan); ok false when there is none.
func floatPrefix(s string) (int, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	low := strings.ToLower(s[i:])
	for _, w := range []string{"infinity", "inf", "nan"} {
		if strings.HasPrefix(low, w) {
			return i + len(w), true
		}
	}
	digits := func(j int) int { // digits with single underscores between them
		start := j
		for j < len(s) {
			if s[j] >= '0' && s[j] <= '9' {
				j++
			} else if s[j] == '_' && j > start && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				j++
			} else {
				break
			}
		}
		return j
	}
	j := digits(i)
	mant := j > i
	if j < len(s) && s[j] == '.' {
		k := digits(j + 1)
		mant = mant || k > j+1
		j = k
	}
	if !mant {
		return 0, false
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if e := digits(k); e > k {
			j = e
		}
	}
	return j, true
}

// parseFloatPrefix converts a literal accepted by floatPrefix.
func parseFloatPrefix(s string) float64 {
	f, err := ParseFloat(s)
	if err != nil {
		f, _ = strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	}
	return f
}
