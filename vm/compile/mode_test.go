package compile

import (
	"strings"
	"testing"

	"github.com/pya-lang/pya/ast"
)

func sp(line, col, endCol int) ast.Span {
	return ast.Span{Pos: ast.Pos{Line: line, Col: col}, End: ast.Pos{Line: line, Col: endCol}}
}

// TestInteractive: expression statements print, top-level await makes the
// module a coroutine; in exec mode the same await is an error.
func TestInteractive(t *testing.T) {
	await := &ast.ExprStmt{Span: sp(1, 1, 8), Value: &ast.Await{Span: sp(1, 1, 8), Value: &ast.Name{Span: sp(1, 7, 8), Id: "x"}}}
	mod := &ast.Module{File: "<stdin>", Body: []ast.Stmt{await}}
	code, err := Compile(mod, ModeInteractive)
	if err != nil {
		t.Fatal(err)
	}
	if code.Flags&FlagCoroutine == 0 {
		t.Errorf("flags %#x: want FlagCoroutine", code.Flags)
	}
	dis := Disassemble(code)
	for _, want := range []string{"GET_AWAITABLE", "YIELD_FROM", "PRINT_EXPR"} {
		if !strings.Contains(dis, want) {
			t.Errorf("missing %s:\n%s", want, dis)
		}
	}
	if err := verify(code); err != nil {
		t.Error(err)
	}
	_, err = Compile(mod, ModeExec)
	if se, ok := err.(*ast.SyntaxError); !ok || se.Msg != "'await' outside function" || se.Col != 1 || se.EndCol != 8 {
		t.Errorf("exec mode: got %v", err)
	}

	// An async comprehension at top level is awaited: the module is a coroutine.
	comp := &ast.ListComp{Span: sp(1, 1, 20), Elt: &ast.Await{Span: sp(1, 2, 9), Value: &ast.Name{Span: sp(1, 8, 9), Id: "x"}},
		Generators: []*ast.Comprehension{{Target: &ast.Name{Span: sp(1, 14, 15), Id: "x"}, Iter: &ast.Name{Span: sp(1, 19, 20), Id: "y"}}}}
	code, err = Compile(&ast.Module{File: "<stdin>", Body: []ast.Stmt{&ast.ExprStmt{Span: sp(1, 1, 20), Value: comp}}}, ModeInteractive)
	if err != nil || code.Flags&FlagCoroutine == 0 {
		t.Errorf("async comprehension at top level: %v, flags %#x", err, code.Flags)
	}

	// A leading string is echoed, not taken as a docstring.
	str := &ast.Module{File: "<stdin>", Body: []ast.Stmt{&ast.ExprStmt{Span: sp(1, 1, 4), Value: &ast.Constant{Span: sp(1, 1, 4), Value: "a"}}}}
	code, err = Compile(str, ModeInteractive)
	if err != nil || strings.Contains(Disassemble(code), "__doc__") || !strings.Contains(Disassemble(code), "PRINT_EXPR") {
		t.Errorf("leading string in interactive mode: %v\n%s", err, Disassemble(code))
	}

	plain := &ast.Module{File: "<stdin>", Body: []ast.Stmt{&ast.ExprStmt{Span: sp(1, 1, 2), Value: &ast.Constant{Span: sp(1, 1, 2), Value: int64(1)}}}}
	code, err = Compile(plain, ModeInteractive)
	if err != nil {
		t.Fatal(err)
	}
	if code.Flags&FlagCoroutine != 0 || !strings.Contains(Disassemble(code), "PRINT_EXPR") {
		t.Errorf("plain interactive:\n%s", Disassemble(code))
	}
}

// TestSymtable checks name resolution on tricky scopes directly.
func TestSymtable(t *testing.T) {
	f := loadFixtures(t)
	var mod *ast.Module
	for _, p := range f.Programs {
		if p.Name == "functions.py" {
			mod = jsonModule(p.Name, p.AST)
		}
	}
	st, err := buildSymtable(mod, ModeExec, nil)
	if err != nil {
		t.Fatal(err)
	}
	find := func(name string) *scope {
		var walk func(s *scope) *scope
		walk = func(s *scope) *scope {
			if s.name == name {
				return s
			}
			for _, c := range s.children {
				if r := walk(c); r != nil {
					return r
				}
			}
			return nil
		}
		return walk(st.top)
	}
	names := []string{"global-implicit", "global-explicit", "local", "free", "cell"}
	check := func(scopeName, name, want string) {
		t.Helper()
		s := find(scopeName)
		if s == nil {
			t.Fatalf("no scope %s", scopeName)
		}
		r, ok := s.res[name]
		got := "absent"
		if ok {
			got = names[r]
		}
		if got != want {
			t.Errorf("%s.%s: got %s, want %s", scopeName, name, got, want)
		}
	}
	check("closure", "x", "cell")
	check("inner", "x", "free")
	check("reader", "x", "free")
	check("globals_", "G", "global-explicit")
	check("globals_", "H", "global-implicit")
	check("unbound", "x", "local")
	check("walrus", "found", "cell")
	check("walrus", "y", "cell")
	check("l1", "a", "free") // passes through to l3
	check("l3", "a", "free")
	check("deep", "a", "cell")
	check("defaults_closure", "a", "local") // defaults are evaluated outside f
	check("recursion", "recursion", "global-implicit")
	check("comps", "n", "cell")
	check("comps", "x", "absent") // comprehension variables stay inside
	check("walrus_global", "WG", "global-explicit")
}

func TestEvalMode(t *testing.T) {
	e := &ast.BinOp{Span: sp(1, 1, 6), Left: &ast.Name{Span: sp(1, 1, 2), Id: "x"}, Op: ast.Add,
		Right: &ast.Constant{Span: sp(1, 5, 6), Value: int64(1)}}
	code, err := Compile(&ast.Module{File: "<string>", Body: []ast.Stmt{&ast.ExprStmt{Span: sp(1, 1, 6), Value: e}}}, ModeEval)
	if err != nil {
		t.Fatal(err)
	}
	if err := verify(code); err != nil {
		t.Fatal(err)
	}
	if n := len(code.Code); n != 4 || code.Code[n-1].Op() != RETURN_VALUE || code.Code[n-2].Op() != BINARY_OP {
		t.Errorf("eval code:\n%s", Disassemble(code))
	}
	_, err = Compile(&ast.Module{File: "<string>", Body: []ast.Stmt{&ast.Pass{Span: sp(1, 1, 5)}}}, ModeEval)
	if se, ok := err.(*ast.SyntaxError); !ok || se.Msg != "invalid syntax" {
		t.Errorf("eval of a statement: %v", err)
	}
}
