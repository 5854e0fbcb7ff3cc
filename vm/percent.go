package vm

import (
	"math"
	"math/big"
	"strings"
)

// PercentFormat implements printf-style formatting: format % arg (str % x).
func PercentFormat(th *Thread, format string, arg Value) (string, error) {
	return percentFormat(th, format, arg, "string")
}

// percentFormat serves str % x and bytes % x (what names the operand kind
// in errors; bytes callers convert the result back).
func percentFormat(th *Thread, format string, arg Value, what string) (string, error) {
	var items []Value
	var mapping Value
	switch o := arg.o.(type) {
	case *Tuple:
		items = o.Items
	case *Str:
		items = []Value{arg}
	case *Bytes:
		items = []Value{arg}
		if what == "string" {
			mapping = arg
		}
	default:
		items = []Value{arg}
		if t := arg.Type(); t.GetItem != nil {
			mapping = arg
		}
	}
	next := 0
	nextArg := func() (Value, error) {
		if next >= len(items) {
			return NULL, NewError(TypeErrorType, "not enough arguments for format string")
		}
		next++
		return items[next-1], nil
	}
	usedMapping := false
	var sb strings.Builder
	for i := 0; i < len(format); {
		c := format[i]
		if c != '%' {
			j := strings.IndexByte(format[i:], '%')
			if j < 0 {
				sb.WriteString(format[i:])
				break
			}
			sb.WriteString(format[i : i+j])
			i += j
			continue
		}
		i++
		if i >= len(format) {
			return "", NewError(ValueErrorType, "incomplete format")
		}
		var v Value
		haveV := false
		if format[i] == '(' {
			if mapping.IsNull() {
				return "", NewError(TypeErrorType, "format requires a mapping")
			}
			depth, j := 1, i+1
			for ; j < len(format) && depth > 0; j++ {
				if format[j] == '(' {
					depth++
				} else if format[j] == ')' {
					depth--
				}
			}
			if depth > 0 {
				return "", NewError(ValueErrorType, "incomplete format key")
			}
			key := format[i+1 : j-1]
			r, err := GetItem(th, mapping, NewStr(key))
			if err != nil {
				return "", err
			}
			v, haveV, usedMapping = r, true, true
			i = j
		}
		f := &formatSpec{fill: ' ', precision: -1}
		left, zero := false, false
	flags:
		for ; i < len(format); i++ {
			switch format[i] {
			case '-':
				left = true
			case '+':
				f.sign = '+'
			case ' ':
				if f.sign == 0 {
					f.sign = ' '
				}
			case '#':
				f.alt = true
			case '0':
				zero = true
			default:
				break flags
			}
		}
		readNum := func(cType string) (int, error) {
			if i < len(format) && format[i] == '*' {
				i++
				a, err := nextArg()
				if err != nil {
					return 0, err
				}
				n, ok := IntValue(a)
				if !ok {
					if _, big := a.o.(*BigInt); big {
						return 0, NewError(OverflowErrorType, "Python int too large to convert to C %s", cType)
					}
					return 0, NewError(TypeErrorType, "* wants int")
				}
				return int(n), nil
			}
			n := 0
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				n = n*10 + int(format[i]-'0')
				i++
			}
			return n, nil
		}
		w, err := readNum("ssize_t")
		if err != nil {
			return "", err
		}
		if w < 0 {
			left, w = true, -w
		}
		f.width = w
		if i < len(format) && format[i] == '.' {
			i++
			p, err := readNum("int")
			if err != nil {
				return "", err
			}
			f.precision = p
		}
		for i < len(format) && (format[i] == 'h' || format[i] == 'l' || format[i] == 'L') {
			i++
		}
		if i >= len(format) {
			return "", NewError(ValueErrorType, "incomplete format")
		}
		typ := format[i]
		i++
		if typ == '%' {
			sb.WriteByte('%')
			continue
		}
		if !haveV {
			if v, err = nextArg(); err != nil {
				return "", err
			}
		}
		switch {
		case left:
			f.align = '<'
		case zero && typ != 's' && typ != 'r' && typ != 'a' && typ != 'c':
			f.fill, f.align = '0', '='
		default:
			f.align = '>'
		}
		out, err := percentOne(th, f, typ, v, format, i-1)
		if err != nil {
			return "", err
		}
		sb.WriteString(out)
	}
	if next < len(items) && !usedMapping && mapping.IsNull() {
		return "", NewError(TypeErrorType, "not all arguments converted during %s formatting", what)
	}
	return sb.String(), nil
}

// percentOne renders one conversion.
func percentOne(th *Thread, f *formatSpec, typ byte, v Value, format string, at int) (string, error) {
	switch typ {
	case 's', 'r', 'a':
		var s string
		var err error
		switch typ {
		case 's':
			s, err = ToStr(th, v)
		case 'r':
			s, err = Repr(th, v)
		default:
			s, err = Repr(th, v)
			s = asciiEscape(s)
		}
		if err != nil {
			return "", err
		}
		if f.precision >= 0 && len([]rune(s)) > f.precision {
			s = string([]rune(s)[:f.precision])
		}
		return f.pad(s, '>'), nil
	case 'c':
		if s, ok := v.o.(*Str); ok {
			if s.Len() != 1 {
				return "", NewError(TypeErrorType, "%s", "%c requires int or char")
			}
			return f.pad(s.s, '>'), nil
		}
		n, ok := IntValue(numPayload(v))
		if !ok {
			if _, big := numPayload(v).o.(*BigInt); big {
				return "", NewError(OverflowErrorType, "%s", "%c arg not in range(0x110000)")
			}
			return "", NewError(TypeErrorType, "%s", "%c requires int or char")
		}
		if n < 0 || n > 0x10ffff {
			return "", NewError(OverflowErrorType, "%s", "%c arg not in range(0x110000)")
		}
		return f.pad(string(rune(n)), '>'), nil
	case 'd', 'i', 'u', 'x', 'X', 'o':
		var b *big.Int
		v := numPayload(v) // int and float subclasses format by value, as CPython
		switch {
		case isInt(v):
			b, _ = toBig(v)
		case v.IsFloat() && (typ == 'd' || typ == 'i' || typ == 'u'):
			x := v.AsFloat()
			if math.IsInf(x, 0) || math.IsNaN(x) {
				return "", NewError(OverflowErrorType, "cannot convert float infinity to integer")
			}
			b, _ = new(big.Float).SetFloat64(math.Trunc(x)).Int(nil)
		default:
			r, err := callIndex(th, v)
			if err != nil {
				return "", err
			}
			if r.IsNull() {
				if typ == 'd' || typ == 'i' || typ == 'u' {
					return "", NewError(TypeErrorType, "%%%c format: a real number is required, not %s", typ, TypeName(v))
				}
				return "", NewError(TypeErrorType, "%%%c format: an integer is required, not %s", typ, TypeName(v))
			}
			b, _ = toBig(r)
		}
		neg := b.Sign() < 0
		abs := new(big.Int).Abs(b)
		base, prefix := 10, ""
		switch typ {
		case 'x':
			base, prefix = 16, "0x"
		case 'X':
			base, prefix = 16, "0X"
		case 'o':
			base, prefix = 8, "0o"
		}
		if !f.alt {
			prefix = ""
		}
		var digits string
		if base == 10 {
			var err error
			if digits, err = bigDecimal(th, abs); err != nil {
				return "", err
			}
		} else {
			digits = abs.Text(base)
		}
		if typ == 'X' {
			digits = strings.ToUpper(digits)
		}
		if len(digits) < f.precision {
			digits = strings.Repeat("0", f.precision-len(digits)) + digits
		}
		f.typ = 'd'
		return f.layoutNumber(neg, prefix, digits, ""), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		x, ok, err := toFloat(numPayload(v))
		if err != nil {
			return "", err
		}
		if !ok {
			r, found, err := objCallSpecial(th, v, "__float__")
			if err != nil {
				return "", err
			}
			if !found || !r.IsFloat() {
				return "", NewError(TypeErrorType, "must be real number, not %s", TypeName(v))
			}
			x = r.AsFloat()
		}
		f.typ = typ
		if f.precision < 0 {
			f.precision = 6
		}
		return f.formatFloat(x)
	}
	return "", NewError(ValueErrorType, "unsupported format character '%c' (0x%x) at index %d", typ, typ, at)
}
