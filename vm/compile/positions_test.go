package compile

import (
	"fmt"
	"testing"
)

// cpythonOpName maps our opcodes to the CPython 3.11 instruction whose
// position testdata/positions.py records (the positions tracebacks show).
var cpythonOpName = map[Opcode]string{
	LOAD_ATTR: "LOAD_ATTR", LOAD_METHOD: "LOAD_METHOD", STORE_ATTR: "STORE_ATTR",
	CALL: "CALL", CALL_KW: "CALL", CALL_METHOD: "CALL", CALL_EX: "CALL_FUNCTION_EX",
	BINARY_OP: "BINARY_OP", BINARY_SUBSCR: "BINARY_SUBSCR", COMPARE_OP: "COMPARE_OP", STORE_SUBSCR: "STORE_SUBSCR",
}

func TestPositionsMatchCPython(t *testing.T) {
	f := loadFixtures(t)
	code, err := Compile(jsonModule("positions.py", f.Positions.AST), ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range f.Positions.Codes {
		c := findCode(code, want.Name)
		if c == nil {
			t.Errorf("no code %s", want.Name)
			continue
		}
		var got []string
		for pc, in := range c.Code {
			if name, ok := cpythonOpName[in.Op()]; ok {
				p := c.Positions[pc]
				got = append(got, fmt.Sprintf("%s %d %d %d %d", name, p.Line, p.EndLine, p.Col, p.EndCol))
			}
		}
		var exp []string
		for _, in := range want.Instrs {
			exp = append(exp, fmt.Sprintf("%s %v %v %v %v", in[0], in[1], in[2], in[3], in[4]))
		}
		for i := 0; i < len(got) || i < len(exp); i++ {
			g, w := "(none)", "(none)"
			if i < len(got) {
				g = got[i]
			}
			if i < len(exp) {
				w = exp[i]
			}
			if g != w {
				t.Errorf("%s instruction %d: got %s, want %s", want.Name, i, g, w)
			}
		}
	}
}
