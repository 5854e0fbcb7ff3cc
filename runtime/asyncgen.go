package runtime

import "github.com/pya-lang/pya/vm"

// TrackAsyncGen is the firstiter hook of sys.set_asyncgen_hooks as
// BaseEventLoop installs it: the VM calls it when an async generator is
// first iterated, and the running loop remembers the generator so that
// shutdown_asyncgens (run by asyncio.run) can aclose() the ones left open.
// (pya has no refcounting, so the finalizer hook is never called: open
// generators are all closed at shutdown.)
func TrackAsyncGen(th *vm.Thread, agen vm.Value) {
	if l := RunningLoop(th); l != nil {
		l.trackAsyncGen(agen)
	}
}

func (l *Loop) trackAsyncGen(agen vm.Value) {
	if !l.asyncgensShutdown {
		l.asyncgens = append(l.asyncgens, agen)
	}
}

// finalizeAsyncGen is BaseEventLoop._asyncgen_finalizer_hook, which the
// VM calls when an async generator that was iterated on this loop is
// dropped unfinished: forget it and schedule a task that aclose()s it.
func (l *Loop) finalizeAsyncGen(th *vm.Thread, agen vm.Value) error {
	for i, g := range l.asyncgens {
		if g.Is(agen) {
			l.asyncgens = append(l.asyncgens[:i], l.asyncgens[i+1:]...)
			break
		}
	}
	if l.closed {
		return nil
	}
	m, err := vm.GetAttr(th, agen, "aclose")
	if err != nil {
		return err
	}
	aclose, err := th.Call(m, nil, nil)
	if err != nil {
		return err
	}
	l.callSoon(func(arg any, v vm.Value) error {
		_, err := NewTask(arg.(*Loop), v, vm.NULL)
		return err
	}, l, aclose)
	return nil
}

// installAsyncGenHooks is what run_forever does on entry: it makes the
// loop's hooks the thread's async generator hooks and returns a function
// that restores the previous ones (run_forever's finally).
func (l *Loop) installAsyncGenHooks() (restore func()) {
	oldFirst, oldFin := l.th.AsyncGenHooks()
	self := vm.ObjectValue(l)
	first := vm.ObjectValue(&vm.Builtin{Name: "_asyncgen_firstiter_hook", Self: self, Fn: func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		if len(args) != 2 || len(kwnames) != 0 {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "_asyncgen_firstiter_hook() takes exactly one argument (%d given)", len(args)-1)
		}
		args[0].Object().(*Loop).trackAsyncGen(args[1])
		return vm.None, nil
	}})
	fin := vm.ObjectValue(&vm.Builtin{Name: "_asyncgen_finalizer_hook", Self: self, Fn: func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		if len(args) != 2 || len(kwnames) != 0 {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "_asyncgen_finalizer_hook() takes exactly one argument (%d given)", len(args)-1)
		}
		return vm.None, args[0].Object().(*Loop).finalizeAsyncGen(th, args[1])
	}})
	l.th.SetAsyncGenHooks(first, fin)
	return func() { l.th.SetAsyncGenHooks(oldFirst, oldFin) }
}

// shutdownAsyncgensCoro is loop.shutdown_asyncgens(): aclose() every
// tracked generator concurrently and report the ones that fail.
type shutdownAsyncgensCoro struct {
	nativeCoro
	loop  *Loop
	agens []vm.Value
	g     *Future
}

func newShutdownAsyncgens(l *Loop) vm.Value {
	return vm.ObjectValue(&shutdownAsyncgensCoro{nativeCoro: nativeCoro{qualname: "BaseEventLoop.shutdown_asyncgens"}, loop: l})
}

func (c *shutdownAsyncgensCoro) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if c.finished {
		return vm.NULL, false, reused()
	}
	l := c.loop
	if c.g == nil {
		if exc != nil {
			return c.fail(exc)
		}
		l.asyncgensShutdown = true
		if len(l.asyncgens) == 0 {
			return c.finish(vm.None)
		}
		c.agens, l.asyncgens = l.asyncgens, nil
		aws := make([]vm.Value, len(c.agens))
		for i, ag := range c.agens {
			m, err := vm.GetAttr(th, ag, "aclose")
			if err != nil {
				return c.fail(err)
			}
			if aws[i], err = th.Call(m, nil, nil); err != nil {
				return c.fail(err)
			}
		}
		g, err := Gather(th, aws, true)
		if err != nil {
			return c.fail(err)
		}
		c.g = g
		if !g.Done() {
			return yieldFuture(g)
		}
	}
	if exc != nil {
		return c.fail(exc)
	}
	r, err := c.g.Result()
	if err != nil {
		return c.fail(err)
	}
	if list, ok := r.Object().(*vm.List); ok {
		for i, res := range list.Items {
			if e, ok := res.Object().(*vm.Exception); ok && e.IsInstance(vm.ExceptionType) && i < len(c.agens) {
				rep, _ := safeRepr(th, c.agens[i])
				l.CallExceptionHandler(&ExcContext{
					Message:   "an error occurred during closing of asynchronous generator " + rep,
					Exception: e,
					AsyncGen:  c.agens[i],
				})
			}
		}
	}
	return c.finish(vm.None)
}

// ShutdownAsyncgens returns the coroutine loop.shutdown_asyncgens().
func (l *Loop) ShutdownAsyncgens() vm.Value { return newShutdownAsyncgens(l) }
