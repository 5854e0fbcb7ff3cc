package json

import "testing"

// TestLineCol checks JSONDecodeError's lineno/colno against CPython's
// doc.count('\n', 0, pos) + 1 and pos - doc.rfind('\n', 0, pos).
func TestLineCol(t *testing.T) {
	for _, c := range []struct {
		doc            string
		pos, line, col int
	}{
		{"ab\ncd", 4, 2, 2},
		{"abc", 0, 1, 1},
		{"a\n\nb", 3, 3, 1},
		{"é\nx", 2, 2, 1},
		{"x\ny", 100, 2, 99},
		{"ab", -1, 1, 0},
	} {
		line, col := lineCol([]rune(c.doc), c.pos)
		if line != c.line || col != c.col {
			t.Errorf("lineCol(%q, %d) = %d, %d; want %d, %d", c.doc, c.pos, line, col, c.line, c.col)
		}
	}
}
