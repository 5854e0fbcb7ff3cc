package vm

import (
	"bytes"
	"hash/maphash"
	"strings"

	"github.com/pya-lang/pya/vm/compile"
)

// Bytes is a bytes object, or a bytearray when Mutable. The two share their
// layout and most methods; only bytearray may change B.
type Bytes struct {
	B       []byte
	Mutable bool
	ext     *subExt // non-nil for instances of user subclasses
}

func (b *Bytes) Type() *Type {
	if b.ext != nil {
		return b.ext.typ
	}
	if b.Mutable {
		return ByteArrayType
	}
	return BytesType
}

// NewBytes returns the bytes value b (not copied).
func NewBytes(b []byte) Value { return Value{o: &Bytes{B: b}} }

// NewByteArray returns a bytearray holding b (not copied).
func NewByteArray(b []byte) Value { return Value{o: &Bytes{B: b, Mutable: true}} }

// bytesOf returns the bytes of a bytes-like object.
func bytesOf(v Value) ([]byte, bool) {
	if b, ok := v.o.(*Bytes); ok {
		return b.B, true
	}
	return nil, false
}

// BytesRepr is repr(bytes): b'...' with CPython's quote choice and escapes.
func BytesRepr(b []byte) string {
	quote := byte('\'')
	if bytes.IndexByte(b, '\'') >= 0 && bytes.IndexByte(b, '"') < 0 {
		quote = '"'
	}
	var sb strings.Builder
	sb.WriteByte('b')
	sb.WriteByte(quote)
	for _, c := range b {
		switch {
		case c == quote || c == '\\':
			sb.WriteByte('\\')
			sb.WriteByte(c)
		case c == '\t':
			sb.WriteString(`\t`)
		case c == '\n':
			sb.WriteString(`\n`)
		case c == '\r':
			sb.WriteString(`\r`)
		case c < ' ' || c >= 0x7f:
			writeHexEscape(&sb, 'x', uint32(c), 2)
		default:
			sb.WriteByte(c)
		}
	}
	sb.WriteByte(quote)
	return sb.String()
}

func bytesRepr(th *Thread, v Value) (string, error) {
	b := v.o.(*Bytes)
	if b.Mutable {
		return "bytearray(" + BytesRepr(b.B) + ")", nil
	}
	return BytesRepr(b.B), nil
}

func bytesGetItem(th *Thread, v, k Value) (Value, error) {
	b := v.o.(*Bytes)
	if s, ok := k.o.(*Slice); ok {
		start, _, step, n, err := s.Indices(th, len(b.B))
		if err != nil {
			return NULL, err
		}
		out := make([]byte, n)
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			out[i] = b.B[j]
		}
		return Value{o: &Bytes{B: out, Mutable: b.Mutable}}, nil
	}
	what := "byte"
	if b.Mutable {
		what = "bytearray"
	}
	i, err := itemIndex(th, k, what)
	if err != nil {
		return NULL, err
	}
	j, ok := seqIndex(i, len(b.B))
	if !ok {
		if b.Mutable {
			return NULL, NewError(IndexErrorType, "bytearray index out of range")
		}
		return NULL, NewError(IndexErrorType, "index out of range")
	}
	return Int(int64(b.B[j])), nil
}

// byteValue converts an int to a byte ("byte must be in range(0, 256)").
func byteValue(th *Thread, v Value) (byte, error) {
	i, err := indexArg(th, v)
	if err != nil {
		return 0, err
	}
	if i < 0 || i > 255 {
		return 0, NewError(ValueErrorType, "byte must be in range(0, 256)")
	}
	return byte(i), nil
}

func byteArraySetItem(th *Thread, v, k, x Value) error {
	b := v.o.(*Bytes)
	if s, ok := k.o.(*Slice); ok {
		l := &List{Items: make([]Value, len(b.B))}
		for i, c := range b.B {
			l.Items[i] = Int(int64(c))
		}
		if !x.IsNull() {
			src, err := bytesFromIterable(th, x)
			if err != nil {
				return err
			}
			items := make([]Value, len(src))
			for i, c := range src {
				items[i] = Int(int64(c))
			}
			x = NewList(items)
		}
		if err := listSetSlice(th, l, s, x); err != nil {
			return err
		}
		out := make([]byte, len(l.Items))
		for i, it := range l.Items {
			out[i] = byte(it.n)
		}
		b.B = out
		return nil
	}
	i, err := itemIndex(th, k, "bytearray")
	if err != nil {
		return err
	}
	j, ok := seqIndex(i, len(b.B))
	if !ok {
		return NewError(IndexErrorType, "bytearray index out of range")
	}
	if x.IsNull() {
		b.B = append(b.B[:j], b.B[j+1:]...)
		return nil
	}
	c, err := byteValue(th, x)
	if err != nil {
		return err
	}
	b.B[j] = c
	return nil
}

func bytesBinary(th *Thread, op compile.BinaryOp, v, w Value, reflected bool) (Value, error) {
	b := v.o.(*Bytes)
	switch op {
	case compile.BinAdd, compile.InplaceOffset + compile.BinAdd:
		o, ok := bytesOf(w)
		if !ok {
			return NotImplemented, nil
		}
		if reflected {
			return Value{o: &Bytes{B: append(append([]byte(nil), o...), b.B...), Mutable: w.o.(*Bytes).Mutable}}, nil
		}
		if op != compile.BinAdd && b.Mutable {
			b.B = append(b.B, o...)
			return v, nil
		}
		return Value{o: &Bytes{B: append(append([]byte(nil), b.B...), o...), Mutable: b.Mutable}}, nil
	case compile.BinMul, compile.InplaceOffset + compile.BinMul:
		n, ok, err := repeatCount(th, w, len(b.B))
		if !ok || err != nil {
			return NotImplemented, err
		}
		r := bytes.Repeat(b.B, n)
		if op != compile.BinMul && b.Mutable {
			b.B = r
			return v, nil
		}
		return Value{o: &Bytes{B: r, Mutable: b.Mutable}}, nil
	case compile.BinMod:
		if reflected {
			return NotImplemented, nil
		}
		r, err := percentFormat(th, string(b.B), w, "bytes")
		if err != nil {
			return NULL, err
		}
		return Value{o: &Bytes{B: []byte(r), Mutable: b.Mutable}}, nil
	}
	return NotImplemented, nil
}

func bytesCompare(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
	o, ok := bytesOf(w)
	if !ok {
		return NotImplemented, nil
	}
	return Bool(cmpResult(bytes.Compare(v.o.(*Bytes).B, o), op)), nil
}

func bytesContains(th *Thread, v, x Value) (bool, error) {
	b := v.o.(*Bytes).B
	if o, ok := bytesOf(x); ok {
		return bytes.Contains(b, o), nil
	}
	c, err := byteValue(th, x)
	if err != nil {
		return false, err
	}
	return bytes.IndexByte(b, c) >= 0, nil
}

// bytesFromIterable converts a bytes constructor/extend argument.
func bytesFromIterable(th *Thread, v Value) ([]byte, error) {
	if b, ok := bytesOf(v); ok {
		return append([]byte(nil), b...), nil
	}
	if _, ok := v.o.(*Str); ok {
		return nil, NewError(TypeErrorType, "string argument without an encoding")
	}
	var out []byte
	err := Iterate(th, v, func(x Value) error {
		if !isInt(numPayload(x)) {
			return NewError(TypeErrorType, "'%s' object cannot be interpreted as an integer", TypeName(x))
		}
		c, err := byteValue(th, x)
		out = append(out, c)
		return err
	})
	return out, err
}

func bytesNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	var src, encoding, errors Value
	name := "bytes"
	mutable := t == ByteArrayType || t.IsSubtype(ByteArrayType)
	if mutable {
		name = "bytearray"
	}
	if err := ParseArgs(name, args, kwnames, []string{"source?", "encoding?", "errors?"}, &src, &encoding, &errors); err != nil {
		return NULL, err
	}
	var b []byte
	switch {
	case src.IsNull():
		if !encoding.IsNull() || !errors.IsNull() {
			return NULL, NewError(TypeErrorType, "encoding or errors without sequence argument")
		}
	case AsStr(src) != nil:
		if encoding.IsNull() {
			return NULL, NewError(TypeErrorType, "string argument without an encoding")
		}
		enc, errs := AsStr(encoding), "strict"
		if !errors.IsNull() {
			errs = AsStr(errors).s
		}
		if enc == nil {
			return NULL, NewError(TypeErrorType, "%s() argument 'encoding' must be str, not %s", name, TypeName(encoding))
		}
		r, err := encodeStr(AsStr(src).s, enc.s, errs)
		if err != nil {
			return NULL, err
		}
		b = r
	case !encoding.IsNull():
		return NULL, NewError(TypeErrorType, "encoding without a string argument")
	case isInt(numPayload(src)):
		n, err := indexArg(th, src)
		if err != nil {
			return NULL, err
		}
		if n < 0 {
			return NULL, NewError(ValueErrorType, "negative count")
		}
		b = make([]byte, n)
	default:
		r, err := bytesFromIterable(th, src)
		if err != nil {
			return NULL, err
		}
		b = r
	}
	base := BytesType
	if mutable {
		base = ByteArrayType
	}
	return Value{o: &Bytes{B: b, Mutable: mutable, ext: newSubExt(t, base)}}, nil
}

var bytesSeed = maphash.MakeSeed()

type bytesIterator struct {
	b *Bytes
	i int
}

func (it *bytesIterator) Type() *Type {
	if it.b.Mutable {
		return ByteArrayIteratorType
	}
	return BytesIteratorType
}

func init() {
	for _, t := range []*Type{BytesType, ByteArrayType} {
		t.Repr = bytesRepr
		t.Str = bytesRepr
		t.Len = func(th *Thread, v Value) (int, error) { return len(v.o.(*Bytes).B), nil }
		t.GetItem = bytesGetItem
		t.Contains = bytesContains
		t.Binary = bytesBinary
		t.Compare = bytesCompare
		t.New = bytesNew
		t.Iter = func(th *Thread, v Value) (Value, error) { return Value{o: &bytesIterator{b: v.o.(*Bytes)}}, nil }
	}
	BytesType.Hash = func(th *Thread, v Value) (int64, error) {
		h := int64(maphash.Bytes(bytesSeed, v.o.(*Bytes).B))
		if h == -1 {
			h = -2
		}
		return h, nil
	}
	ByteArrayType.SetItem = byteArraySetItem
	for _, it := range []*Type{BytesIteratorType, ByteArrayIteratorType} {
		it.Iter = selfIter
		it.Hash = identityHashSlot
		it.Next = func(th *Thread, v Value) (Value, error) {
			it := v.o.(*bytesIterator)
			if it.i >= len(it.b.B) {
				return NULL, nil
			}
			it.i++
			return Int(int64(it.b.B[it.i-1])), nil
		}
	}
	addBytesMethods()
}
