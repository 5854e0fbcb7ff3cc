package runtime

import "github.com/pya-lang/pya/vm"

// TaskGroup is asyncio.TaskGroup (3.11's taskgroups.py).
type TaskGroup struct {
	entered, exiting, aborting bool
	loop                       *Loop
	parent                     *Task
	parentCancelRequested      bool
	tasks                      []*Task // insertion ordered
	errors                     []*vm.Exception
	baseError                  *vm.Exception
	onCompleted                *Future
}

func (*TaskGroup) Type() *vm.Type { return TaskGroupType }

// NewTaskGroup returns an unentered task group.
func NewTaskGroup() *TaskGroup { return &TaskGroup{} }

// Repr is repr(tg).
func (g *TaskGroup) Repr() string {
	s := "<TaskGroup"
	if len(g.tasks) > 0 {
		s += " tasks=" + itoa(int64(len(g.tasks)))
	}
	if len(g.errors) > 0 {
		s += " errors=" + itoa(int64(len(g.errors)))
	}
	if g.aborting {
		s += " cancelling"
	} else if g.entered {
		s += " entered"
	}
	return s + ">"
}

// Enter is __aenter__ (it never suspends).
func (g *TaskGroup) Enter(th *vm.Thread) error {
	if g.entered {
		return vm.NewError(vm.RuntimeErrorType, "TaskGroup %s has already been entered", g.Repr())
	}
	if g.loop == nil {
		l, err := GetRunningLoop(th)
		if err != nil {
			return err
		}
		g.loop = l
	}
	g.parent = g.loop.currentTask
	if g.parent == nil {
		return vm.NewError(vm.RuntimeErrorType, "TaskGroup %s cannot determine the parent task", g.Repr())
	}
	g.entered = true
	return nil
}

// CreateTask is tg.create_task(coro, name=name).
func (g *TaskGroup) CreateTask(coro, name vm.Value, ctx *vm.Context) (*Task, error) {
	if !g.entered {
		return nil, vm.NewError(vm.RuntimeErrorType, "TaskGroup %s has not been entered", g.Repr())
	}
	if g.exiting && len(g.tasks) == 0 {
		return nil, vm.NewError(vm.RuntimeErrorType, "TaskGroup %s is finished", g.Repr())
	}
	if g.aborting {
		return nil, vm.NewError(vm.RuntimeErrorType, "TaskGroup %s is shutting down", g.Repr())
	}
	t, err := g.loop.CreateTask(coro, vm.NULL, ctx)
	if err != nil {
		return nil, err
	}
	if !name.IsNull() && !name.IsNone() {
		// task.set_name(name): str(name), after the task exists.
		s, err := vm.ToStr(g.loop.th, name)
		if err != nil {
			return nil, err
		}
		t.SetName(vm.NewStr(s))
	}
	t.AddDoneCallback(taskGroupTaskDone, g)
	g.tasks = append(g.tasks, t)
	return t, nil
}

func isBaseError(exc *vm.Exception) bool { return isExitException(exc) }

func (g *TaskGroup) abort() {
	g.aborting = true
	for _, t := range g.tasks {
		if !t.Done() {
			t.Cancel(vm.NULL)
		}
	}
}

func (g *TaskGroup) discard(t *Task) {
	for i, x := range g.tasks {
		if x == t {
			g.tasks = append(g.tasks[:i], g.tasks[i+1:]...)
			return
		}
	}
}

// taskGroupTaskDone is TaskGroup._on_task_done.
func taskGroupTaskDone(arg any, v vm.Value) error {
	g := arg.(*TaskGroup)
	t := v.Object().(*Task)
	g.discard(t)
	if g.onCompleted != nil && len(g.tasks) == 0 && !g.onCompleted.Done() {
		g.onCompleted.SetResult(vm.True)
	}
	if t.Cancelled() {
		return nil
	}
	exc, _ := t.Exception()
	if exc == nil {
		return nil
	}
	g.errors = append(g.errors, exc)
	if isBaseError(exc) && g.baseError == nil {
		g.baseError = exc
	}
	if g.parent.Done() {
		r, _ := safeRepr(g.loop.th, t.Value())
		p, _ := safeRepr(g.loop.th, g.parent.Value())
		return g.loop.CallExceptionHandler(&ExcContext{
			Message:   "Task " + r + " has errored out but its parent task " + p + " is already completed",
			Exception: exc,
			Task:      t.Value(),
		})
	}
	if !g.aborting && !g.parentCancelRequested {
		g.abort()
		g.parentCancelRequested = true
		g.parent.Cancel(vm.NULL)
	}
	return nil
}

// Exit returns the coroutine tg.__aexit__(type(exc), exc, tb); exc is nil
// when the block completed normally.
func (g *TaskGroup) Exit(exc *vm.Exception) vm.Value {
	return vm.ObjectValue(&taskGroupExit{nativeCoro: nativeCoro{qualname: "TaskGroup.__aexit__"}, g: g, exc: exc})
}

type taskGroupExit struct {
	nativeCoro
	g         *TaskGroup
	exc       *vm.Exception
	propagate *vm.Exception
	started   bool
}

func (x *taskGroupExit) Resume(th *vm.Thread, v vm.Value, thrown *vm.Exception) (vm.Value, bool, error) {
	if x.finished {
		return vm.NULL, false, reused()
	}
	g := x.g
	if !x.started {
		x.started = true
		if thrown != nil {
			return x.fail(thrown)
		}
		g.exiting = true
		exc := x.exc
		if exc != nil && isBaseError(exc) && g.baseError == nil {
			g.baseError = exc
		}
		if exc != nil && exc.Type() == CancelledErrorType {
			x.propagate = exc
		}
		if g.parentCancelRequested && g.parent.Uncancel() == 0 {
			x.propagate = nil
		}
		if exc != nil && !g.aborting {
			g.abort()
		}
	} else {
		// Resumed after awaiting onCompleted.
		if thrown != nil {
			if !isCancelled(thrown) {
				return x.fail(thrown)
			}
			if !g.aborting {
				x.propagate = thrown
				g.abort()
			}
		}
		g.onCompleted = nil
	}
	if len(g.tasks) > 0 {
		if g.onCompleted == nil {
			g.onCompleted = NewFuture(g.loop)
			g.onCompleted.waitDesc = "TaskGroup tasks"
		}
		if r := g.loop.rec; r != nil {
			fs := make([]*Future, len(g.tasks))
			for i, t := range g.tasks {
				fs[i] = &t.Future
			}
			r.note(g.onCompleted, "taskgroup", "TaskGroup("+itoa(int64(len(fs)))+" tasks)", fs)
		}
		return yieldFuture(g.onCompleted)
	}
	if g.baseError != nil {
		return x.fail(g.baseError)
	}
	if x.propagate != nil && len(g.errors) == 0 {
		return x.fail(x.propagate)
	}
	if x.exc != nil && x.exc.Type() != CancelledErrorType {
		g.errors = append(g.errors, x.exc)
	}
	if len(g.errors) > 0 {
		errs := make([]vm.Value, len(g.errors))
		egType := vm.ExceptionGroupType // BaseExceptionGroup.__new__ picks it when it can
		for i, e := range g.errors {
			errs[i] = vm.ObjectValue(e)
			if !e.IsInstance(vm.ExceptionType) {
				egType = vm.BaseExceptionGroupType
			}
		}
		g.errors = nil
		me, err := th.Call(vm.ObjectValue(egType), []vm.Value{vm.NewStr("unhandled errors in a TaskGroup"), vm.NewList(errs)}, nil)
		if err != nil {
			return x.fail(err)
		}
		e, ok := me.Object().(*vm.Exception)
		if !ok {
			return x.fail(vm.NewError(vm.TypeErrorType, "BaseExceptionGroup() did not return an exception"))
		}
		e.Suppress = true
		e.Cause = nil
		return x.fail(e)
	}
	return x.finish(vm.None)
}
