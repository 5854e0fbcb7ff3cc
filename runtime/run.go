package runtime

import (
	"github.com/pya-lang/pya/vm"
)

// RunUntilComplete is loop.run_until_complete(aw): it wraps a coroutine in
// a task, runs the loop until the future is done and returns its result.
func (l *Loop) RunUntilComplete(th *vm.Thread, aw vm.Value) (vm.Value, error) {
	return l.runUntilComplete(th, aw, depthRunUntilComplete)
}

// The recursion depth that CPython's asyncio frames add to a callback run
// by the loop (see Thread.AddDepth), above the depth of the native call
// that runs the loop (which counts one, as the outermost of those frames):
// run_forever, _run_once and Handle._run, one more for the C call of the
// callback (context.run), and whatever frames lead to run_forever. A task
// step counts one more (Task.__step's C call; see Task.step).
const (
	depthRunForever       = 3                         // loop.run_forever(): _run_once, _run, C call
	depthRunUntilComplete = depthRunForever + 1       // loop.run_until_complete(): + run_forever
	depthRunnerRun        = depthRunUntilComplete + 1 // Runner.run(): + run_until_complete
	depthAsyncioRun       = depthRunnerRun + 1        // asyncio.run(): + Runner.run
	depthRunnerClose      = depthRunUntilComplete + 1 // Runner.close() (from __exit__): + run_until_complete
	depthAsyncioRunClose  = depthRunnerClose + 1      // asyncio.run's shutdown: + __exit__
)

// runUntilComplete is RunUntilComplete with the loop's callbacks depth
// depth deeper.
func (l *Loop) runUntilComplete(th *vm.Thread, aw vm.Value, depth int) (vm.Value, error) {
	if err := l.checkClosed(); err != nil {
		return vm.NULL, err
	}
	if l.running {
		return vm.NULL, vm.NewError(vm.RuntimeErrorType, "This event loop is already running")
	}
	if l.env.running != nil {
		return vm.NULL, vm.NewError(vm.RuntimeErrorType, "Cannot run the event loop while another loop is running")
	}
	newTask := asFuture(aw) == nil
	fut, err := EnsureFuture(th, aw, l)
	if err != nil {
		return vm.NULL, err
	}
	if fut.loop != l {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "The future belongs to a different loop than the one specified as the loop argument")
	}
	fut.AddDoneCallback(runUntilCompleteCB, l)
	prevMain := l.mainFut
	l.mainFut = fut
	err = l.runForever(depth)
	l.mainFut = prevMain
	fut.removeGoCallback(runUntilCompleteCB, l)
	if err != nil {
		if newTask && fut.Done() && !fut.Cancelled() {
			fut.Exception() // mark retrieved
		} else if fut.Done() && fut.exc != nil && err == error(fut.exc) {
			// The future's own exception (KeyboardInterrupt, SystemExit)
			// escapes: in CPython its traceback holds the caller's frame,
			// which holds the future, a cycle no gc pass collects in time,
			// so "exception was never retrieved" is never logged.
			fut.quiet = true
		}
		holdUntilExit(th, fut)
		return vm.NULL, err
	}
	if !fut.Done() {
		return vm.NULL, vm.NewError(vm.RuntimeErrorType, "Event loop stopped before Future completed.")
	}
	holdUntilExit(th, fut)
	return fut.Result()
}

// holdUntilExit: the exception run_until_complete raises (the future's)
// keeps, through its traceback, the frame that holds the future, a cycle
// freed only at exit: the coroutines it holds warn then (vm.HoldUntilExit).
func holdUntilExit(th *vm.Thread, fut *Future) {
	if fut.exc != nil && th.Interp != nil {
		th.Interp.HoldUntilExit(fut.exc)
	}
}

// runUntilCompleteCB is base_events._run_until_complete_cb.
func runUntilCompleteCB(arg any, v vm.Value) error {
	l := arg.(*Loop)
	if f := asFuture(v); f != nil && !f.Cancelled() {
		if exc := f.exc; exc != nil && isExitException(exc) {
			return nil
		}
	}
	l.Stop()
	return nil
}

// runMain is the core of Runner.run: run_until_complete(task) where a
// SIGINT (Sigint) first cancels the main task, and a main task that ended
// cancelled by it raises KeyboardInterrupt (chained to the CancelledError,
// as CPython's Runner does).
func (l *Loop) runMain(th *vm.Thread, task *Task, depth int) (vm.Value, error) {
	prev := l.runnerMain
	l.runnerMain, l.interrupts = task, 0
	r, err := l.runUntilComplete(th, task.Value(), depth)
	l.runnerMain = prev
	if err != nil && l.interrupts > 0 {
		if exc, ok := err.(*vm.Exception); ok && isCancelled(exc) && task.Uncancel() == 0 {
			ki := vm.NewException(vm.KeyboardInterruptType)
			ki.Context = exc
			return vm.NULL, ki
		}
	}
	return r, err
}

// SigintResult says what Sigint did.
type SigintResult uint8

const (
	// SigintNoLoop: no event loop runs on the interpreter; the embedder
	// raises KeyboardInterrupt in the VM (Interpreter.Interrupt).
	SigintNoLoop SigintResult = iota
	// SigintPosted: the running loop takes the signal (Runner._on_sigint).
	SigintPosted
	// SigintBusy: pya code holds the GIL; retry shortly, or fall back to
	// Interpreter.Interrupt if the code never yields.
	SigintBusy
)

// Sigint is what a SIGINT does to a program in asyncio.run (the CLI's
// signal handler calls it from its own goroutine): the first one cancels
// the main task, so its cleanup runs and asyncio.run raises
// KeyboardInterrupt; a second one, or one while a loop runs without
// asyncio.run, raises KeyboardInterrupt out of the loop.
func Sigint(in *vm.Interpreter) SigintResult {
	envsMu.Lock()
	e := envs[in]
	envsMu.Unlock()
	if e == nil {
		return SigintNoLoop
	}
	return e.sigint()
}

func (e *Env) sigint() SigintResult {
	if !e.GIL.TryAcquire() {
		return SigintBusy
	}
	l := e.running
	if l != nil {
		l.Post(onSigint, l, vm.NULL, false)
	}
	e.GIL.Release()
	if l == nil {
		return SigintNoLoop
	}
	return SigintPosted
}

// onSigint is Runner._on_sigint, run on the loop.
func onSigint(arg any, _ vm.Value) error {
	l := arg.(*Loop)
	l.interrupts++
	if l.interrupts == 1 && l.runnerMain != nil && !l.runnerMain.Done() {
		l.runnerMain.Cancel(vm.None)
		return nil
	}
	return vm.NewException(vm.KeyboardInterruptType)
}

// Run is asyncio.run(main): a new loop runs main as a task; then the
// remaining tasks are cancelled and awaited, async generators and the
// default executor are shut down, and the loop is closed.
func Run(th *vm.Thread, main vm.Value) (vm.Value, error) { return RunDebug(th, main, vm.NULL) }

// RunDebug is asyncio.run(main, debug=debug) (debug NULL: not given).
func RunDebug(th *vm.Thread, main, debug vm.Value) (vm.Value, error) {
	env := EnvFor(th)
	if env.running != nil {
		return vm.NULL, vm.NewError(vm.RuntimeErrorType, "asyncio.run() cannot be called from a running event loop")
	}
	// Runner.__enter__ makes the loop before Runner.run checks main, so
	// even a bad argument costs the shutdown tasks their names.
	l := NewLoop(th)
	SetEventLoop(th, l)
	var result vm.Value
	err := l.setDebugArg(th, debug)
	switch {
	case err != nil:
	case !IsCoroutineLike(th, main):
		r, _ := safeRepr(th, main)
		err = vm.NewError(vm.ValueErrorType, "a coroutine was expected, got %s", r)
	default:
		var task *Task
		if task, err = l.CreateTask(main, vm.NULL, nil); err == nil {
			result, err = l.runMain(th, task, depthAsyncioRun)
		}
	}
	if cerr := l.shutdown(th, err != nil, depthAsyncioRunClose); err == nil && cerr != nil {
		err = cerr
	}
	SetEventLoop(th, nil)
	if err != nil {
		return vm.NULL, err
	}
	return result, nil
}

// shutdown is Runner.close: cancel what is left, let it finish, run the
// two shutdown coroutines (which take task names, as in CPython), close.
// When an exception is leaving asyncio.run, the "exception was never
// retrieved" reports wait for Finalize: in CPython the failed main
// coroutine's frame keeps those tasks alive until after the traceback.
func (l *Loop) shutdown(th *vm.Thread, failing bool, depth int) error {
	var firstErr error
	if err := l.cancelAllTasks(th, depth); err != nil {
		firstErr = err
	}
	// The shutdown coroutines are asyncio.run's machinery, not the
	// program's: they stay off the timeline (pya --timeline).
	rec := l.rec
	l.rec = nil
	for _, c := range []vm.Value{newShutdownAsyncgens(l), newDoneCoro("BaseEventLoop.shutdown_default_executor", vm.None, nil)} {
		if _, err := l.runUntilComplete(th, c, depth); err != nil && firstErr == nil {
			firstErr = err
		}
	}
	l.rec = rec
	if failing {
		l.env.deferred = append(l.env.deferred, l.unretrieved...)
		l.env.deferredLoop = l
		l.unretrieved = nil
	}
	l.reportUnretrieved()
	l.Close()
	return firstErr
}

// Finalize is called by the embedder after the program finished (after the
// uncaught exception, if any, was printed): it prints the reports that
// asyncio.run deferred, as CPython does when it frees the last objects.
func Finalize(in *vm.Interpreter) {
	envsMu.Lock()
	e := envs[in]
	envsMu.Unlock()
	if e == nil {
		return
	}
	e.reportDestroyedPending(in.Thread())
	if e.deferredLoop == nil {
		return
	}
	l := e.deferredLoop
	// The failed main coroutine's frame held them, typically in a list,
	// which CPython frees last item first.
	fs := e.deferred
	for i, j := 0, len(fs)-1; i < j; i, j = i+1, j-1 {
		fs[i], fs[j] = fs[j], fs[i]
	}
	l.unretrieved, e.deferred, e.deferredLoop = fs, nil, nil
	l.reportUnretrieved()
}

// cancelAllTasks is runners._cancel_all_tasks.
func (l *Loop) cancelAllTasks(th *vm.Thread, depth int) error {
	tasks := l.AllTasks()
	if len(tasks) == 0 {
		return nil
	}
	aws := make([]vm.Value, len(tasks))
	for i, t := range tasks {
		t.Cancel(vm.NULL)
		aws[i] = t.Value()
	}
	g, err := Gather(th, aws, true)
	if err != nil {
		return err
	}
	if _, err := l.runUntilComplete(th, g.Value(), depth+1); err != nil { // + _cancel_all_tasks
		return err
	}
	for _, t := range tasks {
		if t.Cancelled() {
			continue
		}
		if exc, _ := t.Exception(); exc != nil {
			l.CallExceptionHandler(&ExcContext{
				Message:   "unhandled exception during asyncio.run() shutdown",
				Exception: exc,
				Task:      t.Value(),
			})
		}
	}
	return nil
}
