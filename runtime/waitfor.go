package runtime

import "github.com/pya-lang/pya/vm"

// waitForCoro is CPython 3.11's tasks.wait_for, as a state machine. The
// inner coroutine _cancel_and_wait is inlined (it is awaited directly in
// CPython, so it costs no extra task or loop turn).
type waitForCoro struct {
	nativeCoro
	aw      vm.Value
	timeout vm.Value // None or a number
	state   uint8

	sub     Resumable // timeout None: `return await fut`
	fut     *Future
	waiter  *Future
	handle  *Handle
	cancelW *Future       // _cancel_and_wait's waiter
	pending *vm.Exception // the CancelledError to re-raise after _cancel_and_wait
}

const (
	wfStart     uint8 = iota
	wfDelegate        // timeout is None
	wfZeroWait        // timeout <= 0: in _cancel_and_wait
	wfWaiting         // await waiter
	wfCancelExc       // in _cancel_and_wait after our own cancellation
	wfCancelTO        // in _cancel_and_wait after the timeout
)

// NewWaitFor returns the coroutine asyncio.wait_for(aw, timeout).
func NewWaitFor(aw, timeout vm.Value) vm.Value {
	return vm.ObjectValue(&waitForCoro{nativeCoro: nativeCoro{qualname: "wait_for"}, aw: aw, timeout: timeout})
}

// NeverAwaited implements vm.UnawaitedReporter: an unawaited wait_for()
// drops the awaitable it was given too.
func (w *waitForCoro) NeverAwaited() (string, []vm.Value, bool) {
	if w.state != wfStart {
		return "", nil, false
	}
	name, _, ok := w.nativeCoro.NeverAwaited()
	return name, []vm.Value{w.aw}, ok
}

func (w *waitForCoro) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if w.finished {
		return vm.NULL, false, reused()
	}
	switch w.state {
	case wfStart:
		if exc != nil {
			return w.fail(exc)
		}
		return w.start(th)
	case wfDelegate:
		r, done, err := w.sub.Resume(th, v, exc)
		if err != nil {
			return w.fail(err)
		}
		if done {
			return w.finish(r)
		}
		return r, false, nil
	case wfZeroWait:
		w.fut.removeGoCallback(releaseWaiter, w.cancelW)
		if exc != nil {
			return w.fail(exc)
		}
		return w.resultOrTimeout()
	case wfWaiting:
		if exc != nil {
			if !isCancelled(exc) {
				w.handle.Cancel()
				return w.fail(exc)
			}
			if w.fut.Done() {
				w.handle.Cancel()
				return w.futResult()
			}
			w.fut.removeGoCallback(releaseWaiter, w.waiter)
			w.pending = exc
			w.state = wfCancelExc
			return w.cancelAndWait()
		}
		if w.fut.Done() {
			w.handle.Cancel()
			return w.futResult()
		}
		w.fut.removeGoCallback(releaseWaiter, w.waiter)
		w.state = wfCancelTO
		return w.cancelAndWait()
	case wfCancelExc:
		w.fut.removeGoCallback(releaseWaiter, w.cancelW)
		w.handle.Cancel()
		if exc != nil {
			return w.fail(exc)
		}
		return w.fail(w.pending)
	default: // wfCancelTO
		w.fut.removeGoCallback(releaseWaiter, w.cancelW)
		w.handle.Cancel()
		if exc != nil {
			return w.fail(exc)
		}
		return w.resultOrTimeout()
	}
}

func (w *waitForCoro) start(th *vm.Thread) (vm.Value, bool, error) {
	l, err := GetRunningLoop(th)
	if err != nil {
		return w.fail(err)
	}
	if w.timeout.IsNone() {
		it, err := awaitIter(th, w.aw)
		if err != nil {
			return w.fail(err)
		}
		w.sub = it
		w.state = wfDelegate
		return w.Resume(th, vm.None, nil)
	}
	timeout, err := toSeconds(w.timeout)
	if err != nil {
		return w.fail(err)
	}
	if timeout <= 0 {
		f, err := EnsureFuture(th, w.aw, l)
		if err != nil {
			return w.fail(err)
		}
		w.fut = f
		if f.Done() {
			return w.futResult()
		}
		w.state = wfZeroWait
		return w.cancelAndWait()
	}
	w.waiter = newWaiter(l, "wait_for()")
	w.handle = l.CallLater(timeout, releaseWaiter, w.waiter, vm.NULL)
	f, err := EnsureFuture(th, w.aw, l)
	if err != nil {
		w.handle.Cancel()
		return w.fail(err)
	}
	w.fut = f
	f.AddDoneCallback(releaseWaiter, w.waiter)
	if l.rec != nil {
		l.rec.note(w.waiter, "wait_for", "wait_for(timeout="+formatDelay(timeout)+")", []*Future{f})
	}
	w.state = wfWaiting
	return yieldFuture(w.waiter)
}

// cancelAndWait is the first half of tasks._cancel_and_wait.
func (w *waitForCoro) cancelAndWait() (vm.Value, bool, error) {
	w.cancelW = newWaiter(w.fut.loop, "wait_for() cancelling "+w.fut.loop.describeWaiter(w.fut))
	w.fut.AddDoneCallback(releaseWaiter, w.cancelW)
	if r := w.fut.loop.rec; r != nil {
		r.note(w.cancelW, "task", "its cancellation", []*Future{w.fut})
	}
	cancelFuture(w.fut, vm.NULL)
	return yieldFuture(w.cancelW)
}

func (w *waitForCoro) futResult() (vm.Value, bool, error) {
	r, err := w.fut.Result()
	if err != nil {
		return w.fail(err)
	}
	return w.finish(r)
}

// resultOrTimeout returns fut's result, turning its cancellation into
// TimeoutError (raised from the CancelledError).
func (w *waitForCoro) resultOrTimeout() (vm.Value, bool, error) {
	r, err := w.fut.Result()
	if err != nil {
		if e := asException(err); isCancelled(e) {
			return w.fail(timeoutFrom(e))
		}
		return w.fail(err)
	}
	return w.finish(r)
}

// timeoutFrom makes `raise TimeoutError() from cause`.
func timeoutFrom(cause *vm.Exception) *vm.Exception {
	t := vm.NewException(vm.TimeoutErrorType)
	t.Cause = cause
	t.Context = cause
	t.Suppress = true
	return t
}

// toSeconds converts an int or float timeout.
func toSeconds(v vm.Value) (float64, error) {
	v = vm.NumPayload(v) // int and float subclasses by value
	switch {
	case v.IsFloat():
		return v.AsFloat(), nil
	case v.IsInt(), v.IsBool():
		return float64(v.AsInt()), nil
	}
	return 0, vm.NewError(vm.TypeErrorType, "'%s' object cannot be interpreted as a number of seconds", v.Type().Name)
}
