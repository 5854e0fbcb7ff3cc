package vm

import "testing"

// Expected values are python3 (3.11) output of the expression in the comment
// form recv.name(args).
func TestStrMethods(t *testing.T) {
	N := None
	runMethodCases(t, []methodCase{
		{S("a b  c "), "split", nil, nil, "['a', 'b', 'c']"},
		{S("  a b  c "), "split", args(N, I(1)), nil, "['a', 'b  c ']"},
		{S("a,b,,c"), "split", args(S(",")), nil, "['a', 'b', '', 'c']"},
		{S("a,b,,c"), "split", args(S(","), I(1)), nil, "['a', 'b,,c']"},
		{S("a b  c  "), "rsplit", args(N, I(1)), nil, "['a b', 'c']"},
		{S("a,b,c"), "rsplit", args(S(","), I(1)), nil, "['a,b', 'c']"},
		{S(""), "split", nil, nil, "[]"},
		{S(""), "split", args(S(",")), nil, "['']"},
		{S("a"), "split", args(S("")), nil, "!! ValueError: empty separator"},
		{S("a"), "split", args(I(1)), nil, "!! TypeError: must be str or None, not int"},
		{S("a"), "split", args(N, S("x")), nil, "!! TypeError: 'str' object cannot be interpreted as an integer"},
		{S("a b c"), "split", args(I(1)), kw("maxsplit"), "['a', 'b c']"},
		{S("\u0085a\x1c"), "split", nil, nil, "['a']"},
		{S("ab\ncd\r\nef\rg\x0bh"), "splitlines", nil, nil, "['ab', 'cd', 'ef', 'g', 'h']"},
		{S("ab\ncd\r\n"), "splitlines", args(True), nil, "['ab\\n', 'cd\\r\\n']"},
		{S("  x  "), "strip", nil, nil, "'x'"},
		{S("xxaxx"), "strip", args(S("x")), nil, "'a'"},
		{S("a"), "strip", args(I(1)), nil, "!! TypeError: strip arg must be None or str"},
		{S("  a  "), "lstrip", nil, nil, "'a  '"},
		{S("  a  "), "rstrip", nil, nil, "'  a'"},
		{S("aaa"), "replace", args(S("a"), S("b"), I(2)), nil, "'bba'"},
		{S("abc"), "replace", args(S(""), S("-")), nil, "'-a-b-c-'"},
		{S("a"), "replace", args(I(1), S("b")), nil, "!! TypeError: replace() argument 1 must be str, not int"},
		{S("abc"), "startswith", args(T(S("x"), S("a"))), nil, "True"},
		{S("abc"), "startswith", args(S("b"), I(1)), nil, "True"},
		{S("a"), "startswith", args(I(1)), nil, "!! TypeError: startswith first arg must be str or a tuple of str, not int"},
		{S("abc"), "endswith", args(T(S("c")), I(0), I(2)), nil, "False"},
		{S("abc"), "endswith", args(S("bc"), I(-2)), nil, "True"},
		{S("abc"), "find", args(S("c"), I(-1)), nil, "2"},
		{S("abc"), "rfind", args(S("")), nil, "3"},
		{S("héllo"), "find", args(S("l")), nil, "2"},
		{S("héllo"), "rfind", args(S("l")), nil, "3"},
		{S("abc"), "index", args(S("d")), nil, "!! ValueError: substring not found"},
		{S("abc"), "rindex", args(S("d")), nil, "!! ValueError: substring not found"},
		{S("a"), "find", args(I(1)), nil, "!! TypeError: must be str, not int"},
		{S("aXbXc"), "count", args(S("X")), nil, "2"},
		{S(""), "count", args(S("")), nil, "1"},
		{S("abc"), "count", args(S(""), I(1)), nil, "3"},
		{S("a"), "count", args(I(1)), nil, "!! TypeError: must be str, not int"},
		{S("hello world"), "title", nil, nil, "'Hello World'"},
		{S("they're bill's"), "title", nil, nil, "\"They'Re Bill'S\""},
		{S("hELLO wORLD"), "capitalize", nil, nil, "'Hello world'"},
		{S("Straße"), "upper", nil, nil, "'STRASSE'"},
		{S("Straße"), "casefold", nil, nil, "'strasse'"},
		{S("Hello"), "swapcase", nil, nil, "'hELLO'"},
		{S("A"), "lower", nil, nil, "'a'"},
		{S("-42"), "zfill", args(I(6)), nil, "'-00042'"},
		{S("+"), "zfill", args(I(3)), nil, "'+00'"},
		{S("abc"), "center", args(I(8), S("*")), nil, "'**abc***'"},
		{S("abc"), "center", args(I(6)), nil, "' abc  '"},
		{S("ab"), "center", args(I(5)), nil, "'  ab '"},
		{S("abc"), "ljust", args(I(2)), nil, "'abc'"},
		{S("x"), "center", args(I(5), S("ab")), nil, "!! TypeError: The fill character must be exactly one character long"},
		{S("a:b:c"), "partition", args(S(":")), nil, "('a', ':', 'b:c')"},
		{S("a:b:c"), "rpartition", args(S(":")), nil, "('a:b', ':', 'c')"},
		{S("abc"), "rpartition", args(S(":")), nil, "('', '', 'abc')"},
		{S("²"), "isdigit", nil, nil, "True"},
		{S("²"), "isdecimal", nil, nil, "False"},
		{S("½"), "isnumeric", nil, nil, "True"},
		{S("一"), "isnumeric", nil, nil, "True"},
		{S("Ab1"), "isalnum", nil, nil, "True"},
		{S("A B"), "istitle", nil, nil, "True"},
		{S("ǅ"), "isupper", nil, nil, "False"},
		{S("ǅ"), "istitle", nil, nil, "True"},
		{S("_a1"), "isidentifier", nil, nil, "True"},
		{S("1a"), "isidentifier", nil, nil, "False"},
		{S("\t"), "isprintable", nil, nil, "False"},
		{S(" "), "isspace", nil, nil, "True"},
		{S(""), "isspace", nil, nil, "False"},
		{S("ab"), "isascii", nil, nil, "True"},
		{S("é"), "encode", nil, nil, "b'\\xc3\\xa9'"},
		{S("é"), "encode", args(S("ascii")), nil, "!! UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)"},
		{S("é"), "encode", args(S("ascii"), S("replace")), nil, "b'?'"},
		{S("é"), "encode", args(S("ascii"), S("xmlcharrefreplace")), nil, "b'&#233;'"},
		{S("é"), "encode", args(S("ascii"), S("backslashreplace")), nil, "b'\\\\xe9'"},
		{S("é"), "encode", args(S("latin-1")), nil, "b'\\xe9'"},
		{S("€"), "encode", args(S("latin-1")), nil, "!! UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)"},
		{S("a"), "encode", args(S("foo")), nil, "!! LookupError: unknown encoding: foo"},
		{S("a\tb\tc"), "expandtabs", args(I(4)), nil, "'a   b   c'"},
		{S("abc"), "removeprefix", args(S("ab")), nil, "'c'"},
		{S("abc"), "translate", args(D(I(97), None, I(98), S("zz"))), nil, "'zzc'"},
		{S("ab"), "join", args(L(S("x"), S("y"), S("z"))), nil, "'xabyabz'"},
		{S("a"), "join", args(L(I(1))), nil, "!! TypeError: sequence item 0: expected str instance, int found"},
		{S("ab cd"), "split", args(S(" ")), nil, "['ab', 'cd']"},
		{S(""), "maketrans", args(S("ab"), S("xy")), nil, "{97: 120, 98: 121}"},
		{S("{}"), "format", nil, nil, "!! IndexError: Replacement index 0 out of range for positional args tuple"},
		{S("{0}{}"), "format", args(I(1), I(2)), nil, "!! ValueError: cannot switch from manual field specification to automatic field numbering"},
		{S("{:>5}|{!r}|{x[1]}|{{}}"), "format", args(I(1), S("a"), L(I(1), I(2))), kw("x"), `"    1|'a'|2|{}"`},
		{S("{0[a]}"), "format", args(D(S("a"), I(5))), nil, "'5'"},
		{S("{:{}}"), "format", args(I(1), I(3)), nil, "'  1'"},
		{S("{x}"), "format", nil, nil, "!! KeyError: 'x'"},
	})
}

func TestStrRepr(t *testing.T) {
	cases := []struct{ in, want string }{
		{"\x00\u1234\U0001f600é\t\r", `'\x00ሴ😀é\t\r'`},
		{"'", `"'"`},
		{"\"", `'"'`},
		{"'\"", `'\'"'`},
		{"\x7f\xa0\u00ad", `'\x7f\xa0\xad'`},
		{"\\", `'\\'`},
	}
	for _, c := range cases {
		if got := StrRepr(c.in); got != c.want {
			t.Errorf("StrRepr(%q) = %s, want %s", c.in, got, c.want)
		}
	}
	if got := BytesRepr([]byte("ab\x00\n\\'")); got != `b"ab\x00\n\\'"` {
		t.Errorf("BytesRepr: %s", got)
	}
	if got := BytesRepr([]byte("'\"")); got != `b'\'"'` {
		t.Errorf("BytesRepr: %s", got)
	}
}

func TestStrOps(t *testing.T) {
	th := NewThread(nil)
	cases := []struct {
		v    Value
		err  error
		want string
	}{}
	add := func(v Value, err error, want string) {
		cases = append(cases, struct {
			v    Value
			err  error
			want string
		}{v, err, want})
	}
	v, err := BinaryOp(th, 2, S("aé"), I(2)) // 'aé'*2
	add(v, err, "'aéaé'")
	v, err = GetItem(th, S("abc"), NewSlice(None, None, I(-1)))
	add(v, err, "'cba'")
	v, err = GetItem(th, S("héllo"), NewSlice(I(1), I(4), None))
	add(v, err, "'éll'")
	v, err = GetItem(th, S("héllo"), NewSlice(None, None, I(2)))
	add(v, err, "'hlo'")
	v, err = GetItem(th, S("abc"), I(10))
	add(v, err, "!! IndexError: string index out of range")
	v, err = GetItem(th, S("a"), S("a"))
	add(v, err, "!! TypeError: string indices must be integers, not 'str'")
	v, err = BinaryOp(th, 0, S("a"), I(1))
	add(v, err, "!! TypeError: can only concatenate str (not \"int\") to str")
	v, err = BinaryOp(th, 2, S("a"), S("b"))
	add(v, err, "!! TypeError: can't multiply sequence by non-int of type 'str'")
	ok, err := Contains(th, S("abc"), I(1))
	add(Bool(ok), err, "!! TypeError: 'in <string>' requires string as left operand, not int")
	v, err = CompareOp(th, 0, S("abc"), S("abd"))
	add(v, err, "True")
	for _, c := range cases {
		if got := show(th, c.v, c.err); got != c.want {
			t.Errorf("got %s, want %s", got, c.want)
		}
	}
}
