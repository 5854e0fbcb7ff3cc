package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStdlib compares trees with python3's over the .py files of the
// directory named by PYA_STDLIB (e.g. /usr/lib/python3.11); files using
// `match` or failing in python3 are skipped.
func TestStdlib(t *testing.T) {
	dir := os.Getenv("PYA_STDLIB")
	if dir == "" {
		t.Skip("set PYA_STDLIB to a directory of Python sources")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	var srcs, names []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		srcs = append(srcs, string(b))
		names = append(names, f)
	}
	positions := os.Getenv("PYA_POS") != ""
	if positions {
		var a, n []string
		for i, s := range srcs {
			if isASCII(s) {
				a, n = append(a, s), append(n, names[i])
			}
		}
		srcs, names = a, n
	}
	want := pythonDumps(t, srcs, positions)
	if want == nil {
		t.Skip("python3 not found")
	}
	bad := 0
	for i, src := range srcs {
		if strings.HasPrefix(want[i], "SyntaxError") || strings.HasPrefix(want[i], "CompileError") || strings.Contains(want[i], "Match(") {
			continue
		}
		m, err := ParseFile(names[i], []byte(src))
		if err != nil {
			t.Errorf("%s: %v", names[i], err)
			bad++
			continue
		}
		dump := Dump
		if positions {
			dump = DumpWithPositions
		}
		if got := dump(m); got != want[i] {
			t.Errorf("%s:\n got %s\nwant %s", names[i], diffAt(got, want[i]), diffAt(want[i], got))
			bad++
		}
	}
	t.Logf("%d of %d files differ", bad, len(srcs))
}
