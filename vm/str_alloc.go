package vm

import (
	"strconv"
	"unsafe"
)

// Short strs made at run time (str(i), "key" + str(i)) are allocated with
// their bytes in the same object: one allocation instead of two (the Str and
// its Go string), and the bytes sit next to the header that a dict lookup
// reads first (the `containers` benchmark). The Go string points into the
// object, which keeps it alive. Two sizes fill Go's 64- and 80-byte size
// classes exactly, so a short key wastes no room (a 48-byte Str plus 16
// bytes, or plus 32).

// strInlineCap is the largest string stored inline.
const strInlineCap = 32

type strInline16 struct {
	Str
	buf [16]byte
}

type strInline32 struct {
	Str
	buf [strInlineCap]byte
}

// newStrInline returns a new Str with room for n <= strInlineCap bytes
// inline, and those bytes; the caller fills them and then sets s.s with
// setInline.
func newStrInline(n int) (*Str, []byte) {
	if n <= 16 {
		o := new(strInline16)
		return &o.Str, o.buf[:n]
	}
	o := new(strInline32)
	return &o.Str, o.buf[:n]
}

// setInline points s at its filled inline bytes b.
func (s *Str) setInline(b []byte) { s.s = unsafe.String(&b[0], len(b)) }

// strConcat returns the str a + b (both non-empty).
func strConcat(a, b string) Value {
	n := len(a) + len(b)
	if n > strInlineCap {
		return NewStr(a + b)
	}
	s, buf := newStrInline(n)
	copy(buf, a)
	copy(buf[len(a):], b)
	s.setInline(buf)
	return Value{o: s}
}

// strFromInt returns str(i).
func strFromInt(i int64) Value {
	if i >= 0 && i < 10 {
		return asciiChars['0'+i]
	}
	var digits [20]byte // -9223372036854775808
	d := strconv.AppendInt(digits[:0], i, 10)
	s, buf := newStrInline(len(d))
	copy(buf, d)
	s.setInline(buf)
	s.n = len(d)
	s.flags = strKnown | strASCII
	return Value{o: s}
}
