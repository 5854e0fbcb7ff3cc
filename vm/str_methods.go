package vm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isPySpace is Python's str whitespace (Py_UNICODE_ISSPACE): Go's White_Space
// plus the ASCII separators \x1c-\x1f.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// strSelf returns the Go string of self (args[0]).
func strSelf(args []Value) string { return args[0].o.(*Str).s }

// strArgOf checks that v is a str ("must be str, not int").
func strArgOf(v Value) (string, error) {
	if s, ok := v.o.(*Str); ok {
		return s.s, nil
	}
	return "", NewError(TypeErrorType, "must be str, not %s", TypeName(v))
}

// strList makes a list of strs.
func strList(parts []string) Value {
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = NewStr(p)
	}
	return NewList(items)
}

// splitWhitespace is str.split() / str.rsplit() without a separator.
func splitWhitespace(s string, maxsplit int, right bool) []string {
	var out []string
	if !right {
		i := 0
		for {
			for i < len(s) {
				r, n := utf8.DecodeRuneInString(s[i:])
				if !isPySpace(r) {
					break
				}
				i += n
			}
			if i >= len(s) {
				return out
			}
			if maxsplit >= 0 && len(out) == maxsplit {
				return append(out, s[i:])
			}
			j := i
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if isPySpace(r) {
					break
				}
				j += n
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	j := len(s)
	for {
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:j])
			if !isPySpace(r) {
				break
			}
			j -= n
		}
		if j <= 0 {
			break
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			out = append(out, s[:j])
			break
		}
		i := j
		for i > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:i])
			if isPySpace(r) {
				break
			}
			i -= n
		}
		out = append(out, s[i:j])
		j = i
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// splitArgs parses (sep=None, maxsplit=-1) of split/rsplit.
func splitArgs(th *Thread, fname string, args []Value, kwnames []string) (sep string, hasSep bool, maxsplit int, err error) {
	sepv, maxv := None, Int(-1)
	if err = ParseArgs(fname, args[1:], kwnames, []string{"sep?", "maxsplit?"}, &sepv, &maxv); err != nil {
		return
	}
	if !sepv.IsNone() {
		s, ok := sepv.o.(*Str)
		if !ok {
			err = NewError(TypeErrorType, "must be str or None, not %s", TypeName(sepv))
			return
		}
		if s.s == "" {
			err = NewError(ValueErrorType, "empty separator")
			return
		}
		sep, hasSep = s.s, true
	}
	m, err := indexArg(th, maxv)
	if err != nil {
		return
	}
	maxsplit = int(m)
	if m < 0 {
		maxsplit = -1
	}
	return
}

// stripChars strips runes in chars (whitespace when chars is nil) from the
// selected ends.
func stripChars(s string, chars *string, left, right bool) string {
	in := isPySpace
	if chars != nil {
		set := *chars
		in = func(r rune) bool { return strings.ContainsRune(set, r) }
	}
	if left {
		s = strings.TrimLeftFunc(s, in)
	}
	if right {
		s = strings.TrimRightFunc(s, in)
	}
	return s
}

func stripMethod(fname string, left, right bool) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsRange(fname, "str."+fname, args, kwnames, 0, 1); err != nil {
			return NULL, err
		}
		var chars *string
		if len(args) > 1 && !args[1].IsNone() {
			c, ok := args[1].o.(*Str)
			if !ok {
				return NULL, NewError(TypeErrorType, "%s arg must be None or str", fname)
			}
			chars = &c.s
		}
		s := strSelf(args)
		r := stripChars(s, chars, left, right)
		if len(r) == len(s) {
			return args[0], nil
		}
		return NewStr(r), nil
	}
}

// strRange converts code point bounds [start, end) of s (from searchBounds)
// to byte offsets.
func strRange(s *Str, start, end int) (int, int) {
	if s.IsASCII() {
		return start, end
	}
	a := s.byteOffset(start)
	b := a
	for k := start; k < end; k++ {
		_, n := utf8.DecodeRuneInString(s.s[b:])
		b += n
	}
	return a, b
}

// cpIndex converts a byte offset of s to a code point index.
func cpIndex(s *Str, off int) int {
	if s.IsASCII() {
		return off
	}
	return utf8.RuneCountInString(s.s[:off])
}

// strFind is find/rfind/index/rindex: the code point index or -1.
func strFind(th *Thread, args []Value, kwnames []string, fname string, right bool) (int, error) {
	if err := argsRange(fname, "str."+fname, args, kwnames, 1, 3); err != nil {
		return 0, err
	}
	s := args[0].o.(*Str)
	sub, err := strArgOf(args[1])
	if err != nil {
		return 0, err
	}
	start, end, err := searchBounds(th, s.Len(), optArg(args, 2), optArg(args, 3))
	if err != nil {
		return 0, err
	}
	if start > end {
		return -1, nil
	}
	a, b := strRange(s, start, end)
	var i int
	if right {
		i = strings.LastIndex(s.s[a:b], sub)
	} else {
		i = strings.Index(s.s[a:b], sub)
	}
	if i < 0 {
		return -1, nil
	}
	return cpIndex(s, a+i), nil
}

func findMethod(fname string, right, raise bool) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		i, err := strFind(th, args, kwnames, fname, right)
		if err != nil {
			return NULL, err
		}
		if i < 0 && raise {
			return NULL, NewError(ValueErrorType, "substring not found")
		}
		return Int(int64(i)), nil
	}
}

// affixMethod is startswith/endswith.
func affixMethod(fname string, suffix bool) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsRange(fname, "str."+fname, args, kwnames, 1, 3); err != nil {
			return NULL, err
		}
		s := args[0].o.(*Str)
		start, end, err := searchBounds(th, s.Len(), optArg(args, 2), optArg(args, 3))
		if err != nil {
			return NULL, err
		}
		var cands []Value
		if t, ok := args[1].o.(*Tuple); ok {
			cands = t.Items
		} else {
			cands = args[1:2]
		}
		for _, c := range cands {
			p, ok := c.o.(*Str)
			if !ok {
				if len(cands) == 1 && cands[0].Is(args[1]) {
					return NULL, NewError(TypeErrorType, "%s first arg must be str or a tuple of str, not %s", fname, TypeName(c))
				}
				return NULL, NewError(TypeErrorType, "tuple for %s must only contain str, not %s", fname, TypeName(c))
			}
			if start > end {
				continue
			}
			a, b := strRange(s, start, end)
			sub := s.s[a:b]
			if suffix && strings.HasSuffix(sub, p.s) || !suffix && strings.HasPrefix(sub, p.s) {
				return True, nil
			}
		}
		return False, nil
	}
}

// padMethod is ljust/rjust/center.
func padMethod(fname string) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsRange(fname, "str."+fname, args, kwnames, 1, 2); err != nil {
			return NULL, err
		}
		s := args[0].o.(*Str)
		w, err := indexArg(th, args[1])
		if err != nil {
			return NULL, err
		}
		fill := " "
		if len(args) > 2 {
			f, ok := args[2].o.(*Str)
			if !ok {
				return NULL, NewError(TypeErrorType, "%s() argument 2 must be str, not %s", fname, TypeName(args[2]))
			}
			if f.Len() != 1 {
				return NULL, NewError(TypeErrorType, "The fill character must be exactly one character long")
			}
			fill = f.s
		}
		n := s.Len()
		if int64(n) >= w {
			return args[0], nil
		}
		marg := int(w) - n
		var left int
		switch fname {
		case "ljust":
			left = 0
		case "rjust":
			left = marg
		default:
			left = marg/2 + (marg & int(w) & 1)
		}
		return NewStr(strings.Repeat(fill, left) + s.s + strings.Repeat(fill, marg-left)), nil
	}
}

// splitLines is str.splitlines.
func splitLines(s string, keepends bool) []string {
	var out []string
	i, start := 0, 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		eol := 0
		switch r {
		case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			eol = n
		case '\r':
			eol = 1
			if i+1 < len(s) && s[i+1] == '\n' {
				eol = 2
			}
		}
		if eol == 0 {
			i += n
			continue
		}
		if keepends {
			out = append(out, s[start:i+eol])
		} else {
			out = append(out, s[start:i])
		}
		i += eol
		start = i
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// replaceN is str.replace with CPython's rules for an empty old string.
func replaceN(s, old, new string, count int) string {
	if count < 0 {
		count = -1
	}
	return strings.Replace(s, old, new, count)
}

// expandTabs is str.expandtabs.
func expandTabs(s string, tab int) string {
	var sb strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			if tab > 0 {
				n := tab - col%tab
				sb.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			sb.WriteRune(r)
			col = 0
		default:
			sb.WriteRune(r)
			col++
		}
	}
	return sb.String()
}

// JoinStrs is sep.join(iterable) ("sequence item 0: expected str instance, int found").
func JoinStrs(th *Thread, sep string, it Value) (string, error) {
	var sb strings.Builder
	i := 0
	err := Iterate(th, it, func(x Value) error {
		s, ok := x.o.(*Str)
		if !ok {
			return NewError(TypeErrorType, "sequence item %d: expected str instance, %s found", i, TypeName(x))
		}
		if i > 0 {
			sb.WriteString(sep)
		}
		sb.WriteString(s.s)
		i++
		return nil
	})
	return sb.String(), err
}
