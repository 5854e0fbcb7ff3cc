package runtime

import (
	"sync/atomic"

	"github.com/pya-lang/pya/vm"
)

// nativeCoro is embedded by the coroutines written in Go (sleep,
// Lock.acquire, Queue.get, wait_for, ...). Their Python type is "coroutine"
// so that iscoroutine() and create_task() accept them; __await__ returns the
// object itself, and Resume drives it.
type nativeCoro struct {
	qualname string
	finished bool
	warned   bool // the "never awaited" warning was printed
}

// NativeCoroutine is implemented by the coroutines of this package.
type NativeCoroutine interface {
	Resumable
	vm.Object
	native() *nativeCoro
}

func (c *nativeCoro) native() *nativeCoro { return c }
func (c *nativeCoro) Type() *vm.Type      { return NativeCoroType }

// IsNativeCoroutine marks the type for the VM's await (vm.NativeCoroutine).
func (c *nativeCoro) IsNativeCoroutine() {}

// NeverAwaited implements vm.UnawaitedReporter: the VM asks when a
// statement discards the coroutine the call it made returned.
func (c *nativeCoro) NeverAwaited() (string, []vm.Value, bool) {
	if c.finished || c.warned {
		return "", nil, false
	}
	c.warned = true
	return c.qualname, nil, true
}

// QualName is the coroutine's __qualname__ (for reprs).
func (c *nativeCoro) QualName() string { return c.qualname }

// reused is the error of resuming a finished coroutine.
func reused() error {
	return vm.NewError(vm.RuntimeErrorType, "cannot reuse already awaited coroutine")
}

// finish marks the coroutine done and returns its result.
func (c *nativeCoro) finish(v vm.Value) (vm.Value, bool, error) {
	c.finished = true
	return v, true, nil
}

// fail marks the coroutine done with an exception.
func (c *nativeCoro) fail(err error) (vm.Value, bool, error) {
	c.finished = true
	return vm.NULL, false, err
}

// yieldFuture suspends on f: the driving task waits for it.
func yieldFuture(f *Future) (vm.Value, bool, error) {
	f.Blocking = true
	return f.Value(), false, nil
}

// IsCoroutine is asyncio.iscoroutine: a VM coroutine or a native one, or
// (as in CPython 3.11, for generator-based coroutines) a generator.
func IsCoroutine(v vm.Value) bool {
	o := v.Object()
	if o == nil {
		return false
	}
	if _, ok := o.(NativeCoroutine); ok {
		return true
	}
	t := v.Type()
	if _, ok := o.(*vm.Generator); ok || t == vm.AsyncGenASendType || t == vm.AsyncGenAThrowType {
		return true // (the awaitables of async generator methods are Coroutines by ABC)
	}
	return t.Name == "coroutine" && t.Module == "builtins"
}

// envCache remembers the last (thread, env) pair: natives look their loop
// up on every call, and a map lookup under a mutex is too slow for that.
type envCacheEntry struct {
	th  *vm.Thread
	env *Env
}

var envCache atomic.Pointer[envCacheEntry]

func cachedEnv(th *vm.Thread) *Env {
	if c := envCache.Load(); c != nil && c.th == th {
		return c.env
	}
	e := EnvFor(th)
	envCache.Store(&envCacheEntry{th, e})
	return e
}

// GetRunningLoop is asyncio.get_running_loop().
func GetRunningLoop(th *vm.Thread) (*Loop, error) {
	// The loop runs on its own thread only: to_thread workers have none.
	if l := cachedEnv(th).running; l != nil && l.th == th {
		return l, nil
	}
	return nil, vm.NewError(vm.RuntimeErrorType, "no running event loop")
}

// GetEventLoop is asyncio.get_event_loop(): the running loop, else the
// current one, created on first use unless set_event_loop was called
// (asyncio.run calls it), as the 3.11 default policy does.
func GetEventLoop(th *vm.Thread) (*Loop, error) {
	e := cachedEnv(th)
	if e.running != nil {
		return e.running, nil
	}
	if e.current == nil {
		if e.setCalled {
			return nil, vm.NewError(vm.RuntimeErrorType, "There is no current event loop in thread 'MainThread'.")
		}
		e.current = NewLoop(th)
	}
	return e.current, nil
}

// SetEventLoop is asyncio.set_event_loop(l) (nil for None).
func SetEventLoop(th *vm.Thread, l *Loop) {
	e := cachedEnv(th)
	e.current = l
	e.setCalled = true
}

// awaitIter returns the iterator that `await v` delegates to: a coroutine
// itself, a future's FutureIter, or v.__await__().
func awaitIter(th *vm.Thread, v vm.Value) (Resumable, error) {
	if f := asFuture(v); f != nil {
		return NewFutureIter(f), nil
	}
	if IsCoroutine(v) {
		if r, ok := v.Object().(Resumable); ok {
			return r, nil
		}
	}
	m, err := vm.LookupAttr(th, v, "__await__")
	if err != nil {
		return nil, err
	}
	if !m.IsNull() {
		it, err := th.Call(m, nil, nil)
		if err != nil {
			return nil, err
		}
		if r, ok := it.Object().(Resumable); ok {
			return r, nil
		}
		return nil, vm.NewError(vm.TypeErrorType, "__await__() returned non-iterator of type '%s'", it.Type().Name)
	}
	return nil, vm.NewError(vm.TypeErrorType, "object %s can't be used in 'await' expression", v.Type().Name)
}

// EnsureFuture is asyncio.ensure_future(v): futures pass through,
// coroutines become tasks on l (the running or current loop when nil).
func EnsureFuture(th *vm.Thread, v vm.Value, l *Loop) (*Future, error) {
	if f := asFuture(v); f != nil {
		return f, nil
	}
	if IsCoroutineLike(th, v) {
		if l == nil {
			var err error
			if l, err = GetEventLoop(th); err != nil {
				return nil, err
			}
		}
		t, err := l.CreateTask(v, vm.NULL, nil)
		if err != nil {
			return nil, err
		}
		return &t.Future, nil
	}
	m, err := vm.LookupAttr(th, v, "__await__")
	if err != nil {
		return nil, err
	}
	if !m.IsNull() {
		if l == nil {
			if l, err = GetEventLoop(th); err != nil {
				return nil, err
			}
		}
		w := &wrapAwaitable{nativeCoro: nativeCoro{qualname: "_wrap_awaitable"}, aw: v}
		t, err := l.CreateTask(vm.ObjectValue(w), vm.NULL, nil)
		if err != nil {
			return nil, err
		}
		return &t.Future, nil
	}
	return nil, vm.NewError(vm.TypeErrorType, "An asyncio.Future, a coroutine or an awaitable is required")
}

// wrapAwaitable is tasks._wrap_awaitable: `return await awaitable`.
type wrapAwaitable struct {
	nativeCoro
	aw  vm.Value
	sub Resumable
}

func (w *wrapAwaitable) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if w.finished {
		return vm.NULL, false, reused()
	}
	if w.sub == nil {
		if exc != nil {
			return w.fail(exc)
		}
		it, err := awaitIter(th, w.aw)
		if err != nil {
			return w.fail(err)
		}
		w.sub = it
	}
	r, done, err := w.sub.Resume(th, v, exc)
	if err != nil {
		return w.fail(err)
	}
	if done {
		return w.finish(r)
	}
	return r, false, nil
}

// NewDoneCoro returns a coroutine that finishes at once with v.
func NewDoneCoro(name string, v vm.Value) vm.Value { return newDoneCoro(name, v, nil) }

// Discard returns a coroutine that awaits the native coroutine c and
// returns None (`await self.acquire(); return None` of __aenter__).
func Discard(c vm.Value, name string) vm.Value {
	return vm.ObjectValue(&discardCoro{nativeCoro: nativeCoro{qualname: name}, sub: c.Object().(Resumable)})
}

// DiscardAwaited is Discard for any coroutine c (a Python coroutine too:
// an overriding acquire() of a user subclass of Lock).
func DiscardAwaited(th *vm.Thread, c vm.Value, name string) (vm.Value, error) {
	r, ok := asResumable(th, c)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "object %s can't be used in 'await' expression", vm.TypeName(c))
	}
	return vm.ObjectValue(&discardCoro{nativeCoro: nativeCoro{qualname: name}, sub: r}), nil
}

type discardCoro struct {
	nativeCoro
	sub Resumable
}

func (d *discardCoro) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if d.finished {
		return vm.NULL, false, reused()
	}
	r, done, err := d.sub.Resume(th, v, exc)
	if err != nil {
		return d.fail(err)
	}
	if done {
		return d.finish(vm.None)
	}
	return r, false, nil
}

// CoroWrapperType is the type of native_coroutine.__await__() (CPython's
// coroutine_wrapper): an iterator over the coroutine, for `yield from
// coro.__await__()` in a generator-based __await__.
var CoroWrapperType = newType("coroutine_wrapper", "builtins", nil)

type coroWrapper struct{ c Resumable }

func (*coroWrapper) Type() *vm.Type { return CoroWrapperType }

func (w *coroWrapper) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	return w.c.Resume(th, v, exc)
}

// AwaitWrapper returns coro.__await__() for a native coroutine.
func AwaitWrapper(coro vm.Value) vm.Value {
	return vm.ObjectValue(&coroWrapper{c: coro.Object().(Resumable)})
}

// Deferred returns a coroutine named name whose body is start: it runs on
// the first resume and gives the awaitable the coroutine then awaits. It
// is for asyncio's `async def` functions written in Go whose checks (a
// running loop, an empty set of futures) CPython makes only when the
// coroutine runs, e.g. loop.run_until_complete(asyncio.wait(tasks)) called
// outside a running loop.
func Deferred(name string, start func(th *vm.Thread) (vm.Value, error)) vm.Value {
	return vm.ObjectValue(&deferredCoro{nativeCoro: nativeCoro{qualname: name}, start: start})
}

type deferredCoro struct {
	nativeCoro
	start func(th *vm.Thread) (vm.Value, error)
	sub   Resumable
}

func (d *deferredCoro) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if d.finished {
		return vm.NULL, false, reused()
	}
	if d.sub == nil {
		if exc != nil {
			return d.fail(exc)
		}
		aw, err := d.start(th)
		if err != nil {
			return d.fail(err)
		}
		it, err := awaitIter(th, aw)
		if err != nil {
			return d.fail(err)
		}
		d.sub, v = it, vm.None
	}
	r, done, err := d.sub.Resume(th, v, exc)
	if err != nil {
		return d.fail(err)
	}
	if done {
		return d.finish(r)
	}
	return r, false, nil
}
