package vm

import (
	"bytes"
	"encoding/hex"
	"strings"
)

func bytesSelf(args []Value) *Bytes { return args[0].o.(*Bytes) }

// bytesArg converts a bytes-like argument ("a bytes-like object is required, not 'str'").
func bytesArg(v Value) ([]byte, error) {
	if b, ok := bytesOf(v); ok {
		return b, nil
	}
	return nil, NewError(TypeErrorType, "a bytes-like object is required, not '%s'", TypeName(v))
}

// subArg is the needle of find/count/index: bytes-like or an int byte.
func subArg(th *Thread, v Value) ([]byte, error) {
	if isInt(v) {
		c, err := byteValue(th, v)
		return []byte{c}, err
	}
	if b, ok := bytesOf(v); ok {
		return b, nil
	}
	return nil, NewError(TypeErrorType, "argument should be integer or bytes-like object, not '%s'", TypeName(v))
}

// result wraps b as bytes or bytearray like self.
func (b *Bytes) result(r []byte) Value { return Value{o: &Bytes{B: r, Mutable: b.Mutable}} }

// keependsArg is the truth of splitlines' optional keepends argument
// (str, bytes and bytearray share it).
func keependsArg(th *Thread, args []Value, kwnames []string) (bool, error) {
	keep := False
	if err := ParseArgs("splitlines", args[1:], kwnames, []string{"keepends?"}, &keep); err != nil {
		return false, err
	}
	return Truth(th, keep)
}

// bytesLines splits b at \n, \r and \r\n (only those, unlike str's
// splitlines), keeping the line ends when keep is set; copies, so that
// bytearray results do not alias self.
func bytesLines(b []byte, keep bool) [][]byte {
	var out [][]byte
	for i := 0; i < len(b); {
		j := i
		for j < len(b) && b[j] != '\n' && b[j] != '\r' {
			j++
		}
		end := j
		if j < len(b) {
			if b[j] == '\r' && j+1 < len(b) && b[j+1] == '\n' {
				end = j + 2
			} else {
				end = j + 1
			}
		}
		line := b[i:j]
		if keep {
			line = b[i:end]
		}
		out = append(out, append([]byte(nil), line...))
		i = end
	}
	return out
}

func bytesFind(fname string, right, raise bool) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsRange(fname, "bytes."+fname, args, kwnames, 1, 3); err != nil {
			return NULL, err
		}
		b := bytesSelf(args).B
		sub, err := subArg(th, args[1])
		if err != nil {
			return NULL, err
		}
		start, end, err := searchBounds(th, len(b), optArg(args, 2), optArg(args, 3))
		if err != nil {
			return NULL, err
		}
		i := -1
		if start <= end {
			if right {
				i = bytes.LastIndex(b[start:end], sub)
			} else {
				i = bytes.Index(b[start:end], sub)
			}
			if i >= 0 {
				i += start
			}
		}
		if i < 0 && raise {
			return NULL, NewError(ValueErrorType, "subsection not found")
		}
		return Int(int64(i)), nil
	}
}

func bytesStrip(fname string, left, right bool) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsRange(fname, "bytes."+fname, args, kwnames, 0, 1); err != nil {
			return NULL, err
		}
		b := bytesSelf(args)
		cut := " \t\n\r\x0b\x0c"
		if len(args) > 1 && !args[1].IsNone() {
			c, err := bytesArg(args[1])
			if err != nil {
				return NULL, err
			}
			cut = string(c)
		}
		r := b.B
		if left {
			r = bytes.TrimLeft(r, cut)
		}
		if right {
			r = bytes.TrimRight(r, cut)
		}
		return b.result(append([]byte(nil), r...)), nil
	}
}

func bytesMap(fname string, f func([]byte) []byte) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsNone("bytes."+fname, args, kwnames); err != nil {
			return NULL, err
		}
		b := bytesSelf(args)
		return b.result(f(b.B)), nil
	}
}

func addBytesMethods() {
	common := map[string]NativeFunc{
		"decode": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			enc, errs := NewStr("utf-8"), NewStr("strict")
			if err := ParseArgs("decode", args[1:], kwnames, []string{"encoding?", "errors?"}, &enc, &errs); err != nil {
				return NULL, err
			}
			e, err := strArgOf(enc)
			if err != nil {
				return NULL, err
			}
			es, err := strArgOf(errs)
			if err != nil {
				return NULL, err
			}
			s, err := decodeBytes(bytesSelf(args).B, e, es)
			if err != nil {
				return NULL, err
			}
			return NewStr(s), nil
		},
		"hex": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) == 1 {
				return NewStr(hex.EncodeToString(bytesSelf(args).B)), nil
			}
			sep, err := strArgOf(args[1])
			if err != nil {
				return NULL, err
			}
			parts := make([]string, len(bytesSelf(args).B))
			for i, c := range bytesSelf(args).B {
				parts[i] = hex.EncodeToString([]byte{c})
			}
			return NewStr(strings.Join(parts, sep)), nil
		},
		"join": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("bytes.join", args, kwnames); err != nil {
				return NULL, err
			}
			b := bytesSelf(args)
			var out []byte
			i := 0
			err := Iterate(th, args[1], func(x Value) error {
				p, ok := bytesOf(x)
				if !ok {
					return NewError(TypeErrorType, "sequence item %d: expected a bytes-like object, %s found", i, TypeName(x))
				}
				if i > 0 {
					out = append(out, b.B...)
				}
				out = append(out, p...)
				i++
				return nil
			})
			if err != nil {
				return NULL, err
			}
			return b.result(out), nil
		},
		"split": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			sepv, maxv := None, Int(-1)
			if err := ParseArgs("split", args[1:], kwnames, []string{"sep?", "maxsplit?"}, &sepv, &maxv); err != nil {
				return NULL, err
			}
			b := bytesSelf(args)
			max, err := indexArg(th, maxv)
			if err != nil {
				return NULL, err
			}
			var parts []string
			if sepv.IsNone() {
				parts = splitWhitespace(string(b.B), int(max), false)
			} else {
				sep, err := bytesArg(sepv)
				if err != nil {
					return NULL, err
				}
				if len(sep) == 0 {
					return NULL, NewError(ValueErrorType, "empty separator")
				}
				n := -1
				if max >= 0 {
					n = int(max) + 1
				}
				parts = strings.SplitN(string(b.B), string(sep), n)
			}
			items := make([]Value, len(parts))
			for i, p := range parts {
				items[i] = b.result([]byte(p))
			}
			return NewList(items), nil
		},
		"splitlines": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			k, err := keependsArg(th, args, kwnames)
			if err != nil {
				return NULL, err
			}
			b := bytesSelf(args)
			var items []Value
			for _, line := range bytesLines(b.B, k) {
				items = append(items, b.result(line))
			}
			return NewList(items), nil
		},
		"strip":      bytesStrip("strip", true, true),
		"lstrip":     bytesStrip("lstrip", true, false),
		"rstrip":     bytesStrip("rstrip", false, true),
		"find":       bytesFind("find", false, false),
		"rfind":      bytesFind("rfind", true, false),
		"index":      bytesFind("index", false, true),
		"rindex":     bytesFind("rindex", true, true),
		"upper":      bytesMap("upper", bytes.ToUpper),
		"lower":      bytesMap("lower", bytes.ToLower),
		"startswith": bytesAffix("startswith", false),
		"endswith":   bytesAffix("endswith", true),
		"count": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("count", "bytes.count", args, kwnames, 1, 3); err != nil {
				return NULL, err
			}
			b := bytesSelf(args).B
			sub, err := subArg(th, args[1])
			if err != nil {
				return NULL, err
			}
			start, end, err := searchBounds(th, len(b), optArg(args, 2), optArg(args, 3))
			if err != nil || start > end {
				return Int(0), err
			}
			return Int(int64(bytes.Count(b[start:end], sub))), nil
		},
		"replace": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("replace", "bytes.replace", args, kwnames, 2, 3); err != nil {
				return NULL, err
			}
			old, err := bytesArg(args[1])
			if err != nil {
				return NULL, err
			}
			nw, err := bytesArg(args[2])
			if err != nil {
				return NULL, err
			}
			n := int64(-1)
			if len(args) > 3 {
				if n, err = indexArg(th, args[3]); err != nil {
					return NULL, err
				}
			}
			b := bytesSelf(args)
			return b.result(bytes.Replace(b.B, old, nw, int(n))), nil
		},
		"isdigit": bytesPred(func(c byte) bool { return c >= '0' && c <= '9' }),
		"isalpha": bytesPred(func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }),
		"isspace": bytesPred(func(c byte) bool { return strings.IndexByte(" \t\n\r\x0b\x0c", c) >= 0 }),
		"isalnum": bytesPred(func(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }),
	}
	BytesType.AddMethods(common)
	ByteArrayType.AddMethods(common)
	fromhex := func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsOne("fromhex", args, kwnames); err != nil {
			return NULL, err
		}
		s, err := strArgOf(args[1])
		if err != nil {
			return NULL, err
		}
		clean := strings.Map(func(r rune) rune {
			if isPySpace(r) {
				return -1
			}
			return r
		}, s)
		b, herr := hex.DecodeString(clean)
		if herr != nil {
			return NULL, NewError(ValueErrorType, "non-hexadecimal number found in fromhex() arg")
		}
		t, _ := args[0].o.(*Type)
		return Value{o: &Bytes{B: b, Mutable: t == ByteArrayType}}, nil
	}
	BytesType.AddClassMethods(map[string]NativeFunc{"fromhex": fromhex})
	ByteArrayType.AddClassMethods(map[string]NativeFunc{"fromhex": fromhex})
	ByteArrayType.AddMethods(map[string]NativeFunc{
		"append": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("bytearray.append", args, kwnames); err != nil {
				return NULL, err
			}
			c, err := byteValue(th, args[1])
			if err != nil {
				return NULL, err
			}
			b := bytesSelf(args)
			b.B = append(b.B, c)
			return None, nil
		},
		"extend": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("bytearray.extend", args, kwnames); err != nil {
				return NULL, err
			}
			r, err := bytesFromIterable(th, args[1])
			if err != nil {
				return NULL, err
			}
			b := bytesSelf(args)
			b.B = append(b.B, r...)
			return None, nil
		},
		"pop": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("pop", "bytearray.pop", args, kwnames, 0, 1); err != nil {
				return NULL, err
			}
			b := bytesSelf(args)
			i := int64(-1)
			if len(args) > 1 {
				var err error
				if i, err = indexArg(th, args[1]); err != nil {
					return NULL, err
				}
			}
			if len(b.B) == 0 {
				return NULL, NewError(IndexErrorType, "pop from empty bytearray")
			}
			j, ok := seqIndex(i, len(b.B))
			if !ok {
				return NULL, NewError(IndexErrorType, "pop index out of range")
			}
			c := b.B[j]
			b.B = append(b.B[:j], b.B[j+1:]...)
			return Int(int64(c)), nil
		},
		"clear": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			bytesSelf(args).B = nil
			return None, nil
		},
		"copy": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return NewByteArray(append([]byte(nil), bytesSelf(args).B...)), nil
		},
		"reverse": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			b := bytesSelf(args).B
			for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
				b[i], b[j] = b[j], b[i]
			}
			return None, nil
		},
	})
}

func bytesPred(f func(byte) bool) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		b := bytesSelf(args).B
		if len(b) == 0 {
			return False, nil
		}
		for _, c := range b {
			if !f(c) {
				return False, nil
			}
		}
		return True, nil
	}
}

func bytesAffix(fname string, suffix bool) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsRange(fname, "bytes."+fname, args, kwnames, 1, 3); err != nil {
			return NULL, err
		}
		b := bytesSelf(args).B
		start, end, err := searchBounds(th, len(b), optArg(args, 2), optArg(args, 3))
		if err != nil {
			return NULL, err
		}
		cands := args[1:2]
		if t, ok := args[1].o.(*Tuple); ok {
			cands = t.Items
		}
		for _, c := range cands {
			p, ok := bytesOf(c)
			if !ok {
				return NULL, NewError(TypeErrorType, "%s first arg must be bytes or a tuple of bytes, not %s", fname, TypeName(c))
			}
			if start > end {
				continue
			}
			seg := b[start:end]
			if suffix && bytes.HasSuffix(seg, p) || !suffix && bytes.HasPrefix(seg, p) {
				return True, nil
			}
		}
		return False, nil
	}
}
