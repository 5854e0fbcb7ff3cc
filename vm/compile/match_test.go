package compile

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/parser"
)

// matchPrograms exercise the match statement's code generation: the stack
// layout of captures under nested, or- and as-patterns, and the failure
// paths' pops. Each must compile and pass verify.
var matchPrograms = []string{
	"match x:\n case 1: pass",
	"match x:\n case _: pass",
	"match x:\n case 1: pass\n case _: pass",
	"match x:\n case a if a: pass\n case _ if b: pass",
	"match x:\n case [a, (b, c) | [c, b], *d] as e if e: f(a, b, c, d, e)\n case {1: x, 'k': [y, *_], **z}: pass",
	"match x:\n case P(a, b=[c, d] | (d, c), e=E.F) | Q(d=d, a=a, c=c): pass\n case (1 | 2 | 3) as n: pass",
	"def f(x):\n for i in x:\n  match i:\n   case [a, *_, b]: continue\n   case {**r}: break\n   case str(s): return s\n",
	"async def f(x):\n match x:\n  case {'a': a} if await a: pass\n",
	"match x:\n case (a, b) | (b, a) | (a, b): pass",
	"match x:\n case [[a, b], [c, d]] | [[d, c], [b, a]]: pass",
	"match x:\n case (([a, b] as c) | ([b, a] as c)) as d: pass",
}

func TestMatchCodeInvariants(t *testing.T) {
	for _, src := range matchPrograms {
		mod, err := parser.ParseFile("m.py", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		code, err := Compile(mod, ModeExec)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		var check func(c *Code)
		check = func(c *Code) {
			if err := verify(c); err != nil {
				t.Errorf("%q: %v\n%s", src, err, Disassemble(code))
			}
			for _, k := range c.Consts {
				if sub, ok := k.(*Code); ok {
					check(sub)
				}
			}
		}
		check(code)
	}
}

// matchErrors are the SyntaxErrors CPython's compiler raises for patterns;
// TestMatchCompileErrors compares message and position with python3's.
var matchErrors = []string{
	"match x:\n case y: pass\n case 1: pass",
	"match x:\n case _: pass\n case 1: pass",
	"match x:\n case y | 1: pass",
	"match x:\n case _ | 1: pass",
	"match x:\n case (1 as y) | y: pass\n case 2: pass",
	"match x:\n case [a, a]: pass",
	"match x:\n case [a, *a]: pass",
	"match x:\n case {'k': a, **a}: pass",
	"match x:\n case [a] | [a] as a: pass",
	"match x:\n case (a, 1) | (b, 2): pass",
	"match x:\n case (a, b) | (a, 2): pass",
	"match x:\n case [a, *b, *c]: pass",
	"match x:\n case P(x=1, x=2): pass",
	"match x:\n case P(a, b, x=1, y=[q], x=2): pass",
	"match x:\n case {'a': 1, 'a': 2}: pass",
	"match x:\n case {1: 1, True: 2}: pass",
	"match x:\n case {1.0: 1, 1: 2}: pass",
	"match x:\n case {-1: 1, -1: 2}: pass",
	"match x:\n case {b'a': 1, 'a': 2, None: 3, None: 4}: pass",
	"match x:\n case a if a: pass\n case b: pass\n case c: pass",
	"match x:\n case __debug__: pass",
	"match x:\n case P(__debug__=1): pass",
}

func TestMatchCompileErrors(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	in, _ := json.Marshal(matchErrors)
	script := `
import json, sys
out = []
for src in json.load(sys.stdin):
    try:
        compile(src, "m.py", "exec")
        out.append("ok")
    except SyntaxError as e:
        out.append("%s @%d:%d-%d:%d" % (e.msg, e.lineno, e.offset, e.end_lineno or 0, e.end_offset or 0))
json.dump(out, sys.stdout)
`
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = strings.NewReader(string(in))
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var want []string
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	for i, src := range matchErrors {
		got := "ok"
		mod, err := parser.ParseFile("m.py", []byte(src))
		if err == nil {
			_, err = Compile(mod, ModeExec)
		}
		if se, ok := err.(*ast.SyntaxError); ok {
			endLine, endCol := se.Line, se.EndCol
			if endCol == 0 {
				endLine, endCol = 0, 0
			}
			got = fmt.Sprintf("%s @%d:%d-%d:%d", se.Msg, se.Line, se.Col, endLine, endCol)
		} else if err != nil {
			got = err.Error()
		}
		w := want[i]
		// pya leaves out an end on the start's line that CPython has.
		if got != w && !(strings.HasSuffix(got, "-0:0") && strings.HasPrefix(w, strings.TrimSuffix(got, "-0:0"))) {
			t.Errorf("%q:\n got %s\nwant %s", src, got, w)
		}
	}
}
