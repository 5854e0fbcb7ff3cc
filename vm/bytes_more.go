package vm

import (
	"bytes"
	"strings"
)

// The rest of bytes' and bytearray's str-like methods: partition, padding,
// ASCII case changes and tests, rsplit, affix removal, translate.

func isASCIILower(c byte) bool { return c >= 'a' && c <= 'z' }
func isASCIIUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isBytesSpace(c byte) bool { return strings.IndexByte(" \t\n\r\x0b\x0c", c) >= 0 }

func swapASCII(c byte) byte {
	switch {
	case isASCIILower(c):
		return c - 32
	case isASCIIUpper(c):
		return c + 32
	}
	return c
}

func lowerASCII(c byte) byte {
	if isASCIIUpper(c) {
		return c + 32
	}
	return c
}

func upperASCII(c byte) byte {
	if isASCIILower(c) {
		return c - 32
	}
	return c
}

// bytesTransform maps each byte with f, which also sees the previous byte.
func bytesTransform(fname string, f func(prev, c byte, i int) byte) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsNone("bytes."+fname, args, kwnames); err != nil {
			return NULL, err
		}
		b := bytesSelf(args)
		out := make([]byte, len(b.B))
		var prev byte
		for i, c := range b.B {
			out[i] = f(prev, c, i)
			prev = c
		}
		return b.result(out), nil
	}
}

func isCasedASCII(c byte) bool { return isASCIILower(c) || isASCIIUpper(c) }

// bytesCasePred is isupper/islower: some cased byte, none of the other case.
func bytesCasePred(want, other func(byte) bool) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		seen := false
		for _, c := range bytesSelf(args).B {
			if other(c) {
				return False, nil
			}
			if want(c) {
				seen = true
			}
		}
		return Bool(seen), nil
	}
}

func bytesPartition(fname string, right bool) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsOne(fname, args, kwnames); err != nil {
			return NULL, err
		}
		b := bytesSelf(args)
		sep, err := bytesArg(args[1])
		if err != nil {
			return NULL, err
		}
		if len(sep) == 0 {
			return NULL, NewError(ValueErrorType, "empty separator")
		}
		var i int
		if right {
			i = bytes.LastIndex(b.B, sep)
		} else {
			i = bytes.Index(b.B, sep)
		}
		cp := func(x []byte) Value { return b.result(append([]byte{}, x...)) }
		if i < 0 {
			if right {
				return NewTuple([]Value{cp(nil), cp(nil), cp(b.B)}), nil
			}
			return NewTuple([]Value{cp(b.B), cp(nil), cp(nil)}), nil
		}
		return NewTuple([]Value{cp(b.B[:i]), cp(sep), cp(b.B[i+len(sep):])}), nil
	}
}

// bytesPad is ljust/rjust/center(width[, fillbyte]).
func bytesPad(fname string) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsRange(fname, fname, args, kwnames, 1, 2); err != nil {
			return NULL, err
		}
		b := bytesSelf(args)
		w, err := indexArg(th, args[1])
		if err != nil {
			return NULL, err
		}
		fill := byte(' ')
		if len(args) > 2 {
			f, ok := bytesOf(args[2])
			if !ok || len(f) != 1 {
				return NULL, NewError(TypeErrorType, "%s() argument 2 must be a byte string of length 1, not %s", fname, TypeName(args[2]))
			}
			fill = f[0]
		}
		n := int(w) - len(b.B)
		if n <= 0 {
			return b.result(append([]byte{}, b.B...)), nil
		}
		left := 0
		switch fname {
		case "rjust":
			left = n
		case "center":
			left = n / 2
			if n%2 == 1 && int(w)%2 == 1 {
				left++
			}
		}
		out := append(bytes.Repeat([]byte{fill}, left), b.B...)
		out = append(out, bytes.Repeat([]byte{fill}, n-left)...)
		return b.result(out), nil
	}
}

func bytesZfill(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := argsOne("zfill", args, kwnames); err != nil {
		return NULL, err
	}
	b := bytesSelf(args)
	w, err := indexArg(th, args[1])
	if err != nil {
		return NULL, err
	}
	n := int(w) - len(b.B)
	if n <= 0 {
		return b.result(append([]byte{}, b.B...)), nil
	}
	out := append(bytes.Repeat([]byte{'0'}, n), b.B...)
	if len(b.B) > 0 && (b.B[0] == '+' || b.B[0] == '-') {
		out[0], out[n] = b.B[0], '0'
	}
	return b.result(out), nil
}

func bytesExpandtabs(th *Thread, args []Value, kwnames []string) (Value, error) {
	size := Int(8)
	if err := ParseArgs("expandtabs", args[1:], kwnames, []string{"tabsize?"}, &size); err != nil {
		return NULL, err
	}
	b := bytesSelf(args)
	ts, err := indexArg(th, size)
	if err != nil {
		return NULL, err
	}
	var out []byte
	col := 0
	for _, c := range b.B {
		switch c {
		case '\t':
			if ts > 0 {
				n := int(ts) - col%int(ts)
				out = append(out, bytes.Repeat([]byte{' '}, n)...)
				col += n
			}
		case '\n', '\r':
			out = append(out, c)
			col = 0
		default:
			out = append(out, c)
			col++
		}
	}
	return b.result(out), nil
}

func bytesRsplit(th *Thread, args []Value, kwnames []string) (Value, error) {
	sepV, maxV := None, Int(-1)
	if err := ParseArgs("rsplit", args[1:], kwnames, []string{"sep?", "maxsplit?"}, &sepV, &maxV); err != nil {
		return NULL, err
	}
	b := bytesSelf(args)
	max, err := indexArg(th, maxV)
	if err != nil {
		return NULL, err
	}
	var parts [][]byte
	s := b.B
	if sepV.IsNone() {
		end := len(s)
		for max != 0 {
			for end > 0 && isBytesSpace(s[end-1]) {
				end--
			}
			if end == 0 {
				break
			}
			start := end
			for start > 0 && !isBytesSpace(s[start-1]) {
				start--
			}
			if start == 0 {
				parts = append(parts, s[:end])
				end = 0
				break
			}
			parts = append(parts, s[start:end])
			end = start
			max--
		}
		for end > 0 && isBytesSpace(s[end-1]) {
			end--
		}
		if end > 0 {
			parts = append(parts, s[:end])
		}
	} else {
		sep, err := bytesArg(sepV)
		if err != nil {
			return NULL, err
		}
		if len(sep) == 0 {
			return NULL, NewError(ValueErrorType, "empty separator")
		}
		for max != 0 {
			i := bytes.LastIndex(s, sep)
			if i < 0 {
				break
			}
			parts = append(parts, s[i+len(sep):])
			s = s[:i]
			max--
		}
		parts = append(parts, s)
	}
	out := make([]Value, len(parts))
	for i, p := range parts {
		out[len(parts)-1-i] = b.result(append([]byte{}, p...))
	}
	return NewList(out), nil
}

func bytesRemoveAffix(fname string, suffix bool) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsOne(fname, args, kwnames); err != nil {
			return NULL, err
		}
		b := bytesSelf(args)
		a, err := bytesArg(args[1])
		if err != nil {
			return NULL, err
		}
		r := b.B
		if suffix {
			r = bytes.TrimSuffix(r, a)
		} else {
			r = bytes.TrimPrefix(r, a)
		}
		return b.result(append([]byte{}, r...)), nil
	}
}

func bytesTranslate(th *Thread, args []Value, kwnames []string) (Value, error) {
	var table, del Value
	if err := ParseArgs("translate", args[1:], kwnames, []string{"table", "delete?"}, &table, &del); err != nil {
		return NULL, err
	}
	b := bytesSelf(args)
	var tab []byte
	if !table.IsNone() {
		t, err := bytesArg(table)
		if err != nil {
			return NULL, err
		}
		if len(t) != 256 {
			return NULL, NewError(ValueErrorType, "translation table must be 256 characters long")
		}
		tab = t
	}
	var drop []byte
	if !del.IsNull() {
		d, err := bytesArg(del)
		if err != nil {
			return NULL, err
		}
		drop = d
	}
	out := make([]byte, 0, len(b.B))
	for _, c := range b.B {
		if bytes.IndexByte(drop, c) >= 0 {
			continue
		}
		if tab != nil {
			c = tab[c]
		}
		out = append(out, c)
	}
	return b.result(out), nil
}

func bytesMaketrans(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := argsRange("maketrans", "maketrans", append([]Value{None}, args...), kwnames, 2, 2); err != nil {
		return NULL, err
	}
	from, err := bytesArg(args[0])
	if err != nil {
		return NULL, err
	}
	to, err := bytesArg(args[1])
	if err != nil {
		return NULL, err
	}
	if len(from) != len(to) {
		return NULL, NewError(ValueErrorType, "maketrans arguments must have same length")
	}
	tab := make([]byte, 256)
	for i := range tab {
		tab[i] = byte(i)
	}
	for i, c := range from {
		tab[c] = to[i]
	}
	return NewBytes(tab), nil
}

func init() {
	common := map[string]NativeFunc{
		"partition":    bytesPartition("partition", false),
		"rpartition":   bytesPartition("rpartition", true),
		"ljust":        bytesPad("ljust"),
		"rjust":        bytesPad("rjust"),
		"center":       bytesPad("center"),
		"zfill":        bytesZfill,
		"expandtabs":   bytesExpandtabs,
		"rsplit":       bytesRsplit,
		"removeprefix": bytesRemoveAffix("removeprefix", false),
		"removesuffix": bytesRemoveAffix("removesuffix", true),
		"translate":    bytesTranslate,
		"swapcase":     bytesTransform("swapcase", func(_, c byte, _ int) byte { return swapASCII(c) }),
		"capitalize": bytesTransform("capitalize", func(_, c byte, i int) byte {
			if i == 0 {
				return upperASCII(c)
			}
			return lowerASCII(c)
		}),
		"title": bytesTransform("title", func(prev, c byte, i int) byte {
			if i > 0 && isCasedASCII(prev) {
				return lowerASCII(c)
			}
			return upperASCII(c)
		}),
		"isupper": bytesCasePred(isASCIIUpper, isASCIILower),
		"islower": bytesCasePred(isASCIILower, isASCIIUpper),
		"isascii": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			for _, c := range bytesSelf(args).B {
				if c >= 0x80 {
					return False, nil
				}
			}
			return True, nil
		},
		"istitle": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			cased, prevCased := false, false
			for _, c := range bytesSelf(args).B {
				switch {
				case isASCIIUpper(c):
					if prevCased {
						return False, nil
					}
					prevCased, cased = true, true
				case isASCIILower(c):
					if !prevCased {
						return False, nil
					}
					prevCased, cased = true, true
				default:
					prevCased = false
				}
			}
			return Bool(cased), nil
		},
	}
	BytesType.AddMethods(common)
	ByteArrayType.AddMethods(common)
	BytesType.AddStaticMethods(map[string]NativeFunc{"maketrans": bytesMaketrans})
	ByteArrayType.AddStaticMethods(map[string]NativeFunc{"maketrans": bytesMaketrans})
	ByteArrayType.AddMethods(map[string]NativeFunc{
		"insert": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("insert", "insert", args, kwnames, 2, 2); err != nil {
				return NULL, err
			}
			b := bytesSelf(args)
			i, err := indexArg(th, args[1])
			if err != nil {
				return NULL, err
			}
			v, err := indexArg(th, args[2])
			if err != nil {
				return NULL, err
			}
			if v < 0 || v > 255 {
				return NULL, NewError(ValueErrorType, "byte must be in range(0, 256)")
			}
			n := int64(len(b.B))
			if i < 0 {
				i = max(i+n, 0)
			}
			i = min(i, n)
			b.B = append(b.B, 0)
			copy(b.B[i+1:], b.B[i:])
			b.B[i] = byte(v)
			return None, nil
		},
		"remove": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("remove", args, kwnames); err != nil {
				return NULL, err
			}
			b := bytesSelf(args)
			v, err := indexArg(th, args[1])
			if err != nil {
				return NULL, err
			}
			i := bytes.IndexByte(b.B, byte(v))
			if v < 0 || v > 255 || i < 0 {
				return NULL, NewError(ValueErrorType, "value not found in bytearray")
			}
			b.B = append(b.B[:i], b.B[i+1:]...)
			return None, nil
		},
	})
}
