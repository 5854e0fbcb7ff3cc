package parser

import (
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/lexer"
)

// Conversion of the match statement and its patterns (grammar_match.go) to
// ast nodes with CPython's spans. The checks that CPython's parser makes
// (complex literals, keyword patterns, mapping keys, `_` as a target) are
// made here; those its compiler makes (unreachable patterns, repeated
// names) are the compiler's.

func (c *converter) match(g *gMatch) ast.Stmt {
	s := &ast.Match{Subject: c.subject(g)}
	s.Pos = astPos(g.Tokens[0].Pos)
	for _, gc := range g.Cases {
		mc := &ast.MatchCase{Pattern: c.patterns(gc.Pattern), Body: c.block(gc.Body)}
		if gc.Guard != nil {
			mc.Guard = c.namedExpr(gc.Guard)
		}
		s.Cases = append(s.Cases, mc)
	}
	s.End = bodyEnd(s.Cases[len(s.Cases)-1].Body)
	return s
}

// subject is the expression after `match`: a tuple when there is a comma.
func (c *converter) subject(g *gMatch) ast.Expr {
	items, trailing := flatten(c, g.First, g.Rest, func(r *gElemComma) (*gElem, []plex.Token) { return r.Elem, r.Tokens })
	if len(items) == 1 && !trailing {
		e := c.elem(items[0])
		if _, ok := e.(*ast.Starred); ok {
			// CPython expects a comma after a lone starred subject.
			t, _ := after(items[0].Tokens)
			c.fail(tokSpan([]plex.Token{t}), "invalid syntax")
		}
		return e
	}
	n := len(g.First.Tokens)
	for _, r := range g.Rest {
		n += len(r.Tokens)
	}
	t := &ast.Tuple{Span: tokSpan(g.Tokens[1 : 1+n])}
	for _, it := range items {
		t.Elts = append(t.Elts, c.elem(it))
	}
	return t
}

// patterns converts a case's pattern: an open sequence when there is a comma.
func (c *converter) patterns(g *gPatterns) ast.Pattern {
	items, trailing := flatten(c, g.First, g.Rest, func(r *gPatComma) (*gStarPattern, []plex.Token) { return r.Item, r.Tokens })
	if len(items) == 1 && !trailing {
		if items[0].Star != "" {
			// CPython expects a comma after a lone star pattern.
			t, _ := after(g.Tokens)
			c.fail(tokSpan([]plex.Token{t}), "invalid syntax")
		}
		return c.asPattern(items[0].Pattern)
	}
	return &ast.MatchSequence{Span: tokSpan(g.Tokens), Patterns: c.starPatterns(items)}
}

func (c *converter) starPatterns(items []*gStarPattern) []ast.Pattern {
	out := make([]ast.Pattern, len(items))
	for i, it := range items {
		if it.Star != "" {
			name := it.Star
			if name == "_" {
				name = ""
			}
			out[i] = &ast.MatchStar{Span: tokSpan(it.Tokens), Name: name}
			continue
		}
		out[i] = c.asPattern(it.Pattern)
	}
	return out
}

func (c *converter) asPattern(g *gAsPattern) ast.Pattern {
	p := c.orPattern(g.Or)
	if g.As == nil {
		return p
	}
	if g.As.Name == "_" {
		c.fail(tokSpan(g.As.Tokens), "cannot use '_' as a target")
	}
	return &ast.MatchAs{Span: tokSpan(g.Tokens), Pattern: p, Name: g.As.Name}
}

func (c *converter) orPattern(g *gOrPattern) ast.Pattern {
	if len(g.Rest) == 0 {
		return c.closedPattern(g.First)
	}
	or := &ast.MatchOr{Span: tokSpan(g.Tokens), Patterns: []ast.Pattern{c.closedPattern(g.First)}}
	for _, r := range g.Rest {
		or.Patterns = append(or.Patterns, c.closedPattern(r))
	}
	return or
}

func (c *converter) closedPattern(g *gClosedPattern) ast.Pattern {
	sp := tokSpan(g.Tokens)
	switch {
	case g.Num != "":
		return &ast.MatchValue{Span: sp, Value: c.numberPattern(g)}
	case g.Strs != nil:
		e := c.strings(&gAtom{Tokens: g.Tokens, Strs: g.Strs})
		if _, ok := e.(*ast.JoinedStr); ok {
			c.fail(sp, "patterns may only match literals and attribute lookups")
		}
		return &ast.MatchValue{Span: sp, Value: e}
	case g.Const != "":
		var v any
		switch g.Const {
		case "True":
			v = true
		case "False":
			v = false
		}
		return &ast.MatchSingleton{Span: sp, Value: v}
	case g.Names != nil:
		if g.Call {
			return c.classPattern(g, sp)
		}
		if len(g.Names) == 1 {
			if g.Names[0] == "_" {
				return &ast.MatchAs{Span: sp}
			}
			return &ast.MatchAs{Span: sp, Name: g.Names[0]}
		}
		return &ast.MatchValue{Span: sp, Value: dottedName(g.Tokens, len(g.Names))}
	case g.Paren:
		items, trailing := flatten(c, g.PFirst, g.PRest, func(r *gPatComma) (*gStarPattern, []plex.Token) { return r.Item, r.Tokens })
		if len(items) == 1 && !trailing {
			if items[0].Star != "" {
				// `(*x)`: CPython expects a comma after the star pattern.
				t, _ := after(items[0].Tokens)
				c.fail(tokSpan([]plex.Token{t}), "invalid syntax")
			}
			return c.asPattern(items[0].Pattern)
		}
		return &ast.MatchSequence{Span: sp, Patterns: c.starPatterns(items)}
	case g.List:
		items, _ := flatten(c, g.LFirst, g.LRest, func(r *gPatComma) (*gStarPattern, []plex.Token) { return r.Item, r.Tokens })
		return &ast.MatchSequence{Span: sp, Patterns: c.starPatterns(items)}
	}
	return c.mappingPattern(g, sp)
}

// dottedName builds the Name/Attribute chain of a dotted name whose n
// parts start toks (name, '.', name, ...).
func dottedName(toks []plex.Token, n int) ast.Expr {
	start := astPos(toks[0].Pos)
	var e ast.Expr = &ast.Name{Span: tokSpan(toks[:1]), Id: toks[0].Value}
	for i := 1; i < n; i++ {
		t := toks[2*i]
		e = &ast.Attribute{Span: ast.Span{Pos: start, End: astPos(lexer.End(t))}, Value: e, Attr: t.Value}
	}
	return e
}

// numberPattern converts a signed number, or a complex literal `real ± imag`
// whose parts CPython checks in its parser.
func (c *converter) numberPattern(g *gClosedPattern) ast.Expr {
	i := 0
	if g.Minus {
		i = 1
	}
	num := g.Tokens[i]
	var v ast.Expr = c.number(num.Type, g.Num, tokSpan(g.Tokens[i:i+1]))
	if g.Minus {
		v = &ast.UnaryOp{Span: tokSpan(g.Tokens[:i+1]), Op: ast.USub, Operand: v}
	}
	if g.CSign == "" {
		return v
	}
	if num.Type == lexer.Imag {
		c.fail(v.Range(), "real number required in complex literal")
	}
	right := g.Tokens[i+2]
	if right.Type != lexer.Imag {
		c.fail(tokSpan(g.Tokens[i+2:i+3]), "imaginary number required in complex literal")
	}
	op := ast.Add
	if g.CSign == "-" {
		op = ast.Sub
	}
	return &ast.BinOp{Span: tokSpan(g.Tokens), Left: v, Op: op, Right: c.number(right.Type, g.CNum, tokSpan(g.Tokens[i+2:i+3]))}
}

// classPattern converts `Cls(positional..., name=pattern...)`.
func (c *converter) classPattern(g *gClosedPattern, sp ast.Span) ast.Pattern {
	m := &ast.MatchClass{Span: sp, Cls: dottedName(g.Tokens, len(g.Names))}
	args, _ := flatten(c, g.First, g.Args, func(r *gClassComma) (*gClassArg, []plex.Token) { return r.Arg, r.Tokens })
	for i, a := range args {
		if a.Value == nil {
			if len(m.KwdAttrs) > 0 {
				// CPython blames the run of positional patterns that
				// follows a keyword pattern.
				j := i
				for j+1 < len(args) && args[j+1].Value == nil {
					j++
				}
				c.fail(ast.Span{Pos: tokSpan(args[i].Tokens).Pos, End: tokSpan(args[j].Pattern.Tokens).End}, "positional patterns follow keyword patterns")
			}
			m.Patterns = append(m.Patterns, c.asPattern(a.Pattern))
			continue
		}
		name := keywordName(a.Pattern)
		if name == "" {
			t, _ := after(a.Pattern.Tokens)
			c.fail(tokSpan([]plex.Token{t}), "invalid syntax")
		}
		m.KwdAttrs = append(m.KwdAttrs, name)
		m.KwdPatterns = append(m.KwdPatterns, c.asPattern(a.Value))
	}
	return m
}

// keywordName returns the name of a keyword pattern's `name=`, or "" when
// what precedes `=` is not a plain name.
func keywordName(p *gAsPattern) string {
	if p.As != nil || len(p.Or.Rest) > 0 {
		return ""
	}
	cp := p.Or.First
	if len(cp.Names) != 1 || cp.Call {
		return ""
	}
	return cp.Names[0]
}

// mappingPattern converts `{key: pattern, ..., **rest}`.
func (c *converter) mappingPattern(g *gClosedPattern, sp ast.Span) ast.Pattern {
	m := &ast.MatchMapping{Span: sp}
	items, _ := flatten(c, g.MFirst, g.MRest, func(r *gMapComma) (*gMapItem, []plex.Token) { return r.Item, r.Tokens })
	for _, it := range items {
		if m.Rest != "" {
			// Nothing may follow **rest but a trailing comma.
			c.fail(tokSpan(it.Tokens[:1]), "invalid syntax")
		}
		if it.Rest != nil {
			if it.Rest.Name == "_" {
				c.fail(tokSpan(it.Rest.Tokens), "invalid syntax")
			}
			m.Rest = it.Rest.Name
			continue
		}
		m.Keys = append(m.Keys, c.mappingKey(it.Key))
		m.Patterns = append(m.Patterns, c.asPattern(it.Value))
	}
	return m
}

// mappingKey converts a key: a literal or a dotted name (two parts or more).
func (c *converter) mappingKey(k *gClosedPattern) ast.Expr {
	switch p := c.closedKey(k).(type) {
	case *ast.MatchValue:
		return p.Value
	case *ast.MatchSingleton:
		return &ast.Constant{Span: p.Span, Value: p.Value}
	}
	return nil
}

// closedKey converts a mapping key, failing where CPython's parser does for
// what is not a literal or a dotted name.
func (c *converter) closedKey(k *gClosedPattern) ast.Pattern {
	switch {
	case k.Names != nil && (len(k.Names) == 1 || k.Call):
		n := 2*len(k.Names) - 1
		c.fail(tokSpan(k.Tokens[n:n+1]), "invalid syntax")
	case k.Paren || k.List || k.Map:
		c.fail(tokSpan(k.Tokens[:1]), "invalid syntax")
	}
	return c.closedPattern(k)
}
