package compile

import "github.com/pya-lang/pya/ast"

// This file lays out try, with and except* exactly as CPython 3.11 does, so
// that handler depths, lasti pushes and the handled-exception stack match
// what the interpreter (written against CPython's semantics) expects.
//
// One deliberate difference: where CPython emits RERAISE 1 or RERAISE 2 (to
// restore the frame's last instruction from the lasti slot before
// re-raising), we emit reraiseArg (0). Restoring lasti is invisible to
// programs (traceback entries are recorded when an exception is first raised
// in a frame), and an interpreter that looks the handler up at the restored
// pc rather than at the RERAISE would find the cleanup handler again and loop.

// reraiseArg is the argument of RERAISE in cleanup handlers (see above).
const reraiseArg = 0

func (c *compiler) try(s *ast.Try) {
	if len(s.Finalbody) > 0 {
		c.tryFinally(s)
	} else if s.Star {
		c.tryStar(s)
	} else {
		c.tryExcept(s)
	}
}

// popExceptAndReraise is the cleanup handler shared by except and finally
// blocks: [prev_exc, lasti, exc] -> restore prev_exc, re-raise exc.
func (c *compiler) popExceptAndReraise() {
	c.op2(COPY, 3)
	c.op(POP_EXCEPT)
	c.op2(RERAISE, reraiseArg)
}

func (c *compiler) tryFinally(s *ast.Try) {
	end, exit, cleanup := c.newLabel(), c.newLabel(), c.newLabel()
	hdepth := len(c.u.hstack)
	c.setup(end, 0, false)
	fb := c.pushBlock(fbFinallyTry, hdepth)
	fb.final = s.Finalbody
	if len(s.Handlers) > 0 {
		if s.Star {
			c.tryStar(s)
		} else {
			c.tryExcept(s)
		}
	} else {
		c.stmts(s.Body)
	}
	c.popBlock()
	c.popFblock()
	c.stmts(s.Finalbody)
	c.jump(JUMP, exit)

	c.place(end)
	c.u.cur = Position{}
	c.setup(cleanup, 0, true)
	c.op(PUSH_EXC_INFO)
	c.pushBlock(fbFinallyEnd, hdepth)
	c.stmts(s.Finalbody)
	c.popFblock()
	c.u.cur = Position{}
	c.op2(RERAISE, 0)
	c.popBlock()
	c.place(cleanup)
	c.popExceptAndReraise()
	c.place(exit)
}

// tryExcept compiles try/except[/else]; as in CPython, the else block
// follows the body directly (outside the handler) and the handlers come last.
func (c *compiler) tryExcept(s *ast.Try) {
	except, end, cleanup := c.newLabel(), c.newLabel(), c.newLabel()
	hdepth := len(c.u.hstack)
	c.setup(except, 0, false)
	c.pushBlock(fbTryExcept, hdepth)
	c.stmts(s.Body)
	c.popFblock()
	c.popBlock()
	c.op(NOP)
	c.stmts(s.Orelse)
	c.jump(JUMP, end)

	c.place(except)
	c.u.cur = Position{}
	cleanupID := c.setup(cleanup, 0, true)
	c.op(PUSH_EXC_INFO)
	for i, h := range s.Handlers {
		old := c.at(h)
		if h.Type == nil && i < len(s.Handlers)-1 {
			c.errorAt(h, "default 'except:' must be last")
		}
		next := c.newLabel()
		if h.Type != nil {
			c.expr(h.Type)
			c.at(h)
			c.op(CHECK_EXC_MATCH)
			c.jump(POP_JUMP_IF_FALSE, next)
		}
		if h.Name != "" {
			cleanupEnd := c.newLabel()
			c.nameOp(h.Name, ctxStore)
			c.setup(cleanupEnd, 0, true)
			fb := c.pushBlock(fbHandlerCleanup, hdepth)
			fb.name = h.Name
			c.stmts(h.Body)
			c.popFblock()
			c.popBlock()
			c.popBlock()
			c.u.cur = Position{}
			c.op(POP_EXCEPT)
			c.clearName(h.Name)
			c.jump(JUMP, end)
			// An exception in the body: clear the name and re-raise.
			c.pushHandler(cleanupID)
			c.place(cleanupEnd)
			c.clearName(h.Name)
			c.op2(RERAISE, reraiseArg)
		} else {
			c.op(POP_TOP)
			c.pushBlock(fbHandlerCleanup, hdepth)
			c.stmts(h.Body)
			c.popFblock()
			c.popBlock()
			c.u.cur = Position{}
			c.op(POP_EXCEPT)
			c.jump(JUMP, end)
			c.pushHandler(cleanupID)
		}
		c.place(next)
		c.u.cur = old
	}
	c.u.cur = Position{}
	c.op2(RERAISE, 0)
	c.popBlock()
	c.place(cleanup)
	c.popExceptAndReraise()
	c.place(end)
}

// tryStar compiles try/except* as CPython 3.11's compiler_try_star_except.
func (c *compiler) tryStar(s *ast.Try) {
	except, orelse, end, cleanup, reraiseStar := c.newLabel(), c.newLabel(), c.newLabel(), c.newLabel(), c.newLabel()
	hdepth := len(c.u.hstack)
	c.setup(except, 0, false)
	c.pushBlock(fbTryExcept, hdepth)
	c.stmts(s.Body)
	c.popFblock()
	c.popBlock()
	c.op(NOP)
	c.jump(JUMP, orelse)

	c.place(except)
	c.u.cur = Position{}
	cleanupID := c.setup(cleanup, 0, true)
	c.op(PUSH_EXC_INFO)
	c.pushBlock(fbExceptionGroup, hdepth)
	n := len(s.Handlers)
	for i, h := range s.Handlers {
		old := c.at(h)
		nextExcept, exceptWithError, noMatch := c.newLabel(), c.newLabel(), c.newLabel()
		cleanupEnd := c.newLabel()
		if i == 0 {
			// [prev, orig] -> [prev, orig, [], orig]
			c.op2(BUILD_LIST, 0)
			c.op2(COPY, 2)
		}
		if h.Type != nil {
			c.expr(h.Type)
			c.at(h)
			c.op(CHECK_EG_MATCH)
			c.op2(COPY, 1)
			c.jump(POP_JUMP_IF_NONE, noMatch)
		}
		if h.Name != "" {
			c.nameOp(h.Name, ctxStore)
		} else {
			c.op(POP_TOP)
		}
		c.setup(cleanupEnd, 0, true)
		fb := c.pushBlock(fbHandlerCleanup, hdepth)
		fb.name = h.Name
		c.stmts(h.Body)
		c.popFblock()
		c.popBlock()
		c.u.cur = Position{}
		if h.Name != "" {
			c.clearName(h.Name)
		}
		c.jump(JUMP, nextExcept)
		c.place(cleanupEnd)
		if h.Name != "" {
			c.clearName(h.Name)
		}
		c.op2(LIST_APPEND, 3) // the raised exception joins the list
		c.op(POP_TOP)         // lasti
		c.jump(JUMP, exceptWithError)
		c.place(nextExcept)
		c.op(NOP)
		c.jump(JUMP, exceptWithError)
		c.place(noMatch)
		c.op(POP_TOP) // the None match
		c.place(exceptWithError)
		if i == n-1 {
			c.op2(LIST_APPEND, 1) // the unhandled rest
			c.jump(JUMP, reraiseStar)
		}
		c.u.cur = old
	}
	c.popFblock()
	c.u.cur = Position{}
	reraise := c.newLabel()
	c.place(reraiseStar)
	c.op(PREP_RERAISE_STAR)
	c.op2(COPY, 1)
	c.jump(POP_JUMP_IF_NOT_NONE, reraise)
	c.op(POP_TOP)
	c.popBlock()
	c.op(POP_EXCEPT)
	c.jump(JUMP, end)
	c.place(reraise)
	c.pushHandler(cleanupID)
	c.popBlock()
	c.op2(SWAP, 2)
	c.op(POP_EXCEPT)
	c.op2(RERAISE, 0)
	c.place(cleanup)
	c.popExceptAndReraise()
	c.place(orelse)
	c.stmts(s.Orelse)
	c.place(end)
}

// with compiles the items of a with statement from item i on, nesting one
// context manager per item (CPython's compiler_with / compiler_async_with).
func (c *compiler) with(s *ast.With, i int) {
	if s.IsAsync && i == 0 && !c.asyncAllowed() {
		c.errorAt(s, "'async with' outside async function")
	}
	item := s.Items[i]
	exit, final, cleanup := c.newLabel(), c.newLabel(), c.newLabel()
	hdepth := len(c.u.hstack)
	c.expr(item.Context)
	c.at(s)
	if s.IsAsync {
		c.op(BEFORE_ASYNC_WITH)
		c.op2(GET_AWAITABLE, 1)
		c.loadConst(nil)
		c.op(YIELD_FROM)
	} else {
		c.op(BEFORE_WITH)
	}
	c.setup(final, -1, true)
	kind := fbWith
	if s.IsAsync {
		kind = fbAsyncWith
	}
	c.pushBlock(kind, hdepth)
	if item.Vars != nil {
		c.assign(item.Vars)
	} else {
		c.op(POP_TOP)
	}
	if i+1 < len(s.Items) {
		c.with(s, i+1)
	} else {
		c.stmts(s.Body)
	}
	c.popFblock()
	c.popBlock()
	c.at(s)
	c.callExitWithNones(s.IsAsync)
	c.jump(JUMP, exit)

	// Exceptional exit: [exit, lasti, exc].
	c.place(final)
	c.setup(cleanup, 0, true)
	c.op(PUSH_EXC_INFO)
	c.op(WITH_EXCEPT_START)
	if s.IsAsync {
		c.op2(GET_AWAITABLE, 2)
		c.loadConst(nil)
		c.op(YIELD_FROM)
	}
	suppress := c.newLabel()
	c.jump(POP_JUMP_IF_TRUE, suppress)
	c.op2(RERAISE, reraiseArg)
	c.place(suppress)
	c.op(POP_TOP) // exc
	c.popBlock()
	c.op(POP_EXCEPT)
	c.op(POP_TOP) // lasti
	c.op(POP_TOP) // exit
	c.jump(JUMP, exit)
	c.place(cleanup)
	c.popExceptAndReraise()
	c.place(exit)
}

// callExitWithNones calls __exit__(None, None, None) (awaiting __aexit__'s
// result for async with) and drops the result: [exit] -> [].
func (c *compiler) callExitWithNones(async bool) {
	c.loadConst(nil)
	c.loadConst(nil)
	c.loadConst(nil)
	c.op2(CALL, 3)
	if async {
		c.op2(GET_AWAITABLE, 2)
		c.loadConst(nil)
		c.op(YIELD_FROM)
	}
	c.op(POP_TOP)
}
