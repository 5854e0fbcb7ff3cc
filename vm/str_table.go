package vm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// strFunc wraps a string -> string method without arguments.
func strFunc(fname string, f func(string) string) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsNone("str."+fname, args, kwnames); err != nil {
			return NULL, err
		}
		return NewStr(f(strSelf(args))), nil
	}
}

// strPred wraps a predicate method (isdigit, ...).
func strPred(fname string, f func(string) bool) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsNone("str."+fname, args, kwnames); err != nil {
			return NULL, err
		}
		return Bool(f(strSelf(args))), nil
	}
}

func runePred(f func(rune) bool) func(string) bool {
	return func(s string) bool { return allRunes(s, f) }
}

func addStrMethods() {
	m := map[string]NativeFunc{
		"upper":        strFunc("upper", upperStr),
		"lower":        strFunc("lower", lowerStr),
		"casefold":     strFunc("casefold", casefoldStr),
		"swapcase":     strFunc("swapcase", swapcaseStr),
		"title":        strFunc("title", titleStr),
		"capitalize":   strFunc("capitalize", capitalizeStr),
		"isdigit":      strPred("isdigit", runePred(isDigitRune)),
		"isdecimal":    strPred("isdecimal", runePred(isDecimalRune)),
		"isnumeric":    strPred("isnumeric", runePred(isNumericRune)),
		"isalpha":      strPred("isalpha", runePred(unicode.IsLetter)),
		"isalnum":      strPred("isalnum", runePred(isAlnumRune)),
		"isspace":      strPred("isspace", runePred(isPySpace)),
		"isupper":      strPred("isupper", isUpperStr),
		"islower":      strPred("islower", isLowerStr),
		"istitle":      strPred("istitle", isTitleStr),
		"isidentifier": strPred("isidentifier", IsIdentifier),
		"isprintable":  strPred("isprintable", func(s string) bool { return s == "" || allRunes(s, isPrintableRune) }),
		"isascii":      strPred("isascii", isASCIIStr),
		"strip":        stripMethod("strip", true, true),
		"lstrip":       stripMethod("lstrip", true, false),
		"rstrip":       stripMethod("rstrip", false, true),
		"find":         findMethod("find", false, false),
		"rfind":        findMethod("rfind", true, false),
		"index":        findMethod("index", false, true),
		"rindex":       findMethod("rindex", true, true),
		"startswith":   affixMethod("startswith", false),
		"endswith":     affixMethod("endswith", true),
		"ljust":        padMethod("ljust"),
		"rjust":        padMethod("rjust"),
		"center":       padMethod("center"),
		"split": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			sep, has, max, err := splitArgs(th, "split", args, kwnames)
			if err != nil {
				return NULL, err
			}
			s := strSelf(args)
			if !has {
				return strList(splitWhitespace(s, max, false)), nil
			}
			n := -1
			if max >= 0 {
				n = max + 1
			}
			return strList(strings.SplitN(s, sep, n)), nil
		},
		"rsplit": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			sep, has, max, err := splitArgs(th, "rsplit", args, kwnames)
			if err != nil {
				return NULL, err
			}
			s := strSelf(args)
			if !has {
				return strList(splitWhitespace(s, max, true)), nil
			}
			var out []string
			for max < 0 || len(out) < max {
				i := strings.LastIndex(s, sep)
				if i < 0 {
					break
				}
				out = append(out, s[i+len(sep):])
				s = s[:i]
			}
			out = append(out, s)
			for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
				out[a], out[b] = out[b], out[a]
			}
			return strList(out), nil
		},
		"splitlines": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			k, err := keependsArg(th, args, kwnames)
			if err != nil {
				return NULL, err
			}
			return strList(splitLines(strSelf(args), k)), nil
		},
		"join": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("str.join", args, kwnames); err != nil {
				return NULL, err
			}
			s, err := JoinStrs(th, strSelf(args), args[1])
			if err != nil {
				return NULL, err
			}
			return NewStr(s), nil
		},
		"replace": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("replace", "str.replace", args, kwnames, 2, 3); err != nil {
				return NULL, err
			}
			old, ok1 := args[1].o.(*Str)
			if !ok1 {
				return NULL, NewError(TypeErrorType, "replace() argument 1 must be str, not %s", TypeName(args[1]))
			}
			nw, ok2 := args[2].o.(*Str)
			if !ok2 {
				return NULL, NewError(TypeErrorType, "replace() argument 2 must be str, not %s", TypeName(args[2]))
			}
			count := int64(-1)
			if len(args) > 3 {
				var err error
				if count, err = indexArg(th, args[3]); err != nil {
					return NULL, err
				}
			}
			return NewStr(replaceN(strSelf(args), old.s, nw.s, int(count))), nil
		},
		"count": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("count", "str.count", args, kwnames, 1, 3); err != nil {
				return NULL, err
			}
			s := args[0].o.(*Str)
			sub, err := strArgOf(args[1])
			if err != nil {
				return NULL, err
			}
			start, end, err := searchBounds(th, s.Len(), optArg(args, 2), optArg(args, 3))
			if err != nil {
				return NULL, err
			}
			if start > end {
				return Int(0), nil
			}
			a, b := strRange(s, start, end)
			seg := s.s[a:b]
			if sub == "" {
				return Int(int64(utf8.RuneCountInString(seg) + 1)), nil
			}
			return Int(int64(strings.Count(seg, sub))), nil
		},
		"zfill": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("str.zfill", args, kwnames); err != nil {
				return NULL, err
			}
			w, err := indexArg(th, args[1])
			if err != nil {
				return NULL, err
			}
			s := args[0].o.(*Str)
			n := s.Len()
			if int64(n) >= w {
				return args[0], nil
			}
			pad := strings.Repeat("0", int(w)-n)
			if len(s.s) > 0 && (s.s[0] == '+' || s.s[0] == '-') {
				return NewStr(s.s[:1] + pad + s.s[1:]), nil
			}
			return NewStr(pad + s.s), nil
		},
		"partition": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return partition(args, kwnames, "partition", false)
		},
		"rpartition": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return partition(args, kwnames, "rpartition", true)
		},
		"expandtabs": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			tab := Int(8)
			if err := ParseArgs("expandtabs", args[1:], kwnames, []string{"tabsize?"}, &tab); err != nil {
				return NULL, err
			}
			n, err := indexArg(th, tab)
			if err != nil {
				return NULL, err
			}
			return NewStr(expandTabs(strSelf(args), int(n))), nil
		},
		"removeprefix": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("str.removeprefix", args, kwnames); err != nil {
				return NULL, err
			}
			p, err := strArgOf(args[1])
			if err != nil {
				return NULL, err
			}
			return NewStr(strings.TrimPrefix(strSelf(args), p)), nil
		},
		"removesuffix": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("str.removesuffix", args, kwnames); err != nil {
				return NULL, err
			}
			p, err := strArgOf(args[1])
			if err != nil {
				return NULL, err
			}
			return NewStr(strings.TrimSuffix(strSelf(args), p)), nil
		},
		"encode": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			enc, errs := NewStr("utf-8"), NewStr("strict")
			if err := ParseArgs("encode", args[1:], kwnames, []string{"encoding?", "errors?"}, &enc, &errs); err != nil {
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
			b, err := encodeStr(strSelf(args), e, es)
			if err != nil {
				return NULL, err
			}
			return NewBytes(b), nil
		},
		"translate": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("str.translate", args, kwnames); err != nil {
				return NULL, err
			}
			return translateStr(th, strSelf(args), args[1])
		},
		"format": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			npos := len(args) - len(kwnames)
			var kw *Dict
			if len(kwnames) > 0 {
				kw = NewDict()
				for i, k := range kwnames {
					kw.SetStr(k, args[npos+i])
				}
			}
			s, err := StrFormat(th, strSelf(args), args[1:npos], Value{o: kw})
			if err != nil {
				return NULL, err
			}
			return NewStr(s), nil
		},
		"format_map": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("str.format_map", args, kwnames); err != nil {
				return NULL, err
			}
			s, err := StrFormat(th, strSelf(args), nil, args[1])
			if err != nil {
				return NULL, err
			}
			return NewStr(s), nil
		},
		"__format__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("str.__format__", args, kwnames); err != nil {
				return NULL, err
			}
			spec, err := strArgOf(args[1])
			if err != nil {
				return NULL, err
			}
			s, err := formatStr(strSelf(args), spec)
			return NewStr(s), err
		},
	}
	StrType.AddMethods(m)
	StrType.AddStaticMethods(map[string]NativeFunc{"maketrans": strMaketrans})
}

func partition(args []Value, kwnames []string, fname string, right bool) (Value, error) {
	if err := argsOne("str."+fname, args, kwnames); err != nil {
		return NULL, err
	}
	sep, err := strArgOf(args[1])
	if err != nil {
		return NULL, err
	}
	if sep == "" {
		return NULL, NewError(ValueErrorType, "empty separator")
	}
	s := strSelf(args)
	var i int
	if right {
		i = strings.LastIndex(s, sep)
	} else {
		i = strings.Index(s, sep)
	}
	if i < 0 {
		if right {
			return NewTuple([]Value{emptyStr, emptyStr, args[0]}), nil
		}
		return NewTuple([]Value{args[0], emptyStr, emptyStr}), nil
	}
	return NewTuple([]Value{NewStr(s[:i]), args[1], NewStr(s[i+len(sep):])}), nil
}

// strMaketrans is str.maketrans(x[, y[, z]]).
func strMaketrans(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "maketrans() takes no keyword arguments")
	}
	if len(args) < 1 || len(args) > 3 {
		return NULL, NewError(TypeErrorType, "maketrans expected at least 1 argument, got %d", len(args))
	}
	d := NewDict()
	if len(args) == 1 {
		src, ok := args[0].o.(*Dict)
		if !ok {
			return NULL, NewError(TypeErrorType, "if you give only one argument to maketrans it must be a dict")
		}
		var err error
		src.Items(func(k, v Value) bool {
			if s, ok := k.o.(*Str); ok {
				if s.Len() != 1 {
					err = NewError(ValueErrorType, "string keys in translate table must be of length 1")
					return false
				}
				k = Int(int64(s.At(0)))
			} else if !isInt(k) {
				err = NewError(TypeErrorType, "keys in translate table must be strings or integers")
				return false
			}
			err = d.Set(th, k, v)
			return err == nil
		})
		return Value{o: d}, err
	}
	x, ok1 := args[0].o.(*Str)
	y, ok2 := args[1].o.(*Str)
	if !ok1 || !ok2 {
		return NULL, NewError(TypeErrorType, "maketrans() argument must be str")
	}
	xr, yr := []rune(x.s), []rune(y.s)
	if len(xr) != len(yr) {
		return NULL, NewError(ValueErrorType, "the first two maketrans arguments must have equal length")
	}
	for i := range xr {
		d.Set(th, Int(int64(xr[i])), Int(int64(yr[i])))
	}
	if len(args) == 3 {
		z, ok := args[2].o.(*Str)
		if !ok {
			return NULL, NewError(TypeErrorType, "maketrans() argument 3 must be str, not %s", TypeName(args[2]))
		}
		for _, r := range z.s {
			d.Set(th, Int(int64(r)), None)
		}
	}
	return Value{o: d}, nil
}

// translateStr is str.translate(table): table[ord(c)] maps to a str, an
// ordinal or None (delete); LookupError keeps c.
func translateStr(th *Thread, s string, table Value) (Value, error) {
	var sb strings.Builder
	for _, r := range s {
		v, err := GetItem(th, table, Int(int64(r)))
		if err != nil {
			if e, ok := err.(*Exception); ok && e.Type().IsSubtype(LookupErrorType) {
				sb.WriteRune(r)
				continue
			}
			return NULL, err
		}
		switch {
		case v.IsNone():
		case isInt(v):
			c, _ := IntValue(v)
			if c < 0 || c > 0x10ffff {
				return NULL, NewError(ValueErrorType, "character mapping must be in range(0x110000)")
			}
			sb.WriteRune(rune(c))
		default:
			t, ok := v.o.(*Str)
			if !ok {
				return NULL, NewError(TypeErrorType, "character mapping must return integer, None or str")
			}
			sb.WriteString(t.s)
		}
	}
	return NewStr(sb.String()), nil
}
