package pya

import (
	"context"
	"fmt"
	"math"
	goruntime "runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// interruptPeriod is how often a cancelled call wakes the event loop
// again: a loop that caught KeyboardInterrupt (asyncio.run cancelling its
// tasks, a script catching it) gets it again.
const interruptPeriod = time.Millisecond

// spinFor is how long a cancelled call's watcher keeps the interrupt flag
// set continuously before falling back to once per interruptPeriod.
const spinFor = 10 * time.Second

// call is the boundary of every public entry point: it sets up the
// context, the step budget and the cancellation watcher, recovers Go
// panics, and converts errors to *Error. Calls nested inside natives share
// the outer call's context and budget.
func (in *Interpreter) call(ctx context.Context, f func(th *vm.Thread) (vm.Value, error)) (v vm.Value, err error) {
	switch {
	case in.closed:
		return vm.NULL, &Error{Type: "RuntimeError", Message: "pya: interpreter is closed"}
	case in.broken:
		return vm.NULL, &Error{Type: "InternalError", Message: "pya: interpreter unusable after an internal error", cause: ErrInternal}
	}
	th := in.vm.Thread()
	if in.active > 0 {
		v, err = f(th)
		return v, in.fromError(err)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if e := ctx.Err(); e != nil {
		return vm.NULL, &Error{Type: "KeyboardInterrupt", cause: e}
	}
	in.ctx = ctx
	in.steps = 0
	in.active++
	in.vm.ClearInterrupt()
	stop := in.watch(ctx)
	defer func() {
		if r := recover(); r != nil {
			stop()
			in.broken = true
			v, err = vm.NULL, &Error{Type: "InternalError", Message: fmt.Sprint(r), Traceback: string(debug.Stack()), cause: ErrInternal}
		}
		in.active--
	}()
	v, err = f(th)
	// Stop interrupting before formatting the traceback (which may run
	// __str__ methods).
	stop()
	return v, in.fromError(err)
}

// watch starts the goroutine that turns ctx's cancellation into an
// interrupt: the VM polls the flag at backward jumps and calls, and a loop
// blocked waiting for timers or natives is woken through its inbox. The
// returned stop function is idempotent.
func (in *Interpreter) watch(ctx context.Context) (stop func()) {
	if ctx.Done() == nil {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		select {
		case <-done:
			return
		case <-ctx.Done():
		}
		// The VM clears the flag when it raises KeyboardInterrupt, and a
		// script may catch that: keep the flag set (spinning, yielding
		// the processor) so that the handler's next poll point raises
		// again, and wake a blocked event loop every interruptPeriod.
		// After spinFor, the script is blocked somewhere the flag does
		// not reach (a native ignoring its context): poll gently.
		start := time.Now()
		next := start
		for {
			// A tight burst of stores: the window in which a handler can
			// run without seeing the flag is a few instructions wide.
			for i := 0; i < 1000; i++ {
				in.vm.Interrupt()
			}
			now := time.Now()
			if !now.Before(next) {
				runtime.InterruptLoop(in.vm)
				next = now.Add(interruptPeriod)
			}
			if now.Sub(start) > spinFor {
				select {
				case <-done:
					return
				case <-time.After(interruptPeriod):
				}
				continue
			}
			select {
			case <-done:
				return
			default:
				goruntime.Gosched()
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			<-finished
			in.vm.ClearInterrupt()
		})
	}
}

// patchTime replaces time.sleep by a version that a cancelled context
// interrupts (the stdlib's blocks for the whole duration).
func (in *Interpreter) patchTime() error {
	th := in.vm.Thread()
	m, err := th.Import("time", in.main.Dict, vm.NULL, 0)
	if err != nil {
		return err
	}
	mod, ok := m.Object().(*vm.Module)
	if !ok {
		return nil
	}
	mod.Dict.SetStr("sleep", vm.NewBuiltin("sleep", in.sleep))
	return nil
}

// sleep is time.sleep(secs).
func (in *Interpreter) sleep(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if len(kwnames) > 0 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "sleep() takes no keyword arguments")
	}
	if len(args) != 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "time.sleep() takes exactly one argument (%d given)", len(args))
	}
	a := Args{in: in, th: th, name: "sleep", args: args}
	d, err := a.Float(0)
	if err != nil {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "'%s' object cannot be interpreted as an integer", vm.TypeName(args[0]))
	}
	switch {
	case math.IsNaN(d):
		return vm.NULL, vm.NewError(vm.ValueErrorType, "Invalid value NaN (not a number)")
	case d < 0:
		return vm.NULL, vm.NewError(vm.ValueErrorType, "sleep length must be non-negative")
	}
	c := runtime.CurrentClock(th)
	if c.Virtual() {
		c.Sleep(d)
		return vm.None, nil
	}
	ctx := in.ctx
	gil := runtime.CurrentGIL(th)
	gil.Release()
	t := time.NewTimer(time.Duration(math.Min(d, 1e9) * 1e9))
	select {
	case <-t.C:
	case <-ctx.Done():
	}
	t.Stop()
	gil.Acquire()
	if ctx.Err() != nil {
		in.vm.ClearInterrupt()
		return vm.NULL, vm.NewException(vm.KeyboardInterruptType)
	}
	return vm.None, nil
}

// blockedModules are the modules Sandbox makes unimportable.
// _pya_io, asyncio.streams and asyncio.subprocess are asyncio's network
// and process support (asyncio.open_connection, start_server,
// create_subprocess_exec load them lazily).
var blockedModules = []string{"os", "os.path", "posixpath", "subprocess", "socket", "shutil", "pathlib", "io", "ctypes", "signal", "multiprocessing",
	"_pya_io", "asyncio.streams", "asyncio.subprocess"}

// sandbox removes file, process and network access: the open builtin,
// the blocked modules (None in sys.modules: "import of os halted"), and
// sys.modules itself, replaced by a copy so that a script cannot delete
// the None entries; sys.setrecursionlimit is capped at the configured
// depth.
func (in *Interpreter) sandbox() error {
	b := in.vm.Builtins()
	b.DelStr("open")
	mods := in.vm.Modules()
	for _, name := range blockedModules {
		mods.SetStr(name, vm.None)
	}
	th := in.vm.Thread()
	m, err := th.Import("sys", in.main.Dict, vm.NULL, 0)
	if err != nil {
		return err
	}
	sys, ok := m.Object().(*vm.Module)
	if !ok {
		return nil
	}
	sys.Dict.SetStr("modules", vm.ObjectValue(mods.Copy()))
	limit := th.RecursionLimit()
	sys.Dict.SetStr("setrecursionlimit", vm.NewBuiltin("setrecursionlimit", func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		a := Args{in: in, th: th, name: "setrecursionlimit", args: args, kwnames: kwnames}
		if err := a.Check(1, 1); err != nil {
			return vm.NULL, err
		}
		n, err := a.Int(0)
		if err != nil {
			return vm.NULL, err
		}
		if n < 1 {
			return vm.NULL, vm.NewError(vm.ValueErrorType, "recursion limit must be greater or equal than 1")
		}
		if n > int64(limit) {
			return vm.NULL, vm.NewError(vm.PermissionErrorType, "recursion limit is capped at %d in this sandbox", limit)
		}
		th.SetRecursionLimit(int(n))
		return vm.None, nil
	}))
	return nil
}
