package compile

import (
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenDisassembly compares the disassembly of small functions with
// testdata/golden.dis (reviewed by hand against CPython 3.11's dis output;
// regenerate with go test -run Golden -update).
func TestGoldenDisassembly(t *testing.T) {
	got := Disassemble(compileProgram(t, "golden.py"))
	if *update {
		if err := os.WriteFile("testdata/golden.dis", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/golden.dis")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("disassembly changed:\n%s", got)
	}
}
