package vm

import (
	"strconv"
	"strings"
)

// StrFormat implements str.format and str.format_map: args are the
// positional arguments, kwargs a mapping (NULL or a nil *Dict for none).
func StrFormat(th *Thread, format string, args []Value, kwargs Value) (string, error) {
	if d, ok := kwargs.o.(*Dict); ok && d == nil {
		kwargs = NULL
	}
	sf := &strFormatter{th: th, args: args, kwargs: kwargs}
	return sf.format(format, 2)
}

type strFormatter struct {
	th     *Thread
	args   []Value
	kwargs Value
	auto   int // next automatic index; -1 once manual numbering is used
	manual bool
}

func (sf *strFormatter) format(s string, depth int) (string, error) {
	if depth < 0 {
		return "", NewError(ValueErrorType, "Max string recursion exceeded")
	}
	var sb strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c == '}' {
			if i+1 < len(s) && s[i+1] == '}' {
				sb.WriteByte('}')
				i += 2
				continue
			}
			return "", NewError(ValueErrorType, "Single '}' encountered in format string")
		}
		if c != '{' {
			j := strings.IndexAny(s[i:], "{}")
			if j < 0 {
				sb.WriteString(s[i:])
				break
			}
			sb.WriteString(s[i : i+j])
			i += j
			continue
		}
		if i+1 < len(s) && s[i+1] == '{' {
			sb.WriteByte('{')
			i += 2
			continue
		}
		if i+1 == len(s) {
			return "", NewError(ValueErrorType, "Single '{' encountered in format string")
		}
		// Find the matching '}' (nested braces in the spec count).
		level, j := 1, i+1
		for ; j < len(s); j++ {
			if s[j] == '{' {
				level++
			} else if s[j] == '}' {
				level--
				if level == 0 {
					break
				}
			}
		}
		if j >= len(s) {
			if level > 1 {
				return "", NewError(ValueErrorType, "unmatched '{' in format spec")
			}
			return "", NewError(ValueErrorType, "expected '}' before end of string")
		}
		out, err := sf.field(s[i+1:j], depth)
		if err != nil {
			return "", err
		}
		sb.WriteString(out)
		i = j + 1
	}
	return sb.String(), nil
}

// field renders one replacement field "name!conv:spec".
func (sf *strFormatter) field(f string, depth int) (string, error) {
	name, spec := f, ""
	conv := byte(0)
	// The name ends at the first '!' or ':' outside brackets.
	for k := 0; k < len(f); k++ {
		if f[k] == '[' {
			for k < len(f) && f[k] != ']' {
				k++
			}
			continue
		}
		if f[k] == '!' || f[k] == ':' {
			name = f[:k]
			rest := f[k:]
			if rest[0] == '!' {
				if len(rest) < 2 {
					return "", NewError(ValueErrorType, "end of string while looking for conversion specifier")
				}
				conv = rest[1]
				rest = rest[2:]
				if len(rest) > 0 && rest[0] != ':' {
					return "", NewError(ValueErrorType, "expected ':' after conversion specifier")
				}
			}
			if len(rest) > 0 {
				spec = rest[1:]
			}
			break
		}
	}
	v, err := sf.lookup(name)
	if err != nil {
		return "", err
	}
	switch conv {
	case 0:
	case 'r', 'a':
		r, err := Repr(sf.th, v)
		if err != nil {
			return "", err
		}
		if conv == 'a' {
			r = asciiEscape(r)
		}
		v = NewStr(r)
	case 's':
		r, err := ToStr(sf.th, v)
		if err != nil {
			return "", err
		}
		v = NewStr(r)
	default:
		return "", NewError(ValueErrorType, "Unknown conversion specifier %c", conv)
	}
	if strings.Contains(spec, "{") {
		spec, err = sf.format(spec, depth-1)
		if err != nil {
			return "", err
		}
	}
	return Format(sf.th, v, spec)
}

// lookup resolves "arg_name(.attr|[key])*".
func (sf *strFormatter) lookup(name string) (Value, error) {
	end := strings.IndexAny(name, ".[")
	first, rest := name, ""
	if end >= 0 {
		first, rest = name[:end], name[end:]
	}
	var v Value
	if first == "" {
		if sf.manual {
			return NULL, NewError(ValueErrorType, "cannot switch from manual field specification to automatic field numbering")
		}
		sf.auto++
		idx := sf.auto - 1
		if idx >= len(sf.args) {
			return NULL, NewError(IndexErrorType, "Replacement index %d out of range for positional args tuple", idx)
		}
		v = sf.args[idx]
	} else if n, err := strconv.Atoi(first); err == nil && n >= 0 {
		if sf.auto > 0 {
			return NULL, NewError(ValueErrorType, "cannot switch from automatic field numbering to manual field specification")
		}
		sf.manual = true
		if n >= len(sf.args) {
			return NULL, NewError(IndexErrorType, "Replacement index %d out of range for positional args tuple", n)
		}
		v = sf.args[n]
	} else {
		if sf.kwargs.IsNull() {
			return NULL, newKeyError(NewStr(first))
		}
		r, err := GetItem(sf.th, sf.kwargs, NewStr(first))
		if err != nil {
			return NULL, err
		}
		v = r
	}
	for rest != "" {
		if rest[0] == '.' {
			k := strings.IndexAny(rest[1:], ".[")
			attr := rest[1:]
			if k >= 0 {
				attr, rest = rest[1:1+k], rest[1+k:]
			} else {
				rest = ""
			}
			if attr == "" {
				return NULL, NewError(ValueErrorType, "Empty attribute in format string")
			}
			r, err := GetAttr(sf.th, v, attr)
			if err != nil {
				return NULL, err
			}
			v = r
			continue
		}
		k := strings.IndexByte(rest, ']')
		if k < 0 {
			return NULL, NewError(ValueErrorType, "Missing ']' in format string")
		}
		key := rest[1:k]
		rest = rest[k+1:]
		if rest != "" && rest[0] != '.' && rest[0] != '[' {
			return NULL, NewError(ValueErrorType, "Only '.' or '[' may follow ']' in format field specifier")
		}
		var kv Value
		if n, err := strconv.Atoi(key); err == nil && n >= 0 {
			kv = Int(int64(n))
		} else {
			kv = NewStr(key)
		}
		r, err := GetItem(sf.th, v, kv)
		if err != nil {
			return NULL, err
		}
		v = r
	}
	return v, nil
}

// asciiEscape escapes the non-ASCII characters of an already-built repr
// (ascii(), !a).
func asciiEscape(r string) string {
	var sb strings.Builder
	for _, c := range r {
		if c < 0x80 {
			sb.WriteRune(c)
		} else {
			sb.WriteString(escapeChar(c))
		}
	}
	return sb.String()
}
