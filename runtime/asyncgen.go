package runtime

import "github.com/pya-lang/pya/vm"

// TrackAsyncGen is the firstiter hook of sys.set_asyncgen_hooks as
// BaseEventLoop installs it: the VM calls it when an async generator is
// first iterated, and the running loop remembers the generator so that
// shutdown_asyncgens (run by asyncio.run) can aclose() the ones left open.
// (pya has no refcounting, so the finalizer hook has no counterpart: open
// generators are all closed at shutdown.)
func TrackAsyncGen(th *vm.Thread, agen vm.Value) {
	if l := RunningLoop(th); l != nil && !l.asyncgensShutdown {
		l.asyncgens = append(l.asyncgens, agen)
	}
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
				})
			}
		}
	}
	return c.finish(vm.None)
}

// ShutdownAsyncgens returns the coroutine loop.shutdown_asyncgens().
func (l *Loop) ShutdownAsyncgens() vm.Value { return newShutdownAsyncgens(l) }
