package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// formatSpec is a parsed format specification (the format mini-language):
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].
type formatSpec struct {
	fill      rune
	align     byte // 0 when not given
	sign      byte // 0, '+', '-', ' '
	zcoerce   bool
	alt       bool
	zero      bool // the '0' flag
	width     int
	grouping  byte // 0, ',', '_'
	precision int  // -1 when not given
	typ       byte // 0 when not given
}

func isAlign(c byte) bool { return c == '<' || c == '>' || c == '^' || c == '=' }

// parseFormatSpec parses spec for an object of type typeName.
func parseFormatSpec(spec, typeName string) (*formatSpec, error) {
	f := &formatSpec{fill: ' ', precision: -1}
	i := 0
	if r, n := utf8.DecodeRuneInString(spec); n > 0 && n < len(spec) && isAlign(spec[n]) {
		f.fill, f.align = r, spec[n]
		i = n + 1
	} else if len(spec) > 0 && isAlign(spec[0]) {
		f.align = spec[0]
		i = 1
	}
	if i < len(spec) && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ') {
		f.sign = spec[i]
		i++
	}
	if i < len(spec) && spec[i] == 'z' {
		f.zcoerce = true
		i++
	}
	if i < len(spec) && spec[i] == '#' {
		f.alt = true
		i++
	}
	if i < len(spec) && spec[i] == '0' {
		f.zero = true
		if f.align == 0 {
			f.fill, f.align = '0', '='
		}
		i++
	}
	start := i
	for i < len(spec) && spec[i] >= '0' && spec[i] <= '9' {
		i++
	}
	if i > start {
		w, err := strconv.Atoi(spec[start:i])
		if err != nil {
			return nil, NewError(ValueErrorType, "Too many decimal digits in format string")
		}
		f.width = w
	}
	if i < len(spec) && (spec[i] == ',' || spec[i] == '_') {
		f.grouping = spec[i]
		i++
		if i < len(spec) && (spec[i] == ',' || spec[i] == '_') {
			return nil, NewError(ValueErrorType, "Cannot specify both ',' and '_'.")
		}
	}
	if i < len(spec) && spec[i] == '.' {
		i++
		start = i
		for i < len(spec) && spec[i] >= '0' && spec[i] <= '9' {
			i++
		}
		if i == start {
			return nil, NewError(ValueErrorType, "Format specifier missing precision")
		}
		p, err := strconv.Atoi(spec[start:i])
		if err != nil {
			return nil, NewError(ValueErrorType, "Too many decimal digits in format string")
		}
		f.precision = p
	}
	if len(spec)-i > 1 {
		return nil, NewError(ValueErrorType, "Invalid format specifier '%s' for object of type '%s'", spec, typeName)
	}
	if i < len(spec) {
		f.typ = spec[i]
	}
	if f.grouping != 0 {
		switch f.typ {
		case 0, 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F':
		case 'b', 'o', 'x', 'X':
			if f.grouping == ',' {
				return nil, NewError(ValueErrorType, "Cannot specify ',' with '%c'.", f.typ)
			}
		default:
			return nil, NewError(ValueErrorType, "Cannot specify '%c' with '%c'.", f.grouping, f.typ)
		}
	}
	return f, nil
}

func (f *formatSpec) unknown(typeName string) error {
	return NewError(ValueErrorType, "Unknown format code '%c' for object of type '%s'", f.typ, typeName)
}

// pad aligns s (whose length in code points is n) to the width; def is the
// default alignment.
func (f *formatSpec) pad(s string, def byte) string {
	n := utf8.RuneCountInString(s)
	if n >= f.width {
		return s
	}
	align := f.align
	if align == 0 || align == '=' {
		align = def
	}
	fill := string(f.fill)
	k := f.width - n
	switch align {
	case '<':
		return s + strings.Repeat(fill, k)
	case '^':
		return strings.Repeat(fill, k/2) + s + strings.Repeat(fill, k-k/2)
	}
	return strings.Repeat(fill, k) + s
}

// formatStr is str.__format__.
func formatStr(s, spec string) (string, error) {
	if spec == "" {
		return s, nil
	}
	f, err := parseFormatSpec(spec, "str")
	if err != nil {
		return "", err
	}
	if f.typ != 0 && f.typ != 's' {
		return "", f.unknown("str")
	}
	switch {
	case f.grouping != 0:
		return "", NewError(ValueErrorType, "Cannot specify '%c' with 's'.", f.grouping)
	case f.sign == ' ':
		return "", NewError(ValueErrorType, "Space not allowed in string format specifier")
	case f.sign != 0:
		return "", NewError(ValueErrorType, "Sign not allowed in string format specifier")
	case f.zcoerce:
		return "", NewError(ValueErrorType, "Negative zero coercion (z) not allowed in string format specifier")
	case f.alt:
		return "", NewError(ValueErrorType, "Alternate form (#) not allowed in string format specifier")
	case f.align == '=' && !f.zero:
		return "", NewError(ValueErrorType, "'=' alignment not allowed in string format specifier")
	}
	if f.align == '=' {
		f.align = '<'
	}
	if f.precision >= 0 && utf8.RuneCountInString(s) > f.precision {
		i := 0
		for k := 0; k < f.precision; k++ {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
		s = s[:i]
	}
	return f.pad(s, '<'), nil
}

// group inserts sep every n digits from the right of digits, extending
// with zeros up to minWidth characters when zeroPad (CPython's grouping of
// zero padding: '0,000,012').
func group(digits string, sep byte, n int, minWidth int, zeroPad bool) string {
	build := func(d string) string {
		if sep == 0 || d == "" {
			return d
		}
		var sb strings.Builder
		first := len(d) % n
		if first == 0 {
			first = n
		}
		sb.WriteString(d[:first])
		for i := first; i < len(d); i += n {
			sb.WriteByte(sep)
			sb.WriteString(d[i : i+n])
		}
		return sb.String()
	}
	out := build(digits)
	if zeroPad {
		for len(out) < minWidth {
			digits = "0" + digits
			out = build(digits)
		}
	}
	return out
}

// layoutNumber assembles sign, prefix, digits (intPart grouped) and the
// rest, then pads: '=' alignment puts the padding after sign and prefix.
func (f *formatSpec) layoutNumber(neg bool, prefix, intPart, rest string) string {
	sign := ""
	switch {
	case neg:
		sign = "-"
	case f.sign == '+':
		sign = "+"
	case f.sign == ' ':
		sign = " "
	}
	gn := 3
	if f.typ == 'b' || f.typ == 'o' || f.typ == 'x' || f.typ == 'X' {
		gn = 4
	}
	zeroPad := f.align == '=' && f.fill == '0'
	minWidth := f.width - len(sign) - len(prefix) - utf8.RuneCountInString(rest)
	body := group(intPart, f.grouping, gn, minWidth, zeroPad && f.grouping != 0) + rest
	if f.align == '=' {
		n := len(sign) + len(prefix) + utf8.RuneCountInString(body)
		if n < f.width {
			body = strings.Repeat(string(f.fill), f.width-n) + body
		}
		return sign + prefix + body
	}
	return f.pad(sign+prefix+body, '>')
}

// formatInt is int.__format__.
func formatInt(th *Thread, v Value, spec string) (string, error) {
	if spec == "" {
		return ToStr(th, v)
	}
	tname := TypeName(v)
	f, err := parseFormatSpec(spec, tname)
	if err != nil {
		return "", err
	}
	v = numPayload(v)
	switch f.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		x, _, err := toFloat(v)
		if err != nil {
			return "", err
		}
		return f.formatFloat(x)
	case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
	default:
		return "", f.unknown(tname)
	}
	if f.precision >= 0 {
		return "", NewError(ValueErrorType, "Precision not allowed in integer format specifier")
	}
	if f.zcoerce {
		return "", NewError(ValueErrorType, "Negative zero coercion (z) not allowed in integer format specifier")
	}
	b, _ := toBig(v)
	if f.typ == 'c' {
		if f.sign != 0 {
			return "", NewError(ValueErrorType, "Sign not allowed with integer format specifier 'c'")
		}
		if f.alt {
			return "", NewError(ValueErrorType, "Alternate form (#) is not allowed with integer format specifier 'c'")
		}
		if !b.IsInt64() {
			return "", NewError(OverflowErrorType, "Python int too large to convert to C long")
		}
		if b.Int64() < 0 || b.Int64() > 0x10ffff {
			return "", NewError(OverflowErrorType, "%s", "%c arg not in range(0x110000)")
		}
		return f.pad(string(rune(b.Int64())), '<'), nil
	}
	neg := b.Sign() < 0
	abs := new(big.Int).Abs(b)
	base, prefix := 10, ""
	switch f.typ {
	case 'b':
		base, prefix = 2, "0b"
	case 'o':
		base, prefix = 8, "0o"
	case 'x':
		base, prefix = 16, "0x"
	case 'X':
		base, prefix = 16, "0X"
	}
	if !f.alt {
		prefix = ""
	}
	var digits string
	if base == 10 {
		if digits, err = bigDecimal(th, abs); err != nil {
			return "", err
		}
	} else {
		digits = abs.Text(base)
	}
	if f.typ == 'X' {
		digits = strings.ToUpper(digits)
	}
	return f.layoutNumber(neg, prefix, digits, ""), nil
}

// formatFloat formats x under f (also used for ints with float types).
func (f *formatSpec) formatFloat(x float64) (string, error) {
	neg := math.Signbit(x)
	ax := math.Abs(x)
	typ := f.typ
	prec := f.precision
	var body string
	pct := ""
	switch typ {
	case 'f', 'F', '%', 'e', 'E', 'g', 'G', 'n', 0:
	default:
		return "", f.unknown("float")
	}
	switch {
	case math.IsInf(x, 0) || math.IsNaN(x):
		body = "inf"
		if math.IsNaN(x) {
			body, neg = "nan", false
		}
		if typ == 'E' || typ == 'F' || typ == 'G' {
			body = strings.ToUpper(body)
		}
		if typ == '%' {
			body += "%"
		}
		f.grouping = 0
		return f.layoutNumber(neg, "", "", body), nil
	}
	switch typ {
	case 'f', 'F', '%':
		if prec < 0 {
			prec = 6
		}
		if typ == '%' {
			ax *= 100
			pct = "%"
		}
		body = strconv.FormatFloat(ax, 'f', prec, 64)
		if f.alt && prec == 0 {
			body += "."
		}
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		digits, exp := roundedDigits(ax, prec+1)
		var sb strings.Builder
		sb.WriteString(digits[:1])
		if prec > 0 || f.alt {
			sb.WriteByte('.')
			sb.WriteString(digits[1:])
		}
		writeExponent(&sb, exp)
		body = sb.String()
		if typ == 'E' {
			body = strings.ToUpper(body)
		}
	case 'g', 'G', 'n', 0:
		if typ == 0 && prec < 0 {
			body = FloatRepr(ax)
			if f.alt && !strings.Contains(body, ".") {
				body = strings.Replace(body, "e", ".e", 1)
			}
			break
		}
		if prec < 0 {
			prec = 6
		} else if prec == 0 {
			prec = 1
		}
		digits, exp := roundedDigits(ax, prec)
		if !f.alt {
			digits = strings.TrimRight(digits, "0")
			if digits == "" {
				digits = "0"
			}
		}
		var sb strings.Builder
		// The omitted type (with a precision) switches to exponent notation
		// one digit earlier, as it always shows a digit after the point.
		limit := prec
		if typ == 0 {
			limit = prec - 1
		}
		if exp >= -4 && exp < limit {
			writeFixedDigits(&sb, digits, exp+1, false)
			s := sb.String()
			if typ == 0 && !strings.Contains(s, ".") {
				s += ".0"
			} else if f.alt && !strings.Contains(s, ".") {
				s += "."
			}
			body = s
		} else {
			writeExpDigits(&sb, digits, exp+1, f.alt)
			body = sb.String()
		}
		if typ == 'G' {
			body = strings.ToUpper(body)
		}
	default:
		return "", f.unknown("float")
	}
	if f.zcoerce && neg && isZeroText(body) {
		neg = false
	}
	intPart, rest := body, ""
	if i := strings.IndexAny(body, ".eE"); i >= 0 {
		intPart, rest = body[:i], body[i:]
	}
	return f.layoutNumber(neg, "", intPart, rest+pct), nil
}

// isZeroText reports whether a formatted magnitude is all zeros.
func isZeroText(s string) bool {
	for _, c := range s {
		if c >= '1' && c <= '9' {
			return false
		}
		if c == 'e' || c == 'E' {
			break
		}
	}
	return true
}

// roundedDigits returns x (>= 0, finite) correctly rounded to n significant
// digits, and the decimal exponent of the first digit.
func roundedDigits(x float64, n int) (string, int) {
	if x == 0 {
		return strings.Repeat("0", n), 0
	}
	s := strconv.FormatFloat(x, 'e', n-1, 64)
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	return strings.Replace(mant, ".", "", 1), e
}

// formatFloatValue is float.__format__.
func formatFloatValue(th *Thread, v Value, spec string) (string, error) {
	if spec == "" {
		if v.o != floatKind {
			return ToStr(th, v) // a subclass: str(self), as CPython
		}
		return FloatRepr(v.AsFloat()), nil
	}
	tname := TypeName(v)
	v = numPayload(v)
	f, err := parseFormatSpec(spec, tname)
	if err != nil {
		return "", err
	}
	switch f.typ {
	case 'f', 'F', '%', 'e', 'E', 'g', 'G', 0:
	case 'n':
		f.typ = 'g'
	default:
		return "", f.unknown(tname)
	}
	return f.formatFloat(v.AsFloat())
}

func init() {
	IntType.Format = formatInt
	BoolType.Format = formatInt
	FloatType.Format = formatFloatValue
}
