package vm

import "github.com/pya-lang/pya/vm/compile"

// Loop-owned generators: finalization when a for loop drops its iterator.
//
// CPython finalizes a generator when its reference count falls to zero:
// `for x in gen(): break` closes the generator at the break (its pending
// finally blocks and with exits run before the statement after the loop),
// and so does a return or an exception leaving the loop, which pops the
// iterator off the value stack. pya has no reference counts, but it can
// tell the common case where the loop holds the only reference: the
// iterator is a generator that the instruction just before GET_ITER made
// (a call of a generator function, a call of a function that returns such
// a call's result, a generator expression) or that GET_ITER itself made
// (an __iter__ that is a generator function). Such a generator is marked
// owned; the POP_TOP that ends its loop early (break, return) and the
// exception unwinding that cuts it off the stack close it, reporting an
// error of close() as CPython's "Exception ignored in" (unraisable.go).
// Async generators follow the same rule, but dropping one hands it to the
// event loop's finalizer hook (asyncgen_hooks.go), as in CPython.
//
// Iterators that a comprehension's frame holds (its .0 argument) are cut
// off the stack by an exception too, but CPython keeps them alive with the
// traceback's frame until the exception is gone: those close when the
// handler that caught the exception ends (see deferClose), or at once for
// the GeneratorExit of a closed generator expression, which dies in close().

// madeGen records g as the generator made last, by th.frame's current
// instruction (its resume index is the frame's saved pc).
func (th *Thread) madeGen(g *genState) {
	th.lastGen, th.lastGenFrame = g, th.frame
	if f := th.frame; f != nil {
		th.lastGenPC = f.pc
		g.creator, g.creatorPC = f, f.pc
	}
}

// ownIter marks g owned when it is the generator made last, by f's
// instruction just before index at (whose resume index is at) or by the
// instruction at itself (resume index at+1): then only f's value stack
// refers to it.
func (th *Thread) ownIter(f *Frame, g *genState, at int) {
	if th.lastGen == g && th.lastGenFrame == f && (th.lastGenPC == at || th.lastGenPC == at+1) {
		g.owned = true
		th.lastGen, th.lastGenFrame = nil, nil
	}
}

// ownWrapped is GET_ITER's (at index at in f) check of a lazy builtin
// wrapper (`for i, x in enumerate(gen())`, `zip(a(), b())`): when the
// wrapper's call is the instruction before GET_ITER and each generator it
// wraps was made in f by an argument's call whose result went straight on
// the stack (the next instruction loads the next argument, or is the
// wrapper's call), with only loads and calls between, the generators'
// only reference is the wrapper's, whose only one is the loop's.
func (th *Thread) ownWrapped(f *Frame, it Value, at int) {
	gs := wrappedGens(it)
	if len(gs) == 0 || at < 1 {
		return
	}
	code := f.co.Code.Code
	if !isCallOp(code[at-1].Op()) {
		return
	}
	first := at
	for _, g := range gs {
		if g.kind != kindGenerator || g.creator != f || g.creatorPC >= at || g.owned {
			return
		}
		if g.creatorPC != at-1 && !isLoadOp(code[g.creatorPC].Op()) {
			return
		}
		first = min(first, g.creatorPC)
	}
	for _, in := range code[first : at-1] {
		if op := in.Op(); !isLoadOp(op) && !isCallOp(op) {
			return
		}
	}
	for _, g := range gs {
		g.owned = true
	}
	th.lastGen, th.lastGenFrame = nil, nil
}

func isCallOp(op compile.Opcode) bool {
	return op == compile.CALL || op == compile.CALL_KW || op == compile.CALL_METHOD
}

func isLoadOp(op compile.Opcode) bool {
	switch op {
	case compile.LOAD_CONST, compile.LOAD_FAST, compile.LOAD_NAME, compile.LOAD_GLOBAL, compile.LOAD_DEREF, compile.LOAD_ATTR, compile.LOAD_METHOD:
		return true
	}
	return false
}

// wrappedGens are the iterators of an enumerate, filter, map or zip
// object when they are all generators (nil otherwise), in the order the
// wrapper drops them (zip's tuple: last first).
func wrappedGens(v Value) []*genState {
	var its []Value
	switch o := v.o.(type) {
	case *enumerateObj:
		its = []Value{o.it}
	case *filterObj:
		its = []Value{o.it}
	case *mapObj:
		its = o.its
	case *zipObj:
		its = o.its
	default:
		return nil
	}
	gs := make([]*genState, len(its))
	for i, it := range its {
		g, ok := it.o.(*Generator)
		if !ok {
			return nil
		}
		gs[len(its)-1-i] = &g.genState
	}
	return gs
}

// consumedArg is called after f's call at index at of callee (result r,
// NULL if it failed), whose last argument v the instruction just before
// made: when v is a generator and callee a builtin that iterates its
// argument only as far as it needs (next, any, all), nothing refers to v
// any more and it closes, as in CPython (`next(x for x in gen() if x >
// 1)`); iter(v) returns v, still fresh.
func (th *Thread) consumedArg(f *Frame, callee, v, r Value, at int) {
	b, ok := callee.o.(*Builtin)
	if !ok || !b.Self.IsNull() && !isModule(b.Self) {
		return
	}
	switch b.Name {
	case "next", "any", "all":
		th.dropTemp(f, v, at)
	case "iter":
		if r.o == v.o && genOf(v) == th.lastGen {
			th.lastGenPC = at + 1
		}
	}
}

func isModule(v Value) bool {
	_, ok := v.o.(*Module)
	return ok
}

// dropTemp closes v, a generator that f's instruction before index at made
// and that the instruction at at used up (the right operand of `in`, the
// argument of next()): nothing else refers to it.
func (th *Thread) dropTemp(f *Frame, v Value, at int) {
	g, ok := v.o.(*Generator)
	if !ok || &g.genState != th.lastGen || th.lastGenFrame != f || th.lastGenPC != at {
		return
	}
	th.lastGen, th.lastGenFrame = nil, nil
	th.closeDropped(&g.genState, f, at)
}

// passGen is RETURN_VALUE's (at index at in f, which made th.lastGen)
// hand-over: a generator returned right after it was made (`return
// gen(...)`) is fresh in the caller too, as made by the caller's current
// instruction. Anything else forgets it (f's frame may be reused).
func (th *Thread) passGen(f *Frame, v Value, at int) {
	if back := f.back; back != nil && f.gen == nil && th.lastGenPC == at && genOf(v) == th.lastGen {
		th.lastGenFrame, th.lastGenPC = back, back.pc
		return
	}
	th.lastGen, th.lastGenFrame = nil, nil
}

// closeOwnedLocals is RETURN_VALUE's for a function with owned locals
// (compile.Code.OwnedLocals): a generator that the call whose result the
// local stores made has no other reference, and closes as f's locals go,
// in index order. The caller's call is the line an error of closing one
// reports (CPython's current frame is the caller's by then). A module's
// names (OwnedLocals index its Names) live on until exit.
func (th *Thread) closeOwnedLocals(f *Frame) {
	if f.co.Code.Flags&compile.FlagModule != 0 {
		return
	}
	where, at := f, f.pc-1
	if b := f.back; b != nil {
		where, at = b, b.pc-1
	}
	for _, i := range f.co.Code.OwnedLocals {
		if g := th.ownedBy(f, f.slots[i], compile.STORE_FAST, i); g != nil {
			f.slots[i] = NULL
			th.closeDropped(g, where, at)
		}
	}
}

// deletedOwned is DELETE_FAST's or DELETE_NAME's (arg in f, whose value
// was v) for a code with owned locals: `del g` drops the only reference
// to a generator g owns.
func (th *Thread) deletedOwned(f *Frame, v Value, store compile.Opcode, arg int) {
	for _, i := range f.co.Code.OwnedLocals {
		if i == arg {
			if g := th.ownedBy(f, v, store, arg); g != nil {
				th.closeDropped(g, f, f.pc-1)
			}
			return
		}
	}
}

// ownedBy returns v's generator when f made it by the call whose result
// the instruction store with argument arg (STORE_FAST or STORE_NAME of the
// owned variable) took, else nil.
func (th *Thread) ownedBy(f *Frame, v Value, store compile.Opcode, arg int) *genState {
	g, ok := v.o.(*Generator)
	if !ok || g.creator != f {
		return nil
	}
	code := f.co.Code.Code
	if g.creatorPC >= len(code) {
		return nil
	}
	if in := code[g.creatorPC]; in.Op() != store || in.Arg() != arg {
		return nil
	}
	return &g.genState
}

// dropOwned is called when f's POP_TOP at index at, or the unwinding of an
// exception raised at index at, discards v: an owned generator is closed
// (an owned async generator goes to the finalizer hook).
func (th *Thread) dropOwned(f *Frame, v Value, at int) {
	if gs := wrappedGens(v); gs != nil {
		for _, g := range gs {
			if g.owned {
				g.owned = false
				th.closeDropped(g, f, at)
			}
		}
		return
	}
	switch g := v.o.(type) {
	case *Generator:
		if g.owned {
			g.owned = false
			th.closeDropped(&g.genState, f, at)
		}
	case *AsyncGenerator:
		if g.owned {
			th.dropOwnedAsyncGen(g)
		}
	}
}

// closeDropped closes a started, unfinished generator that its loop
// dropped; an error of close() is reported as unraisable, with f's line
// at index at as its traceback when it has none (a RuntimeError "generator
// ignored GeneratorExit"), as CPython's PyErr_WriteUnraisable does.
func (th *Thread) closeDropped(g *genState, f *Frame, at int) {
	if g.frame == nil || !g.started || g.running {
		return
	}
	g.finalized = true
	if _, err := genClose(th, g); err != nil {
		th.writeUnraisable(err, g.object(), f, at)
	}
}

// dropOwnedIn drops the owned generators among the value-stack slots of f
// that the unwinding of exc (raised at f's index at) cuts off. In a
// comprehension's frame, where the iterator is also the .0 argument that
// the traceback keeps alive, closing waits for the exception to be handled.
func (th *Thread) dropOwnedIn(f *Frame, slots []Value, exc *Exception, at int) {
	for i := len(slots) - 1; i >= 0; i-- { // from the top, as CPython pops
		v := slots[i]
		gs := wrappedGens(v)
		if g := genOf(v); g != nil {
			gs = []*genState{g}
		}
		if len(gs) == 0 || !gs[0].owned {
			continue
		}
		slots[i] = NULL
		if gs[0].kind == kindGenerator && isComprehension(f.co) && !exc.typ.IsSubtype(GeneratorExitType) {
			for _, g := range gs {
				g.owned = false
			}
			exc.deferClose = append(exc.deferClose, gs...)
			continue
		}
		th.dropOwned(f, v, at)
	}
}

// isComprehension reports whether co is the code of a comprehension or a
// generator expression.
func isComprehension(co *CodeObject) bool {
	switch co.Code.Name {
	case "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>":
		return true
	}
	return false
}

// handlerDone is POP_EXCEPT's (f.pc-1) ending of the handler of exc,
// whose deferred generators close now, unless the handler is left by
// another exception (the RERAISE after it), whose __context__ keeps exc
// alive: they then wait for that one.
func (th *Thread) handlerDone(f *Frame, exc *Exception) {
	for _, v := range f.slots[f.co.nlocals+f.co.ncells : f.sp] {
		if v.o == Object(exc) {
			return // returned or kept: it stays alive (they close at exit)
		}
	}
	gs := exc.deferClose
	exc.deferClose = nil
	if code := f.co.Code.Code; f.pc < len(code) && code[f.pc].Op() == compile.RERAISE && f.sp > 0 {
		if next, ok := f.slots[f.sp-1].o.(*Exception); ok && next != exc {
			next.deferClose = append(next.deferClose, gs...)
			return
		}
	}
	th.closeAll(gs, f, f.pc-1)
}

// closeAll closes the generators gs that were dropped by f at index at.
func (th *Thread) closeAll(gs []*genState, f *Frame, at int) {
	for _, g := range gs {
		if g.kind == kindCoroutine && !g.started {
			// A coroutine that a failed call held (HoldUntilHandled).
			if !g.closed && th.Interp != nil {
				g.closed = true
				th.Interp.warnNeverAwaited(g.qualname, f, lastLined(f.co.Code, at))
			}
			continue
		}
		th.closeDropped(g, f, at)
	}
}

// HoldUntilHandled records, on the exception err that the native just
// called by th's current frame raised, its last argument when that is an
// unstarted coroutine made by the call just before (asyncio.run(main())):
// in CPython the function (asyncio.run, create_task, ... written in
// Python) keeps it in its frame, which the traceback keeps alive, so the
// "never awaited" warning comes when the handler that catches err ends,
// with its line (or at exit when nothing catches it). A coroutine held
// elsewhere too (c = main(); asyncio.run(c)) is left alone.
//
// A list or tuple display of fresh coroutines as the last argument
// (asyncio.gather([work(1), work(2)]), a common slip) is held the same way
// when its items are the coroutines made last, in order.
func (th *Thread) HoldUntilHandled(err error, args []Value) {
	exc, ok := err.(*Exception)
	f := th.frame
	if !ok || len(args) == 0 || f == nil || th.Interp == nil {
		return
	}
	code, at := f.co.Code.Code, f.pc-1
	last := args[len(args)-1]
	if madeByCall(code, at) {
		if c, ok := last.o.(*Coroutine); ok && !c.started && !c.closed {
			exc.deferClose = append(exc.deferClose, &c.genState)
		}
		return
	}
	if at < 1 || (code[at-1].Op() != compile.BUILD_LIST && code[at-1].Op() != compile.BUILD_TUPLE) {
		return
	}
	var items []Value
	switch s := last.o.(type) {
	case *List:
		items = s.Items
	case *Tuple:
		items = s.Items
	}
	if fresh := th.Interp.freshCoroutines(items); fresh != nil {
		for _, c := range fresh {
			exc.deferClose = append(exc.deferClose, &c.genState)
		}
	}
}

// lastLined returns the index of the last instruction at or before at
// that has a line: the handler's cleanup (POP_EXCEPT) has none, and
// CPython reports the line of the handler's last statement.
func lastLined(c *compile.Code, at int) int {
	for i := at; i >= 0 && i < len(c.Positions); i-- {
		if c.Positions[i].Line > 0 {
			return i
		}
	}
	return at
}

// HoldUntilExit is for an exception that escapes the event loop as its
// main task's exception (KeyboardInterrupt, or asyncio.run's failure): in
// CPython its traceback and the task form a reference cycle that only the
// collection at exit frees, so the coroutines it holds warn then, as
// "sys:1" with the tracemalloc hint (the warnings module still runs).
func (in *Interpreter) HoldUntilExit(exc *Exception) {
	kept := exc.deferClose[:0]
	for _, g := range exc.deferClose {
		if g.kind == kindCoroutine && !g.started {
			in.cycleCoros = append(in.cycleCoros, g)
			continue
		}
		kept = append(kept, g)
	}
	exc.deferClose = kept
}

// warnCycleCoros prints the warnings of HoldUntilExit's coroutines.
func (in *Interpreter) warnCycleCoros() {
	gs := in.cycleCoros
	in.cycleCoros = nil
	for _, g := range gs {
		if g.closed || g.started {
			continue
		}
		g.closed = true
		msg := "sys:1: RuntimeWarning: coroutine '" + g.qualname + "' was never awaited\n"
		if !in.endedByExc {
			// Freed by the collection at exit, while the warnings module
			// runs; after an uncaught exception, only at the teardown.
			msg += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
		}
		in.writeStderr(msg)
	}
}

// freshCoroutines returns items as coroutines when they are unstarted
// coroutines and the last ones created, in order (a display of calls,
// [f(), g()]); nil otherwise.
func (in *Interpreter) freshCoroutines(items []Value) []*Coroutine {
	if len(items) == 0 {
		return nil
	}
	in.coroMu.Lock()
	defer in.coroMu.Unlock()
	n := len(in.coroutines)
	if n < len(items) {
		return nil
	}
	out := make([]*Coroutine, len(items))
	for i, v := range items {
		c, ok := v.o.(*Coroutine)
		if !ok || c.started || c.closed || in.coroutines[n-len(items)+i] != c {
			return nil
		}
		out[i] = c
	}
	return out
}
