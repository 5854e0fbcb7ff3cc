package vm

import (
	"unsafe"

	"github.com/pya-lang/pya/vm/compile"
)

// `await f(args)` compiles to CALL, GET_AWAITABLE 0, LOAD_CONST None,
// YIELD_FROM. When f is an async def function, the coroutine object that
// CALL makes is awaited at once: nothing else can see it before YIELD_FROM
// starts it, so the dispatch loop takes a shortcut (the `chain` benchmark):
// it binds the arguments into a recycled frame, makes the coroutine already
// started (no "never awaited" tracking, no creation line to look up) and
// pushes the frame on the running chain exactly as YIELD_FROM would. Frame
// and coroutine object go back to the thread's pools when the coroutine
// finishes, unless introspection handed them out (genState.escape): an
// await of a coroutine that never suspends then allocates nothing.

// awaitsCallResult reports whether the instructions at pc (just after a
// CALL) are GET_AWAITABLE 0, LOAD_CONST None, YIELD_FROM.
func awaitsCallResult(code []compile.Instr, consts []Value, pc int) bool {
	if pc+2 >= len(code) {
		return false
	}
	return code[pc] == compile.MakeInstr(compile.GET_AWAITABLE, 0) &&
		code[pc+1].Op() == compile.LOAD_CONST && consts[code[pc+1].Arg()].o == noneObject &&
		code[pc+2] == compile.MakeInstr(compile.YIELD_FROM, 0)
}

// startAwaitedCoroutine creates the coroutine of a call to the async
// function fn that the caller awaits immediately, and returns its frame,
// started and marked running, for the caller to push with back set to the
// awaiting frame (what yieldFrom does for a coroutine it starts).
func (th *Thread) startAwaitedCoroutine(fn *Function, args []Value, kwnames []string) (*Frame, error) {
	if th.depth >= th.recursionLimit {
		return nil, NewError(RecursionErrorType, "maximum recursion depth exceeded")
	}
	nf := th.newPooledFrame(fn.Code, fn, fn.Globals)
	if err := th.bindFrame(nf, fn, args, kwnames); err != nil {
		return nil, err
	}
	var c *Coroutine
	if n := len(th.coroPool); n > 0 {
		c = th.coroPool[n-1]
		th.coroPool = th.coroPool[:n-1]
	} else {
		c = new(Coroutine)
	}
	c.genState = genState{kind: kindCoroutine, frame: nf, co: fn.Code, name: fn.Name, qualname: fn.QualName,
		started: true, closed: true, running: true, recycle: true}
	nf.gen = &c.genState
	th.depth++
	return nf, nil
}

// recycleCoroutine takes back the object of a finished coroutine that
// startAwaitedCoroutine made: nothing but its frame ever referred to it
// (see genState.recycle), and the frame is being released too.
func (th *Thread) recycleCoroutine(g *genState) {
	if len(th.coroPool) >= 64 {
		return
	}
	th.coroPool = append(th.coroPool, (*Coroutine)(unsafe.Pointer(g)))
}

// escape marks g's object as handed out: it is not recycled when it
// finishes. Introspection that reaches a coroutine through a frame (cr_await
// of its awaiter, a frame object of its frame) must call it.
func (g *genState) escape() {
	g.recycle = false
	if g.frame != nil {
		g.frame.pooled = false
	}
}
