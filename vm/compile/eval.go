package compile

import "github.com/pya-lang/pya/ast"

// checkEvalInput rejects, as CPython's eval grammar (`expressions NEWLINE*
// ENDMARKER`) does, a module that is not one expression: "invalid syntax"
// at the first token that cannot continue it (the statement's keyword, an
// assignment's operator, what follows the expression), or with no
// location at all for empty input. A starred expression or an unparenthesized
// yield is no expression there either.
func checkEvalInput(mod *ast.Module) *ast.SyntaxError {
	body := mod.Body
	if len(body) == 0 {
		return &ast.SyntaxError{Kind: "SyntaxError", Msg: "invalid syntax", File: mod.File}
	}
	at := func(p ast.Pos, n int) *ast.SyntaxError {
		return newSyntaxError(mod.File, ast.Span{Pos: p, End: ast.Pos{Line: p.Line, Col: p.Col + n}}, "invalid syntax")
	}
	switch s := body[0].(type) {
	case *ast.ExprStmt:
		if len(body) > 1 {
			if next := body[1].Range().Pos; next.Line > s.Range().End.Line {
				return at(next, 1) // the next line's first token
			}
			return at(s.Range().End, 1) // the ';'
		}
		switch v := s.Value.(type) {
		case *ast.Starred:
			return at(v.Range().Pos, 1)
		case *ast.Yield, *ast.YieldFrom:
			if v.Range().Pos == s.Range().Pos {
				return at(v.Range().Pos, len("yield"))
			}
		}
		return nil
	case *ast.Assign:
		// The operator, one space after the target as usually written.
		return at(afterSpace(s.Targets[0].Range().End), 1)
	case *ast.AugAssign:
		return at(afterSpace(s.Target.Range().End), len(s.Op.String())+1)
	case *ast.AnnAssign:
		return at(s.Target.Range().End, 1)
	}
	if kw := stmtKeyword(body[0]); kw != "" {
		return at(body[0].Range().Pos, len(kw))
	}
	return at(body[0].Range().Pos, 1)
}

func afterSpace(p ast.Pos) ast.Pos { return ast.Pos{Line: p.Line, Col: p.Col + 1} }

// stmtKeyword is the keyword a compound or simple statement starts with.
func stmtKeyword(s ast.Stmt) string {
	switch s := s.(type) {
	case *ast.FunctionDef:
		if s.IsAsync {
			return "async"
		}
		return "def"
	case *ast.ClassDef:
		return "class"
	case *ast.Return:
		return "return"
	case *ast.Delete:
		return "del"
	case *ast.For:
		if s.IsAsync {
			return "async"
		}
		return "for"
	case *ast.While:
		return "while"
	case *ast.If:
		return "if"
	case *ast.With:
		if s.IsAsync {
			return "async"
		}
		return "with"
	case *ast.Raise:
		return "raise"
	case *ast.Try:
		return "try"
	case *ast.Assert:
		return "assert"
	case *ast.Import:
		return "import"
	case *ast.ImportFrom:
		return "from"
	case *ast.Global:
		return "global"
	case *ast.Nonlocal:
		return "nonlocal"
	case *ast.Pass:
		return "pass"
	case *ast.Break:
		return "break"
	case *ast.Continue:
		return "continue"
	case *ast.Match:
		return "match"
	}
	return ""
}
