package runtime

import "github.com/pya-lang/pya/vm"

// loop.set_task_factory: every task the loop makes (asyncio.create_task,
// loop.create_task, TaskGroup.create_task, ensure_future and gather of
// coroutines, asyncio.run's main task) comes from the factory when one is
// set, as BaseEventLoop.create_task does: factory(loop, coro) (with
// context= when one is given), then the name is set.

// SetTaskFactory is loop.set_task_factory(factory) (None: the default).
func (l *Loop) SetTaskFactory(factory vm.Value) { l.taskFactory = factory }

// TaskFactory is loop.get_task_factory() (None when unset).
func (l *Loop) TaskFactory() vm.Value {
	if l.taskFactory.IsNull() {
		return vm.None
	}
	return l.taskFactory
}

// CreateTask is loop.create_task(coro, name=name, context=ctx): NewTaskIn,
// or the task factory's task.
func (l *Loop) CreateTask(coro, name vm.Value, ctx *vm.Context) (*Task, error) {
	if l.taskFactory.IsNull() || l.taskFactory.IsNone() {
		return NewTaskIn(l, coro, name, ctx)
	}
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	var r vm.Value
	var err error
	if ctx == nil {
		r, err = l.th.Call(l.taskFactory, []vm.Value{l.Value(), coro}, nil)
	} else {
		r, err = l.th.Call(l.taskFactory, []vm.Value{l.Value(), coro, vm.ObjectValue(ctx)}, []string{"context"})
	}
	if err != nil {
		return nil, err
	}
	t, ok := r.Object().(*Task)
	if !ok {
		rep, _ := safeRepr(l.th, r)
		return nil, vm.NewError(vm.TypeErrorType, "the task factory returned %s, not a Task", rep)
	}
	if !name.IsNull() && !name.IsNone() {
		s, err := vm.ToStr(l.th, name)
		if err != nil {
			return nil, err
		}
		t.SetName(vm.NewStr(s))
	}
	return t, nil
}
