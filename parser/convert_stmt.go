// Statement conversion: each converter method turns the grammar struct of
// the same name into ast statements. A compound statement ends where its
// last body statement ends.

package parser

import (
	"strings"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/lexer"
)

func astPos(p plex.Position) ast.Pos { return ast.Pos{Line: p.Line, Col: p.Column} }

// tokSpan is the span from the first token to the end of the last token
// that is not a layout token.
func tokSpan(toks []plex.Token) ast.Span {
	if len(toks) == 0 {
		return ast.Span{}
	}
	last := len(toks) - 1
	for last > 0 && (toks[last].Type == lexer.Newline || toks[last].Type == lexer.Indent || toks[last].Type == lexer.Dedent) {
		last--
	}
	return ast.Span{Pos: astPos(toks[0].Pos), End: astPos(lexer.End(toks[last]))}
}

// tokAt returns the span of the first token with the given value.
func tokAt(toks []plex.Token, value string) ast.Span {
	for _, t := range toks {
		if t.Value == value && t.Type != lexer.String {
			return ast.Span{Pos: astPos(t.Pos), End: astPos(lexer.End(t))}
		}
	}
	return tokSpan(toks)
}

// after returns the token just past a node's tokens: Tokens fields are
// sub-slices of the whole token array.
func after(toks []plex.Token) (plex.Token, bool) {
	if len(toks) < cap(toks) {
		return toks[:len(toks)+1][len(toks)], true
	}
	return plex.Token{}, false
}

// nextSignificant returns the first token after toks that is not a
// NEWLINE, INDENT or DEDENT (CPython's lookahead after a block).
func nextSignificant(toks []plex.Token) (plex.Token, bool) {
	for _, t := range toks[len(toks):cap(toks)] {
		if t.Type != lexer.Newline && t.Type != lexer.Indent && t.Type != lexer.Dedent {
			return t, true
		}
	}
	return plex.Token{}, false
}

// bodyEnd is where a block ends: at the end of its last statement.
func bodyEnd(stmts []ast.Stmt) ast.Pos {
	return stmts[len(stmts)-1].Range().End
}

func (c *converter) stmts(gs []*gStatement) []ast.Stmt {
	out := make([]ast.Stmt, 0, len(gs))
	for _, g := range gs {
		out = c.stmt(out, g)
	}
	return out
}

func (c *converter) stmt(out []ast.Stmt, g *gStatement) []ast.Stmt {
	switch {
	case g.Simple != nil:
		for _, s := range c.smallItems(g.Simple) {
			out = append(out, c.small(s))
		}
	case g.If != nil:
		out = append(out, c.ifStmt(g.If))
	case g.For != nil:
		out = append(out, c.forStmt(g.For, false, g.For.Tokens))
	case g.While != nil:
		w := g.While
		s := &ast.While{Test: c.namedExpr(w.Test), Body: c.block(w.Body)}
		s.Pos = astPos(w.Tokens[0].Pos)
		s.End = bodyEnd(s.Body)
		if w.Else != nil {
			s.Orelse = c.block(w.Else)
			s.End = bodyEnd(s.Orelse)
		}
		out = append(out, s)
	case g.Def != nil:
		out = append(out, c.funcDef(g.Def, false, astPos(g.Def.Tokens[0].Pos), nil))
	case g.Class != nil:
		out = append(out, c.classDef(g.Class, nil))
	case g.With != nil:
		out = append(out, c.with(g.With, false, g.With.Tokens))
	case g.Try != nil:
		out = append(out, c.try(g.Try))
	case g.Decorated != nil:
		d := g.Decorated
		decos := make([]ast.Expr, len(d.Decorators))
		for i, x := range d.Decorators {
			decos[i] = c.namedExpr(x.Expr)
		}
		switch {
		case d.Def != nil:
			out = append(out, c.funcDef(d.Def, false, astPos(d.Def.Tokens[0].Pos), decos))
		case d.Class != nil:
			out = append(out, c.classDef(d.Class, decos))
		default:
			// The `async` token follows the last decorator's NEWLINE.
			t, _ := after(d.Decorators[len(d.Decorators)-1].Tokens)
			out = append(out, c.funcDef(d.Async, true, astPos(t.Pos), decos))
		}
	case g.Match != nil:
		out = append(out, c.match(g.Match))
	case g.Async != nil:
		a := g.Async
		switch {
		case a.Def != nil:
			out = append(out, c.funcDef(a.Def, true, astPos(a.Tokens[0].Pos), nil))
		case a.For != nil:
			out = append(out, c.forStmt(a.For, true, a.Tokens))
		default:
			out = append(out, c.with(a.With, true, a.Tokens))
		}
	}
	return out
}

func (c *converter) block(b *gBlock) []ast.Stmt {
	if b.Simple != nil {
		items := c.smallItems(b.Simple)
		out := make([]ast.Stmt, 0, len(items))
		for _, s := range items {
			out = append(out, c.small(s))
		}
		return out
	}
	return c.stmts(b.Stmts)
}

func (c *converter) ifStmt(g *gIf) ast.Stmt {
	s := &ast.If{Test: c.namedExpr(g.Test), Body: c.block(g.Body)}
	s.Pos = astPos(g.Tokens[0].Pos)
	s.End = bodyEnd(s.Body)
	// Build the elif chain from the inside out.
	var orelse []ast.Stmt
	if g.Else != nil {
		orelse = c.block(g.Else)
	}
	for i := len(g.Elifs) - 1; i >= 0; i-- {
		e := g.Elifs[i]
		n := &ast.If{Test: c.namedExpr(e.Test), Body: c.block(e.Body), Orelse: orelse}
		n.Pos = astPos(e.Tokens[0].Pos)
		n.End = bodyEnd(n.Body)
		if len(orelse) > 0 {
			n.End = bodyEnd(orelse)
		}
		orelse = []ast.Stmt{n}
	}
	s.Orelse = orelse
	if len(orelse) > 0 {
		s.End = bodyEnd(orelse)
	}
	return s
}

func (c *converter) forStmt(g *gFor, async bool, start []plex.Token) ast.Stmt {
	if p := g.Target.First.Expr.First.Prefix; len(p) > 0 && p[0] == "not" {
		// CPython reads `for not x in y` as the target `not x in y`.
		c.fail(ast.Span{Pos: tokSpan(g.Target.Tokens).Pos, End: tokSpan(g.Iter.First.Tokens).End}, "cannot assign to expression")
	}
	target := c.targets(g.Target)
	c.checkTarget(target, forTargets)
	s := &ast.For{Target: target, Iter: c.starExprs(g.Iter), Body: c.block(g.Body), IsAsync: async}
	s.Pos = astPos(start[0].Pos)
	s.End = bodyEnd(s.Body)
	if g.Else != nil {
		s.Orelse = c.block(g.Else)
		s.End = bodyEnd(s.Orelse)
	}
	return s
}

func (c *converter) funcDef(g *gFuncDef, async bool, start ast.Pos, decos []ast.Expr) ast.Stmt {
	s := &ast.FunctionDef{Name: g.Name, Args: c.params(c.paramItems(g.First, g.Rest)), Body: c.block(g.Body),
		Decorators: decos, IsAsync: async}
	if g.Returns != nil {
		s.Returns = c.expr(g.Returns)
	}
	s.Pos = start
	s.End = bodyEnd(s.Body)
	return s
}

func (c *converter) classDef(g *gClassDef, decos []ast.Expr) ast.Stmt {
	s := &ast.ClassDef{Name: g.Name, Body: c.block(g.Body), Decorators: decos}
	if g.Paren {
		args, trailing := c.argItems(g.First, g.Rest)
		for _, a := range args {
			if a.Comp != nil {
				c.fail(tokAt(a.Tokens, "for"), "invalid syntax")
			}
		}
		s.Bases, s.Keywords = c.callArgs(args, trailing, parenSpan(g.Tokens))
	}
	s.Pos = astPos(g.Tokens[0].Pos)
	s.End = bodyEnd(s.Body)
	return s
}

func (c *converter) with(g *gWith, async bool, start []plex.Token) ast.Stmt {
	s := &ast.With{IsAsync: async}
	if items := c.parenthesizedWithItems(g); items != nil {
		s.Items = items
	} else {
		for _, it := range g.Items {
			w := &ast.WithItem{Context: c.expr(it.Context)}
			if it.Target != nil {
				w.Vars = c.bitOr(it.Target)
				c.checkTarget(w.Vars, starTargets)
			}
			s.Items = append(s.Items, w)
		}
	}
	s.Body = c.block(g.Body)
	s.Pos = astPos(start[0].Pos)
	s.End = bodyEnd(s.Body)
	return s
}

// parenthesizedWithItems recognizes `with (a as b, c):`, which the grammar
// parses as a parenthesized group whose elements carry `as` targets.
func (c *converter) parenthesizedWithItems(g *gWith) []*ast.WithItem {
	if len(g.Items) != 1 || g.Items[0].Target != nil {
		return nil
	}
	a := bareAtom(g.Items[0].Context)
	if a == nil || a.Paren == nil || a.Paren.Yield != nil || a.Paren.Comp != nil {
		return nil
	}
	elems, _ := c.elemItems(a.Paren)
	items := make([]*ast.WithItem, 0, len(elems))
	for _, e := range elems {
		if e.Star != nil {
			return nil
		}
		w := &ast.WithItem{Context: c.namedExpr(e.Expr)}
		if e.As != nil {
			w.Vars = c.bitOr(e.As)
			c.checkTarget(w.Vars, starTargets)
		}
		items = append(items, w)
	}
	return items
}

func (c *converter) try(g *gTry) ast.Stmt {
	s := &ast.Try{Body: c.block(g.Body)}
	s.Pos = astPos(g.Tokens[0].Pos)
	s.End = bodyEnd(s.Body)
	if len(g.Handlers) == 0 && g.Finally == nil {
		if g.Else != nil {
			c.fail(tokAt(g.Tokens, "else"), "expected 'except' or 'finally' block")
		}
		// CPython reports the token that follows the block; at the end of
		// the file, the file's last line without a caret (offset 0).
		if t, ok := nextSignificant(g.Tokens); ok && t.Type != lexer.EOF {
			c.fail(tokSpan([]plex.Token{t}), "expected 'except' or 'finally' block")
		}
		c.fail(ast.Span{Pos: ast.Pos{Line: c.src.lastLine()}}, "expected 'except' or 'finally' block")
	}
	for i, h := range g.Handlers {
		if i == 0 {
			s.Star = h.Star
		} else if h.Star != s.Star {
			// CPython marks "except*" after plain handlers, the bare
			// "except" after star handlers.
			span := tokSpan(h.Tokens[:1])
			if h.Star {
				span = tokSpan(h.Tokens[:2])
			}
			c.fail(span, "cannot have both 'except' and 'except*' on the same 'try'")
		}
		eh := &ast.ExceptHandler{Name: h.Name, Body: c.block(h.Body)}
		if h.Type != nil {
			eh.Type = c.expr(h.Type)
			if len(h.More) > 0 {
				last := c.expr(h.More[len(h.More)-1])
				c.fail(ast.Span{Pos: eh.Type.Range().Pos, End: last.Range().End}, "multiple exception types must be parenthesized")
			}
		} else if h.Star {
			c.fail(tokSpan(h.Tokens[2:3]), "expected one or more exception types")
		}
		eh.Pos = astPos(h.Tokens[0].Pos)
		eh.End = bodyEnd(eh.Body)
		s.Handlers = append(s.Handlers, eh)
		s.End = eh.End
	}
	if g.Else != nil {
		s.Orelse = c.block(g.Else)
		s.End = bodyEnd(s.Orelse)
	}
	if g.Finally != nil {
		s.Finalbody = c.block(g.Finally)
		s.End = bodyEnd(s.Finalbody)
	}
	return s
}

func (c *converter) small(g *gSmall) ast.Stmt {
	span := tokSpan(g.Tokens)
	switch {
	case g.Expr != nil:
		return c.exprStmt(g.Expr)
	case g.Pass:
		return &ast.Pass{Span: span}
	case g.Break:
		return &ast.Break{Span: span}
	case g.Continue:
		return &ast.Continue{Span: span}
	case g.Return != nil:
		s := &ast.Return{Span: span}
		if g.Return.Value != nil {
			s.Value = c.starExprs(g.Return.Value)
		}
		return s
	case g.Raise != nil:
		s := &ast.Raise{Span: span}
		if g.Raise.Exc != nil {
			s.Exc = c.expr(g.Raise.Exc)
		}
		if g.Raise.Cause != nil {
			s.Cause = c.expr(g.Raise.Cause)
		}
		return s
	case g.Global != nil:
		if g.Global.Kind == "global" {
			return &ast.Global{Span: span, Names: g.Global.Names}
		}
		return &ast.Nonlocal{Span: span, Names: g.Global.Names}
	case g.Del != nil:
		s := &ast.Delete{Span: span}
		items, _ := c.starItems(g.Del.Targets)
		for _, it := range items {
			t := c.starExpr(it)
			c.checkTarget(t, delTargets)
			s.Targets = append(s.Targets, t)
		}
		return s
	case g.Assert != nil:
		s := &ast.Assert{Span: span, Test: c.expr(g.Assert.Test)}
		if g.Assert.Msg != nil {
			s.Msg = c.expr(g.Assert.Msg)
		}
		return s
	case g.Import != nil:
		s := &ast.Import{Span: span}
		for _, d := range g.Import.Names {
			s.Names = append(s.Names, &ast.Alias{Span: tokSpan(d.Tokens), Name: strings.Join(d.Names, "."), AsName: d.As})
		}
		return s
	default:
		return c.importFrom(g.From, span)
	}
}

func (c *converter) importFrom(g *gFrom, span ast.Span) ast.Stmt {
	s := &ast.ImportFrom{Span: span, Module: strings.Join(g.Module, ".")}
	for _, d := range g.Dots {
		s.Level += len(d)
	}
	if s.Level == 0 && s.Module == "" {
		c.fail(tokAt(g.Tokens, "import"), "invalid syntax")
	}
	switch {
	case g.Star:
		s.Names = []*ast.Alias{{Span: tokAt(g.Tokens, "*"), Name: "*"}}
	default:
		names, trailing := c.importItems(g.First, g.Rest)
		if g.Paren {
			names, _ = c.importItems(g.PFirst, g.PRest)
		} else if trailing {
			sp := tokSpan(g.Tokens[len(g.Tokens)-1:])
			if t, ok := after(g.Tokens); ok {
				sp = tokSpan([]plex.Token{t})
			}
			c.fail(sp, "trailing comma not allowed without surrounding parentheses")
		}
		for _, n := range names {
			s.Names = append(s.Names, &ast.Alias{Span: tokSpan(n.Tokens), Name: n.Name, AsName: n.As})
		}
	}
	return s
}

// parenSpan is the span from the first '(' of toks to its matching ')'.
func parenSpan(toks []plex.Token) ast.Span {
	depth, start := 0, -1
	for i, t := range toks {
		if !lexer.IsOperator(t) {
			continue
		}
		switch t.Value {
		case "(", "[", "{":
			if start < 0 && t.Value == "(" {
				start = i
			}
			depth++
		case ")", "]", "}":
			depth--
			if depth == 0 && start >= 0 {
				return tokSpan(toks[start : i+1])
			}
		}
	}
	return tokSpan(toks)
}
