package parser

import (
	"github.com/pya-lang/pya/ast"
)

// targetKind selects CPython's rules for what may be assigned or deleted.
type targetKind int

const (
	starTargets targetKind = iota // assignment, with ... as
	forTargets                    // for and comprehension targets
	delTargets                    // del
)

// invalidTarget returns the first sub-expression of e that cannot be a
// target, or nil (CPython's _PyPegen_get_invalid_target).
func invalidTarget(e ast.Expr, kind targetKind) ast.Expr {
	switch e := e.(type) {
	case *ast.List:
		for _, x := range e.Elts {
			if bad := invalidTarget(x, kind); bad != nil {
				return bad
			}
		}
		return nil
	case *ast.Tuple:
		for _, x := range e.Elts {
			if bad := invalidTarget(x, kind); bad != nil {
				return bad
			}
		}
		return nil
	case *ast.Starred:
		if kind == delTargets {
			return e
		}
		return invalidTarget(e.Value, kind)
	case *ast.Compare:
		// `for a in b` reads `a in b` as a comparison when a is invalid.
		if kind == forTargets {
			if e.Ops[0] == ast.In {
				return invalidTarget(e.Left, kind)
			}
			return nil
		}
		return e
	case *ast.Name, *ast.Subscript, *ast.Attribute:
		return nil
	}
	return e
}

// exprName names an expression kind as CPython's messages do.
func exprName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Attribute:
		return "attribute"
	case *ast.Subscript:
		return "subscript"
	case *ast.Starred:
		return "starred"
	case *ast.Name:
		return "name"
	case *ast.List:
		return "list"
	case *ast.Tuple:
		return "tuple"
	case *ast.Lambda:
		return "lambda"
	case *ast.Call:
		return "function call"
	case *ast.BoolOp, *ast.BinOp, *ast.UnaryOp:
		return "expression"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield expression"
	case *ast.Await:
		return "await expression"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.Dict:
		return "dict literal"
	case *ast.Set:
		return "set display"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
	case *ast.Constant:
		switch v := e.Value.(type) {
		case nil:
			return "None"
		case bool:
			if v {
				return "True"
			}
			return "False"
		case ast.EllipsisType:
			return "ellipsis"
		}
		return "literal"
	case *ast.Compare:
		return "comparison"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.NamedExpr:
		return "named expression"
	}
	return "expression"
}

// checkTarget fails with CPython's message if e cannot be a target.
func (c *converter) checkTarget(e ast.Expr, kind targetKind) {
	bad := invalidTarget(e, kind)
	if bad == nil {
		c.checkStarred(e, kind)
		return
	}
	if kind == delTargets {
		c.fail(bad.Range(), "cannot delete %s", exprName(bad))
	}
	c.fail(bad.Range(), "cannot assign to %s", exprName(bad))
}

// checkStarred reports the starred-target errors CPython's compiler
// raises: a lone starred target, or two in one sequence.
func (c *converter) checkStarred(e ast.Expr, kind targetKind) {
	if kind == delTargets {
		return
	}
	var elts []ast.Expr
	switch e := e.(type) {
	case *ast.Starred:
		c.fail(e.Range(), "starred assignment target must be in a list or tuple")
	case *ast.Tuple:
		elts = e.Elts
	case *ast.List:
		elts = e.Elts
	default:
		return
	}
	seen := false
	for _, x := range elts {
		if s, ok := x.(*ast.Starred); ok {
			if seen {
				c.fail(e.Range(), "multiple starred expressions in assignment")
			}
			seen = true
			c.checkStarred(s.Value, kind)
		} else {
			c.checkStarred(x, kind)
		}
	}
}

// exprStmt converts an expression statement or any kind of assignment.
func (c *converter) exprStmt(g *gExprStmt) ast.Stmt {
	span := tokSpan(g.Tokens)
	var first ast.Expr
	if g.First.Exprs != nil && len(g.First.Exprs.Rest) == 0 && g.First.Exprs.First.Star != nil {
		// A lone starred target gets its own message below.
		first = c.starExpr(g.First.Exprs.First)
	} else {
		first = c.rhs(g.First)
	}
	switch {
	case g.Annot != nil:
		if t, ok := first.(*ast.Tuple); ok && g.First.Exprs != nil && !isParenthesized(g.First) {
			c.fail(t.Elts[0].Range(), "only single target (not tuple) can be annotated")
		}
		switch first.(type) {
		case *ast.Name, *ast.Attribute, *ast.Subscript:
		case *ast.Tuple:
			c.fail(first.Range(), "only single target (not tuple) can be annotated")
		case *ast.List:
			c.fail(first.Range(), "only single target (not list) can be annotated")
		default:
			c.fail(first.Range(), "illegal target for annotation")
		}
		_, isName := first.(*ast.Name)
		s := &ast.AnnAssign{Span: span, Target: first, Annotation: c.expr(g.Annot),
			Simple: isName && !isParenthesized(g.First)}
		if g.AnnVal != nil {
			s.Value = c.rhs(g.AnnVal)
		}
		return s
	case g.AugOp != "":
		switch first.(type) {
		case *ast.Name, *ast.Attribute, *ast.Subscript:
		default:
			c.fail(first.Range(), "'%s' is an illegal expression for augmented assignment", exprName(first))
		}
		return &ast.AugAssign{Span: span, Target: first, Op: binOps[g.AugOp[:len(g.AugOp)-1]], Value: c.rhs(g.AugVal)}
	case len(g.Values) > 0:
		targets := []ast.Expr{first}
		var value ast.Expr
		for i, v := range g.Values {
			e := c.rhs(v)
			if i == len(g.Values)-1 {
				value = e
			} else {
				targets = append(targets, e)
			}
		}
		c.checkAssignTargets(g, targets)
		if s, ok := value.(*ast.Starred); ok {
			c.fail(s.Range(), "can't use starred expression here")
		}
		return &ast.Assign{Span: span, Targets: targets, Value: value}
	}
	if s, ok := first.(*ast.Starred); ok {
		c.fail(s.Range(), "can't use starred expression here")
	}
	return &ast.ExprStmt{Span: span, Value: first}
}

// checkAssignTargets reproduces CPython's choice between "cannot assign to
// X here. Maybe you meant '==' instead of '='?" (a single `=` whose left
// operand is an invalid non-display expression) and "cannot assign to X".
func (c *converter) checkAssignTargets(g *gExprStmt, targets []ast.Expr) {
	for i, t := range targets {
		bad := invalidTarget(t, starTargets)
		if bad == nil {
			c.checkStarred(t, starTargets)
			continue
		}
		if i == 0 && len(g.Values) == 1 && g.First.Exprs != nil && valueIsBitOr(g.Values[0]) {
			// The element directly left of `=`.
			items, trailing := c.starItems(g.First.Exprs)
			last := items[len(items)-1]
			if !trailing && last.Expr != nil && isBitOrLevel(last.Expr) && !isDisplayAtom(last.Expr) {
				le := c.starExpr(last)
				if len(items) == 1 {
					le = t
				} else if tup, ok := t.(*ast.Tuple); ok {
					le = tup.Elts[len(tup.Elts)-1]
				}
				if _, ok := le.(*ast.Name); ok {
					v := c.rhs(g.Values[0])
					if tup, ok := v.(*ast.Tuple); ok {
						v = tup.Elts[0]
					}
					c.fail(ast.Span{Pos: le.Range().Pos, End: v.Range().End}, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
				}
				c.fail(le.Range(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(le))
			}
		}
		if _, ok := bad.(*ast.Yield); ok && bad == t {
			c.fail(bad.Range(), "assignment to yield expression not possible")
		}
		c.fail(bad.Range(), "cannot assign to %s", exprName(bad))
	}
}

// valueIsBitOr reports whether the right side of `=` starts with a
// bitwise-or level expression (not `not`, `lambda`, `*x` or `yield`).
func valueIsBitOr(r *gRHS) bool {
	if r.Exprs == nil {
		return false
	}
	it := r.Exprs.First
	if it.Expr == nil || it.Expr.Lambda != nil {
		return false
	}
	p := it.Expr.Body.First.Prefix
	return len(p) == 0 || p[0] != "not"
}

// isDisplayAtom reports whether e is syntactically a list, tuple,
// generator expression, True, None or False (CPython excludes those from
// the "Maybe you meant '=='" hint).
func isDisplayAtom(e *gExpr) bool {
	a := bareAtom(e)
	if a == nil {
		return false
	}
	if a.Tokens[0].Value == "[" {
		return a.List == nil || a.List.Comp == nil
	}
	if a.Const == "True" || a.Const == "False" || a.Const == "None" {
		return true
	}
	if a.Tokens[0].Value == "(" {
		p := a.Paren
		return p == nil || p.Comp != nil || p.Rest != nil
	}
	return false
}

// isParenthesized reports whether an expression statement's left side is
// a single parenthesized atom, as in `(x): int`.
func isParenthesized(r *gRHS) bool {
	if r.Exprs == nil || len(r.Exprs.Rest) != 0 || r.Exprs.First.Expr == nil {
		return false
	}
	a := bareAtom(r.Exprs.First.Expr)
	return a != nil && a.Tokens[0].Value == "("
}

// isBitOrLevel reports whether e is a bitwise-or level expression: no
// lambda, conditional, boolean operator, `not` or comparison.
func isBitOrLevel(e *gExpr) bool {
	if e.Lambda != nil || e.Test != nil {
		return false
	}
	if p := e.Body.First.Prefix; len(p) > 0 && p[0] == "not" {
		return false
	}
	for _, r := range e.Body.Rest {
		if flatPrec(r.Op) <= precCmp {
			return false
		}
	}
	return true
}

// bareAtom returns the atom e consists of, if e has no operator, trailer
// or other part around it.
func bareAtom(e *gExpr) *gAtom {
	if e.Lambda != nil || e.Test != nil || len(e.Body.Rest) != 0 {
		return nil
	}
	u := e.Body.First
	if len(u.Prefix) != 0 || u.Await || len(u.Trailers) != 0 || u.Exp != nil {
		return nil
	}
	return u.Atom
}
