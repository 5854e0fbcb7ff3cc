// Package asyncio binds pya's event loop (package runtime) as the asyncio
// module: thin wrappers that check arguments CPython's way and call the
// runtime.
package asyncio

import (
	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

func init() {
	vm.RegisterModule("asyncio", initModule)
	vm.RegisterModule("asyncio.exceptions", initExceptions)
}

// exceptionNames are asyncio.exceptions' names (TimeoutError is the builtin).
func exceptionNames() map[string]*vm.Type {
	return map[string]*vm.Type{
		"CancelledError":            runtime.CancelledErrorType,
		"InvalidStateError":         runtime.InvalidStateErrorType,
		"TimeoutError":              vm.TimeoutErrorType,
		"BrokenBarrierError":        runtime.BrokenBarrierErrorType,
		"DeadlockError":             runtime.DeadlockErrorType,
		"SendfileNotAvailableError": runtime.SendfileNotAvailableErrorType,
	}
}

func initModule(th *vm.Thread, m *vm.Module) error {
	d := m.Dict
	for name, fn := range map[string]vm.NativeFunc{
		"run":                      holding(run),
		"sleep":                    sleep,
		"create_task":              holding(createTask),
		"ensure_future":            holding(ensureFuture),
		"gather":                   holding(gather),
		"wait_for":                 holding(waitFor),
		"wait":                     wait,
		"as_completed":             holding(asCompleted),
		"shield":                   holding(shield),
		"timeout":                  timeout,
		"timeout_at":               timeoutAt,
		"current_task":             currentTask,
		"all_tasks":                allTasks,
		"to_thread":                toThread,
		"iscoroutine":              iscoroutine,
		"iscoroutinefunction":      iscoroutinefunction,
		"isfuture":                 isfuture,
		"get_event_loop":           getEventLoop,
		"new_event_loop":           newEventLoop,
		"set_event_loop":           setEventLoop,
		"get_running_loop":         getRunningLoop,
		"_get_running_loop":        getRunningLoopOrNone,
		"run_coroutine_threadsafe": holding(runCoroutineThreadsafe),
		"wrap_future":              wrapFuture,
	} {
		d.SetStr(name, vm.NewBuiltin(name, fn))
	}
	for name, t := range exceptionNames() {
		d.SetStr(name, vm.ObjectValue(t))
	}
	for name, t := range map[string]*vm.Type{
		"Future":            runtime.FutureType,
		"Task":              runtime.TaskType,
		"Handle":            runtime.HandleType,
		"TimerHandle":       runtime.TimerHandleType,
		"Lock":              runtime.LockType,
		"Event":             runtime.EventType,
		"Condition":         runtime.ConditionType,
		"Semaphore":         runtime.SemaphoreType,
		"BoundedSemaphore":  runtime.BoundedSemaphoreType,
		"Barrier":           runtime.BarrierType,
		"Queue":             runtime.QueueType,
		"PriorityQueue":     runtime.PriorityQueueType,
		"LifoQueue":         runtime.LifoQueueType,
		"QueueEmpty":        runtime.QueueEmptyType,
		"QueueFull":         runtime.QueueFullType,
		"Timeout":           runtime.TimeoutType,
		"TaskGroup":         runtime.TaskGroupType,
		"Runner":            runtime.RunnerType,
		"AbstractEventLoop": runtime.LoopType,
	} {
		d.SetStr(name, vm.ObjectValue(t))
	}
	d.SetStr("FIRST_COMPLETED", vm.NewStr(runtime.FirstCompleted))
	d.SetStr("FIRST_EXCEPTION", vm.NewStr(runtime.FirstException))
	d.SetStr("ALL_COMPLETED", vm.NewStr(runtime.AllCompleted))
	exc := &vm.Module{Name: "asyncio.exceptions", Dict: vm.NewDict()}
	if err := initExceptions(th, exc); err != nil {
		return err
	}
	d.SetStr("exceptions", vm.ObjectValue(exc))
	for _, name := range []string{"IncompleteReadError", "LimitOverrunError"} {
		v, _ := exc.Dict.GetStr(name)
		d.SetStr(name, v)
	}
	if th.Interp != nil {
		// import asyncio.exceptions finds this module, not a second copy.
		th.Interp.Modules().SetStr("asyncio.exceptions", vm.ObjectValue(exc))
	}
	installIO(m) // streams and subprocesses (streams.go), loaded on first use
	return nil
}

func run(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("run", args, kw, "main", "$debug?")
	if err != nil {
		return vm.NULL, err
	}
	return runtime.RunDebug(th, a[0], a[1])
}

func sleep(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	var a [2]vm.Value // on the stack: sleep is called per task switch
	if err := vm.ParseArgsInto("sleep", args, kw, []string{"delay", "result?"}, a[:]); err != nil {
		return vm.NULL, err
	}
	return runtime.NewSleepValue(a[0], orNone(a[1])), nil
}

func createTask(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	var a [3]vm.Value // on the stack: called per task
	if err := vm.ParseArgsInto("create_task", args, kw, []string{"coro", "$name?", "$context?"}, a[:]); err != nil {
		return vm.NULL, err
	}
	l, err := runtime.GetRunningLoop(th)
	if err != nil {
		return vm.NULL, err
	}
	ctx, err := optContext(th, a[2]) // nil: NewTaskIn copies the current context
	if err != nil {
		return vm.NULL, err
	}
	t, err := l.CreateTask(a[0], vm.NULL, ctx)
	if err != nil {
		return vm.NULL, err
	}
	if !a[1].IsNull() && !a[1].IsNone() {
		s, err := vm.ToStr(th, a[1])
		if err != nil {
			return vm.NULL, err
		}
		t.SetName(vm.NewStr(s))
	}
	return t.Value(), nil
}

func ensureFuture(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("ensure_future", args, kw, "coro_or_future", "$loop?")
	if err != nil {
		return vm.NULL, err
	}
	var l *runtime.Loop
	if !a[1].IsNull() && !a[1].IsNone() {
		if l, err = loopArg(th, a[1]); err != nil {
			return vm.NULL, err
		}
	}
	f, err := runtime.EnsureFuture(th, a[0], l)
	if err != nil {
		return vm.NULL, err
	}
	return f.Value(), nil
}

func gather(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	n := len(args) - len(kw)
	returnExceptions := false
	for i, k := range kw {
		if k != "return_exceptions" {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "gather() got an unexpected keyword argument '%s'", k)
		}
		b, err := vm.Truth(th, args[n+i])
		if err != nil {
			return vm.NULL, err
		}
		returnExceptions = b
	}
	f, err := runtime.Gather(th, args[:n], returnExceptions)
	if err != nil {
		return vm.NULL, err
	}
	return f.Value(), nil
}

func waitFor(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("wait_for", args, kw, "fut", "timeout")
	if err != nil {
		return vm.NULL, err
	}
	return runtime.NewWaitFor(a[0], a[1]), nil
}

// futuresOf checks the fs argument of wait/as_completed.
func futuresOf(th *vm.Thread, fname string, fs vm.Value, coroutinesOK bool) ([]vm.Value, error) {
	if runtime.AsFuture(fs) != nil || runtime.IsCoroutine(fs) {
		what := "a list"
		if fname == "as_completed" {
			what = "an iterable"
		}
		return nil, vm.NewError(vm.TypeErrorType, "expect %s of futures, not %s", what, fs.Type().Name)
	}
	var items []vm.Value
	seen := map[vm.Object]bool{}
	err := vm.Iterate(th, fs, func(v vm.Value) error {
		if o := v.Object(); o != nil {
			if seen[o] {
				return nil
			}
			seen[o] = true
		}
		items = append(items, v)
		return nil
	})
	return items, err
}

func wait(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("wait", args, kw, "fs", "$timeout?", "$return_when?")
	if err != nil {
		return vm.NULL, err
	}
	// CPython's wait is an async def: its checks run when it is awaited.
	return runtime.Deferred("wait", func(th *vm.Thread) (vm.Value, error) { return waitStart(th, a) }), nil
}

// waitStart is the body of asyncio.wait, run when the coroutine starts.
func waitStart(th *vm.Thread, a []vm.Value) (vm.Value, error) {
	items, err := futuresOf(th, "wait", a[0], false)
	if err != nil {
		return vm.NULL, err
	}
	if len(items) == 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "Set of Tasks/Futures is empty.")
	}
	rw := runtime.AllCompleted
	if !a[2].IsNull() {
		s := vm.AsStr(a[2])
		if s == nil || (s.String() != runtime.FirstCompleted && s.String() != runtime.FirstException && s.String() != runtime.AllCompleted) {
			r, _ := vm.ToStr(th, a[2])
			return vm.NULL, vm.NewError(vm.ValueErrorType, "Invalid return_when value: %s", r)
		}
		rw = s.String()
	}
	if _, err := runtime.GetRunningLoop(th); err != nil {
		return vm.NULL, err
	}
	fs := make([]*runtime.Future, len(items))
	for i, it := range items {
		if runtime.IsCoroutine(it) {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "Passing coroutines is forbidden, use tasks explicitly.")
		}
		f, err := runtime.EnsureFuture(th, it, nil)
		if err != nil {
			return vm.NULL, err
		}
		fs[i] = f
	}
	return runtime.NewWait(fs, orNone(a[1]), rw), nil
}

func asCompleted(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("as_completed", args, kw, "fs", "$timeout?")
	if err != nil {
		return vm.NULL, err
	}
	items, err := futuresOf(th, "as_completed", a[0], true)
	if err != nil {
		return vm.NULL, err
	}
	l, err := runtime.GetEventLoop(th)
	if err != nil {
		return vm.NULL, err
	}
	fs := make([]*runtime.Future, len(items))
	for i, it := range items {
		f, err := runtime.EnsureFuture(th, it, l)
		if err != nil {
			return vm.NULL, err
		}
		fs[i] = f
	}
	ac, err := runtime.NewAsCompleted(th, l, fs, orNone(a[1]))
	if err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(&asCompletedIter{ac: ac}), nil
}

// asCompletedIter is the generator as_completed returns.
type asCompletedIter struct{ ac *runtime.AsCompleted }

var asCompletedIterType = vm.MakeNativeType("generator", "builtins", nil)

func init() {
	asCompletedIterType.Iter = func(th *vm.Thread, v vm.Value) (vm.Value, error) { return v, nil }
	asCompletedIterType.Next = func(th *vm.Thread, v vm.Value) (vm.Value, error) {
		return v.Object().(*asCompletedIter).ac.Next(), nil
	}
	methods(asCompletedIterType, map[string]vm.NativeFunc{
		"__iter__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) { return args[0], nil },
		"__next__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			it, _, err := selfOf[*asCompletedIter]("__next__", asCompletedIterType, args)
			if err != nil {
				return vm.NULL, err
			}
			r := it.ac.Next()
			if r.IsNull() {
				return vm.NULL, vm.NewException(vm.StopIterationType)
			}
			return r, nil
		},
	})
}

func (*asCompletedIter) Type() *vm.Type { return asCompletedIterType }

func shield(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("shield", args, kw, "arg")
	if err != nil {
		return vm.NULL, err
	}
	f, err := runtime.Shield(th, a[0])
	if err != nil {
		return vm.NULL, err
	}
	return f.Value(), nil
}

func timeout(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("timeout", args, kw, "delay")
	if err != nil {
		return vm.NULL, err
	}
	l, err := runtime.GetRunningLoop(th)
	if err != nil {
		return vm.NULL, err
	}
	if a[0].IsNone() {
		return vm.ObjectValue(runtime.NewTimeout(0, false)), nil
	}
	d, err := seconds(a[0])
	if err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(runtime.NewTimeout(l.Time()+d, true)), nil
}

func timeoutAt(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("timeout_at", args, kw, "when")
	if err != nil {
		return vm.NULL, err
	}
	if a[0].IsNone() {
		return vm.ObjectValue(runtime.NewTimeout(0, false)), nil
	}
	w, err := seconds(a[0])
	if err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(runtime.NewTimeout(w, true)), nil
}

func currentTask(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("current_task", args, kw, "loop?")
	if err != nil {
		return vm.NULL, err
	}
	var l *runtime.Loop
	if a[0].IsNull() || a[0].IsNone() {
		if l, err = runtime.GetRunningLoop(th); err != nil {
			return vm.NULL, err
		}
	} else if l, err = loopArg(th, a[0]); err != nil {
		return vm.NULL, err
	}
	if t := l.CurrentTask(); t != nil {
		return t.Value(), nil
	}
	return vm.None, nil
}

func allTasks(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("all_tasks", args, kw, "loop?")
	if err != nil {
		return vm.NULL, err
	}
	var l *runtime.Loop
	if a[0].IsNull() || a[0].IsNone() {
		if l, err = runtime.GetRunningLoop(th); err != nil {
			return vm.NULL, err
		}
	} else if l, err = loopArg(th, a[0]); err != nil {
		return vm.NULL, err
	}
	ts := l.AllTasks()
	items := make([]vm.Value, len(ts))
	for i, t := range ts {
		items[i] = t.Value()
	}
	return th.Call(vm.ObjectValue(vm.SetType), []vm.Value{vm.NewList(items)}, nil)
}

func toThread(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if len(args)-len(kw) < 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "to_thread() missing 1 required positional argument: 'func'")
	}
	return runtime.NewToThread(args[0], args[1:], kw), nil
}

func iscoroutine(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("iscoroutine", args, kw, "obj")
	if err != nil {
		return vm.NULL, err
	}
	return vm.Bool(runtime.IsCoroutineLike(th, a[0])), nil
}

func isfuture(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("isfuture", args, kw, "obj")
	if err != nil {
		return vm.NULL, err
	}
	return vm.Bool(runtime.AsFuture(a[0]) != nil), nil
}

// iscoroutinefunction reads the code flags through co_flags (CO_COROUTINE
// is 0x80 in CPython; pya's functions expose the same bit).
func getEventLoop(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if _, err := parse("get_event_loop", args, kw); err != nil {
		return vm.NULL, err
	}
	l, err := runtime.GetEventLoop(th)
	if err != nil {
		return vm.NULL, err
	}
	return l.Value(), nil
}

func newEventLoop(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if _, err := parse("new_event_loop", args, kw); err != nil {
		return vm.NULL, err
	}
	return runtime.NewLoop(th).Value(), nil
}

func setEventLoop(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("set_event_loop", args, kw, "loop")
	if err != nil {
		return vm.NULL, err
	}
	if a[0].IsNone() {
		runtime.SetEventLoop(th, nil)
		return vm.None, nil
	}
	l, ok := a[0].Object().(*runtime.Loop)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "loop must be an instance of AbstractEventLoop or None, not '%s'", a[0].Type().Name)
	}
	runtime.SetEventLoop(th, l)
	return vm.None, nil
}

func getRunningLoop(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if _, err := parse("get_running_loop", args, kw); err != nil {
		return vm.NULL, err
	}
	l, err := runtime.GetRunningLoop(th)
	if err != nil {
		return vm.NULL, err
	}
	return l.Value(), nil
}

func getRunningLoopOrNone(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if l := runtime.RunningLoop(th); l != nil {
		return l.Value(), nil
	}
	return vm.None, nil
}

// runCoroutineThreadsafe is asyncio.run_coroutine_threadsafe(coro, loop):
// called from another thread, it returns a concurrent.futures.Future of
// coro run as a task on loop.
func runCoroutineThreadsafe(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("run_coroutine_threadsafe", args, kw, "coro", "loop")
	if err != nil {
		return vm.NULL, err
	}
	if !runtime.IsCoroutine(a[0]) {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "A coroutine object is required")
	}
	l, ok := a[1].Object().(*runtime.Loop)
	if !ok {
		return vm.NULL, vm.NewError(vm.AttributeErrorType, "'%s' object has no attribute 'call_soon_threadsafe'", a[1].Type().Name)
	}
	cls, err := concurrentClass(th, "Future")
	if err != nil {
		return vm.NULL, err
	}
	cf, err := th.Call(cls, nil, nil)
	if err != nil {
		return vm.NULL, err
	}
	l.RunCoroutineThreadsafe(a[0], cf)
	return cf, nil
}
