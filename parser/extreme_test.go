package parser

import (
	"strings"
	"testing"
	"time"
)

// TestExtremeInputs checks that pathological but valid-looking inputs
// neither panic nor take long.
func TestExtremeInputs(t *testing.T) {
	tests := []string{
		"x = " + strings.Repeat("not ", 10000) + "y\n",
		"x = " + strings.Repeat("-", 10000) + "y\n",
		"x = " + strings.Repeat("a if b else ", 2000) + "c\n",
		"x = " + strings.Repeat("a ** ", 2000) + "c\n",
		"x = " + strings.Repeat("lambda: ", 2000) + "c\n",
		"x = " + strings.Repeat("(", 199) + "1" + strings.Repeat(")", 199) + "\n",
		"x = " + strings.Repeat("[", 199) + strings.Repeat("]", 199) + "\n",
		"x = a" + strings.Repeat(".b", 10000) + "\n",
		"x = a" + strings.Repeat("()", 10000) + "\n",
		"x = 1" + strings.Repeat(" + 1", 10000) + "\n",
		"x = 1" + strings.Repeat(" < 1", 10000) + "\n",
		"x = '" + strings.Repeat("a", 100000) + "'\n",
		"x = f'" + strings.Repeat("{a}", 10000) + "'\n",
		strings.Repeat("x = 1\n", 5000),
		strings.Repeat("\n", 100000),
		strings.Repeat("(", 10000),
		strings.Repeat("if x:\n", 50),
		"x = " + strings.Repeat("a, ", 10000) + "\n",
	}
	for _, src := range tests {
		start := time.Now()
		ParseFile("x.py", []byte(src))
		if d := time.Since(start); d > 10*time.Second || testing.Verbose() && d > 100*time.Millisecond {
			t.Errorf("%.40q...: %v", src, d)
		}
	}
}
