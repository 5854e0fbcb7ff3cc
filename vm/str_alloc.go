package vm

import (
	"strconv"
	"unsafe"
)

// Short strs made at run time (str(i), "key" + str(i)) are allocated with
// their bytes in the same object: one allocation instead of two (the Str and
// its Go string), and the bytes sit next to the header that a dict lookup
// reads first (the `containers` benchmark). The Go string points into the
// object, which keeps it alive.

// strInlineCap is the largest string stored inline.
const strInlineCap = 32

type strInline struct {
	Str
	buf [strInlineCap]byte
}

// strConcat returns the str a + b (both non-empty).
func strConcat(a, b string) Value {
	n := len(a) + len(b)
	if n > strInlineCap {
		return NewStr(a + b)
	}
	o := new(strInline)
	copy(o.buf[:], a)
	copy(o.buf[len(a):], b)
	o.s = unsafe.String(&o.buf[0], n)
	return Value{o: &o.Str}
}

// strFromInt returns str(i).
func strFromInt(i int64) Value {
	if i >= 0 && i < 10 {
		return asciiChars['0'+i]
	}
	o := new(strInline)
	b := strconv.AppendInt(o.buf[:0], i, 10)
	o.s = unsafe.String(&o.buf[0], len(b))
	o.n = len(b)
	o.flags = strKnown | strASCII
	return Value{o: &o.Str}
}
