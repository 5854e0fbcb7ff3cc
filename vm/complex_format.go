package vm

import "math"

// formatComplex is complex.__format__ (CPython's format_complex_internal):
// the real part, then the imaginary part with a forced sign and "j", padded
// as a whole. Without a type it looks like str(c): a zero real part (+0.0)
// is left out, else the result is in parentheses; a precision then means 'g'.
func formatComplex(th *Thread, v Value, spec string) (string, error) {
	if spec == "" {
		return ToStr(th, v) // str(self), a subclass's own
	}
	c := complexOf(v)
	f, err := parseFormatSpec(spec, "complex")
	if err != nil {
		return "", err
	}
	if f.zero || f.fill == '0' && f.align == '=' {
		return "", NewError(ValueErrorType, "Zero padding is not allowed in complex format specifier")
	}
	if f.align == '=' {
		return "", NewError(ValueErrorType, "'=' alignment flag is not allowed in complex format specifier")
	}
	skipRe, parens := false, false
	switch f.typ {
	case 0:
		if c.Re == 0 && !math.Signbit(c.Re) {
			skipRe = true
		} else {
			parens = true
		}
		if f.precision < 0 {
			body := ComplexRepr(c.Re, c.Im)
			if sign := f.sign; sign == '+' || sign == ' ' {
				if !skipRe && body[1] != '-' {
					body = "(" + string(sign) + body[1:]
				} else if skipRe && body[0] != '-' {
					body = string(sign) + body
				}
			}
			return f.pad(body, '>'), nil
		}
		f.typ = 'g'
	case 'n':
		f.typ = 'g'
	case 'e', 'E', 'f', 'F', 'g', 'G':
	default:
		return "", f.unknown("complex")
	}
	part := *f
	part.width, part.align, part.fill = 0, 0, ' '
	body := ""
	if !skipRe {
		re, err := part.formatFloat(c.Re)
		if err != nil {
			return "", err
		}
		body = re
	}
	part.sign = '+'
	im, err := part.formatFloat(c.Im)
	if err != nil {
		return "", err
	}
	if skipRe && f.sign != '+' && !math.Signbit(c.Im) && !math.IsNaN(c.Im) {
		im = im[1:] // the sign was forced only to join the parts
		if f.sign == ' ' {
			im = " " + im
		}
	}
	body += im + "j"
	if parens {
		body = "(" + body + ")"
	}
	return f.pad(body, '>'), nil
}
