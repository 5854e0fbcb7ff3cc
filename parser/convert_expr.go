package parser

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/lexer"
)

func span(a, b ast.Node) ast.Span { return ast.Span{Pos: a.Range().Pos, End: b.Range().End} }

func (c *converter) rhs(r *gRHS) ast.Expr {
	if r.Yield != nil {
		return c.yield(r.Yield)
	}
	return c.starExprs(r.Exprs)
}

func (c *converter) yield(y *gYield) ast.Expr {
	sp := tokSpan(y.Tokens)
	if y.From != nil {
		return &ast.YieldFrom{Span: sp, Value: c.expr(y.From)}
	}
	n := &ast.Yield{Span: sp}
	if y.Value != nil {
		n.Value = c.starExprs(y.Value)
	}
	return n
}

// starExprs converts an expression list: a tuple when it has a comma.
func (c *converter) starExprs(g *gStarExprs) ast.Expr {
	items, trailing := c.starItems(g)
	if len(items) == 1 && !trailing {
		return c.starExpr(items[0])
	}
	elts := make([]ast.Expr, len(items))
	for i, it := range items {
		elts[i] = c.starExpr(it)
	}
	return &ast.Tuple{Span: tokSpan(g.Tokens), Elts: elts}
}

func (c *converter) starExpr(g *gStarExpr) ast.Expr {
	if g.Star != nil {
		return &ast.Starred{Span: tokSpan(g.Tokens), Value: c.bitOr(g.Star)}
	}
	return c.expr(g.Expr)
}

func (c *converter) targets(g *gTargets) ast.Expr {
	items, trailing := c.targetItems(g)
	if len(items) == 1 && !trailing {
		return c.target(items[0])
	}
	elts := make([]ast.Expr, len(items))
	for i, it := range items {
		elts[i] = c.target(it)
	}
	return &ast.Tuple{Span: tokSpan(g.Tokens), Elts: elts}
}

func (c *converter) target(g *gTarget) ast.Expr {
	e := c.bitOr(g.Expr)
	if g.Star {
		return &ast.Starred{Span: tokSpan(g.Tokens), Value: e}
	}
	return e
}

func (c *converter) namedExpr(g *gNamedExpr) ast.Expr {
	e := c.expr(g.Expr)
	if g.Value == nil {
		return e
	}
	name, ok := e.(*ast.Name)
	if !ok {
		c.fail(e.Range(), "cannot use assignment expressions with %s", exprName(e))
	}
	v := c.expr(g.Value)
	return &ast.NamedExpr{Span: tokSpan(g.Tokens), Target: name, Value: v}
}

func (c *converter) expr(g *gExpr) ast.Expr {
	if g.Lambda != nil {
		l := g.Lambda
		n := &ast.Lambda{Span: tokSpan(l.Tokens), Args: c.lambdaParams(c.lambdaParamItems(l.First, l.Rest)), Body: c.expr(l.Body)}
		return n
	}
	body := c.or(g.Body)
	if g.Test == nil {
		return body
	}
	orelse := c.expr(g.Else)
	return &ast.IfExp{Span: tokSpan(g.Tokens), Body: body, Test: c.or(g.Test), Orelse: orelse}
}

func (c *converter) or(g *gOr) ast.Expr {
	if len(g.Values) == 1 {
		return c.and(g.Values[0])
	}
	vals := make([]ast.Expr, len(g.Values))
	for i, v := range g.Values {
		vals[i] = c.and(v)
	}
	return &ast.BoolOp{Span: tokSpan(g.Tokens), Op: ast.Or, Values: vals}
}

func (c *converter) and(g *gAnd) ast.Expr {
	if len(g.Values) == 1 {
		return c.not(g.Values[0])
	}
	vals := make([]ast.Expr, len(g.Values))
	for i, v := range g.Values {
		vals[i] = c.not(v)
	}
	return &ast.BoolOp{Span: tokSpan(g.Tokens), Op: ast.And, Values: vals}
}

func (c *converter) not(g *gNot) ast.Expr {
	e := c.comparison(g.Cmp)
	end := tokSpan(g.Tokens).End
	for i := len(g.Nots) - 1; i >= 0; i-- {
		e = &ast.UnaryOp{Span: ast.Span{Pos: astPos(g.Tokens[i].Pos), End: end}, Op: ast.Not, Operand: e}
	}
	return e
}

var cmpOps = map[cmpOp]ast.Op{
	"==": ast.Eq, "!=": ast.NotEq, "<": ast.Lt, "<=": ast.LtE, ">": ast.Gt, ">=": ast.GtE,
	"is": ast.Is, "is not": ast.IsNot, "in": ast.In, "not in": ast.NotIn,
}

func (c *converter) comparison(g *gComparison) ast.Expr {
	left := c.bitOr(g.First)
	if len(g.Rest) == 0 {
		return left
	}
	n := &ast.Compare{Left: left, Ops: make([]ast.Op, len(g.Rest)), Comparators: make([]ast.Expr, len(g.Rest))}
	for i, r := range g.Rest {
		n.Ops[i] = cmpOps[r.Op]
		n.Comparators[i] = c.bitOr(r.Right)
	}
	n.Span = tokSpan(g.Tokens)
	return n
}

var binOps = map[string]ast.Op{
	"+": ast.Add, "-": ast.Sub, "*": ast.Mult, "@": ast.MatMult, "/": ast.Div, "%": ast.Mod,
	"**": ast.Pow, "<<": ast.LShift, ">>": ast.RShift, "|": ast.BitOr, "^": ast.BitXor,
	"&": ast.BitAnd, "//": ast.FloorDiv,
}

// precedence of the binary operators in a flat gBitOr list.
func precedence(op ast.Op) int {
	switch op {
	case ast.BitOr:
		return 1
	case ast.BitXor:
		return 2
	case ast.BitAnd:
		return 3
	case ast.LShift, ast.RShift:
		return 4
	case ast.Add, ast.Sub:
		return 5
	}
	return 6 // * @ / // %
}

// bitOr builds the operator tree of a flat operand list by precedence
// climbing; all these operators are left-associative.
func (c *converter) bitOr(g *gBitOr) ast.Expr {
	left := c.unary(g.First)
	if len(g.Rest) == 0 {
		return left
	}
	i := 0
	e, _ := c.climb(left, tokSpan(g.First.Tokens), g.Rest, &i, 1)
	return e
}

// climb consumes operators of precedence >= minPrec; spans come from the
// operands' tokens, so that a parenthesized operand's parentheses count.
func (c *converter) climb(left ast.Expr, lsp ast.Span, rest []*gBinTail, i *int, minPrec int) (ast.Expr, ast.Span) {
	for *i < len(rest) {
		op := binOps[rest[*i].Op]
		p := precedence(op)
		if p < minPrec {
			break
		}
		right := c.unary(rest[*i].Right)
		rsp := tokSpan(rest[*i].Right.Tokens)
		*i++
		for *i < len(rest) && precedence(binOps[rest[*i].Op]) > p {
			right, rsp = c.climb(right, rsp, rest, i, p+1)
		}
		lsp = ast.Span{Pos: lsp.Pos, End: rsp.End}
		left = &ast.BinOp{Span: lsp, Left: left, Op: op, Right: right}
	}
	return left, lsp
}

func (c *converter) unary(g *gUnary) ast.Expr {
	e := c.power(g.Power)
	end := tokSpan(g.Tokens).End
	for i := len(g.Ops) - 1; i >= 0; i-- {
		op := ast.USub
		switch g.Ops[i] {
		case "+":
			op = ast.UAdd
		case "~":
			op = ast.Invert
		}
		e = &ast.UnaryOp{Span: ast.Span{Pos: astPos(g.Tokens[i].Pos), End: end}, Op: op, Operand: e}
	}
	return e
}

func (c *converter) power(g *gPower) ast.Expr {
	e := c.atom(g.Atom)
	start := astPos(g.Atom.Tokens[0].Pos)
	end := tokSpan(g.Atom.Tokens).End
	for _, t := range g.Trailers {
		e = c.trailer(e, start, t)
		end = e.Range().End
	}
	if g.Await {
		e = &ast.Await{Span: ast.Span{Pos: astPos(g.Tokens[0].Pos), End: end}, Value: e}
	}
	if g.Exp != nil {
		r := c.unary(g.Exp)
		e = &ast.BinOp{Span: tokSpan(g.Tokens), Left: e, Op: ast.Pow, Right: r}
	}
	return e
}

func (c *converter) trailer(e ast.Expr, start ast.Pos, t *gTrailer) ast.Expr {
	tsp := tokSpan(t.Tokens)
	sp := ast.Span{Pos: start, End: tsp.End}
	switch {
	case t.Call:
		n := &ast.Call{Span: sp, Func: e}
		args, trailing := c.argItems(t.First, t.Rest)
		n.Args, n.Keywords = c.callArgs(args, trailing, tsp)
		if len(n.Args) == 1 && len(args) == 1 {
			if g, ok := n.Args[0].(*ast.GeneratorExp); ok {
				// A sole generator argument spans the call's parentheses.
				g.Span = tsp
			}
		}
		return n
	case t.Index != nil:
		return &ast.Subscript{Span: sp, Value: e, Slice: c.slices(t.Index)}
	default:
		return &ast.Attribute{Span: sp, Value: e, Attr: t.Attr}
	}
}

func (c *converter) slices(g *gSlices) ast.Expr {
	items, trailing := c.sliceItems(g)
	if len(items) == 1 && !trailing && items[0].Star == nil {
		return c.slice(items[0])
	}
	elts := make([]ast.Expr, len(items))
	for i, it := range items {
		elts[i] = c.slice(it)
	}
	return &ast.Tuple{Span: tokSpan(g.Tokens), Elts: elts}
}

func (c *converter) slice(g *gSlice) ast.Expr {
	switch {
	case g.Star != nil:
		return &ast.Starred{Span: tokSpan(g.Tokens), Value: c.bitOr(g.Star)}
	case g.Bare != nil:
		return c.sliceRest(nil, g.Bare, tokSpan(g.Tokens))
	case g.Rest != nil:
		return c.sliceRest(c.namedExpr(g.Lower), g.Rest, tokSpan(g.Tokens))
	}
	return c.namedExpr(g.Lower)
}

func (c *converter) sliceRest(lower ast.Expr, r *gSliceRest, sp ast.Span) ast.Expr {
	n := &ast.Slice{Span: sp, Lower: lower}
	if r.Upper != nil {
		n.Upper = c.expr(r.Upper)
	}
	if r.Step != nil {
		n.Step = c.expr(r.Step)
	}
	return n
}

func (c *converter) atom(a *gAtom) ast.Expr {
	sp := tokSpan(a.Tokens)
	switch {
	case a.Name != "":
		return &ast.Name{Span: sp, Id: a.Name}
	case a.Num != "":
		return c.number(a.Tokens[0].Type, a.Num, sp)
	case a.Strs != nil:
		return c.strings(a)
	case a.Const != "":
		var v any
		switch a.Const {
		case "True":
			v = true
		case "False":
			v = false
		case "...":
			v = ast.Ellipsis
		}
		return &ast.Constant{Span: sp, Value: v}
	}
	switch a.Tokens[0].Value {
	case "(":
		return c.paren(a.Paren, sp)
	case "[":
		return c.list(a.List, sp)
	}
	return c.dict(a.Dict, sp)
}

func (c *converter) number(kind lexer.TokenType, text string, sp ast.Span) ast.Expr {
	text = strings.ReplaceAll(text, "_", "")
	switch kind {
	case lexer.Float:
		f, _ := strconv.ParseFloat(text, 64) // out of range gives ±Inf, as in Python
		return &ast.Constant{Span: sp, Value: f}
	case lexer.Imag:
		f, _ := strconv.ParseFloat(text[:len(text)-1], 64)
		return &ast.Constant{Span: sp, Value: complex(0, f)}
	}
	base := 10
	if len(text) > 1 && text[0] == '0' {
		switch text[1] | 0x20 {
		case 'x':
			base, text = 16, text[2:]
		case 'o':
			base, text = 8, text[2:]
		case 'b':
			base, text = 2, text[2:]
		}
	}
	if v, err := strconv.ParseInt(text, base, 64); err == nil {
		return &ast.Constant{Span: sp, Value: v}
	}
	b, _ := new(big.Int).SetString(text, base)
	return &ast.Constant{Span: sp, Value: b}
}

// elems converts group elements; `as` is only valid in with-items, which
// are recognized before this is reached.
func (c *converter) elem(e *gElem) ast.Expr {
	if e.As != nil {
		c.fail(tokAt(e.Tokens, "as"), "invalid syntax")
	}
	if e.Star != nil {
		return &ast.Starred{Span: tokSpan(e.Tokens), Value: c.bitOr(e.Star)}
	}
	return c.namedExpr(e.Expr)
}

func (c *converter) elems(g *gGroup) []ast.Expr {
	items, _ := c.elemItems(g)
	out := make([]ast.Expr, len(items))
	for i, e := range items {
		out[i] = c.elem(e)
	}
	return out
}

func (c *converter) paren(g *gGroup, sp ast.Span) ast.Expr {
	switch {
	case g == nil:
		return &ast.Tuple{Span: sp}
	case g.Yield != nil:
		return c.yield(g.Yield)
	case g.Comp != nil:
		elt := c.elem(g.First)
		c.noStarInComp(elt)
		return &ast.GeneratorExp{Span: sp, Elt: elt, Generators: c.comps(g.Comp)}
	case g.Rest == nil:
		e := c.elem(g.First)
		if s, ok := e.(*ast.Starred); ok {
			c.fail(s.Range(), "cannot use starred expression here")
		}
		return e
	}
	return &ast.Tuple{Span: sp, Elts: c.elems(g)}
}

func (c *converter) noStarInComp(e ast.Expr) {
	if s, ok := e.(*ast.Starred); ok {
		c.fail(s.Range(), "iterable unpacking cannot be used in comprehension")
	}
}

func (c *converter) list(g *gGroup, sp ast.Span) ast.Expr {
	switch {
	case g == nil:
		return &ast.List{Span: sp}
	case g.Yield != nil:
		c.fail(tokSpan(g.Yield.Tokens[:1]), "invalid syntax")
	case g.Comp != nil:
		elt := c.elem(g.First)
		c.noStarInComp(elt)
		return &ast.ListComp{Span: sp, Elt: elt, Generators: c.comps(g.Comp)}
	}
	return &ast.List{Span: sp, Elts: c.elems(g)}
}

func (c *converter) dict(g *gDictGroup, sp ast.Span) ast.Expr {
	if g == nil {
		return &ast.Dict{Span: sp}
	}
	items, _ := c.dictItems(g)
	isDict := g.First.DStar != nil || g.First.Value != nil
	if g.Comp != nil {
		if isDict {
			if g.First.DStar != nil {
				c.fail(tokSpan(g.First.Tokens[:1]), "dict unpacking cannot be used in dict comprehension")
			}
			return &ast.DictComp{Span: sp, Key: c.namedExpr(g.First.Key), Value: c.expr(g.First.Value), Generators: c.comps(g.Comp)}
		}
		elt := c.setItem(g.First)
		c.noStarInComp(elt)
		return &ast.SetComp{Span: sp, Elt: elt, Generators: c.comps(g.Comp)}
	}
	if !isDict {
		n := &ast.Set{Span: sp}
		for _, it := range items {
			n.Elts = append(n.Elts, c.setItem(it))
		}
		return n
	}
	n := &ast.Dict{Span: sp}
	for _, it := range items {
		switch {
		case it.DStar != nil:
			n.Keys = append(n.Keys, nil)
			n.Values = append(n.Values, c.bitOr(it.DStar))
		case it.Value != nil:
			n.Keys = append(n.Keys, c.namedExpr(it.Key))
			n.Values = append(n.Values, c.expr(it.Value))
		case it.Star != nil:
			c.fail(tokSpan(it.Tokens), "cannot use a starred expression in a dictionary value")
		default:
			end := c.namedExpr(it.Key).Range().End
			c.fail(ast.Span{Pos: ast.Pos{Line: end.Line, Col: end.Col - 1}}, "':' expected after dictionary key")
		}
	}
	return n
}

func (c *converter) setItem(it *gDictItem) ast.Expr {
	switch {
	case it.Star != nil:
		return &ast.Starred{Span: tokSpan(it.Tokens), Value: c.bitOr(it.Star)}
	case it.DStar != nil:
		c.fail(tokSpan(it.Tokens), "invalid syntax")
	case it.Value != nil:
		c.fail(tokAt(it.Tokens, ":"), "invalid syntax")
	}
	return c.namedExpr(it.Key)
}

// comps groups comprehension clauses: each `for` starts a Comprehension,
// each `if` adds a condition to the latest one.
func (c *converter) comps(gs []*gComp) []*ast.Comprehension {
	var out []*ast.Comprehension
	for _, g := range gs {
		if g.If != nil {
			if len(out) == 0 {
				c.fail(ast.Span{}, "invalid syntax")
			}
			cur := out[len(out)-1]
			cur.Ifs = append(cur.Ifs, c.or(g.If))
			continue
		}
		t := c.targets(g.Target)
		c.checkTarget(t, forTargets)
		out = append(out, &ast.Comprehension{Target: t, Iter: c.or(g.Iter), IsAsync: g.Async})
	}
	return out
}
