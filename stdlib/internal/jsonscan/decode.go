// Package jsonscan is the vm-independent core of pya's json module: a
// decoder that follows CPython's _json scanner step by step (so that
// JSONDecodeError messages and positions match), and the string quoting of
// the encoder. Values are built through a Builder, so the package knows
// nothing of pya values.
package jsonscan

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Builder makes the decoded values.
type Builder[V any] interface {
	Null() V
	Bool(b bool) V
	Int(digits string) (V, error)    // an integer literal (maybe huge)
	Float(literal string) (V, error) // a float literal, or NaN/Infinity/-Infinity
	Str(s string) V
	Array(items []V) (V, error)
	Object(keys []string, vals []V) (V, error)
}

// Error is a JSONDecodeError: Msg at rune offset Pos, with 1-based Line and Col.
type Error struct {
	Msg            string
	Pos, Line, Col int
}

// Error returns CPython's message, e.g. "Expecting value: line 1 column 1 (char 0)".
func (e *Error) Error() string {
	return e.Msg + ": line " + strconv.Itoa(e.Line) + " column " + strconv.Itoa(e.Col) + " (char " + strconv.Itoa(e.Pos) + ")"
}

// DepthError reports nesting deeper than the Builder's MaxDepth; Kind is
// "array" or "object" (CPython raises RecursionError).
type DepthError struct{ Kind string }

func (e *DepthError) Error() string { return "maximum recursion depth exceeded" }

// depthLimiter is implemented by Builders that bound nesting.
type depthLimiter interface{ MaxDepth() int }

// decoder holds the document; positions are byte offsets until an error
// converts them to code points.
type decoder[V any] struct {
	s        string
	b        Builder[V]
	strict   bool
	depth    int
	maxDepth int
}

// errStop is CPython's StopIteration(idx) from scan_once: "Expecting value"
// reported at the outermost level.
type errStop struct{ pos int }

func (e *errStop) Error() string { return "Expecting value" }

type errMsg struct {
	msg string
	pos int
}

func (e *errMsg) Error() string { return e.msg }

// Decode parses a whole document as json.loads does (leading and trailing
// whitespace allowed, "Extra data" otherwise). Errors from the Builder are
// returned unchanged; syntax errors are *Error.
func Decode[V any](s string, b Builder[V], strict bool) (V, error) {
	d := &decoder[V]{s: s, b: b, strict: strict, maxDepth: 1 << 30}
	if l, ok := any(b).(depthLimiter); ok {
		d.maxDepth = l.MaxDepth()
	}
	v, end, err := d.RawDecode(d.skipWS(0))
	if err != nil {
		return v, err
	}
	end = d.skipWS(end)
	if end != len(s) {
		var zero V
		return zero, d.errorAt("Extra data", end)
	}
	return v, nil
}

// RawDecode scans one value starting at byte offset idx (json's
// raw_decode), returning it and the byte offset after it.
func (d *decoder[V]) RawDecode(idx int) (V, int, error) {
	v, end, err := d.scan(idx)
	if err != nil {
		var zero V
		switch e := err.(type) {
		case *errStop:
			return zero, 0, d.errorAt("Expecting value", e.pos)
		case *errMsg:
			return zero, 0, d.errorAt(e.msg, e.pos)
		}
		return zero, 0, err
	}
	return v, end, nil
}

// errorAt converts byte offset pos to CPython's char/line/column.
func (d *decoder[V]) errorAt(msg string, pos int) *Error {
	prefix := d.s[:pos]
	line := strings.Count(prefix, "\n") + 1
	nl := strings.LastIndexByte(prefix, '\n')
	return &Error{
		Msg:  msg,
		Pos:  utf8.RuneCountInString(prefix),
		Line: line,
		Col:  utf8.RuneCountInString(prefix[nl+1:]) + 1,
	}
}

func (d *decoder[V]) skipWS(i int) int {
	for i < len(d.s) {
		switch d.s[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// scan is scan_once: one value at idx.
func (d *decoder[V]) scan(idx int) (V, int, error) {
	var zero V
	s := d.s
	if idx >= len(s) {
		return zero, 0, &errStop{idx}
	}
	switch c := s[idx]; {
	case c == '"':
		str, end, err := d.scanString(idx + 1)
		if err != nil {
			return zero, 0, err
		}
		return d.b.Str(str), end, nil
	case c == '{' || c == '[':
		d.depth++
		defer func() { d.depth-- }()
		if d.depth > d.maxDepth {
			kind := "array"
			if c == '{' {
				kind = "object"
			}
			return zero, 0, &DepthError{kind}
		}
		if c == '{' {
			return d.parseObject(idx + 1)
		}
		return d.parseArray(idx + 1)
	case strings.HasPrefix(s[idx:], "null"):
		return d.b.Null(), idx + 4, nil
	case strings.HasPrefix(s[idx:], "true"):
		return d.b.Bool(true), idx + 4, nil
	case strings.HasPrefix(s[idx:], "false"):
		return d.b.Bool(false), idx + 5, nil
	case strings.HasPrefix(s[idx:], "NaN"):
		v, err := d.b.Float("NaN")
		return v, idx + 3, err
	case strings.HasPrefix(s[idx:], "Infinity"):
		v, err := d.b.Float("Infinity")
		return v, idx + 8, err
	case strings.HasPrefix(s[idx:], "-Infinity"):
		v, err := d.b.Float("-Infinity")
		return v, idx + 9, err
	}
	return d.matchNumber(idx)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// matchNumber is _match_number_unicode: an int or a float, backtracking
// over a fraction or exponent without digits.
func (d *decoder[V]) matchNumber(start int) (V, int, error) {
	var zero V
	s := d.s
	idx := start
	if idx < len(s) && s[idx] == '-' {
		idx++
	}
	switch {
	case idx < len(s) && '1' <= s[idx] && s[idx] <= '9':
		idx++
		for idx < len(s) && isDigit(s[idx]) {
			idx++
		}
	case idx < len(s) && s[idx] == '0':
		idx++
	default:
		return zero, 0, &errStop{start}
	}
	isFloat := false
	if idx+1 < len(s) && s[idx] == '.' && isDigit(s[idx+1]) {
		isFloat = true
		idx += 2
		for idx < len(s) && isDigit(s[idx]) {
			idx++
		}
	}
	if idx < len(s) && (s[idx] == 'e' || s[idx] == 'E') {
		eStart := idx
		idx++
		if idx < len(s) && (s[idx] == '-' || s[idx] == '+') {
			idx++
		}
		for idx < len(s) && isDigit(s[idx]) {
			idx++
		}
		if isDigit(s[idx-1]) {
			isFloat = true
		} else {
			idx = eStart
		}
	}
	var v V
	var err error
	if isFloat {
		v, err = d.b.Float(s[start:idx])
	} else {
		v, err = d.b.Int(s[start:idx])
	}
	return v, idx, err
}

// parseObject is _parse_object_unicode; idx is just after '{'.
func (d *decoder[V]) parseObject(idx int) (V, int, error) {
	var zero V
	s := d.s
	var keys []string
	var vals []V
	idx = d.skipWS(idx)
	if idx >= len(s) || s[idx] != '}' {
		for idx < len(s) {
			if s[idx] != '"' {
				return zero, 0, &errMsg{"Expecting property name enclosed in double quotes", idx}
			}
			key, end, err := d.scanString(idx + 1)
			if err != nil {
				return zero, 0, err
			}
			idx = d.skipWS(end)
			if idx >= len(s) || s[idx] != ':' {
				return zero, 0, &errMsg{"Expecting ':' delimiter", idx}
			}
			idx = d.skipWS(idx + 1)
			val, end, err := d.scan(idx)
			if err != nil {
				return zero, 0, err
			}
			keys = append(keys, key)
			vals = append(vals, val)
			idx = d.skipWS(end)
			if idx < len(s) && s[idx] == '}' {
				break
			}
			if idx >= len(s) || s[idx] != ',' {
				return zero, 0, &errMsg{"Expecting ',' delimiter", idx}
			}
			idx = d.skipWS(idx + 1)
		}
		if idx >= len(s) || s[idx] != '}' {
			return zero, 0, &errMsg{"Expecting property name enclosed in double quotes", idx}
		}
	}
	v, err := d.b.Object(keys, vals)
	return v, idx + 1, err
}

// parseArray is _parse_array_unicode; idx is just after '['.
func (d *decoder[V]) parseArray(idx int) (V, int, error) {
	var zero V
	s := d.s
	var items []V
	idx = d.skipWS(idx)
	if idx >= len(s) || s[idx] != ']' {
		for idx < len(s) {
			val, end, err := d.scan(idx)
			if err != nil {
				return zero, 0, err
			}
			items = append(items, val)
			idx = d.skipWS(end)
			if idx < len(s) && s[idx] == ']' {
				break
			}
			if idx >= len(s) || s[idx] != ',' {
				return zero, 0, &errMsg{"Expecting ',' delimiter", idx}
			}
			idx = d.skipWS(idx + 1)
		}
		if idx >= len(s) || s[idx] != ']' {
			return zero, 0, &errStop{idx}
		}
	}
	v, err := d.b.Array(items)
	return v, idx + 1, err
}

// scanString is scanstring_unicode; idx is just after the opening quote.
func (d *decoder[V]) scanString(idx int) (string, int, error) {
	s := d.s
	begin := idx - 1
	var sb strings.Builder
	for {
		// Copy a run of ordinary characters.
		j := idx
		for j < len(s) && s[j] != '"' && s[j] != '\\' {
			if s[j] < 0x20 && d.strict {
				return "", 0, &errMsg{"Invalid control character at", j}
			}
			j++
		}
		if j >= len(s) {
			return "", 0, &errMsg{"Unterminated string starting at", begin}
		}
		sb.WriteString(s[idx:j])
		if s[j] == '"' {
			return sb.String(), j + 1, nil
		}
		// A backslash escape.
		j++
		if j >= len(s) {
			return "", 0, &errMsg{"Unterminated string starting at", begin}
		}
		c := s[j]
		if c != 'u' {
			r, ok := simpleEscapes[c]
			if !ok {
				return "", 0, &errMsg{"Invalid \\escape", j - 1}
			}
			sb.WriteByte(r)
			idx = j + 1
			continue
		}
		r, ok := hex4(s, j+1)
		if !ok {
			return "", 0, &errMsg{"Invalid \\uXXXX escape", j}
		}
		idx = j + 5
		if 0xd800 <= r && r <= 0xdbff && idx+1 < len(s) && s[idx] == '\\' && s[idx+1] == 'u' {
			r2, ok := hex4(s, idx+2)
			if !ok {
				return "", 0, &errMsg{"Invalid \\uXXXX escape", idx + 1}
			}
			if 0xdc00 <= r2 && r2 <= 0xdfff {
				r = 0x10000 + (r-0xd800)<<10 + (r2 - 0xdc00)
				idx += 6
			}
		}
		sb.WriteRune(r) // a lone surrogate becomes U+FFFD (pya strings are UTF-8)
	}
}

var simpleEscapes = map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		var v byte
		switch {
		case '0' <= c && c <= '9':
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	return r, true
}
