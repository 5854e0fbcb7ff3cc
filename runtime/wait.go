package runtime

import "github.com/pya-lang/pya/vm"

// Return conditions of asyncio.wait.
const (
	FirstCompleted = "FIRST_COMPLETED"
	FirstException = "FIRST_EXCEPTION"
	AllCompleted   = "ALL_COMPLETED"
)

// waitCoro is tasks._wait: wait until the futures meet returnWhen or the
// timeout passes, then return (done, pending) sets.
type waitCoro struct {
	nativeCoro
	fs         []*Future
	timeout    vm.Value
	returnWhen string
	waiter     *Future
	handle     *Handle
	counter    int
	started    bool
}

// NewWait returns the coroutine asyncio.wait(fs, timeout=, return_when=)
// for already checked futures (see the binding for the argument checks).
func NewWait(fs []*Future, timeout vm.Value, returnWhen string) vm.Value {
	return vm.ObjectValue(&waitCoro{nativeCoro: nativeCoro{qualname: "wait"}, fs: fs, timeout: timeout, returnWhen: returnWhen})
}

func waitOnCompletion(arg any, v vm.Value) error {
	w := arg.(*waitCoro)
	f := asFuture(v)
	w.counter--
	if w.counter <= 0 || w.returnWhen == FirstCompleted ||
		(w.returnWhen == FirstException && !f.Cancelled() && f.exc != nil) {
		if w.handle != nil {
			w.handle.Cancel()
		}
		if !w.waiter.Done() {
			w.waiter.SetResult(vm.None)
		}
	}
	return nil
}

func (w *waitCoro) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if w.finished {
		return vm.NULL, false, reused()
	}
	if !w.started {
		w.started = true
		if exc != nil {
			return w.fail(exc)
		}
		l, err := GetRunningLoop(th)
		if err != nil {
			return w.fail(err)
		}
		w.waiter = NewFuture(l)
		w.waiter.waitDesc = "wait()"
		if !w.timeout.IsNull() && !w.timeout.IsNone() {
			d, err := toSeconds(w.timeout)
			if err != nil {
				return w.fail(err)
			}
			w.handle = l.CallLater(d, releaseWaiter, w.waiter, vm.NULL)
		}
		w.counter = len(w.fs)
		for _, f := range w.fs {
			f.AddDoneCallback(waitOnCompletion, w)
		}
		if l.rec != nil {
			l.rec.note(w.waiter, "wait", "wait()", w.fs)
		}
		if !w.waiter.Done() {
			return yieldFuture(w.waiter)
		}
	}
	if w.handle != nil {
		w.handle.Cancel()
	}
	for _, f := range w.fs {
		f.removeGoCallback(waitOnCompletion, w)
	}
	if exc != nil {
		return w.fail(exc)
	}
	var done, pending []vm.Value
	for _, f := range w.fs {
		if f.Done() {
			done = append(done, f.Value())
		} else {
			pending = append(pending, f.Value())
		}
	}
	ds, err := makeSet(th, done)
	if err != nil {
		return w.fail(err)
	}
	ps, err := makeSet(th, pending)
	if err != nil {
		return w.fail(err)
	}
	return w.finish(vm.NewTuple([]vm.Value{ds, ps}))
}

// makeSet builds a Python set of items.
func makeSet(th *vm.Thread, items []vm.Value) (vm.Value, error) {
	return th.Call(vm.ObjectValue(vm.SetType), []vm.Value{vm.NewList(items)}, nil)
}

// AsCompleted is the state of asyncio.as_completed(fs, timeout=): each
// Next returns a coroutine (_wait_for_one) giving the next result.
type AsCompleted struct {
	todo      []*Future
	done      *Queue
	handle    *Handle
	remaining int // coroutines still to hand out
}

// NewAsCompleted starts as_completed over fs (already ensured futures).
func NewAsCompleted(th *vm.Thread, l *Loop, fs []*Future, timeout vm.Value) (*AsCompleted, error) {
	a := &AsCompleted{todo: fs, done: NewQueue(FIFOQueue, 0), remaining: len(fs)}
	for _, f := range fs {
		f.AddDoneCallback(asCompletedOnCompletion, a)
	}
	if len(fs) > 0 && !timeout.IsNull() && !timeout.IsNone() {
		d, err := toSeconds(timeout)
		if err != nil {
			return nil, err
		}
		a.handle = l.CallLater(d, asCompletedOnTimeout, a, vm.NULL)
	}
	return a, nil
}

func asCompletedOnTimeout(arg any, _ vm.Value) error {
	a := arg.(*AsCompleted)
	for _, f := range a.todo {
		f.removeGoCallback(asCompletedOnCompletion, a)
		a.done.PutNowait(nil, vm.None)
	}
	a.todo = nil
	return nil
}

func asCompletedOnCompletion(arg any, v vm.Value) error {
	a := arg.(*AsCompleted)
	if len(a.todo) == 0 {
		return nil
	}
	f := asFuture(v)
	for i, x := range a.todo {
		if x == f {
			a.todo = append(a.todo[:i], a.todo[i+1:]...)
			break
		}
	}
	a.done.PutNowait(nil, v)
	if len(a.todo) == 0 && a.handle != nil {
		a.handle.Cancel()
	}
	return nil
}

// Next returns the next _wait_for_one() coroutine, or NULL when all have
// been handed out.
func (a *AsCompleted) Next() vm.Value {
	if a.remaining == 0 {
		return vm.NULL
	}
	a.remaining--
	return vm.ObjectValue(&waitForOne{nativeCoro: nativeCoro{qualname: "as_completed.<locals>._wait_for_one"}, a: a})
}

type waitForOne struct {
	nativeCoro
	a   *AsCompleted
	get *queueOp
}

func (w *waitForOne) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if w.finished {
		return vm.NULL, false, reused()
	}
	if w.get == nil {
		w.get = w.a.done.Get().Object().(*queueOp)
	}
	r, done, err := w.get.Resume(th, v, exc)
	if err != nil {
		return w.fail(err)
	}
	if !done {
		return r, false, nil
	}
	if r.IsNone() {
		return w.fail(vm.NewException(vm.TimeoutErrorType))
	}
	res, err := asFuture(r).Result()
	if err != nil {
		return w.fail(err)
	}
	return w.finish(res)
}
