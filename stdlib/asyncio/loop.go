package asyncio

import (
	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

func init() {
	methods(runtime.LoopType, map[string]vm.NativeFunc{
		"run_until_complete":        holding(loopRunUntilComplete),
		"run_forever":               loopNoArgs("run_forever", func(th *vm.Thread, l *runtime.Loop) (vm.Value, error) { return vm.None, l.RunForever() }),
		"stop":                      loopNoArgs("stop", func(th *vm.Thread, l *runtime.Loop) (vm.Value, error) { l.Stop(); return vm.None, nil }),
		"close":                     loopNoArgs("close", func(th *vm.Thread, l *runtime.Loop) (vm.Value, error) { return vm.None, l.Close() }),
		"is_running":                loopNoArgs("is_running", func(th *vm.Thread, l *runtime.Loop) (vm.Value, error) { return vm.Bool(l.IsRunning()), nil }),
		"is_closed":                 loopNoArgs("is_closed", func(th *vm.Thread, l *runtime.Loop) (vm.Value, error) { return vm.Bool(l.IsClosed()), nil }),
		"time":                      loopNoArgs("time", func(th *vm.Thread, l *runtime.Loop) (vm.Value, error) { return vm.Float(l.Time()), nil }),
		"get_debug":                 loopNoArgs("get_debug", func(th *vm.Thread, l *runtime.Loop) (vm.Value, error) { return vm.Bool(l.Debug()), nil }),
		"get_task_factory":          loopNoArgs("get_task_factory", func(th *vm.Thread, l *runtime.Loop) (vm.Value, error) { return l.TaskFactory(), nil }),
		"set_task_factory":          loopSetTaskFactory,
		"create_future":             loopNoArgs("create_future", func(th *vm.Thread, l *runtime.Loop) (vm.Value, error) { return runtime.NewFuture(l).Value(), nil }),
		"get_exception_handler":     loopNoArgs("get_exception_handler", func(th *vm.Thread, l *runtime.Loop) (vm.Value, error) { return orNone(l.ExceptionHandler()), nil }),
		"shutdown_asyncgens":        loopNoArgs("shutdown_asyncgens", func(th *vm.Thread, l *runtime.Loop) (vm.Value, error) { return l.ShutdownAsyncgens(), nil }),
		"shutdown_default_executor": loopNoArgs("shutdown_default_executor", shutdownDefaultExecutor),
		"set_default_executor":      loopSetDefaultExecutor,
		"set_debug":                 loopSetDebug,
		"create_task":               holding(loopCreateTask),
		"call_soon":                 loopCallSoon,
		"call_soon_threadsafe":      loopCallSoonThreadsafe,
		"call_later":                loopCallLater,
		"call_at":                   loopCallAt,
		"run_in_executor":           loopRunInExecutor,
		"set_exception_handler":     loopSetExceptionHandler,
		"default_exception_handler": loopDefaultExceptionHandler,
		"call_exception_handler":    loopCallExceptionHandler,
	})
}

func loopOf(name string, args []vm.Value) (*runtime.Loop, []vm.Value, error) {
	return selfOf[*runtime.Loop](name, runtime.LoopType, args)
}

func loopNoArgs(name string, f func(th *vm.Thread, l *runtime.Loop) (vm.Value, error)) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		l, rest, err := loopOf(name, args)
		if err != nil {
			return vm.NULL, err
		}
		if _, err := parse(name, rest, kw); err != nil {
			return vm.NULL, err
		}
		return f(th, l)
	}
}

func loopSetDebug(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, rest, err := loopOf("set_debug", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("set_debug", rest, kw, "enabled")
	if err != nil {
		return vm.NULL, err
	}
	b, err := vm.Truth(th, a[0])
	l.SetDebug(b)
	return vm.None, err
}

func loopRunUntilComplete(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, rest, err := loopOf("run_until_complete", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("run_until_complete", rest, kw, "future")
	if err != nil {
		return vm.NULL, err
	}
	return l.RunUntilComplete(th, a[0])
}

func loopCreateTask(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, rest, err := loopOf("create_task", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("create_task", rest, kw, "coro", "$name?", "$context?")
	if err != nil {
		return vm.NULL, err
	}
	name := vm.NULL
	if !a[1].IsNull() && !a[1].IsNone() {
		s, err := vm.ToStr(th, a[1])
		if err != nil {
			return vm.NULL, err
		}
		name = vm.NewStr(s)
	}
	ctx, err := contextOf(th, a[2])
	if err != nil {
		return vm.NULL, err
	}
	t, err := l.CreateTask(a[0], name, ctx)
	if err != nil {
		return vm.NULL, err
	}
	return t.Value(), nil
}

// callbackArgs splits (callback, *args, context=None) into a handle whose
// callback runs in the context (None: a copy of the current one).
func callbackArgs(th *vm.Thread, fname string, args []vm.Value, kw []string) (*runtime.Handle, error) {
	n := len(args) - len(kw)
	ctx := vm.NULL
	for i, k := range kw {
		if k != "context" {
			return nil, vm.NewError(vm.TypeErrorType, "%s() got an unexpected keyword argument '%s'", fname, k)
		}
		ctx = args[n+i]
	}
	if n < 1 {
		return nil, vm.NewError(vm.TypeErrorType, "%s() missing 1 required positional argument: 'callback'", fname)
	}
	if err := checkCallable(fname, args[0]); err != nil {
		return nil, err
	}
	c, err := contextOf(th, ctx)
	if err != nil {
		return nil, err
	}
	h := runtime.NewPyHandle(args[0], args[1:n])
	h.SetContext(c)
	return h, nil
}

// optContext converts an optional context= argument: nil when it is
// None or absent (the callee picks its default).
func optContext(th *vm.Thread, v vm.Value) (*vm.Context, error) {
	if v.IsNull() || v.IsNone() {
		return nil, nil
	}
	return contextOf(th, v)
}

// contextOf converts a context= argument: a contextvars.Context, or
// None/absent for a copy of th's current context.
func contextOf(th *vm.Thread, v vm.Value) (*vm.Context, error) {
	if v.IsNull() || v.IsNone() {
		return th.CopyContext(), nil
	}
	c, ok := v.Object().(*vm.Context)
	if !ok {
		return nil, vm.NewError(vm.TypeErrorType, "context must be a contextvars.Context, not %s", v.Type().Name)
	}
	return c, nil
}

func checkCallable(fname string, fn vm.Value) error {
	if fn.Type().Call == nil {
		if _, ok := fn.Object().(*vm.Builtin); !ok {
			return vm.NewError(vm.TypeErrorType, "a callable object was expected by %s(), got %s", fname, fn.Type().Name)
		}
	}
	return nil
}

func loopCallSoon(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, rest, err := loopOf("call_soon", args)
	if err != nil {
		return vm.NULL, err
	}
	h, err := callbackArgs(th, "call_soon", rest, kw)
	if err != nil {
		return vm.NULL, err
	}
	if err := l.CallSoonHandle(h); err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(h), nil
}

func loopCallSoonThreadsafe(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, rest, err := loopOf("call_soon_threadsafe", args)
	if err != nil {
		return vm.NULL, err
	}
	h, err := callbackArgs(th, "call_soon_threadsafe", rest, kw)
	if err != nil {
		return vm.NULL, err
	}
	if err := l.CallSoonThreadsafe(h); err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(h), nil
}

func loopCallLater(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	return callTimed(th, "call_later", args, kw, true)
}

func loopCallAt(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	return callTimed(th, "call_at", args, kw, false)
}

func callTimed(th *vm.Thread, fname string, args []vm.Value, kw []string, relative bool) (vm.Value, error) {
	l, rest, err := loopOf(fname, args)
	if err != nil {
		return vm.NULL, err
	}
	if len(rest)-len(kw) < 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "%s() missing 2 required positional arguments", fname)
	}
	t, err := seconds(rest[0])
	if err != nil {
		return vm.NULL, err
	}
	h, err := callbackArgs(th, fname, rest[1:], kw)
	if err != nil {
		return vm.NULL, err
	}
	if relative {
		t += l.Time()
	}
	if err := l.CallAtHandle(t, h); err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(h), nil
}

func loopSetExceptionHandler(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, rest, err := loopOf("set_exception_handler", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("set_exception_handler", rest, kw, "handler")
	if err != nil {
		return vm.NULL, err
	}
	if !a[0].IsNone() {
		if err := checkCallable("set_exception_handler", a[0]); err != nil {
			r, _ := vm.Repr(th, a[0])
			return vm.NULL, vm.NewError(vm.TypeErrorType, "A callable object or None is expected, got %s", r)
		}
	}
	l.SetExceptionHandler(a[0])
	return vm.None, nil
}

// contextArg converts a context dict to the runtime's form.
func contextArg(th *vm.Thread, v vm.Value) (*runtime.ExcContext, error) {
	d, ok := v.Object().(*vm.Dict)
	if !ok {
		return nil, vm.NewError(vm.TypeErrorType, "context must be a dict, not %s", v.Type().Name)
	}
	ctx := &runtime.ExcContext{}
	if m, ok := d.GetStr("message"); ok {
		s, err := vm.ToStr(th, m)
		if err != nil {
			return nil, err
		}
		ctx.Message = s
	}
	if e, ok := d.GetStr("exception"); ok {
		ctx.Exception, _ = e.Object().(*vm.Exception)
	}
	if f, ok := d.GetStr("future"); ok {
		ctx.Future = f
	}
	if t, ok := d.GetStr("task"); ok {
		ctx.Task = t
	}
	if h, ok := d.GetStr("handle"); ok {
		ctx.Handle = h
	}
	return ctx, nil
}

func loopDefaultExceptionHandler(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, rest, err := loopOf("default_exception_handler", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("default_exception_handler", rest, kw, "context")
	if err != nil {
		return vm.NULL, err
	}
	ctx, err := contextArg(th, a[0])
	if err != nil {
		return vm.NULL, err
	}
	l.DefaultExceptionHandler(ctx)
	return vm.None, nil
}

func loopCallExceptionHandler(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, rest, err := loopOf("call_exception_handler", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("call_exception_handler", rest, kw, "context")
	if err != nil {
		return vm.NULL, err
	}
	ctx, err := contextArg(th, a[0])
	if err != nil {
		return vm.NULL, err
	}
	return vm.None, l.CallExceptionHandler(ctx)
}

func loopSetTaskFactory(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, rest, err := loopOf("set_task_factory", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("set_task_factory", rest, kw, "factory")
	if err != nil {
		return vm.NULL, err
	}
	if !a[0].IsNone() && !vm.IsCallable(a[0]) {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "task factory must be a callable or None")
	}
	l.SetTaskFactory(a[0])
	return vm.None, nil
}
