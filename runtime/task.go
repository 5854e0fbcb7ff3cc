package runtime

import (
	"github.com/pya-lang/pya/vm"
)

// Task is asyncio.Task (the C _asyncio.Task): a future that drives a
// coroutine. Its step mirrors Task.__step and __wakeup of CPython 3.11.
type Task struct {
	Future
	coro Resumable // also a vm.Object: Coro() is its value
	// name is a str, or for a task named automatically the unboxed int N of
	// its "Task-N", formatted on first use: most tasks are never asked
	// their name, and the string would cost 64 bytes per task.
	name vm.Value
	// ctx is the contextvars.Context each step runs in: a copy of the
	// context current at creation, or create_task's context=.
	ctx *vm.Context

	futWaiter     *Future
	numCancels    int32 // _num_cancels_requested
	mustCancel    bool
	logDestroy    bool
	stepScheduled bool
	// unreferenced: the program dropped the task as soon as it made it
	// (`asyncio.create_task(f())` as a statement): CPython frees it, and
	// reports an unretrieved exception, as soon as it fails.
	unreferenced bool
}

// DroppedResult implements vm.ResultDropper.
func (t *Task) DroppedResult() { t.unreferenced = true }

func (t *Task) Type() *vm.Type {
	if t.more != nil && t.more.sub != nil {
		return t.more.sub.Type
	}
	return TaskType
}

// NewTask wraps coro (whose value is coroVal) in a task scheduled to start
// on the loop's next iteration. name NULL or None means "Task-N"; another
// name that is not a str is converted with str(), as CPython does.
func NewTask(l *Loop, coroVal vm.Value, name vm.Value) (*Task, error) {
	return NewTaskIn(l, coroVal, name, nil)
}

// NewTaskIn is NewTask with create_task's context= (nil: a copy of the
// loop thread's current context, as CPython's Task.__init__ takes).
func NewTaskIn(l *Loop, coroVal vm.Value, name vm.Value, ctx *vm.Context) (*Task, error) {
	t := &Task{}
	if err := t.Init(l, coroVal, name, ctx); err != nil {
		return nil, err
	}
	return t, nil
}

// NewBlankTask returns a task that Init has yet to set up: the object a
// user subclass of Task with its own __init__ gets before it calls
// super().__init__(coro, ...).
func NewBlankTask(l *Loop) *Task {
	t := &Task{}
	t.loop = l
	t.task = t
	t.name = vm.NewStr("")
	return t
}

// Init sets t up as Task(coro, loop=l, name=name, context=ctx) and
// schedules its first step (Task.__init__).
func (t *Task) Init(l *Loop, coroVal vm.Value, name vm.Value, ctx *vm.Context) error {
	if err := l.checkClosed(); err != nil {
		return err
	}
	if t.coro != nil {
		return vm.NewError(vm.RuntimeErrorType, "Task.__init__() called on an initialized task")
	}
	coro, ok := asResumable(l.th, coroVal)
	if !ok {
		r, _ := safeRepr(l.th, coroVal)
		return vm.NewError(vm.TypeErrorType, "a coroutine was expected, got %s", r)
	}
	if !name.IsNull() && !name.IsNone() && vm.AsStr(name) == nil {
		s, err := vm.ToStr(l.th, name)
		if err != nil {
			return err
		}
		name = vm.NewStr(s)
	}
	if ctx == nil {
		ctx = l.th.SnapshotContext()
	}
	t.coro, t.ctx, t.logDestroy = coro, ctx, true
	t.loop = l
	t.task = t
	if name.IsNull() || name.IsNone() {
		t.name = vm.Int(l.env.nextTaskNumber())
	} else {
		t.name = name
	}
	l.callSoon(taskStep, t, vm.NULL)
	l.tasks = append(l.tasks, t)
	if l.rec != nil {
		l.rec.taskCreated(t, l.currentTask)
	}
	return nil
}

// Name returns the task's name (a str).
func (t *Task) Name() vm.Value {
	if t.name.IsInt() {
		t.name = vm.NewStr("Task-" + itoa(t.name.AsInt()))
	}
	return t.name
}

// SetName is task.set_name(v); v must be a str.
func (t *Task) SetName(v vm.Value) { t.name = v }

// Coro returns task.get_coro().
func (t *Task) Coro() vm.Value {
	if t.coro == nil {
		return vm.None // a blank task (NewBlankTask)
	}
	return vm.ObjectValue(t.coro.(vm.Object))
}

// Cancelling is task.cancelling().
func (t *Task) Cancelling() int { return int(t.numCancels) }

// Uncancel is task.uncancel().
func (t *Task) Uncancel() int {
	if t.numCancels > 0 {
		t.numCancels--
	}
	return int(t.numCancels)
}

// Cancel is Task.cancel(msg).
func (t *Task) Cancel(msg vm.Value) bool {
	t.logTraceback = false
	if t.Done() {
		return false
	}
	t.numCancels++
	if t.futWaiter != nil {
		if cancelFuture(t.futWaiter, msg) {
			// Leave futWaiter: it may be a task that ignores the
			// cancellation and must be cancelled again later.
			return true
		}
	}
	t.mustCancel = true
	t.setCancelMsg(msg)
	return true
}

// cancelFuture cancels a future or, dispatching as Python would, a task.
func cancelFuture(f *Future, msg vm.Value) bool {
	if t := f.task; t != nil {
		return t.Cancel(msg)
	}
	if f.gather() != nil {
		return f.gather().cancel(msg)
	}
	return f.Cancel(msg)
}

// CancelValue is fut.cancel(msg) on a Future or Task object.
func CancelValue(f *Future, msg vm.Value) bool { return cancelFuture(f, msg) }

// taskStep is the scheduled form of Task.__step: v holds the exception to
// throw in, or NULL.
func taskStep(arg any, v vm.Value) error {
	t := arg.(*Task)
	var exc *vm.Exception
	if !v.IsNull() {
		exc, _ = v.Object().(*vm.Exception)
	}
	err := t.step(exc)
	if r := t.loop.rec; r != nil {
		r.stepEnd(t) // recording hook: a nil check when off
	}
	return err
}

// taskWakeup is Task.__wakeup, the done callback of the awaited future.
func taskWakeup(arg any, v vm.Value) error {
	t := arg.(*Task)
	var exc *vm.Exception
	if f := asFuture(v); f != nil {
		if _, err := f.Result(); err != nil {
			exc = asException(err)
		}
	}
	err := t.step(exc)
	if r := t.loop.rec; r != nil {
		r.stepEnd(t) // recording hook: a nil check when off
	}
	return err
}

// step is Task.__step.
func (t *Task) step(exc *vm.Exception) error {
	l := t.loop
	if t.Done() {
		r, _ := safeRepr(l.th, t.Value())
		return vm.NewError(InvalidStateErrorType, "_step(): already done: %s, %s", r, excRepr(l.th, exc))
	}
	if t.mustCancel {
		if !isCancelled(exc) {
			exc = t.makeCancelledError()
		}
		t.mustCancel = false
	}
	t.futWaiter = nil

	if l.currentTask != nil {
		r1, _ := safeRepr(l.th, t.Value())
		r2, _ := safeRepr(l.th, l.currentTask.Value())
		return vm.NewError(vm.RuntimeErrorType, "Cannot enter into task %s while another task %s is being executed.", r1, r2)
	}
	prevCtx, err := l.th.EnterTaskContext(t.ctx)
	if err != nil {
		return err
	}
	l.currentTask = t
	if l.rec != nil {
		l.rec.stepStart(t)
	}
	l.th.AddDepth(1) // Task.__step is a C call in CPython
	result, done, err := t.coro.Resume(l.th, vm.None, exc)
	l.th.AddDepth(-1)
	l.currentTask = nil
	t.ctx = l.th.ExitTaskContext(t.ctx, prevCtx)

	if err != nil {
		e := asException(err)
		switch {
		case isCancelled(e):
			t.extra().cancelledExc = e
			t.Future.Cancel(vm.NULL)
		case isExitException(e):
			t.Future.SetException(e)
			return e
		default:
			bare := t.callbacks.first.fn == nil // no callback holds the task
			t.Future.SetException(e)
			if bare && t.unreferenced {
				l.reportNeverRetrieved(&t.Future)
			}
		}
		return nil
	}
	if done {
		if t.mustCancel {
			t.mustCancel = false
			t.Future.Cancel(t.cancelMsg())
		} else {
			t.Future.SetResult(result)
		}
		return nil
	}
	return t.handleYield(result)
}

// handleYield decides what the coroutine's yielded value means.
func (t *Task) handleYield(result vm.Value) error {
	l := t.loop
	if f := asFuture(result); f != nil {
		switch {
		case f.loop != l:
			r1, _ := safeRepr(l.th, t.Value())
			r2, _ := safeRepr(l.th, result)
			t.stepSoon(vm.NewError(vm.RuntimeErrorType, "Task %s got Future %s attached to a different loop", r1, r2))
		case f.Blocking:
			if f == &t.Future {
				r, _ := safeRepr(l.th, t.Value())
				t.stepSoon(vm.NewError(vm.RuntimeErrorType, "Task cannot await on itself: %s", r))
				return nil
			}
			f.Blocking = false
			f.AddDoneCallback(taskWakeup, t)
			t.futWaiter = f
			if t.mustCancel {
				if cancelFuture(f, t.cancelMsg()) {
					t.mustCancel = false
				}
			}
		default:
			r1, _ := safeRepr(l.th, t.Value())
			r2, _ := safeRepr(l.th, result)
			t.stepSoon(vm.NewError(vm.RuntimeErrorType, "yield was used instead of yield from in task %s with %s", r1, r2))
		}
		return nil
	}
	if result.IsNone() {
		// A bare yield (sleep(0)) gives up one loop iteration.
		l.callSoon(taskStep, t, vm.NULL)
		return nil
	}
	r, _ := safeRepr(l.th, result)
	t.stepSoon(vm.NewError(vm.RuntimeErrorType, "Task got bad yield: %s", r))
	return nil
}

// stepSoon schedules a step that throws err into the coroutine.
func (t *Task) stepSoon(err error) {
	t.loop.callSoon(taskStep, t, vm.ObjectValue(asException(err)))
}

// excRepr renders repr(exc), "None" for nil.
func excRepr(th *vm.Thread, exc *vm.Exception) string {
	if exc == nil {
		return "None"
	}
	r, _ := safeRepr(th, vm.ObjectValue(exc))
	return r
}

// safeRepr is repr(v) that never fails (a failing __repr__ gives a generic
// form, as reprlib would show).
func safeRepr(th *vm.Thread, v vm.Value) (string, error) {
	s, err := vm.Repr(th, v)
	if err != nil {
		return "<" + v.Type().Name + " object>", err
	}
	return s, nil
}

// CurrentTask returns the task running on l, or nil.
func (l *Loop) CurrentTask() *Task { return l.currentTask }

// AllTasks returns the loop's tasks that are not done (asyncio.all_tasks).
func (l *Loop) AllTasks() []*Task {
	kept := l.tasks[:0]
	for _, t := range l.tasks {
		if !t.Done() {
			kept = append(kept, t)
		}
	}
	for i := len(kept); i < len(l.tasks); i++ {
		l.tasks[i] = nil
	}
	l.tasks = kept
	return append([]*Task(nil), kept...)
}
