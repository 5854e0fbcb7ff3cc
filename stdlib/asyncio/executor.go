package asyncio

import (
	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// Executors: loop.run_in_executor with a concurrent.futures executor (its
// submit() future wrapped by asyncio.wrap_future), set_default_executor and
// shutdown_default_executor. Without a default executor, run_in_executor
// (None, ...) runs on pya's own worker goroutines (runtime.RunInExecutor),
// which behave as CPython's default ThreadPoolExecutor for the program.

func loopRunInExecutor(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, rest, err := loopOf("run_in_executor", args)
	if err != nil {
		return vm.NULL, err
	}
	if len(kw) > 0 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "run_in_executor() takes no keyword arguments")
	}
	if len(rest) < 2 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "run_in_executor() missing required positional arguments: 'executor' and 'func'")
	}
	ex := rest[0]
	if ex.IsNone() {
		ex = l.DefaultExecutor()
	}
	if ex.IsNull() {
		f, err := l.RunInExecutor(rest[1], rest[2:], nil)
		if err != nil {
			return vm.NULL, err
		}
		return f.Value(), nil
	}
	if l.IsClosed() {
		return vm.NULL, vm.NewError(vm.RuntimeErrorType, "Event loop is closed")
	}
	submit, err := vm.GetAttr(th, ex, "submit")
	if err != nil {
		return vm.NULL, err
	}
	cf, err := th.Call(submit, rest[1:], nil)
	if err != nil {
		return vm.NULL, err
	}
	f, err := l.WrapConcurrent(th, cf)
	if err != nil {
		return vm.NULL, err
	}
	return f.Value(), nil
}

// wrapFuture is asyncio.wrap_future(future, *, loop=None).
func wrapFuture(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("wrap_future", args, kw, "future", "$loop?")
	if err != nil {
		return vm.NULL, err
	}
	if runtime.AsFuture(a[0]) != nil {
		return a[0], nil
	}
	ok, err := isConcurrentFuture(th, a[0])
	if err != nil {
		return vm.NULL, err
	}
	if !ok {
		r, err := vm.Repr(th, a[0])
		if err != nil {
			return vm.NULL, err
		}
		return vm.NULL, vm.NewError(vm.AssertionErrorType, "concurrent.futures.Future is expected, got %s", r)
	}
	var l *runtime.Loop
	if a[1].IsNull() || a[1].IsNone() {
		l, err = runtime.GetEventLoop(th)
	} else {
		l, err = loopArg(th, a[1])
	}
	if err != nil {
		return vm.NULL, err
	}
	f, err := l.WrapConcurrent(th, a[0])
	if err != nil {
		return vm.NULL, err
	}
	return f.Value(), nil
}

// concurrentClass returns concurrent.futures.NAME (importing the module).
func concurrentClass(th *vm.Thread, name string) (vm.Value, error) {
	m, err := th.Import("concurrent.futures", nil, vm.NewTuple([]vm.Value{vm.NewStr(name)}), 0)
	if err != nil {
		return vm.NULL, err
	}
	return vm.GetAttr(th, m, name)
}

// isInstance is isinstance(v, cls) for a class cls.
func isInstance(v, cls vm.Value) bool {
	t, ok := cls.Object().(*vm.Type)
	return ok && v.Type().IsSubtype(t)
}

func isConcurrentFuture(th *vm.Thread, v vm.Value) (bool, error) {
	cls, err := concurrentClass(th, "Future")
	if err != nil {
		return false, err
	}
	return isInstance(v, cls), nil
}

func loopSetDefaultExecutor(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, rest, err := loopOf("set_default_executor", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("set_default_executor", rest, kw, "executor")
	if err != nil {
		return vm.NULL, err
	}
	cls, err := concurrentClass(th, "ThreadPoolExecutor")
	if err != nil {
		return vm.NULL, err
	}
	if !isInstance(a[0], cls) {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "executor must be ThreadPoolExecutor instance")
	}
	l.SetDefaultExecutor(a[0])
	return vm.None, nil
}

// shutdownDefaultExecutor is loop.shutdown_default_executor(): the default
// executor's shutdown(wait=True) runs on a worker thread while the loop
// goes on; without one there is nothing to wait for.
func shutdownDefaultExecutor(th *vm.Thread, l *runtime.Loop) (vm.Value, error) {
	ex := l.DefaultExecutor()
	if ex.IsNull() {
		return runtime.NewSleep(0, vm.None), nil
	}
	shutdown, err := vm.GetAttr(th, ex, "shutdown")
	if err != nil {
		return vm.NULL, err
	}
	return runtime.NewToThread(shutdown, []vm.Value{vm.True}, []string{"wait"}), nil
}
