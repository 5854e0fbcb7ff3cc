package asyncio

import (
	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

func init() {
	subclassable(runtime.FutureType, newFuture)
	methods(runtime.FutureType, map[string]vm.NativeFunc{
		"result":               futResult,
		"exception":            futException,
		"set_result":           futSetResult,
		"set_exception":        futSetException,
		"cancel":               futCancel,
		"cancelled":            futCancelled,
		"done":                 futDone,
		"add_done_callback":    futAddDoneCallback,
		"remove_done_callback": futRemoveDoneCallback,
		"get_loop":             futGetLoop,
		"__await__":            futAwait,
		"__iter__":             futAwait,
	})
	runtime.FutureType.Iter = func(th *vm.Thread, v vm.Value) (vm.Value, error) {
		return vm.ObjectValue(runtime.NewFutureIter(runtime.AsFuture(v))), nil
	}
	runtime.TaskType.Iter = runtime.FutureType.Iter
	runtime.GatheringFutureType.Iter = runtime.FutureType.Iter
	runtime.TaskType.New = newTask
	methods(runtime.TaskType, map[string]vm.NativeFunc{
		"get_name":      taskGetName,
		"set_name":      taskSetName,
		"get_coro":      taskGetCoro,
		"cancelling":    taskCancelling,
		"uncancel":      taskUncancel,
		"set_result":    taskNoSet("set_result"),
		"set_exception": taskNoSet("set_exception"),
	})
	iterMethods(runtime.FutureIterType)
	iterMethods(runtime.NativeCoroType)
	iterMethods(runtime.CoroWrapperType)
	closeNop := func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) { return vm.None, nil }
	methods(runtime.NativeCoroType, map[string]vm.NativeFunc{
		"__await__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			return runtime.AwaitWrapper(args[0]), nil
		},
		"close": closeNop,
	})
	methods(runtime.CoroWrapperType, map[string]vm.NativeFunc{"close": closeNop})
	methods(runtime.HandleType, map[string]vm.NativeFunc{
		"cancel": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			h, _, err := selfOf[*runtime.Handle]("cancel", runtime.HandleType, args)
			if err != nil {
				return vm.NULL, err
			}
			h.Cancel()
			return vm.None, nil
		},
		"cancelled": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			h, _, err := selfOf[*runtime.Handle]("cancelled", runtime.HandleType, args)
			if err != nil {
				return vm.NULL, err
			}
			return vm.Bool(h.Cancelled()), nil
		},
	})
	methods(runtime.TimerHandleType, map[string]vm.NativeFunc{
		"when": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			h, _, err := selfOf[*runtime.Handle]("when", runtime.TimerHandleType, args)
			if err != nil {
				return vm.NULL, err
			}
			return vm.Float(h.When()), nil
		},
	})
}

// iterMethods gives a Resumable type the generator protocol: __iter__,
// __next__, send and throw.
func iterMethods(t *vm.Type) {
	resume := func(th *vm.Thread, self vm.Value, v vm.Value, exc *vm.Exception) (vm.Value, error) {
		r, ok := self.Object().(vm.Resumable)
		if !ok {
			return vm.NULL, descrError("send", t, self)
		}
		y, done, err := r.Resume(th, v, exc)
		if err != nil {
			return vm.NULL, err
		}
		if done {
			return vm.NULL, stopIteration(y)
		}
		return y, nil
	}
	t.Iter = func(th *vm.Thread, v vm.Value) (vm.Value, error) { return v, nil }
	t.Next = func(th *vm.Thread, v vm.Value) (vm.Value, error) {
		r, ok := v.Object().(vm.Resumable)
		if !ok {
			return vm.NULL, descrError("__next__", t, v)
		}
		y, done, err := r.Resume(th, vm.None, nil)
		if err != nil {
			return vm.NULL, err
		}
		if done {
			if y.IsNone() {
				return vm.NULL, nil
			}
			return vm.NULL, stopIteration(y)
		}
		return y, nil
	}
	methods(t, map[string]vm.NativeFunc{
		"__iter__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) { return args[0], nil },
		"__next__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			return resume(th, args[0], vm.None, nil)
		},
		"send": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			if len(args) != 2 {
				return vm.NULL, vm.NewError(vm.TypeErrorType, "send() takes exactly one argument (%d given)", len(args)-1)
			}
			return resume(th, args[0], args[1], nil)
		},
		"throw": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			if len(args) < 2 {
				return vm.NULL, vm.NewError(vm.TypeErrorType, "throw expected at least 1 argument, got 0")
			}
			exc, err := asException(th, args[1])
			if err != nil {
				return vm.NULL, err
			}
			return resume(th, args[0], vm.NULL, exc)
		},
	})
}

func newFuture(th *vm.Thread, args []vm.Value, kwnames []string) (*runtime.Future, error) {
	a, err := parse("Future", args, kwnames, "$loop?")
	if err != nil {
		return nil, err
	}
	l, err := loopArg(th, a[0])
	if err != nil {
		return nil, err
	}
	return runtime.NewFuture(l), nil
}

// loopArg is the loop= argument: a loop, or the current event loop.
func loopArg(th *vm.Thread, v vm.Value) (*runtime.Loop, error) {
	if v.IsNull() || v.IsNone() {
		return runtime.GetEventLoop(th)
	}
	l, ok := v.Object().(*runtime.Loop)
	if !ok {
		return nil, vm.NewError(vm.TypeErrorType, "loop must be an event loop, not %s", v.Type().Name)
	}
	return l, nil
}

func futResult(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	f, _, err := futureSelf("result", args)
	if err != nil {
		return vm.NULL, err
	}
	return f.Result()
}

func futException(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	f, _, err := futureSelf("exception", args)
	if err != nil {
		return vm.NULL, err
	}
	e, err := f.Exception()
	if err != nil {
		return vm.NULL, err
	}
	if e == nil {
		return vm.None, nil
	}
	return vm.ObjectValue(e), nil
}

func futSetResult(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	f, rest, err := futureSelf("set_result", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("set_result", rest, kw, "result")
	if err != nil {
		return vm.NULL, err
	}
	return vm.None, f.SetResult(a[0])
}

func futSetException(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	f, rest, err := futureSelf("set_exception", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("set_exception", rest, kw, "exception")
	if err != nil {
		return vm.NULL, err
	}
	if f.Done() {
		return vm.NULL, vm.NewError(runtime.InvalidStateErrorType, "invalid state")
	}
	e, err := asException(th, a[0])
	if err != nil {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "invalid exception object")
	}
	return vm.None, f.SetException(e)
}

func futCancel(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	f, rest, err := futureSelf("cancel", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("cancel", rest, kw, "msg?")
	if err != nil {
		return vm.NULL, err
	}
	return vm.Bool(runtime.CancelValue(f, a[0])), nil
}

func futCancelled(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	f, _, err := futureSelf("cancelled", args)
	if err != nil {
		return vm.NULL, err
	}
	return vm.Bool(f.Cancelled()), nil
}

func futDone(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	f, _, err := futureSelf("done", args)
	if err != nil {
		return vm.NULL, err
	}
	return vm.Bool(f.Done()), nil
}

func futAddDoneCallback(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	f, rest, err := futureSelf("add_done_callback", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("add_done_callback", rest, kw, "fn", "$context?")
	if err != nil {
		return vm.NULL, err
	}
	ctx, err := contextOf(th, a[1])
	if err != nil {
		return vm.NULL, err
	}
	f.AddPyDoneCallbackIn(a[0], ctx)
	return vm.None, nil
}

func futRemoveDoneCallback(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	f, rest, err := futureSelf("remove_done_callback", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("remove_done_callback", rest, kw, "fn")
	if err != nil {
		return vm.NULL, err
	}
	n, err := f.RemovePyDoneCallback(th, a[0])
	return vm.Int(int64(n)), err
}

func futGetLoop(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	f, _, err := futureSelf("get_loop", args)
	if err != nil {
		return vm.NULL, err
	}
	return f.Loop().Value(), nil
}

func futAwait(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	f, _, err := futureSelf("__await__", args)
	if err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(runtime.NewFutureIter(f)), nil
}

func newTask(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	if t != runtime.TaskType && vm.InitOverridden(t, runtime.TaskType) {
		// class MyTask(asyncio.Task) with an __init__ of its own: a blank
		// task that super().__init__(coro, ...) sets up.
		l, err := runtime.GetEventLoop(th)
		if err != nil {
			return vm.NULL, err
		}
		task := runtime.NewBlankTask(l)
		task.SetSub(vm.NewSub(t, runtime.TaskType))
		return task.Value(), nil
	}
	task := runtime.NewBlankTask(nil)
	if err := initTask(th, task, args, kwnames); err != nil {
		return vm.NULL, err
	}
	task.SetSub(vm.NewSub(t, runtime.TaskType))
	return task.Value(), nil
}

// initTask is Task.__init__(coro, *, loop=None, name=None, context=None).
func initTask(th *vm.Thread, task *runtime.Task, args []vm.Value, kwnames []string) error {
	a, err := parse("Task", args, kwnames, "coro", "$loop?", "$name?", "$context?")
	if err != nil {
		return err
	}
	l, err := loopArg(th, a[1])
	if err != nil {
		return err
	}
	ctx, err := optContext(th, a[3])
	if err != nil {
		return err
	}
	return task.Init(l, a[0], a[2], ctx)
}

func init() {
	vm.MakeSubclassable(runtime.TaskType, func(th *vm.Thread, self vm.Value, args []vm.Value, kw []string) error {
		task, ok := self.Object().(*runtime.Task)
		if !ok {
			return vm.NewError(vm.TypeErrorType, "descriptor '__init__' requires a '_asyncio.Task' object")
		}
		return initTask(th, task, args, kw)
	})
}

func taskOf(name string, args []vm.Value) (*runtime.Task, []vm.Value, error) {
	return selfOf[*runtime.Task](name, runtime.TaskType, args)
}

func taskGetName(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	t, _, err := taskOf("get_name", args)
	if err != nil {
		return vm.NULL, err
	}
	return t.Name(), nil
}

func taskSetName(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	t, rest, err := taskOf("set_name", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("set_name", rest, kw, "value")
	if err != nil {
		return vm.NULL, err
	}
	s, err := vm.ToStr(th, a[0])
	if err != nil {
		return vm.NULL, err
	}
	t.SetName(vm.NewStr(s))
	return vm.None, nil
}

func taskGetCoro(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	t, _, err := taskOf("get_coro", args)
	if err != nil {
		return vm.NULL, err
	}
	return t.Coro(), nil
}

func taskCancelling(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	t, _, err := taskOf("cancelling", args)
	if err != nil {
		return vm.NULL, err
	}
	return vm.Int(int64(t.Cancelling())), nil
}

func taskUncancel(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	t, _, err := taskOf("uncancel", args)
	if err != nil {
		return vm.NULL, err
	}
	return vm.Int(int64(t.Uncancel())), nil
}

func taskNoSet(name string) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		return vm.NULL, vm.NewError(vm.RuntimeErrorType, "Task does not support %s operation", name)
	}
}
