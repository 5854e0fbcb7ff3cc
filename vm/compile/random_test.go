package compile

import (
	"math/rand"
	"testing"

	"github.com/pya-lang/pya/ast"
)

// progGen builds random but valid function bodies that nest loops, try
// (except, except*, else, finally), with, async constructs, return, break
// and continue, to check the stack and exception-table invariants on
// combinations no hand-written test covers.
type progGen struct {
	r    *rand.Rand
	line int
}

func (g *progGen) span() ast.Span {
	g.line++
	return ast.Span{Pos: ast.Pos{Line: g.line, Col: 1}, End: ast.Pos{Line: g.line, Col: 10}}
}

func (g *progGen) name(id string) *ast.Name { return &ast.Name{Span: g.span(), Id: id} }

func (g *progGen) expr() ast.Expr {
	switch g.r.Intn(6) {
	case 0:
		return &ast.Call{Span: g.span(), Func: g.name("f"), Args: []ast.Expr{g.name("x")}}
	case 1:
		return &ast.BinOp{Span: g.span(), Left: g.name("x"), Op: ast.Add, Right: &ast.Constant{Span: g.span(), Value: int64(1)}}
	case 2:
		return &ast.BoolOp{Span: g.span(), Op: ast.And, Values: []ast.Expr{g.name("a"), g.name("b")}}
	case 3:
		return &ast.ListComp{Span: g.span(), Elt: g.name("i"), Generators: []*ast.Comprehension{{Target: g.name("i"), Iter: g.name("y")}}}
	case 4:
		return &ast.Compare{Span: g.span(), Left: g.name("a"), Ops: []ast.Op{ast.Lt, ast.Lt}, Comparators: []ast.Expr{g.name("b"), g.name("c")}}
	}
	return g.name("x")
}

type genCtx struct {
	loop, async, star bool
	noReturn          bool // inside an except* handler: return is an error
	depth             int
}

func (g *progGen) body(c genCtx) []ast.Stmt {
	n := 1 + g.r.Intn(3)
	out := make([]ast.Stmt, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, g.stmt(c))
	}
	return out
}

func (g *progGen) stmt(c genCtx) ast.Stmt {
	k := g.r.Intn(14)
	if c.depth > 2 {
		k = g.r.Intn(4)
	}
	inner := c
	inner.depth++
	switch k {
	case 0:
		return &ast.ExprStmt{Span: g.span(), Value: g.expr()}
	case 1:
		return &ast.Assign{Span: g.span(), Targets: []ast.Expr{g.name("x")}, Value: g.expr()}
	case 2:
		if c.noReturn {
			return &ast.Pass{Span: g.span()}
		}
		if g.r.Intn(2) == 0 {
			return &ast.Return{Span: g.span(), Value: g.expr()}
		}
		return &ast.Return{Span: g.span()}
	case 3:
		if !c.loop || c.star {
			return &ast.Pass{Span: g.span()}
		}
		if g.r.Intn(2) == 0 {
			return &ast.Break{Span: g.span()}
		}
		return &ast.Continue{Span: g.span()}
	case 4:
		return &ast.If{Span: g.span(), Test: g.expr(), Body: g.body(inner), Orelse: g.maybe(inner)}
	case 5:
		l := inner
		l.loop, l.star = true, false
		return &ast.While{Span: g.span(), Test: g.expr(), Body: g.body(l), Orelse: g.maybe(inner)}
	case 6, 7:
		l := inner
		l.loop, l.star = true, false
		return &ast.For{Span: g.span(), Target: g.name("i"), Iter: g.expr(), Body: g.body(l), Orelse: g.maybe(inner),
			IsAsync: c.async && g.r.Intn(2) == 0}
	case 8, 9, 10:
		t := &ast.Try{Span: g.span(), Body: g.body(inner), Star: g.r.Intn(4) == 0}
		nh := g.r.Intn(3)
		if t.Star && nh == 0 {
			nh = 1
		}
		for i := 0; i < nh; i++ {
			h := &ast.ExceptHandler{Span: g.span(), Type: g.name("E")}
			if !t.Star && i == nh-1 && g.r.Intn(3) == 0 {
				h.Type = nil
			}
			if g.r.Intn(2) == 0 {
				h.Name = "e"
			}
			hc := inner
			if t.Star {
				hc.star, hc.noReturn = true, true
			}
			h.Body = g.body(hc)
			t.Handlers = append(t.Handlers, h)
		}
		if nh > 0 {
			t.Orelse = g.maybe(inner)
		}
		if nh == 0 || g.r.Intn(2) == 0 {
			t.Finalbody = g.body(inner)
		}
		return t
	case 11, 12:
		w := &ast.With{Span: g.span(), IsAsync: c.async && g.r.Intn(2) == 0}
		for i := 0; i <= g.r.Intn(2); i++ {
			w.Items = append(w.Items, &ast.WithItem{Context: g.expr(), Vars: g.name("v")})
		}
		w.Body = g.body(inner)
		return w
	}
	return &ast.Pass{Span: g.span()}
}

func (g *progGen) maybe(c genCtx) []ast.Stmt {
	if g.r.Intn(2) == 0 {
		return nil
	}
	return g.body(c)
}

func TestRandomProgramsInvariants(t *testing.T) {
	g := &progGen{r: rand.New(rand.NewSource(1))}
	for i := 0; i < 2000; i++ {
		async := i%2 == 1
		fn := &ast.FunctionDef{Span: g.span(), Name: "fn", Args: &ast.Arguments{}, IsAsync: async,
			Body: g.body(genCtx{async: async})}
		mod := &ast.Module{File: "random.py", Body: []ast.Stmt{fn}}
		code, err := Compile(mod, ModeExec)
		if err != nil {
			t.Fatalf("program %d: %v", i, err)
		}
		if err := verify(code); err != nil {
			t.Fatalf("program %d: %v\n%s", i, err, Disassemble(code))
		}
	}
}
