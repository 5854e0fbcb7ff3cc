package vm

import (
	"strconv"
	"testing"
	"unsafe"
)

// The inline strs are sized to Go's 64- and 80-byte size classes: a field
// added to Str pushes them into the next class (16 bytes more per key).
func TestStrInlineSizes(t *testing.T) {
	if n := unsafe.Sizeof(strInline16{}); n != 64 {
		t.Errorf("strInline16 is %d bytes, want 64", n)
	}
	if n := unsafe.Sizeof(strInline32{}); n != 80 {
		t.Errorf("strInline32 is %d bytes, want 80", n)
	}
}

func TestStrConcatInline(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"key", "1"}, {"0123456789", "abcdef"}, {"0123456789", "abcdefg"},
		{"0123456789abcdef", "0123456789abcdef"}, {"0123456789abcdef", "0123456789abcdefX"},
	} {
		v := strConcat(c.a, c.b)
		if got := v.o.(*Str).s; got != c.a+c.b {
			t.Errorf("strConcat(%q, %q) = %q", c.a, c.b, got)
		}
	}
	for _, i := range []int64{-9223372036854775808, -1, 0, 9, 10, 1234567890123456, 12345678901234567} {
		s := strFromInt(i).o.(*Str)
		if want := NewStr(strconv.FormatInt(i, 10)).o.(*Str).s; s.s != want || s.Len() != len(want) {
			t.Errorf("strFromInt(%d) = %q (len %d)", i, s.s, s.Len())
		}
	}
}
