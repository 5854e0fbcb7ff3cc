package runtime

import "github.com/pya-lang/pya/vm"

// Runner is asyncio.Runner (3.11): a loop made on entry, used by run()
// calls, shut down by close() or the with statement's exit.
type Runner struct {
	loop   *Loop
	closed bool
	debug  vm.Value // the debug argument (NULL: not given)
	// ctx is the context run() runs its tasks in by default: one copy,
	// taken when the runner starts (Runner._context), so what a run sets
	// the next run sees.
	ctx *vm.Context
}

func (*Runner) Type() *vm.Type { return RunnerType }

// RunnerType is asyncio.Runner.
var RunnerType = newType("Runner", "asyncio.runners", nil)

// NewRunner returns an unstarted runner; debug is Runner's debug argument
// (NULL when not given).
func NewRunner(debug vm.Value) *Runner { return &Runner{debug: debug} }

// init is Runner._lazy_init.
func (r *Runner) init(th *vm.Thread) error {
	if r.closed {
		return vm.NewError(vm.RuntimeErrorType, "Runner is closed")
	}
	if r.loop == nil {
		r.loop = NewLoop(th)
		SetEventLoop(th, r.loop)
		r.ctx = th.CopyContext()
		return r.loop.setDebugArg(th, r.debug)
	}
	return nil
}

// Enter is __enter__.
func (r *Runner) Enter(th *vm.Thread) error { return r.init(th) }

// Loop is runner.get_loop().
func (r *Runner) Loop(th *vm.Thread) (*Loop, error) {
	if err := r.init(th); err != nil {
		return nil, err
	}
	return r.loop, nil
}

// Run is runner.run(coro).
func (r *Runner) Run(th *vm.Thread, coro vm.Value, ctx *vm.Context) (vm.Value, error) {
	if !IsCoroutineLike(th, coro) {
		rep, _ := safeRepr(th, coro)
		return vm.NULL, vm.NewError(vm.ValueErrorType, "a coroutine was expected, got %s", rep)
	}
	if EnvFor(th).running != nil {
		return vm.NULL, vm.NewError(vm.RuntimeErrorType, "Runner.run() cannot be called from a running event loop")
	}
	if err := r.init(th); err != nil {
		return vm.NULL, err
	}
	if ctx == nil {
		ctx = r.ctx
	}
	t, err := r.loop.CreateTask(coro, vm.NULL, ctx)
	if err != nil {
		return vm.NULL, err
	}
	return r.loop.runMain(th, t, depthRunnerRun)
}

// Close is runner.close() (and __exit__).
func (r *Runner) Close(th *vm.Thread) error {
	if r.loop == nil || r.closed {
		r.closed = true
		return nil
	}
	err := r.loop.shutdown(th, false, depthRunnerClose)
	SetEventLoop(th, nil)
	r.loop = nil
	r.closed = true
	return err
}
