// Expression conversion: each converter method turns the grammar struct
// of the same name (gExpr: expr, gOr: or, ...) into ast nodes, with spans
// from the grammar nodes' tokens.

package parser

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/lexer"
)

// rhs converts what may stand right of `=`: a yield or an expression list.
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
		e := c.starExpr(items[0])
		if s, ok := e.(*ast.Starred); ok {
			c.fail(s.Range(), "can't use starred expression here")
		}
		return e
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

// Operator precedences in the flat operand lists (higher binds tighter).
const (
	precOr = 1 + iota
	precAnd
	precNot
	precCmp
	precBitOr
	precBitXor
	precBitAnd
	precShift
	precArith
	precTerm
)

// flatPrec returns the precedence of an operator of a flat list.
func flatPrec(op cmpOp) int {
	switch op {
	case "or":
		return precOr
	case "and":
		return precAnd
	case "==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not":
		return precCmp
	case "|":
		return precBitOr
	case "^":
		return precBitXor
	case "&":
		return precBitAnd
	case "<<", ">>":
		return precShift
	case "+", "-":
		return precArith
	}
	return precTerm // * @ / // %
}

var cmpOps = map[cmpOp]ast.Op{
	"==": ast.Eq, "!=": ast.NotEq, "<": ast.Lt, "<=": ast.LtE, ">": ast.Gt, ">=": ast.GtE,
	"is": ast.Is, "is not": ast.IsNot, "in": ast.In, "not in": ast.NotIn,
}

var binOps = map[string]ast.Op{
	"+": ast.Add, "-": ast.Sub, "*": ast.Mult, "@": ast.MatMult, "/": ast.Div, "%": ast.Mod,
	"**": ast.Pow, "<<": ast.LShift, ">>": ast.RShift, "|": ast.BitOr, "^": ast.BitXor,
	"&": ast.BitAnd, "//": ast.FloorDiv,
}

// flat is a flat operand/operator list being climbed: ops[k] stands
// between operands[k] and operands[k+1].
type flat struct {
	operands []*gOperand
	ops      []cmpOp
	pos      int // next operand
	notsDone int // operand whose `not` prefixes are already applied, or -1
}

func (c *converter) or(g *gOr) ast.Expr {
	f := flat{operands: make([]*gOperand, 1, 1+len(g.Rest)), ops: make([]cmpOp, len(g.Rest)), notsDone: -1}
	f.operands[0] = g.First
	for i, r := range g.Rest {
		f.operands = append(f.operands, r.Right)
		f.ops[i] = r.Op
	}
	e, _ := c.climb(&f, precOr)
	return e
}

func (c *converter) bitOr(g *gBitOr) ast.Expr {
	if len(g.Rest) == 0 {
		return c.operand(g.First, 0)
	}
	f := flat{operands: make([]*gOperand, 1, 1+len(g.Rest)), ops: make([]cmpOp, len(g.Rest)), notsDone: -1}
	f.operands[0] = g.First
	for i, r := range g.Rest {
		f.operands = append(f.operands, r.Right)
		f.ops[i] = r.Op
	}
	e, _ := c.climb(&f, precBitOr)
	return e
}

// climb parses operators of precedence >= minPrec by precedence climbing.
// Spans come from the operands' tokens, so that parentheses count.
func (c *converter) climb(f *flat, minPrec int) (ast.Expr, ast.Span) {
	left, lsp := c.flatOperand(f, minPrec)
	for f.pos-1 < len(f.ops) {
		op := f.ops[f.pos-1]
		p := flatPrec(op)
		if p < minPrec {
			break
		}
		switch p {
		case precCmp:
			n := &ast.Compare{Left: left}
			for f.pos-1 < len(f.ops) && flatPrec(f.ops[f.pos-1]) == precCmp {
				o := f.ops[f.pos-1]
				r, rsp := c.climb(f, precCmp+1)
				n.Ops = append(n.Ops, cmpOps[o])
				n.Comparators = append(n.Comparators, r)
				lsp.End = rsp.End
			}
			n.Span = lsp
			left = n
		case precOr, precAnd:
			n := &ast.BoolOp{Op: ast.Or, Values: []ast.Expr{left}}
			if p == precAnd {
				n.Op = ast.And
			}
			for f.pos-1 < len(f.ops) && flatPrec(f.ops[f.pos-1]) == p {
				r, rsp := c.climb(f, p+1)
				n.Values = append(n.Values, r)
				lsp.End = rsp.End
			}
			n.Span = lsp
			left = n
		default:
			r, rsp := c.climb(f, p+1)
			lsp.End = rsp.End
			left = &ast.BinOp{Span: lsp, Left: left, Op: binOps[string(op)], Right: r}
		}
	}
	return left, lsp
}

// flatOperand converts the next operand. Leading `not`s make it the start
// of a `not` expression, which extends over a whole comparison.
func (c *converter) flatOperand(f *flat, minPrec int) (ast.Expr, ast.Span) {
	g := f.operands[f.pos]
	nots := 0
	if f.notsDone != f.pos {
		for nots < len(g.Prefix) && g.Prefix[nots] == "not" {
			nots++
		}
	}
	if nots > 0 {
		if minPrec > precNot {
			c.fail(tokSpan(g.Tokens[:1]), "invalid syntax")
		}
		f.notsDone = f.pos
		e, sp := c.climb(f, precCmp)
		for i := nots - 1; i >= 0; i-- {
			sp.Pos = astPos(g.Tokens[i].Pos)
			e = &ast.UnaryOp{Span: sp, Op: ast.Not, Operand: e}
		}
		return e, sp
	}
	skip := 0
	if f.notsDone == f.pos {
		for skip < len(g.Prefix) && g.Prefix[skip] == "not" {
			skip++
		}
	}
	f.pos++
	e := c.operand(g, skip)
	sp := tokSpan(g.Tokens[skip:])
	return e, sp
}

// operand converts a primary with its prefix operators (after the first
// skip ones, already applied) and exponent.
func (c *converter) operand(g *gOperand, skip int) ast.Expr {
	e := c.atom(g.Atom)
	start := astPos(g.Atom.Tokens[0].Pos)
	end := tokSpan(g.Atom.Tokens).End
	for _, t := range g.Trailers {
		e = c.trailer(e, start, t)
		end = e.Range().End
	}
	awaitAt := len(g.Prefix)
	if g.Await {
		e = &ast.Await{Span: ast.Span{Pos: astPos(g.Tokens[awaitAt].Pos), End: end}, Value: e}
	}
	if g.Exp != nil {
		r := c.operand(g.Exp, 0)
		e = &ast.BinOp{Span: ast.Span{Pos: tokSpan(g.Tokens[awaitAt:]).Pos, End: tokSpan(g.Tokens).End}, Left: e, Op: ast.Pow, Right: r}
	}
	end = tokSpan(g.Tokens).End
	for i := len(g.Prefix) - 1; i >= skip; i-- {
		op := ast.USub
		switch g.Prefix[i] {
		case "+":
			op = ast.UAdd
		case "~":
			op = ast.Invert
		case "-":
		default:
			// A binary operator in prefix position, or `not` after an
			// arithmetic prefix or where only a bitwise-or expression may
			// stand.
			c.fail(tokSpan(g.Tokens[i:i+1]), "invalid syntax")
		}
		e = &ast.UnaryOp{Span: ast.Span{Pos: astPos(g.Tokens[i].Pos), End: end}, Op: op, Operand: e}
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
		if len(n.Args) == 1 && len(args) == 1 && args[0].Comp != nil {
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

// number converts a numeric literal: int64 when it fits, else *big.Int;
// floats out of range become infinities as in Python.
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

// paren decides what parentheses hold: an empty tuple, a yield, a
// generator expression, a tuple (a comma) or a parenthesized expression.
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

// dict converts braces: a dict or set display or comprehension, decided by
// the first item.
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
