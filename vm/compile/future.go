package compile

import "github.com/pya-lang/pya/ast"

// futureFeatures are the names `from __future__ import` accepts (CPython 3.11).
var futureFeatures = map[string]bool{
	"nested_scopes": true, "generators": true, "division": true, "absolute_import": true,
	"with_statement": true, "print_function": true, "unicode_literals": true,
	"barry_as_FLUFL": true, "generator_stop": true, "annotations": true,
}

// future holds the result of scanning a module's future statements.
type future struct {
	annotations bool                     // PEP 563: annotations are kept as strings, not evaluated
	stmts       map[*ast.ImportFrom]bool // the valid future statements at the top of the module
}

func isFutureImport(s ast.Stmt) (*ast.ImportFrom, bool) {
	imp, ok := s.(*ast.ImportFrom)
	return imp, ok && imp.Module == "__future__" && imp.Level == 0
}

// scanFuture checks the future statements that open a module (after an
// optional docstring), as CPython's future.c does. A future import anywhere
// else is rejected when it is compiled.
func scanFuture(mod *ast.Module) (*future, error) {
	f := &future{stmts: map[*ast.ImportFrom]bool{}}
	done, prevLine := false, 0
	for i, s := range mod.Body {
		line := s.Range().Pos.Line
		if done && line > prevLine {
			break
		}
		prevLine = line
		if i == 0 {
			if _, ok := docstring(mod.Body); ok {
				continue
			}
		}
		imp, ok := isFutureImport(s)
		if !ok {
			done = true
			continue
		}
		if done {
			// A late future statement on the line of an earlier statement is
			// caught here, and CPython reports its 0-based column.
			at := imp.Pos
			at.Col--
			return nil, newSyntaxError(mod.File, ast.Span{Pos: at, End: at}, "from __future__ imports must occur at the beginning of the file")
		}
		for _, a := range imp.Names {
			at := ast.Span{Pos: imp.Pos, End: imp.Pos}
			switch {
			case a.Name == "braces":
				return nil, newSyntaxError(mod.File, at, "not a chance")
			case !futureFeatures[a.Name]:
				return nil, newSyntaxError(mod.File, at, "future feature "+a.Name+" is not defined")
			case a.Name == "annotations":
				f.annotations = true
			}
		}
		f.stmts[imp] = true
	}
	return f, nil
}

// futureImport compiles a future statement: checked at compile time, it has
// no run-time effect here (pya has no __future__ module to bind names from).
func (c *compiler) futureImport(s *ast.ImportFrom) {
	if !c.future.stmts[s] {
		c.errorAt(s, "from __future__ imports must occur at the beginning of the file")
	}
	c.op(NOP)
}

// annotation pushes an annotation's value: the expression, or under
// `from __future__ import annotations` its source text.
func (c *compiler) annotation(e ast.Expr) {
	if c.future.annotations {
		c.loadConst(unparse(e))
		return
	}
	c.expr(e)
}
