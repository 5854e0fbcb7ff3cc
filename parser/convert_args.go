package parser

import (
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/pya-lang/pya/ast"
)

// callArgs converts call (or class) arguments, enforcing CPython's order
// rules: positional, then keywords, with `*x` allowed before `**x` only.
// trailing tells whether the list ends with a comma; sp is the span of the
// parenthesized argument list, whose closing parenthesis CPython blames
// for misordered arguments.
func (c *converter) callArgs(gs []*gArg, trailing bool, sp ast.Span) ([]ast.Expr, []*ast.Keyword) {
	closing := ast.Span{Pos: ast.Pos{Line: sp.End.Line, Col: sp.End.Col - 1}, End: sp.End}
	var (
		args     []ast.Expr
		kws      []*ast.Keyword
		sawKw    bool // name=value seen
		sawDStar bool // **x seen
	)
	for _, g := range gs {
		sp := tokSpan(g.Tokens)
		if len(g.Tokens) > 0 && g.Tokens[0].Value == "*" && g.Star != nil {
			sp = tokSpan(g.Tokens[:1])
		}
		switch {
		case g.Star != nil:
			if sawDStar {
				c.fail(sp, "iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, &ast.Starred{Span: tokSpan(g.Tokens), Value: c.expr(g.Star)})
		case g.DStar != nil:
			sawDStar = true
			kws = append(kws, &ast.Keyword{Span: sp, Value: c.expr(g.DStar)})
		case g.Kw != nil:
			e := c.namedExpr(g.Value)
			name, ok := e.(*ast.Name)
			if !ok {
				c.fail(ast.Span{Pos: e.Range().Pos, End: tokAt(g.Tokens, "=").End}, "expression cannot contain assignment, perhaps you meant \"==\"?")
			}
			for _, k := range kws {
				if k.Arg == name.Id {
					c.fail(sp, "keyword argument repeated: %s", name.Id)
				}
			}
			sawKw = true
			kws = append(kws, &ast.Keyword{Span: sp, Arg: name.Id, Value: c.expr(g.Kw)})
		case g.Comp != nil:
			elt := c.namedExpr(g.Value)
			gen := &ast.GeneratorExp{Span: sp, Elt: elt, Generators: c.comps(g.Comp)}
			if len(gs) > 1 || trailing {
				c.fail(sp, "Generator expression must be parenthesized")
			}
			args = append(args, gen)
		default:
			e := c.namedExpr(g.Value)
			if sawDStar {
				c.fail(closing, "positional argument follows keyword argument unpacking")
			}
			if sawKw {
				c.fail(closing, "positional argument follows keyword argument")
			}
			args = append(args, e)
		}
	}
	return args, kws
}

// param is a parameter of a def or a lambda, before order checks.
type param struct {
	kind    string // "", "/", "*", "**"
	name    string
	annot   *gExpr
	deflt   *gExpr
	tokSpan ast.Span
	argSpan ast.Span // the name and its annotation
	eqSpan  ast.Span // the `=` before a default
	next    ast.Span // the token after the star
	next2   ast.Span // the first non-comma token after the star
	lambda  bool
}

// paramSpans returns the spans of a parameter's `=`, of the token after
// its star (where CPython reports a missing name) and of the first token
// after that which is not a comma (where it reports a lambda's bare star).
func paramSpans(toks []plex.Token) (eq, next, nextNonComma ast.Span) {
	eq = tokAt(toks, "=")
	if len(toks) > 1 {
		sp := tokSpan(toks[1:2])
		return eq, sp, sp
	}
	t, ok := after(toks)
	if !ok {
		return eq, next, next
	}
	next = tokSpan([]plex.Token{t})
	nextNonComma = next
	if isOp(t, ",") {
		if u, ok := after(toks[:len(toks)+1]); ok {
			nextNonComma = tokSpan([]plex.Token{u})
		}
	}
	return eq, next, nextNonComma
}

// argSpan is the span of a parameter's name and annotation, without its
// star or default, as CPython's arg nodes have.
func argSpan(toks []plex.Token, kind string, annot *gExpr) ast.Span {
	if kind != "" {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return ast.Span{}
	}
	sp := tokSpan(toks[:1])
	if annot != nil {
		sp.End = tokSpan(annot.Tokens).End
	}
	return sp
}

func (c *converter) params(gs []*gParam) *ast.Arguments {
	ps := make([]param, len(gs))
	for i, g := range gs {
		ps[i] = param{kind: g.Kind, name: g.Name, annot: g.Annot, deflt: g.Default, tokSpan: tokSpan(g.Tokens), argSpan: argSpan(g.Tokens, g.Kind, g.Annot)}
		ps[i].eqSpan, ps[i].next, ps[i].next2 = paramSpans(g.Tokens)
	}
	return c.arguments(ps)
}

func (c *converter) lambdaParams(gs []*gLambdaParam) *ast.Arguments {
	ps := make([]param, len(gs))
	for i, g := range gs {
		ps[i] = param{kind: g.Kind, name: g.Name, deflt: g.Default, tokSpan: tokSpan(g.Tokens), argSpan: argSpan(g.Tokens, g.Kind, nil), lambda: true}
		ps[i].eqSpan, ps[i].next, ps[i].next2 = paramSpans(g.Tokens)
	}
	return c.arguments(ps)
}

// arguments checks parameter order and builds ast.Arguments.
func (c *converter) arguments(ps []param) *ast.Arguments {
	a := &ast.Arguments{}
	var (
		sawSlash, sawStar, sawDefault bool
		bareStar                      *param
	)
	for i := range ps {
		p := &ps[i]
		sp := p.tokSpan
		if a.Kwarg != nil {
			c.fail(sp, "arguments cannot follow var-keyword argument")
		}
		arg := &ast.Arg{Span: p.argSpan, Name: p.name}
		if p.annot != nil {
			arg.Annotation = c.expr(p.annot)
		}
		switch p.kind {
		case "/":
			if p.name != "" || p.annot != nil || p.deflt != nil {
				c.fail(p.next, "invalid syntax")
			}
			if sawSlash {
				c.fail(sp, "/ may appear only once")
			}
			if sawStar {
				c.fail(sp, "/ must be ahead of *")
			}
			if len(a.Args) == 0 {
				if len(ps) == 1 {
					c.fail(sp, "invalid syntax")
				}
				c.fail(sp, "at least one argument must precede /")
			}
			sawSlash = true
			a.PosOnly, a.Args = a.Args, nil
		case "*":
			if sawStar {
				c.fail(firstTok(sp), "* argument may appear only once")
			}
			if p.deflt != nil {
				c.fail(p.eqSpan, "var-positional argument cannot have default value")
			}
			sawStar = true
			if p.name == "" {
				if p.annot != nil {
					c.fail(p.next, "invalid syntax")
				}
				bareStar = p
			} else {
				a.Vararg = arg
			}
		case "**":
			if p.name == "" {
				c.fail(p.next, "invalid syntax")
			}
			if p.deflt != nil {
				c.fail(p.eqSpan, "var-keyword argument cannot have default value")
			}
			if bareStar != nil && len(a.KwOnly) == 0 {
				c.fail(bareStar.tokSpan, "named arguments must follow bare *")
			}
			a.Kwarg = arg
		default:
			if sawStar {
				a.KwOnly = append(a.KwOnly, arg)
				var d ast.Expr
				if p.deflt != nil {
					d = c.expr(p.deflt)
				}
				a.KwDefaults = append(a.KwDefaults, d)
				continue
			}
			if p.deflt != nil {
				sawDefault = true
				a.Defaults = append(a.Defaults, c.expr(p.deflt))
			} else if sawDefault {
				c.fail(sp, "non-default argument follows default argument")
			}
			a.Args = append(a.Args, arg)
		}
	}
	if bareStar != nil && len(a.KwOnly) == 0 {
		sp := bareStar.tokSpan
		if bareStar.lambda {
			sp = bareStar.next2
		}
		c.fail(sp, "named arguments must follow bare *")
	}
	return a
}

// firstTok narrows a span to its first character (a one-character token).
func firstTok(sp ast.Span) ast.Span {
	return ast.Span{Pos: sp.Pos, End: ast.Pos{Line: sp.Pos.Line, Col: sp.Pos.Col + 1}}
}
