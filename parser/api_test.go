package parser

import (
	"testing"

	"github.com/pya-lang/pya/ast"
)

func TestIncomplete(t *testing.T) {
	tests := []struct {
		src        string
		incomplete bool
	}{
		{"x = (1,\n", true},
		{"f(a,\n  b", true},
		{"x = [\n", true},
		{"s = '''abc\n", true},
		{"x = 1 + \\\n", true},
		{"if x:\n", true},
		{"if x:", true},
		{"for i in range(3):\n", true},
		{"def f():\n", true},
		{"class A:\n", true},
		{"async def f():\n", true},
		{"if x:\n    if y:\n", true},
		{"try:\n    pass\nexcept E:\n", true},
		{"x = 1\n", false},
		{"x = 1 +\n", false},
		{"x = (1 2\n", true},
		{"x = 'abc\n", false},
		{"if x\n", false},
		{"if x:\npass\n", false},
		{")", false},
		{"@dec\n", true},
		{"@dec\n@dec2(x)\n", true},
		{"@dec x\n", false},
	}
	for _, tt := range tests {
		_, err := ParseFile("<stdin>", []byte(tt.src))
		if got := Incomplete(err); got != tt.incomplete {
			t.Errorf("Incomplete(%q) = %v (err %v), want %v", tt.src, got, err, tt.incomplete)
		}
	}
}

func TestParseExpr(t *testing.T) {
	tests := []struct{ src, want string }{
		{"1 + 2", "BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2))"},
		{"a, b", "Tuple(elts=[Name(id='a'), Name(id='b')])"},
		{"yield x", "Yield(value=Name(id='x'))"},
		{"f(x)[1:]", "Subscript(value=Call(func=Name(id='f'), args=[Name(id='x')], keywords=[]), slice=Slice(lower=Constant(value=1)))"},
		{"  x  \n", "Name(id='x')"},
	}
	for _, tt := range tests {
		e, err := ParseExpr("<expr>", []byte(tt.src))
		if err != nil {
			t.Errorf("ParseExpr(%q): %v", tt.src, err)
			continue
		}
		if got := Dump(e); got != tt.want {
			t.Errorf("ParseExpr(%q) = %s, want %s", tt.src, got, tt.want)
		}
	}
	if _, err := ParseExpr("<expr>", []byte("x = 1")); err == nil {
		t.Errorf("ParseExpr accepted an assignment")
	}
}

// TestUnicodePositions checks that columns count code points, not bytes.
func TestUnicodePositions(t *testing.T) {
	m, err := ParseFile("u.py", []byte("é = 'ü' + f'{π}'\nprint(é)\n"))
	if err != nil {
		t.Fatal(err)
	}
	as := m.Body[0].(*ast.Assign)
	check := func(what string, got ast.Span, want ast.Span) {
		t.Helper()
		if got != want {
			t.Errorf("%s: got %v, want %v", what, got, want)
		}
	}
	sp := func(l1, c1, l2, c2 int) ast.Span {
		return ast.Span{Pos: ast.Pos{Line: l1, Col: c1}, End: ast.Pos{Line: l2, Col: c2}}
	}
	check("target", as.Targets[0].Range(), sp(1, 1, 1, 2))
	bin := as.Value.(*ast.BinOp)
	check("str", bin.Left.Range(), sp(1, 5, 1, 8))
	check("fstring", bin.Right.Range(), sp(1, 11, 1, 17))
	fv := bin.Right.(*ast.JoinedStr).Values[0].(*ast.FormattedValue)
	check("field", fv.Value.Range(), sp(1, 14, 1, 15))
	check("call", m.Body[1].Range(), sp(2, 1, 2, 9))

	_, err = ParseFile("u.py", []byte("é = 1 2\n"))
	se := err.(*ast.SyntaxError)
	if se.Col != 7 || se.EndCol != 8 {
		t.Errorf("error at %d-%d, want 7-8", se.Col, se.EndCol)
	}
}

// TestMultilinePositions checks ends of multi-line nodes.
func TestMultilinePositions(t *testing.T) {
	m, err := ParseFile("m.py", []byte("x = '''a\nbc'''\nif x:\n    y = f(1,\n          2)\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Body[0].Range(); got.End != (ast.Pos{Line: 2, Col: 6}) {
		t.Errorf("triple-quoted assignment ends at %v", got.End)
	}
	if got := m.Body[1].Range(); got.Pos != (ast.Pos{Line: 3, Col: 1}) || got.End != (ast.Pos{Line: 5, Col: 13}) {
		t.Errorf("if spans %v", got)
	}
}
