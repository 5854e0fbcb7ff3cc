package vm

import (
	"strings"
	"unicode/utf8"

	"github.com/pya-lang/pya/vm/compile"
)

func strGetItem(th *Thread, v, k Value) (Value, error) {
	s := v.o.(*Str)
	if sl, ok := k.o.(*Slice); ok {
		start, stop, step, n, err := sl.Indices(th, s.Len())
		if err != nil {
			return NULL, err
		}
		if step == 1 {
			if n == s.Len() {
				return v, nil
			}
			if n <= 0 {
				return emptyStr, nil
			}
			return NewStr(s.Substr(start, stop)), nil
		}
		var sb strings.Builder
		if s.IsASCII() {
			for i, j := 0, start; i < n; i, j = i+1, j+step {
				sb.WriteByte(s.s[j])
			}
		} else {
			rs := []rune(s.s)
			for i, j := 0, start; i < n; i, j = i+1, j+step {
				sb.WriteRune(rs[j])
			}
		}
		return NewStr(sb.String()), nil
	}
	i, ok, err := Index(th, k)
	if err != nil {
		return NULL, err
	}
	if !ok {
		return NULL, NewError(TypeErrorType, "string indices must be integers, not '%s'", TypeName(k))
	}
	j, ok := seqIndex(i, s.Len())
	if !ok {
		return NULL, NewError(IndexErrorType, "string index out of range")
	}
	return charStr(s.At(j)), nil
}

func strBinary(th *Thread, op compile.BinaryOp, v, w Value, reflected bool) (Value, error) {
	s := v.o.(*Str)
	switch op {
	case compile.BinAdd, compile.InplaceOffset + compile.BinAdd:
		o, ok := w.o.(*Str)
		if !ok || reflected {
			return NotImplemented, nil
		}
		if len(o.s) == 0 {
			return v, nil
		}
		if len(s.s) == 0 {
			return w, nil
		}
		return strConcat(s.s, o.s), nil
	case compile.BinMul:
		n, ok, err := repeatCount(th, w, len(s.s))
		if !ok || err != nil {
			return NotImplemented, err
		}
		if n == 1 {
			return v, nil
		}
		return NewStr(strings.Repeat(s.s, n)), nil
	case compile.BinMod:
		if reflected {
			return NotImplemented, nil
		}
		r, err := PercentFormat(th, s.s, w)
		if err != nil {
			return NULL, err
		}
		return NewStr(r), nil
	}
	return NotImplemented, nil
}

func strCompare(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
	o, ok := w.o.(*Str)
	if !ok {
		return NotImplemented, nil
	}
	return Bool(cmpResult(cmpStrings(v.o.(*Str).s, o.s), op)), nil
}

func strContains(th *Thread, v, x Value) (bool, error) {
	o, ok := x.o.(*Str)
	if !ok {
		return false, NewError(TypeErrorType, "'in <string>' requires string as left operand, not %s", TypeName(x))
	}
	return strings.Contains(v.o.(*Str).s, o.s), nil
}

// strNew is str(object) and str(bytes, encoding, errors).
func strNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if t == StrType && len(args) == 1 && len(kwnames) == 0 && fastIsInt(&args[0]) {
		return strFromInt(int64(args[0].n)), nil // str(i)
	}
	var obj, encoding, errors Value
	if err := ParseArgs("str", args, kwnames, []string{"object?", "encoding?", "errors?"}, &obj, &encoding, &errors); err != nil {
		return NULL, err
	}
	if ext := newSubExt(t, StrType); ext != nil {
		s := ""
		if !obj.IsNull() {
			r, err := strNew(th, StrType, args, kwnames)
			if err != nil {
				return NULL, err
			}
			s = r.o.(*Str).s
		}
		return Value{o: &Str{s: s, ext: ext}}, nil
	}
	if obj.IsNull() {
		return emptyStr, nil
	}
	if encoding.IsNull() && errors.IsNull() {
		s, err := ToStr(th, obj)
		if err != nil {
			return NULL, err
		}
		if so := AsStr(obj); so != nil && so.ext == nil {
			return obj, nil
		}
		return NewStr(s), nil
	}
	b, ok := bytesOf(obj)
	if !ok {
		return NULL, NewError(TypeErrorType, "decoding to str: need a bytes-like object, %s found", TypeName(obj))
	}
	enc, errs := "utf-8", "strict"
	if !encoding.IsNull() {
		enc = AsStr(encoding).s
	}
	if !errors.IsNull() {
		errs = AsStr(errors).s
	}
	r, err := decodeBytes(b, enc, errs)
	if err != nil {
		return NULL, err
	}
	return NewStr(r), nil
}

// strIterator walks a str by byte offset.
type strIterator struct {
	s   *Str
	off int
}

func (it *strIterator) Type() *Type {
	if it.s.IsASCII() {
		return StrIteratorType
	}
	return StrUnicodeIteratorType
}

// StrUnicodeIteratorType iterates non-ASCII strs (CPython's str_iterator).
var StrUnicodeIteratorType = &Type{Name: "str_iterator", Module: "builtins"}

func strIterNext(th *Thread, v Value) (Value, error) {
	it := v.o.(*strIterator)
	if it.off >= len(it.s.s) {
		return NULL, nil
	}
	c := it.s.s[it.off]
	if c < utf8.RuneSelf {
		it.off++
		return asciiChars[c], nil
	}
	r, size := utf8.DecodeRuneInString(it.s.s[it.off:])
	it.off += size
	return charStr(r), nil
}

func init() {
	t := StrType
	t.Repr = func(th *Thread, v Value) (string, error) { return StrRepr(v.o.(*Str).s), nil }
	t.Str = func(th *Thread, v Value) (string, error) { return v.o.(*Str).s, nil }
	t.Hash = func(th *Thread, v Value) (int64, error) { return v.o.(*Str).Hash(), nil }
	t.Len = func(th *Thread, v Value) (int, error) { return v.o.(*Str).Len(), nil }
	t.GetItem = strGetItem
	t.Contains = strContains
	t.Binary = strBinary
	t.Compare = strCompare
	t.New = strNew
	t.Format = func(th *Thread, v Value, spec string) (string, error) {
		if s := v.o.(*Str); spec == "" && s.ext != nil {
			return ToStr(th, v) // a subclass: str(self), as CPython
		}
		return formatStr(v.o.(*Str).s, spec)
	}
	t.Iter = func(th *Thread, v Value) (Value, error) { return Value{o: &strIterator{s: v.o.(*Str)}}, nil }
	u := StrUnicodeIteratorType
	u.Bases = []*Type{ObjectType}
	u.MRO = []*Type{u, ObjectType}
	for _, it := range []*Type{StrIteratorType, u} {
		it.Iter = selfIter
		it.Next = strIterNext
		it.Hash = identityHashSlot
	}
	addStrMethods()
}
