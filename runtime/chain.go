package runtime

import (
	"github.com/pya-lang/pya/vm"
)

// asyncio.wrap_future: an asyncio Future on a loop that mirrors a
// concurrent.futures.Future completed by another thread (futures.
// _chain_future). The concurrent future's done callback runs on the thread
// that completes it and posts the state copy to the loop's inbox, which is
// call_soon_threadsafe; cancelling the asyncio future cancels the
// concurrent one. The loop waits for the threads that may complete it as
// for any thread of the threading module (Loop.poll, loopWait).

// chainState links a concurrent future (source) to the loop's future.
type chainState struct {
	source vm.Value
	dest   *Future
}

// WrapConcurrent is asyncio.wrap_future(source, loop=l) for a
// concurrent.futures.Future (run_in_executor with an executor returns it).
func (l *Loop) WrapConcurrent(th *vm.Thread, source vm.Value) (*Future, error) {
	add, err := vm.GetAttr(th, source, "add_done_callback")
	if err != nil {
		return nil, err
	}
	c := &chainState{source: source, dest: NewFuture(l)}
	c.dest.AddDoneCallback(chainCheckCancel, c)
	onDone := vm.NewBuiltin("_call_set_state", func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		l.Post(chainCopyState, c, vm.NULL, false)
		return vm.None, nil
	})
	if _, err := th.Call(add, []vm.Value{onDone}, nil); err != nil {
		return nil, err
	}
	return c.dest, nil
}

// chainCheckCancel is _call_check_cancel: the loop's future was cancelled,
// so the concurrent one is too (a no-op once it runs or is done).
func chainCheckCancel(arg any, _ vm.Value) error {
	c := arg.(*chainState)
	if !c.dest.Cancelled() {
		return nil
	}
	_, err := callMethod(c.dest.loop.th, c.source, "cancel")
	return err
}

// chainCopyState is _copy_future_state(source, dest), run on the loop.
func chainCopyState(arg any, _ vm.Value) error {
	c := arg.(*chainState)
	th := c.dest.loop.th
	if c.dest.Cancelled() {
		return nil
	}
	cancelled, err := callMethod(th, c.source, "cancelled")
	if err != nil {
		return err
	}
	if t, err := vm.Truth(th, cancelled); err != nil {
		return err
	} else if t {
		c.dest.Cancel(vm.NULL)
		return nil
	}
	exc, err := callMethod(th, c.source, "exception")
	if err != nil {
		return err
	}
	if e, ok := exc.Object().(*vm.Exception); ok {
		return c.dest.SetException(convertFutureExc(e))
	}
	r, err := callMethod(th, c.source, "result")
	if err != nil {
		return err
	}
	return c.dest.SetResult(r)
}

// convertFutureExc is futures._convert_future_exc: concurrent.futures'
// CancelledError becomes asyncio's (InvalidStateError likewise).
func convertFutureExc(e *vm.Exception) *vm.Exception {
	t := e.Type()
	if t.Module == "concurrent.futures._base" {
		switch t.Name {
		case "CancelledError":
			return vm.NewException(CancelledErrorType, e.Args...)
		case "InvalidStateError":
			return vm.NewException(InvalidStateErrorType, e.Args...)
		}
	}
	return e
}

func callMethod(th *vm.Thread, v vm.Value, name string) (vm.Value, error) {
	m, err := vm.GetAttr(th, v, name)
	if err != nil {
		return vm.NULL, err
	}
	return th.Call(m, nil, nil)
}

// DefaultExecutor is the executor set by loop.set_default_executor, NULL
// when none was (run_in_executor(None, ...) then runs on pya's own worker
// goroutines).
func (l *Loop) DefaultExecutor() vm.Value { return l.defaultExecutor }

// SetDefaultExecutor is loop.set_default_executor (the caller checks that
// ex is a ThreadPoolExecutor).
func (l *Loop) SetDefaultExecutor(ex vm.Value) { l.defaultExecutor = ex }

// threadsafeState is one run_coroutine_threadsafe call: the coroutine to
// run on the loop and the concurrent future the calling thread waits on.
type threadsafeState struct {
	loop     *Loop
	coro, cf vm.Value
	task     *Future
}

// RunCoroutineThreadsafe is the loop's side of asyncio.
// run_coroutine_threadsafe(coro, l): any thread holding the GIL may call
// it with a fresh concurrent.futures.Future cf. The loop wraps coro in a
// task on its next iteration; the task's outcome is copied into cf, and
// cancelling cf cancels the task (futures._chain_future).
func (l *Loop) RunCoroutineThreadsafe(coro, cf vm.Value) {
	l.Post(startThreadsafe, &threadsafeState{loop: l, coro: coro, cf: cf}, vm.NULL, false)
}

// startThreadsafe runs on the loop: ensure_future(coro) chained to cf.
func startThreadsafe(arg any, _ vm.Value) error {
	st := arg.(*threadsafeState)
	th := st.loop.th
	task, err := EnsureFuture(th, st.coro, st.loop)
	if err != nil {
		if ok, e := callMethod(th, st.cf, "set_running_or_notify_cancel"); e == nil && ok.AsBool() {
			if _, e := callMethodArgs(th, st.cf, "set_exception", vm.ObjectValue(asException(err))); e != nil {
				return e
			}
		}
		return err
	}
	st.task = task
	task.AddDoneCallback(setConcurrentState, st)
	add, err := vm.GetAttr(th, st.cf, "add_done_callback")
	if err != nil {
		return err
	}
	// _call_check_cancel, on the thread that cancels cf.
	onDone := vm.NewBuiltin("_call_check_cancel", func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		c, err := callMethod(th, st.cf, "cancelled")
		if err != nil {
			return vm.NULL, err
		}
		if c.AsBool() {
			st.loop.Post(cancelThreadsafeTask, st, vm.NULL, false)
		}
		return vm.None, nil
	})
	_, err = th.Call(add, []vm.Value{onDone}, nil)
	return err
}

func cancelThreadsafeTask(arg any, _ vm.Value) error {
	cancelFuture(arg.(*threadsafeState).task, vm.NULL)
	return nil
}

// setConcurrentState is futures._set_concurrent_future_state: the task's
// outcome goes into the concurrent future.
func setConcurrentState(arg any, _ vm.Value) error {
	st := arg.(*threadsafeState)
	th := st.loop.th
	if st.task.Cancelled() {
		_, err := callMethod(th, st.cf, "cancel")
		return err
	}
	ok, err := callMethod(th, st.cf, "set_running_or_notify_cancel")
	if err != nil || !ok.AsBool() {
		return err
	}
	r, err := st.task.Result()
	if err == nil {
		_, err = callMethodArgs(th, st.cf, "set_result", r)
		return err
	}
	exc := asException(err)
	if isCancelled(exc) {
		m, e := th.Import("concurrent.futures", nil, vm.NewTuple([]vm.Value{vm.NewStr("CancelledError")}), 0)
		if e != nil {
			return e
		}
		ce, e := vm.GetAttr(th, m, "CancelledError")
		if e != nil {
			return e
		}
		v, e := th.Call(ce, exc.Args, nil)
		if e != nil {
			return e
		}
		exc = v.Object().(*vm.Exception)
	}
	_, err = callMethodArgs(th, st.cf, "set_exception", vm.ObjectValue(exc))
	return err
}

func callMethodArgs(th *vm.Thread, v vm.Value, name string, args ...vm.Value) (vm.Value, error) {
	m, err := vm.GetAttr(th, v, name)
	if err != nil {
		return vm.NULL, err
	}
	return th.Call(m, args, nil)
}
