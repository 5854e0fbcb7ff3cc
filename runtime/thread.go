package runtime

import (
	"github.com/pya-lang/pya/vm"
)

// threadResult carries a worker's outcome back to the loop.
type threadResult struct {
	fut *Future
	r   vm.Value
	err error
}

// newWorkerThread returns an interpreter thread for a worker goroutine,
// sharing th's interpreter (and so its Env).
func newWorkerThread(th *vm.Thread, env *Env) *vm.Thread {
	w := vm.NewThread(th.Interp)
	if th.Interp == nil {
		envsMu.Lock()
		envs[w] = env
		envsMu.Unlock()
	}
	return w
}

// RunInExecutor is loop.run_in_executor(None, fn, *args): fn runs on its
// own goroutine, holding the GIL while it runs pya code; the returned
// future completes on the loop (through the inbox) when fn returns.
func (l *Loop) RunInExecutor(fn vm.Value, args []vm.Value, kwnames []string) (*Future, error) {
	return l.runInThread(fn, args, kwnames, nil, depthExecutor)
}

// The recursion depth of CPython's frames above a function that a worker
// thread of the default executor runs (see Thread.AddDepth): the thread's
// _bootstrap, _bootstrap_inner and run, the pool's _worker and
// _WorkItem.run; to_thread calls it through a partial of context.run, a C
// call that counts one more.
const (
	depthExecutor = 5
	depthToThread = depthExecutor + 1
)

// runInThread is RunInExecutor with fn run in ctx (to_thread passes a copy
// of its caller's context; nil: the worker's own empty context), depth
// levels deep in recursion.
func (l *Loop) runInThread(fn vm.Value, args []vm.Value, kwnames []string, ctx *vm.Context, depth int) (*Future, error) {
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	fut := NewFuture(l)
	fut.waitDesc = "a thread"
	args = append([]vm.Value(nil), args...)
	kwnames = append([]string(nil), kwnames...)
	l.BeginExternal()
	// The worker is a thread of the ThreadSched, as CPython's executor
	// threads are threading.Threads: on the virtual clock its sleeps and
	// waits interleave with the loop's timers (see loopWait).
	Threads(l.th).Start(l.th, func(w *vm.Thread) {
		w.AddDepth(depth)
		var r vm.Value
		var err error
		if ctx == nil {
			r, err = w.Call(fn, args, kwnames)
		} else if err = w.EnterContext(ctx); err == nil {
			r, err = w.Call(fn, args, kwnames)
			w.ExitContext(ctx)
		}
		if w.Interp == nil {
			envsMu.Lock()
			delete(envs, w)
			envsMu.Unlock()
		}
		l.Post(threadDone, &threadResult{fut: fut, r: r, err: err}, vm.NULL, true)
	})
	return fut, nil
}

// threadDone is futures._set_state on the loop's side.
func threadDone(arg any, _ vm.Value) error {
	res := arg.(*threadResult)
	if res.fut.Cancelled() {
		return nil
	}
	if res.err != nil {
		res.fut.SetException(asException(res.err))
	} else {
		res.fut.SetResult(res.r)
	}
	return nil
}

// toThreadCoro is asyncio.to_thread(fn, *args, **kwargs).
type toThreadCoro struct {
	nativeCoro
	fn      vm.Value
	args    []vm.Value
	kwnames []string
	fut     *Future
}

// NewToThread returns the coroutine asyncio.to_thread(fn, *args, **kw).
func NewToThread(fn vm.Value, args []vm.Value, kwnames []string) vm.Value {
	return vm.ObjectValue(&toThreadCoro{nativeCoro: nativeCoro{qualname: "to_thread"}, fn: fn,
		args: append([]vm.Value(nil), args...), kwnames: append([]string(nil), kwnames...)})
}

func (c *toThreadCoro) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if c.finished {
		return vm.NULL, false, reused()
	}
	if c.fut == nil {
		if exc != nil {
			return c.fail(exc)
		}
		l, err := GetRunningLoop(th)
		if err != nil {
			return c.fail(err)
		}
		// to_thread runs fn in a copy of the caller's context.
		f, err := l.runInThread(c.fn, c.args, c.kwnames, th.CopyContext(), depthToThread)
		if err != nil {
			return c.fail(err)
		}
		c.fut = f
		return yieldFuture(f)
	}
	if exc != nil {
		return c.fail(exc)
	}
	r, err := c.fut.Result()
	if err != nil {
		return c.fail(err)
	}
	return c.finish(r)
}
