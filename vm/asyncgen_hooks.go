package vm

// Async generator hooks (sys.set_asyncgen_hooks): an event loop installs a
// firstiter hook while it runs, and the VM calls it the first time each
// async generator is iterated (its first __anext__, asend, athrow or
// aclose), so that asyncio.run's shutdown_asyncgens can aclose() the
// generators a program abandoned. The finalizer hook is kept for
// get_asyncgen_hooks but never called: pya has no reference counting to
// tell when a generator becomes unreachable in general. It is called in the
// common case pya can tell: `async for x in agen():` left by break or
// return drops the generator its call created (see owned.go), where
// CPython's reference count falls to zero.

// asyncGenHooks are a thread's hooks; NULL means unset (None in Python).
type asyncGenHooks struct {
	firstIter, finalizer Value
}

// AsyncGenHooks returns the thread's firstiter and finalizer hooks (NULL
// when unset).
func (th *Thread) AsyncGenHooks() (firstIter, finalizer Value) {
	if h := th.agHooks; h != nil {
		return h.firstIter, h.finalizer
	}
	return NULL, NULL
}

// SetAsyncGenHooks sets both hooks (NULL or None unsets one).
func (th *Thread) SetAsyncGenHooks(firstIter, finalizer Value) {
	if firstIter.IsNone() {
		firstIter = NULL
	}
	if finalizer.IsNone() {
		finalizer = NULL
	}
	if firstIter.IsNull() && finalizer.IsNull() {
		th.agHooks = nil
		return
	}
	th.agHooks = &asyncGenHooks{firstIter: firstIter, finalizer: finalizer}
}

// initHooks is CPython's async_gen_init_hooks: on the generator's first
// iteration, call the firstiter hook with it.
func (g *AsyncGenerator) initHooks(th *Thread) error {
	if g.hooksInited {
		return nil
	}
	g.hooksInited = true
	if h := th.agHooks; h != nil {
		g.finalizer = h.finalizer
		if !h.firstIter.IsNull() {
			_, err := th.Call(h.firstIter, []Value{{o: g}}, nil)
			return err
		}
	}
	return nil
}

// dropOwnedAsyncGen is called when POP_TOP discards an owned async
// generator (the loop iterating it ended by break or return): as CPython
// does when the last reference goes, a started, unfinished generator is
// handed to the finalizer hook (the event loop schedules its aclose()).
// Errors of the hook are ignored, as CPython only reports them as
// unraisable.
func (th *Thread) dropOwnedAsyncGen(g *AsyncGenerator) {
	g.owned = false
	if g.frame == nil || !g.started || g.finalizer.IsNull() {
		return
	}
	_, _ = th.Call(g.finalizer, []Value{{o: g}}, nil)
}
