package compile

import (
	"unicode/utf8"

	"github.com/pya-lang/pya/ast"
)

// binaryOpOf maps an ast binary operator to BINARY_OP's argument (same order).
func binaryOpOf(op ast.Op) BinaryOp { return BinaryOp(op - ast.Add) }

var cmpOps = map[ast.Op]CompareOp{ast.Lt: CmpLt, ast.LtE: CmpLe, ast.Eq: CmpEq, ast.NotEq: CmpNe, ast.Gt: CmpGt, ast.GtE: CmpGe}

func (c *compiler) exprs(es []ast.Expr) {
	for _, e := range es {
		c.expr(e)
	}
}

// expr compiles an expression whose value is pushed.
func (c *compiler) expr(e ast.Expr) {
	old := c.at(e)
	defer func() { c.u.cur = old }()
	switch e := e.(type) {
	case *ast.Name:
		c.nameOp(e.Id, ctxLoad)
	case *ast.Constant:
		c.loadConst(e.Value)
	case *ast.BoolOp:
		end := c.newLabel()
		op := JUMP_IF_FALSE_OR_POP
		if e.Op == ast.Or {
			op = JUMP_IF_TRUE_OR_POP
		}
		for i, v := range e.Values {
			c.expr(v)
			if i < len(e.Values)-1 {
				c.at(e)
				c.jump(op, end)
			}
		}
		c.place(end)
	case *ast.NamedExpr:
		c.expr(e.Value)
		c.op2(COPY, 1)
		c.assign(e.Target)
	case *ast.BinOp:
		c.expr(e.Left)
		c.expr(e.Right)
		c.at(e)
		c.op2(BINARY_OP, int(binaryOpOf(e.Op)))
	case *ast.UnaryOp:
		c.expr(e.Operand)
		c.at(e)
		switch e.Op {
		case ast.Not:
			c.op(UNARY_NOT)
		case ast.USub:
			c.op(UNARY_NEGATIVE)
		case ast.UAdd:
			c.op(UNARY_POSITIVE)
		default:
			c.op(UNARY_INVERT)
		}
	case *ast.Lambda:
		c.lambda(e)
	case *ast.IfExp:
		orelse, end := c.newLabel(), c.newLabel()
		c.jumpIf(e.Test, false, orelse)
		c.expr(e.Body)
		c.jump(JUMP, end)
		c.place(orelse)
		c.expr(e.Orelse)
		c.place(end)
	case *ast.Dict:
		c.dict(e)
	case *ast.Set:
		if k, ok := constTuple(&ast.Tuple{Elts: e.Elts}); ok && len(k) >= 3 {
			c.emit(BUILD_SET, 0)
			c.loadConst(FrozenSetConst(k))
			c.emit(SET_UPDATE, 1)
			return
		}
		c.sequence(e.Elts, BUILD_SET, SET_ADD, SET_UPDATE, false)
	case *ast.List:
		c.sequence(e.Elts, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false)
	case *ast.Tuple:
		if k, ok := constTuple(e); ok {
			c.loadConst(k)
			return
		}
		c.sequence(e.Elts, BUILD_TUPLE, LIST_APPEND, LIST_EXTEND, true)
	case *ast.ListComp:
		c.comprehension(e, compList, e.Generators, e.Elt, nil)
	case *ast.SetComp:
		c.comprehension(e, compSet, e.Generators, e.Elt, nil)
	case *ast.DictComp:
		c.comprehension(e, compDict, e.Generators, e.Key, e.Value)
	case *ast.GeneratorExp:
		c.comprehension(e, compGen, e.Generators, e.Elt, nil)
	case *ast.Await:
		if c.u.scope.kind != functionScope && !(c.mode == ModeInteractive && c.u.scope.kind == moduleScope) {
			c.errorAt(e, "'await' outside function")
		}
		if !c.asyncAllowed() {
			c.errorAt(e, "'await' outside async function")
		}
		c.expr(e.Value)
		c.at(e)
		c.op2(GET_AWAITABLE, 0)
		c.loadConst(nil)
		c.op(YIELD_FROM)
	case *ast.Yield:
		if c.u.scope.kind != functionScope {
			c.errorAt(e, "'yield' outside function")
		}
		if e.Value != nil {
			c.expr(e.Value)
		} else {
			c.loadConst(nil)
		}
		c.at(e)
		if c.u.scope.isAsync {
			c.op(ASYNC_GEN_WRAP)
		}
		c.op(YIELD_VALUE)
	case *ast.YieldFrom:
		if c.u.scope.kind != functionScope {
			c.errorAt(e, "'yield' outside function")
		}
		if c.u.scope.isAsync {
			c.errorAt(e, "'yield from' inside async function")
		}
		c.expr(e.Value)
		c.at(e)
		c.op(GET_YIELD_FROM_ITER)
		c.loadConst(nil)
		c.op(YIELD_FROM)
	case *ast.Compare:
		c.compare(e)
	case *ast.Call:
		c.call(e)
	case *ast.JoinedStr:
		c.joinedStr(e)
	case *ast.FormattedValue:
		c.formattedValue(e)
	case *ast.Attribute:
		c.expr(e.Value)
		c.atAttr(e, e)
		c.emit(LOAD_ATTR, c.attrIndex(e.Attr))
	case *ast.Subscript:
		c.expr(e.Value)
		c.expr(e.Slice)
		c.at(e)
		c.op(BINARY_SUBSCR)
	case *ast.Slice:
		n := 2
		for i, x := range []ast.Expr{e.Lower, e.Upper, e.Step} {
			if x != nil {
				c.expr(x)
				if i == 2 {
					n = 3
				}
			} else if i < 2 {
				c.loadConst(nil)
			}
		}
		c.at(e)
		c.op2(BUILD_SLICE, n)
	case *ast.Starred:
		c.errorAt(e, "can't use starred expression here")
	default:
		c.errorAt(e, "unsupported expression")
	}
}

// constTuple folds a tuple of constants into one constant, as CPython does.
func constTuple(t *ast.Tuple) ([]any, bool) {
	out := make([]any, len(t.Elts))
	for i, e := range t.Elts {
		switch e := e.(type) {
		case *ast.Constant:
			out[i] = e.Value
		case *ast.Tuple:
			k, ok := constTuple(e)
			if !ok {
				return nil, false
			}
			out[i] = k
		default:
			return nil, false
		}
	}
	return out, true
}

// sequence builds a list, set or tuple display; starred items extend an
// intermediate list (a tuple is converted at the end).
func (c *compiler) sequence(elts []ast.Expr, build, add, extend Opcode, tuple bool) {
	star := -1
	for i, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			star = i
			break
		}
	}
	if star < 0 {
		c.exprs(elts)
		c.op2(build, len(elts))
		return
	}
	c.exprs(elts[:star])
	if tuple {
		c.op2(BUILD_LIST, star)
	} else {
		c.op2(build, star)
	}
	for _, e := range elts[star:] {
		if s, ok := e.(*ast.Starred); ok {
			c.expr(s.Value)
			c.op2(extend, 1)
		} else {
			c.expr(e)
			c.op2(add, 1)
		}
	}
	if tuple {
		c.op(LIST_TO_TUPLE)
	}
}

// dict builds a dict display; `**m` items are merged with DICT_UPDATE.
func (c *compiler) dict(e *ast.Dict) {
	n := 0
	built := false
	flush := func() {
		if n > 0 || !built {
			c.op2(BUILD_MAP, n)
			if built {
				c.op2(DICT_UPDATE, 1)
			}
			built = true
			n = 0
		}
	}
	for i, k := range e.Keys {
		if k == nil {
			flush()
			c.expr(e.Values[i])
			c.op2(DICT_UPDATE, 1)
			continue
		}
		c.expr(k)
		c.expr(e.Values[i])
		n++
	}
	if n > 0 || !built {
		flush()
	}
}

func (c *compiler) compare(e *ast.Compare) {
	c.expr(e.Left)
	n := len(e.Ops)
	if n == 1 {
		c.expr(e.Comparators[0])
		c.at(e)
		c.compareOp(e.Ops[0])
		return
	}
	cleanup, end := c.newLabel(), c.newLabel()
	for i := 0; i < n-1; i++ {
		c.expr(e.Comparators[i])
		c.at(e)
		c.op2(SWAP, 2)
		c.op2(COPY, 2)
		c.compareOp(e.Ops[i])
		c.jump(JUMP_IF_FALSE_OR_POP, cleanup)
	}
	c.expr(e.Comparators[n-1])
	c.at(e)
	c.compareOp(e.Ops[n-1])
	c.jump(JUMP, end)
	c.place(cleanup)
	c.op2(SWAP, 2)
	c.op(POP_TOP)
	c.place(end)
}

func (c *compiler) compareOp(op ast.Op) {
	switch op {
	case ast.Is:
		c.op2(IS_OP, 0)
	case ast.IsNot:
		c.op2(IS_OP, 1)
	case ast.In:
		c.op2(CONTAINS_OP, 0)
	case ast.NotIn:
		c.op2(CONTAINS_OP, 1)
	default:
		c.op2(COMPARE_OP, int(cmpOps[op]))
	}
}

// jumpIf jumps to l when e's truth equals cond, testing each operand's truth
// once (CPython's compiler_jump_if).
func (c *compiler) jumpIf(e ast.Expr, cond bool, l label) {
	switch e := e.(type) {
	case *ast.UnaryOp:
		if e.Op == ast.Not {
			c.jumpIf(e.Operand, !cond, l)
			return
		}
	case *ast.BoolOp:
		isOr := e.Op == ast.Or
		next := l
		if isOr != cond {
			next = c.newLabel()
		}
		last := len(e.Values) - 1
		for _, v := range e.Values[:last] {
			c.jumpIf(v, isOr, next)
		}
		c.jumpIf(e.Values[last], cond, l)
		if next != l {
			c.place(next)
		}
		return
	case *ast.IfExp:
		end, next := c.newLabel(), c.newLabel()
		c.jumpIf(e.Test, false, next)
		c.jumpIf(e.Body, cond, l)
		c.jump(JUMP, end)
		c.place(next)
		c.jumpIf(e.Orelse, cond, l)
		c.place(end)
		return
	case *ast.Compare:
		// CPython's compiler_jump_if moves the location to a comparison
		// and leaves it there: what the enclosing statement emits next
		// reports the comparison (an assert's raise, a comprehension's
		// MAP_ADD), so the traceback carets mark it.
		c.expr(e)
		c.at(e)
		c.jumpOn(cond, l)
		return
	}
	old := c.at(e)
	c.expr(e)
	c.jumpOn(cond, l)
	c.u.cur = old
}

// jumpOn pops the top of the stack and jumps to l when its truth is cond.
func (c *compiler) jumpOn(cond bool, l label) {
	if cond {
		c.jump(POP_JUMP_IF_TRUE, l)
	} else {
		c.jump(POP_JUMP_IF_FALSE, l)
	}
}

// call compiles a call: LOAD_METHOD/CALL_METHOD for obj.m(positional args),
// CALL/CALL_KW for plain arguments, CALL_EX with *args or **kwargs.
func (c *compiler) call(e *ast.Call) {
	c.checkKeywords(e.Keywords)
	star := false
	for _, a := range e.Args {
		if _, ok := a.(*ast.Starred); ok {
			star = true
		}
	}
	dstar := false
	for _, k := range e.Keywords {
		if k.Arg == "" {
			dstar = true
		}
	}
	if attr, ok := e.Func.(*ast.Attribute); ok && !star && !dstar && len(e.Keywords) == 0 {
		c.expr(attr.Value)
		c.atAttr(attr, attr)
		c.emit(LOAD_METHOD, c.attrIndex(attr.Attr))
		c.exprs(e.Args)
		c.atAttr(e, attr)
		c.op2(CALL_METHOD, len(e.Args))
		return
	}
	c.expr(e.Func)
	if !star && !dstar {
		c.exprs(e.Args)
		for _, k := range e.Keywords {
			c.expr(k.Value)
		}
		c.at(e)
		if len(e.Keywords) == 0 {
			c.op2(CALL, len(e.Args))
			return
		}
		names := make([]any, len(e.Keywords))
		for i, k := range e.Keywords {
			names[i] = k.Arg
		}
		c.loadConst(names)
		c.op2(CALL_KW, len(e.Args)+len(e.Keywords))
		return
	}
	c.sequence(e.Args, BUILD_TUPLE, LIST_APPEND, LIST_EXTEND, true)
	flags := 0
	if len(e.Keywords) > 0 {
		flags = 1
		c.op2(BUILD_MAP, 0)
		n := 0
		flush := func() {
			if n > 0 {
				c.op2(BUILD_MAP, n)
				c.op2(DICT_MERGE, 1)
				n = 0
			}
		}
		for _, k := range e.Keywords {
			if k.Arg == "" {
				flush()
				c.expr(k.Value)
				c.op2(DICT_MERGE, 1)
				continue
			}
			c.loadConst(k.Arg)
			c.expr(k.Value)
			n++
		}
		flush()
	}
	c.at(e)
	c.op2(CALL_EX, flags)
}

func (c *compiler) joinedStr(e *ast.JoinedStr) {
	if len(e.Values) == 1 {
		if _, ok := e.Values[0].(*ast.FormattedValue); ok {
			c.expr(e.Values[0])
			return
		}
	}
	if len(e.Values) == 0 {
		c.loadConst("")
		return
	}
	c.exprs(e.Values)
	c.at(e)
	c.op2(BUILD_STRING, len(e.Values))
}

func (c *compiler) formattedValue(e *ast.FormattedValue) {
	c.expr(e.Value)
	flags := 0
	switch e.Conversion {
	case 's':
		flags = 1
	case 'r':
		flags = 2
	case 'a':
		flags = 3
	}
	if e.FormatSpec != nil {
		c.expr(e.FormatSpec)
		flags |= 4
	}
	c.at(e)
	c.op2(FORMAT_VALUE, flags)
}

// checkKeywords rejects a keyword argument given twice (CPython's
// validate_keywords).
func (c *compiler) checkKeywords(kws []*ast.Keyword) {
	for i, k := range kws {
		if k.Arg == "" {
			continue
		}
		if k.Arg == "__debug__" {
			c.errorHere("cannot assign to __debug__")
		}
		for _, later := range kws[i+1:] {
			if later.Arg == k.Arg {
				c.errorAt(later, "keyword argument repeated: "+k.Arg)
			}
		}
	}
}

// atAttr positions the instructions of an attribute access (or of the call
// of a method) at n, moved to the attribute name when the object expression
// ends on an earlier line, as CPython 3.11's update_start_location_to_match_attr.
func (c *compiler) atAttr(n ast.Node, attr *ast.Attribute) {
	c.at(n)
	p := &c.u.cur
	if int(p.Line) == attr.End.Line {
		return
	}
	p.Line = int32(attr.End.Line)
	if n := int32(utf8.RuneCountInString(attr.Attr)); n < int32(attr.End.Col) {
		p.Col = int32(attr.End.Col) - n
	} else {
		p.Col, p.EndCol = 0, 0
	}
	if p.EndLine < p.Line {
		p.EndLine = p.Line
	}
	if p.Line == p.EndLine && p.EndCol < p.Col {
		p.EndCol = p.Col
	}
}
