package compile

import (
	"os"
	"testing"
)

// TestDump prints the disassembly of a fixture program named by $DIS (a
// debugging aid: DIS=asyncs.py go test -run TestDump -v ./vm/compile).
func TestDump(t *testing.T) {
	name := os.Getenv("DIS")
	if name == "" {
		t.Skip("set DIS to a program name")
	}
	t.Log("\n" + Disassemble(compileProgram(t, name)))
}
