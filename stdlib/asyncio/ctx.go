package asyncio

import (
	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// exitException is the exception argument of __aexit__(et, exc, tb).
func exitException(args []vm.Value) *vm.Exception {
	if len(args) >= 3 {
		if e, ok := args[2].Object().(*vm.Exception); ok {
			return e
		}
	}
	return nil
}

func init() {
	runtime.TimeoutType.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		return v.Object().(*runtime.Timeout).Repr(), nil
	}
	toOf := func(name string, args []vm.Value) (*runtime.Timeout, []vm.Value, error) {
		return selfOf[*runtime.Timeout](name, runtime.TimeoutType, args)
	}
	methods(runtime.TimeoutType, map[string]vm.NativeFunc{
		"when": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			t, _, err := toOf("when", args)
			if err != nil {
				return vm.NULL, err
			}
			if w, ok := t.When(); ok {
				return vm.Float(w), nil
			}
			return vm.None, nil
		},
		"expired": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			t, _, err := toOf("expired", args)
			if err != nil {
				return vm.NULL, err
			}
			return vm.Bool(t.Expired()), nil
		},
		"reschedule": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			t, rest, err := toOf("reschedule", args)
			if err != nil {
				return vm.NULL, err
			}
			a, err := parse("reschedule", rest, kw, "when")
			if err != nil {
				return vm.NULL, err
			}
			if a[0].IsNone() {
				return vm.None, t.Reschedule(th, 0, false)
			}
			w, err := seconds(a[0])
			if err != nil {
				return vm.NULL, err
			}
			return vm.None, t.Reschedule(th, w, true)
		},
		"__aenter__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			t, _, err := toOf("__aenter__", args)
			if err != nil {
				return vm.NULL, err
			}
			if err := t.Enter(th); err != nil {
				return vm.NULL, err
			}
			return runtime.NewDoneCoro("Timeout.__aenter__", args[0]), nil
		},
		"__aexit__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			t, _, err := toOf("__aexit__", args)
			if err != nil {
				return vm.NULL, err
			}
			if err := t.Exit(exitException(args)); err != nil {
				return vm.NULL, err
			}
			return runtime.NewDoneCoro("Timeout.__aexit__", vm.None), nil
		},
	})

	runtime.TaskGroupType.New = func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []string) (vm.Value, error) {
		if _, err := parse("TaskGroup", args, kw); err != nil {
			return vm.NULL, err
		}
		return vm.ObjectValue(runtime.NewTaskGroup()), nil
	}
	runtime.TaskGroupType.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		return v.Object().(*runtime.TaskGroup).Repr(), nil
	}
	tgOf := func(name string, args []vm.Value) (*runtime.TaskGroup, []vm.Value, error) {
		return selfOf[*runtime.TaskGroup](name, runtime.TaskGroupType, args)
	}
	methods(runtime.TaskGroupType, map[string]vm.NativeFunc{
		"create_task": holding(func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			g, rest, err := tgOf("create_task", args)
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
			ctx, err := optContext(th, a[2])
			if err != nil {
				return vm.NULL, err
			}
			t, err := g.CreateTask(a[0], name, ctx)
			if err != nil {
				return vm.NULL, err
			}
			return t.Value(), nil
		}),
		"__aenter__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			g, _, err := tgOf("__aenter__", args)
			if err != nil {
				return vm.NULL, err
			}
			if err := g.Enter(th); err != nil {
				return vm.NULL, err
			}
			return runtime.NewDoneCoro("TaskGroup.__aenter__", args[0]), nil
		},
		"__aexit__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			g, _, err := tgOf("__aexit__", args)
			if err != nil {
				return vm.NULL, err
			}
			return g.Exit(exitException(args)), nil
		},
	})
}

func init() {
	runtime.RunnerType.New = func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []string) (vm.Value, error) {
		a, err := parse("Runner", args, kw, "$debug?", "$loop_factory?")
		if err != nil {
			return vm.NULL, err
		}
		return vm.ObjectValue(runtime.NewRunner(a[0])), nil
	}
	rOf := func(name string, args []vm.Value) (*runtime.Runner, []vm.Value, error) {
		return selfOf[*runtime.Runner](name, runtime.RunnerType, args)
	}
	methods(runtime.RunnerType, map[string]vm.NativeFunc{
		"__enter__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			r, _, err := rOf("__enter__", args)
			if err != nil {
				return vm.NULL, err
			}
			return args[0], r.Enter(th)
		},
		"__exit__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			r, _, err := rOf("__exit__", args)
			if err != nil {
				return vm.NULL, err
			}
			return vm.None, r.Close(th)
		},
		"close": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			r, _, err := rOf("close", args)
			if err != nil {
				return vm.NULL, err
			}
			return vm.None, r.Close(th)
		},
		"get_loop": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			r, _, err := rOf("get_loop", args)
			if err != nil {
				return vm.NULL, err
			}
			l, err := r.Loop(th)
			if err != nil {
				return vm.NULL, err
			}
			return l.Value(), nil
		},
		"run": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			r, rest, err := rOf("run", args)
			if err != nil {
				return vm.NULL, err
			}
			a, err := parse("run", rest, kw, "coro", "$context?")
			if err != nil {
				return vm.NULL, err
			}
			ctx, err := optContext(th, a[1])
			if err != nil {
				return vm.NULL, err
			}
			return r.Run(th, a[0], ctx)
		},
	})
}
