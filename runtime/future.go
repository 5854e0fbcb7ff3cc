package runtime

import (
	"reflect"

	"github.com/pya-lang/pya/vm"
)

// funcID identifies a Go callback function (for remove_done_callback; never
// on a hot path).
func funcID(fn callFunc) uintptr { return reflect.ValueOf(fn).Pointer() }

// Future states (futures._PENDING, _CANCELLED, _FINISHED).
const (
	statePending uint8 = iota
	stateCancelled
	stateFinished
)

// futCallback is a done callback: a Go function (fn, arg) or, when fn is
// callPython, a Python callable and its context held by arg (*pyCallback).
type futCallback struct {
	fn  callFunc
	arg any
}

// Future is asyncio.Future (the C _asyncio.Future): a result that arrives
// later. Done callbacks are scheduled with call_soon when it completes.
//
// It is kept small (112 bytes): every blocked task holds a Task and usually
// a waiter future, so their size is the memory a blocked task costs. Fields
// that few futures use live in more.
type Future struct {
	loop *Loop
	// task is the Task this future is the base of (the Python object is
	// then the task), nil for a plain future.
	task      *Task
	result    vm.Value
	exc       *vm.Exception
	callbacks callbackList

	// waitDesc says what a waiter future stands for in deadlock reports
	// ("Queue.get()", "Lock.acquire()", ...); empty for plain futures.
	waitDesc string

	more *futureMore

	state uint8
	// Blocking is _asyncio_future_blocking: set by __await__ when it yields
	// the future to the task that drives it.
	Blocking     bool
	logTraceback bool // an exception was set and never retrieved
	// quiet suppresses "exception was never retrieved" for a future that
	// its task stopped waiting for (deadlock delivery).
	quiet bool
}

// futureMore holds the fields of the few futures that are cancelled with a
// message, or gather's outer future.
type futureMore struct {
	cancelMsg    vm.Value      // cancel(msg)
	cancelledExc *vm.Exception // the CancelledError that cancelled a task, for chaining
	gather       *gatherState  // set on the _GatheringFuture returned by gather
	sub          *vm.Sub       // an instance of a user subclass of Future
}

// extra returns f.more, allocating it on first use.
func (f *Future) extra() *futureMore {
	if f.more == nil {
		f.more = &futureMore{}
	}
	return f.more
}

// cancelMsg returns the message given to cancel (NULL when none).
func (f *Future) cancelMsg() vm.Value {
	if f.more == nil {
		return vm.NULL
	}
	return f.more.cancelMsg
}

// setCancelMsg records cancel's message; a NULL message on a future that
// never had one costs no allocation.
func (f *Future) setCancelMsg(msg vm.Value) {
	if f.more != nil || !msg.IsNull() {
		f.extra().cancelMsg = msg
	}
}

// gather returns the gather state of a _GatheringFuture, else nil.
func (f *Future) gather() *gatherState {
	if f.more == nil {
		return nil
	}
	return f.more.gather
}

// NewFuture returns a pending future on l (loop.create_future()).
func NewFuture(l *Loop) *Future { return &Future{loop: l} }

// newWaiter returns a pending future described as desc in deadlock reports.
func newWaiter(l *Loop, desc string) *Future {
	f := NewFuture(l)
	f.waitDesc = desc
	return f
}

func (f *Future) Type() *vm.Type {
	if f.more != nil {
		if f.more.gather != nil {
			return GatheringFutureType
		}
		if f.more.sub != nil {
			return f.more.sub.Type
		}
	}
	return FutureType
}

// SubOf implements vm.SubHolder (class F(asyncio.Future)).
func (f *Future) SubOf() *vm.Sub {
	if f.more == nil {
		return nil
	}
	return f.more.sub
}

// SetSub records that f is an instance of a user subclass of Future.
func (f *Future) SetSub(sub *vm.Sub) {
	if sub != nil {
		f.extra().sub = sub
	}
}

// Value returns the Python object of the future (the Task for a task).
func (f *Future) Value() vm.Value {
	if f.task != nil {
		return vm.ObjectValue(f.task)
	}
	return vm.ObjectValue(f)
}

// Loop returns the future's loop.
func (f *Future) Loop() *Loop { return f.loop }

// Done reports whether the future is finished or cancelled.
func (f *Future) Done() bool { return f.state != statePending }

// Cancelled reports whether the future was cancelled.
func (f *Future) Cancelled() bool { return f.state == stateCancelled }

// makeCancelledError is Future._make_cancelled_error.
func (f *Future) makeCancelledError() *vm.Exception {
	if m := f.more; m != nil && m.cancelledExc != nil {
		e := m.cancelledExc
		m.cancelledExc = nil
		return e
	}
	return newCancelledError(f.cancelMsg())
}

// Result is future.result().
func (f *Future) Result() (vm.Value, error) {
	switch f.state {
	case stateCancelled:
		return vm.NULL, f.makeCancelledError()
	case statePending:
		return vm.NULL, vm.NewError(InvalidStateErrorType, "Result is not set.")
	}
	f.logTraceback = false
	if f.exc != nil {
		return vm.NULL, f.exc
	}
	return f.result, nil
}

// Exception is future.exception(): the exception or nil.
func (f *Future) Exception() (*vm.Exception, error) {
	switch f.state {
	case stateCancelled:
		return nil, f.makeCancelledError()
	case statePending:
		return nil, vm.NewError(InvalidStateErrorType, "Exception is not set.")
	}
	f.logTraceback = false
	return f.exc, nil
}

// SetResult is future.set_result(v).
func (f *Future) SetResult(v vm.Value) error {
	if f.state != statePending {
		return f.invalidState()
	}
	f.result = v
	f.state = stateFinished
	f.scheduleCallbacks()
	return nil
}

func (f *Future) invalidState() error {
	return vm.NewError(InvalidStateErrorType, "invalid state")
}

// SetException is future.set_exception(exc) for an exception instance.
func (f *Future) SetException(exc *vm.Exception) error {
	if f.state != statePending {
		return f.invalidState()
	}
	if exc.IsInstance(vm.StopIterationType) {
		return vm.NewError(vm.TypeErrorType, "StopIteration interacts badly with generators and cannot be raised into a Future")
	}
	f.exc = exc
	f.state = stateFinished
	f.scheduleCallbacks()
	f.logTraceback = true
	if f.loop != nil {
		f.loop.trackUnretrieved(f)
	}
	return nil
}

// Cancel is Future.cancel(msg): false when already done.
func (f *Future) Cancel(msg vm.Value) bool {
	f.logTraceback = false
	if f.state != statePending {
		return false
	}
	f.state = stateCancelled
	f.setCancelMsg(msg)
	f.scheduleCallbacks()
	return true
}

// scheduleCallbacks is __schedule_callbacks: each done callback is called
// soon, in registration order, with the future.
func (f *Future) scheduleCallbacks() {
	cbs := f.callbacks
	f.callbacks = callbackList{}
	if cbs.first.fn == nil {
		return
	}
	v := f.Value()
	f.loop.callSoon(cbs.first.fn, cbs.first.arg, v)
	if cbs.rest != nil {
		for _, cb := range *cbs.rest {
			f.loop.callSoon(cb.fn, cb.arg, v)
		}
	}
}

// AddDoneCallback registers fn(arg, future); if the future is done it is
// scheduled at once.
func (f *Future) AddDoneCallback(fn callFunc, arg any) {
	if f.state != statePending {
		f.loop.callSoon(fn, arg, f.Value())
		return
	}
	f.callbacks.add(futCallback{fn, arg})
}

// removeGoCallback removes the Go callbacks (fn, arg) and returns how many.
func (f *Future) removeGoCallback(fn callFunc, arg any) int {
	return f.callbacks.removeIf(func(cb futCallback) bool {
		return cb.arg == arg && funcID(cb.fn) == funcID(fn)
	})
}

// pyCallback is a Python done callback and the context it runs in
// (add_done_callback's context=, by default a copy of the context current
// when it was added).
type pyCallback struct {
	fn  vm.Value
	ctx *vm.Context
}

// AddPyDoneCallback registers a Python callable, to run in a copy of the
// loop thread's current context.
func (f *Future) AddPyDoneCallback(fn vm.Value) {
	f.AddPyDoneCallbackIn(fn, nil)
}

// AddPyDoneCallbackIn registers a Python callable to run in ctx (nil: a
// copy of the loop thread's current context).
func (f *Future) AddPyDoneCallbackIn(fn vm.Value, ctx *vm.Context) {
	if ctx == nil {
		ctx = f.loop.th.CopyContext()
	}
	f.AddDoneCallback(callPython, &pyCallback{fn: fn, ctx: ctx})
}

// RemovePyDoneCallback is remove_done_callback(fn): it removes the Python
// callbacks equal to fn and returns how many were removed.
func (f *Future) RemovePyDoneCallback(th *vm.Thread, fn vm.Value) (int, error) {
	n := 0
	var kept []futCallback
	for _, cb := range f.callbacks.slice() {
		if p, ok := cb.arg.(*pyCallback); ok { // only callPython takes a *pyCallback
			eq := p.fn.Is(fn)
			if !eq {
				var err error
				if eq, err = vm.Equal(th, p.fn, fn); err != nil {
					return 0, err
				}
			}
			if eq {
				n++
				continue
			}
		}
		kept = append(kept, cb)
	}
	f.callbacks.set(kept)
	return n, nil
}

// callPython calls the Python done callback arg (*pyCallback) with the
// future, in the callback's context.
func callPython(arg any, fut vm.Value) error {
	p := arg.(*pyCallback)
	f := fut.Object()
	var th *vm.Thread
	switch x := f.(type) {
	case *Future:
		th = x.loop.th
	case *Task:
		th = x.loop.th
	}
	_, err := callInContext(th, p.ctx, p.fn, []vm.Value{fut})
	return err
}

// callInContext is ctx.run(fn, *args) on th (ctx nil: a plain call).
func callInContext(th *vm.Thread, ctx *vm.Context, fn vm.Value, args []vm.Value) (vm.Value, error) {
	if ctx == nil {
		return th.Call(fn, args, nil)
	}
	if err := th.EnterContext(ctx); err != nil {
		return vm.NULL, err
	}
	r, err := th.Call(fn, args, nil)
	th.ExitContext(ctx)
	return r, err
}

// asFuture returns the *Future of a Future or Task value, or nil.
func asFuture(v vm.Value) *Future {
	switch x := v.Object().(type) {
	case *Future:
		return x
	case *Task:
		return &x.Future
	}
	return nil
}

// AsFuture is asFuture for the bindings.
func AsFuture(v vm.Value) *Future { return asFuture(v) }

// ExceptionNoMark is f's exception (nil when none), without marking it
// retrieved (future._exception).
func (f *Future) ExceptionNoMark() *vm.Exception { return f.exc }
