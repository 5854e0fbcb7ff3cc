package compile

import (
	"strings"

	"github.com/pya-lang/pya/ast"
)

// fblockKind is the kind of a frame block: a construct that return, break
// and continue must unwind when they leave it (CPython's fblocktype).
type fblockKind uint8

const (
	fbWhile fblockKind = iota
	fbFor
	fbTryExcept
	fbFinallyTry
	fbFinallyEnd
	fbWith
	fbAsyncWith
	fbHandlerCleanup
	fbExceptionGroup
	fbPopValue // a return value kept on the stack while a finally body runs
)

type fblock struct {
	kind   fblockKind
	start  label // continue target of a loop
	exit   label // break target of a loop
	hdepth int   // handler-stack height to cut to when unwinding this block
	final  []ast.Stmt
	name   string // the `as` name of an except handler
}

func (c *compiler) pushBlock(kind fblockKind, hdepth int) *fblock {
	c.u.fblocks = append(c.u.fblocks, fblock{kind: kind, hdepth: hdepth})
	return &c.u.fblocks[len(c.u.fblocks)-1]
}

func (c *compiler) popFblock() { c.u.fblocks = c.u.fblocks[:len(c.u.fblocks)-1] }

func (c *compiler) stmts(body []ast.Stmt) {
	for _, s := range body {
		c.stmt(s)
	}
}

func (c *compiler) stmt(s ast.Stmt) {
	old := c.at(s)
	defer func() { c.u.cur = old }()
	switch s := s.(type) {
	case *ast.FunctionDef:
		c.functionDef(s)
	case *ast.ClassDef:
		c.classDef(s)
	case *ast.Return:
		c.returnStmt(s)
	case *ast.Delete:
		for _, t := range s.Targets {
			c.delete(t)
		}
	case *ast.Assign:
		c.expr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				c.op2(COPY, 1)
			}
			c.assign(t)
		}
	case *ast.AugAssign:
		c.augAssign(s)
	case *ast.AnnAssign:
		c.annAssign(s)
	case *ast.For:
		if s.IsAsync {
			c.asyncFor(s)
		} else {
			c.forStmt(s)
		}
	case *ast.While:
		c.whileStmt(s)
	case *ast.If:
		end := c.newLabel()
		next := end
		if len(s.Orelse) > 0 {
			next = c.newLabel()
		}
		c.jumpIf(s.Test, false, next)
		c.stmts(s.Body)
		if len(s.Orelse) > 0 {
			c.jump(JUMP, end)
			c.place(next)
			c.stmts(s.Orelse)
		}
		c.place(end)
	case *ast.With:
		c.with(s, 0)
	case *ast.Raise:
		n := 0
		if s.Exc != nil {
			c.expr(s.Exc)
			n++
			if s.Cause != nil {
				c.expr(s.Cause)
				n++
			}
		}
		c.emit(RAISE_VARARGS, n)
	case *ast.Try:
		c.try(s)
	case *ast.Match:
		c.matchStmt(s)
	case *ast.Assert:
		end := c.newLabel()
		c.jumpIf(s.Test, true, end)
		c.op(LOAD_ASSERTION_ERROR)
		if s.Msg != nil {
			c.expr(s.Msg)
			c.emit(CALL, 1)
		}
		c.emit(RAISE_VARARGS, 1)
		c.place(end)
	case *ast.Import:
		c.importStmt(s)
	case *ast.ImportFrom:
		c.importFrom(s)
	case *ast.Global, *ast.Nonlocal:
	case *ast.ExprStmt:
		c.exprStmt(s)
	case *ast.Pass:
		c.op(NOP)
	case *ast.Break:
		c.breakStmt(s)
	case *ast.Continue:
		c.continueStmt(s)
	}
}

// op2 emits an instruction with an argument (a readable alias of emit).
func (c *compiler) op2(op Opcode, arg int) { c.emit(op, arg) }

func (c *compiler) exprStmt(s *ast.ExprStmt) {
	if c.mode == ModeInteractive && c.u.scope.kind == moduleScope && c.u.parent == nil {
		c.expr(s.Value)
		c.op(PRINT_EXPR)
		return
	}
	if _, ok := s.Value.(*ast.Constant); ok {
		c.op(NOP) // a constant expression statement has no effect
		return
	}
	c.expr(s.Value)
	c.op(POP_TOP)
}

// whileStmt tests the condition at the top once and then at the bottom of
// each iteration (as CPython 3.11 does), so an iteration costs one jump.
func (c *compiler) whileStmt(s *ast.While) {
	body, test, end := c.newLabel(), c.newLabel(), c.newLabel()
	orelse := end
	if len(s.Orelse) > 0 {
		orelse = c.newLabel()
	}
	always := isConstTrue(s.Test)
	if !always {
		c.jumpIf(s.Test, false, orelse)
	}
	c.place(body)
	fb := c.pushBlock(fbWhile, len(c.u.hstack))
	fb.start, fb.exit = test, end
	c.stmts(s.Body)
	c.popFblock()
	c.place(test)
	c.at(s)
	if always {
		c.jump(JUMP, body)
	} else {
		c.jumpIf(s.Test, true, body)
	}
	if len(s.Orelse) > 0 {
		c.place(orelse)
		c.stmts(s.Orelse)
	}
	c.place(end)
}

func isConstTrue(e ast.Expr) bool {
	k, ok := e.(*ast.Constant)
	if !ok {
		return false
	}
	switch v := k.Value.(type) {
	case bool:
		return v
	case int64:
		return v != 0
	case string:
		return v != ""
	}
	return false
}

func (c *compiler) forStmt(s *ast.For) {
	start, cleanup, end := c.newLabel(), c.newLabel(), c.newLabel()
	c.expr(s.Iter)
	c.at(s)
	c.op(GET_ITER)
	c.place(start)
	c.jump(FOR_ITER, cleanup)
	c.assign(s.Target)
	fb := c.pushBlock(fbFor, len(c.u.hstack))
	fb.start, fb.exit = start, end
	c.stmts(s.Body)
	c.popFblock()
	c.at(s)
	c.jump(JUMP, start)
	c.place(cleanup)
	c.stmts(s.Orelse)
	c.place(end)
}

func (c *compiler) asyncFor(s *ast.For) {
	if !c.asyncAllowed() {
		c.errorAt(s, "'async for' outside async function")
	}
	start, except, end := c.newLabel(), c.newLabel(), c.newLabel()
	c.expr(s.Iter)
	c.at(s)
	c.op(GET_AITER)
	c.place(start)
	c.setup(except, 0, false)
	c.op(GET_ANEXT)
	c.loadConst(nil)
	c.op(YIELD_FROM)
	c.popBlock()
	c.assign(s.Target)
	fb := c.pushBlock(fbFor, len(c.u.hstack))
	fb.start, fb.exit = start, end
	c.stmts(s.Body)
	c.popFblock()
	c.at(s)
	c.jump(JUMP, start)
	c.place(except)
	c.op(END_ASYNC_FOR)
	c.stmts(s.Orelse)
	c.place(end)
}

// asyncAllowed reports whether await-like constructs may appear here.
func (c *compiler) asyncAllowed() bool {
	s := c.u.scope
	if s.kind == functionScope {
		return s.isAsync || s.comp != notComp
	}
	return c.mode == ModeInteractive && s.kind == moduleScope
}

func (c *compiler) returnStmt(s *ast.Return) {
	if c.u.scope.kind != functionScope {
		c.errorAt(s, "'return' outside function")
	}
	_, isConst := s.Value.(*ast.Constant)
	preserve := s.Value != nil && !isConst
	if preserve {
		c.expr(s.Value)
	}
	c.at(s)
	saved := append([]int32(nil), c.u.hstack...)
	// CPython's location while unwinding is the constant returned, when it
	// is on the return's line (the error below points at it).
	var at ast.Node = s
	if isConst && s.Value.Range().Pos.Line == s.Pos.Line {
		at = s.Value
	}
	c.unwindAll(preserve, false, at)
	if s.Value == nil {
		c.loadConst(nil)
	} else if !preserve {
		c.expr(s.Value)
	}
	c.op(RETURN_VALUE)
	c.u.hstack = saved
}

func (c *compiler) breakStmt(s *ast.Break) {
	saved := append([]int32(nil), c.u.hstack...)
	fb := c.unwindAll(false, true, s)
	if fb == nil {
		c.errorAt(s, "'break' outside loop")
	}
	c.unwind(*fb, false)
	c.jump(JUMP, fb.exit)
	c.u.hstack = saved
}

func (c *compiler) continueStmt(s *ast.Continue) {
	saved := append([]int32(nil), c.u.hstack...)
	fb := c.unwindAll(false, true, s)
	if fb == nil {
		c.errorAt(s, "'continue' not properly in loop")
	}
	c.jump(JUMP, fb.start)
	c.u.hstack = saved
}

// unwindAll emits the exit code of every frame block from the innermost out
// (to the innermost loop when loop is set, which it returns).
func (c *compiler) unwindAll(preserve, loop bool, at ast.Node) *fblock {
	blocks := c.u.fblocks
	defer func() { c.u.fblocks = blocks }()
	artificial := false // CPython's UNSET_LOC: the location's line is now -1
	for i := len(blocks) - 1; i >= 0; i-- {
		fb := blocks[i]
		if fb.kind == fbExceptionGroup {
			msg := "'break', 'continue' and 'return' cannot appear in an except* block"
			if artificial {
				// Unwinding a with or finally block before reaching the
				// except* made CPython's location artificial: line -1, no text.
				panic(&ast.SyntaxError{Kind: "SyntaxError", Msg: msg, File: c.file, Line: -1})
			}
			c.errorAt(at, msg)
		}
		if fb.kind == fbWith || fb.kind == fbAsyncWith || fb.kind == fbFinallyTry {
			artificial = true
		}
		if loop && (fb.kind == fbWhile || fb.kind == fbFor) {
			c.u.fblocks = blocks[:i:i] // capped: blocks pushed while unwinding must not overwrite blocks[i]
			return &fb
		}
		c.u.fblocks = blocks[:i:i] // capped: blocks pushed while unwinding must not overwrite blocks[i]
		c.unwind(fb, preserve)
	}
	return nil
}

// unwind emits the code that leaves one frame block on a return, break or
// continue (CPython's compiler_unwind_fblock).
func (c *compiler) unwind(fb fblock, preserve bool) {
	if len(c.u.hstack) > fb.hdepth {
		c.u.hstack = c.u.hstack[:fb.hdepth]
	}
	switch fb.kind {
	case fbFor:
		if preserve {
			c.op2(SWAP, 2)
		}
		c.op(POP_TOP)
	case fbFinallyTry:
		if preserve {
			c.pushBlock(fbPopValue, len(c.u.hstack))
		}
		c.stmts(fb.final)
		if preserve {
			c.popFblock()
		}
	case fbPopValue:
		if preserve {
			c.op2(SWAP, 2)
		}
		c.op(POP_TOP)
	case fbFinallyEnd:
		if preserve {
			c.op2(SWAP, 2)
		}
		c.op(POP_TOP)
		if preserve {
			c.op2(SWAP, 2)
		}
		c.op(POP_EXCEPT)
	case fbWith, fbAsyncWith:
		if preserve {
			c.op2(SWAP, 2)
		}
		c.callExitWithNones(fb.kind == fbAsyncWith)
	case fbHandlerCleanup:
		if preserve {
			c.op2(SWAP, 2)
		}
		c.op(POP_EXCEPT)
		if fb.name != "" {
			c.clearName(fb.name)
		}
	}
}

func (c *compiler) clearName(name string) {
	c.loadConst(nil)
	c.nameOp(name, ctxStore)
	c.nameOp(name, ctxDel)
}

// ---------------------------------------------------------------- imports

func (c *compiler) importStmt(s *ast.Import) {
	for _, a := range s.Names {
		c.loadConst(int64(0))
		c.loadConst(nil)
		c.emit(IMPORT_NAME, c.nameIndex(a.Name))
		if a.AsName == "" {
			c.nameOp(importBinding(a), ctxStore)
		} else if dot := strings.IndexByte(a.Name, '.'); dot >= 0 {
			parts := strings.Split(a.Name, ".")[1:]
			for i, p := range parts {
				c.emit(IMPORT_FROM, c.nameIndex(p))
				if i < len(parts)-1 {
					c.op2(SWAP, 2)
					c.op(POP_TOP)
				}
			}
			c.nameOp(a.AsName, ctxStore)
			c.op(POP_TOP)
		} else {
			c.nameOp(a.AsName, ctxStore)
		}
	}
}

func (c *compiler) importFrom(s *ast.ImportFrom) {
	if _, ok := isFutureImport(s); ok {
		c.futureImport(s)
		return
	}
	names := make([]any, len(s.Names))
	for i, a := range s.Names {
		names[i] = a.Name
	}
	c.loadConst(int64(s.Level))
	c.loadConst(names)
	c.emit(IMPORT_NAME, c.nameIndex(s.Module))
	if len(s.Names) == 1 && s.Names[0].Name == "*" {
		c.op(IMPORT_STAR)
		return
	}
	for _, a := range s.Names {
		c.emit(IMPORT_FROM, c.nameIndex(a.Name))
		store := a.Name
		if a.AsName != "" {
			store = a.AsName
		}
		c.nameOp(store, ctxStore)
	}
	c.op(POP_TOP)
}

// ---------------------------------------------------------------- assignment

// assign stores TOS into a target (CPython's Store context).
func (c *compiler) assign(t ast.Expr) {
	old := c.at(t)
	defer func() { c.u.cur = old }()
	switch t := t.(type) {
	case *ast.Name:
		c.nameOp(t.Id, ctxStore)
	case *ast.Attribute:
		c.expr(t.Value)
		c.atAttr(t, t)
		c.emit(STORE_ATTR, c.attrIndex(t.Attr))
	case *ast.Subscript:
		c.expr(t.Value)
		c.expr(t.Slice)
		c.at(t)
		c.op(STORE_SUBSCR)
	case *ast.Tuple:
		c.unpack(t, t.Elts)
	case *ast.List:
		c.unpack(t, t.Elts)
	case *ast.Starred:
		c.errorAt(t, "starred assignment target must be in a list or tuple")
	default:
		c.errorAt(t, "cannot assign to expression")
	}
}

func (c *compiler) unpack(t ast.Expr, elts []ast.Expr) {
	star := -1
	for i, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			if star >= 0 {
				c.errorAt(t, "multiple starred expressions in assignment")
			}
			star = i
		}
	}
	if star < 0 {
		c.op2(UNPACK_SEQUENCE, len(elts))
	} else {
		after := len(elts) - star - 1
		if star >= 256 || after >= 1<<16 {
			c.errorAt(t, "too many expressions in star-unpacking assignment")
		}
		c.op2(UNPACK_EX, star|after<<8)
	}
	for _, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			c.assign(s.Value)
		} else {
			c.assign(e)
		}
	}
}

func (c *compiler) delete(t ast.Expr) {
	old := c.at(t)
	defer func() { c.u.cur = old }()
	switch t := t.(type) {
	case *ast.Name:
		c.nameOp(t.Id, ctxDel)
	case *ast.Attribute:
		c.expr(t.Value)
		c.atAttr(t, t)
		c.emit(DELETE_ATTR, c.attrIndex(t.Attr))
	case *ast.Subscript:
		c.expr(t.Value)
		c.expr(t.Slice)
		c.at(t)
		c.op(DELETE_SUBSCR)
	case *ast.Tuple:
		for _, e := range t.Elts {
			c.delete(e)
		}
	case *ast.List:
		for _, e := range t.Elts {
			c.delete(e)
		}
	case *ast.Starred:
		c.errorAt(t, "cannot delete starred")
	default:
		c.errorAt(t, "cannot delete "+exprDescr(t))
	}
}

func (c *compiler) augAssign(s *ast.AugAssign) {
	op := int(binaryOpOf(s.Op) + InplaceOffset)
	switch t := s.Target.(type) {
	case *ast.Name:
		c.nameOp(t.Id, ctxLoad)
		c.expr(s.Value)
		c.at(s)
		c.op2(BINARY_OP, op)
		c.nameOp(t.Id, ctxStore)
	case *ast.Attribute:
		c.expr(t.Value)
		c.op2(COPY, 1)
		c.atAttr(t, t)
		c.emit(LOAD_ATTR, c.attrIndex(t.Attr))
		c.expr(s.Value)
		c.at(s)
		c.op2(BINARY_OP, op)
		c.op2(SWAP, 2)
		c.atAttr(t, t)
		c.emit(STORE_ATTR, c.attrIndex(t.Attr))
	case *ast.Subscript:
		c.expr(t.Value)
		c.expr(t.Slice)
		c.op2(COPY, 2)
		c.op2(COPY, 2)
		c.at(t)
		c.op(BINARY_SUBSCR)
		c.expr(s.Value)
		c.at(s)
		c.op2(BINARY_OP, op)
		c.op2(SWAP, 3)
		c.op2(SWAP, 2)
		c.at(t)
		c.op(STORE_SUBSCR)
	default:
		c.errorAt(t, "'"+exprDescr(t)+"' is an illegal expression for augmented assignment")
	}
}

// exprDescr names an expression kind as CPython's error messages do.
func exprDescr(e ast.Expr) string {
	switch e.(type) {
	case *ast.Call:
		return "function call"
	case *ast.Tuple:
		return "tuple"
	case *ast.List:
		return "list"
	case *ast.Constant:
		return "literal"
	case *ast.BinOp, *ast.UnaryOp:
		return "expression"
	case *ast.Compare:
		return "comparison"
	case *ast.Lambda:
		return "lambda"
	case *ast.Starred:
		return "starred"
	case *ast.BoolOp:
		return "expression"
	case *ast.Dict:
		return "dict literal"
	case *ast.Set:
		return "set display"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.NamedExpr:
		return "named expression"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.Await:
		return "await expression"
	case *ast.JoinedStr:
		return "f-string expression"
	default:
		return "expression"
	}
}

func (c *compiler) annAssign(s *ast.AnnAssign) {
	kind := c.u.scope.kind
	if s.Value != nil {
		c.expr(s.Value)
		c.assign(s.Target)
	}
	switch t := s.Target.(type) {
	case *ast.Name:
		if s.Simple && kind != functionScope {
			c.annotation(s.Annotation)
			c.at(s)
			c.emit(LOAD_NAME, c.nameIndex("__annotations__"))
			c.loadConst(mangle(c.u.scope.private, t.Id))
			c.op(STORE_SUBSCR)
		}
		return
	case *ast.Attribute:
		if s.Value == nil {
			c.expr(t.Value)
			c.op(POP_TOP)
		}
	case *ast.Subscript:
		if s.Value == nil {
			c.expr(t.Value)
			c.op(POP_TOP)
			c.expr(t.Slice)
			c.op(POP_TOP)
		}
	}
	if kind != functionScope && !c.future.annotations {
		c.expr(s.Annotation)
		c.op(POP_TOP)
	}
}
