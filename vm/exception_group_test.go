package vm

import (
	"strings"
	"testing"
)

// except* tells a re-raised part of a group from a new raise by the
// identity of its traceback: addTraceback must never change a traceback
// that another exception (a split part) shares.
func TestAddTracebackCopiesShared(t *testing.T) {
	code, err := compileSource("t.pya", []byte("x = 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	co := LoadCode(code)
	orig := &Exception{typ: ValueErrorType}
	for i := 0; i < 5; i++ {
		orig.addTraceback(co, 0)
		orig.Traceback[0].Line = 10 + i
	}
	tb := tracebackValue(orig).o.(*Traceback) // shares orig's entries
	part := &Exception{typ: ValueErrorType}
	egCopyTraceback(part, orig) // as a split part of a group does
	before := append([]TraceEntry(nil), tb.Entries...)
	if !sameTraceback(part.Traceback, orig.Traceback) {
		t.Fatal("a shared traceback must compare as the same")
	}
	orig.addTraceback(co, 0)
	part.addTraceback(co, 0)
	if sameTraceback(part.Traceback, orig.Traceback) || sameTraceback(tb.Entries, orig.Traceback) {
		t.Fatal("a traceback that grew must compare as different")
	}
	for i := range before {
		if tb.Entries[i] != before[i] {
			t.Fatalf("entry %d of the shared traceback changed", i)
		}
		if orig.Traceback[i+1] != before[i] || part.Traceback[i+1] != before[i] {
			t.Fatalf("entry %d was not kept below the new one", i)
		}
	}
}

func TestSplitLinesKeep(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"a", "a"},
		{"a\nb", "a\n|b"},
		{"a\r\nb\rc\n", "a\r\n|b\r|c\n"},
	} {
		if got := strings.Join(splitLinesKeep(c.in), "|"); got != c.want {
			t.Errorf("splitLinesKeep(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// errorText follows print_error_text: offsets count bytes, whole lines
// before the offset are skipped, the caret is omitted left of the text.
func TestErrorText(t *testing.T) {
	for _, c := range []struct {
		offset, end int
		text, want  string
	}{
		{5, -1, "bad code here", "    bad code here\n        ^\n"},
		{2, 5, "abcdef\n", "    abcdef\n     ^^^\n"},
		{2, 1, "abcdef", "    abcdef\n     ^\n"},
		{0, -1, "abcdef", "    abcdef\n"},
		{50, -1, "abcdef", "    abcdef\n          ^\n"},
		{9, -1, "  ab\n  cdef\n", "      cdef\n       ^\n"},
		{3, -1, "\tab\tc", "    ab\tc\n     ^\n"},
	} {
		p := &excPrinter{}
		p.errorText(c.offset, c.end, c.text)
		if got := p.b.String(); got != c.want {
			t.Errorf("errorText(%d, %d, %q) = %q, want %q", c.offset, c.end, c.text, got, c.want)
		}
	}
}
