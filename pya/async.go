package pya

import (
	"context"
	"errors"
	"fmt"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// asyncResult carries an async native's outcome from its goroutine to the
// loop, through Loop.Post.
type asyncResult struct {
	in     *Interpreter
	fut    *runtime.Future
	r      any
	err    error
	cancel context.CancelFunc
}

// callAsync starts an async native: it returns a pending Future of the
// running loop and resolves it from the loop's inbox when fn returns.
func (in *Interpreter) callAsync(f *Function, th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	l, err := runtime.GetRunningLoop(th)
	if err != nil {
		return vm.NULL, err
	}
	// Detach the arguments from the interpreter's objects: the goroutine
	// runs while pya code mutates them.
	copied := make([]vm.Value, len(args))
	for i, a := range args {
		g, err := in.toGo(a, 0)
		if err != nil {
			return vm.NULL, err
		}
		if _, opaque := g.(*Object); opaque {
			copied[i] = a
			continue
		}
		if copied[i], err = in.fromGo(g, 0); err != nil {
			return vm.NULL, err
		}
	}
	parent := in.ctx
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithCancel(parent)
	fut := runtime.NewFuture(l)
	res := &asyncResult{in: in, fut: fut, cancel: cancel}
	// A cancelled future (task.cancel(), wait_for timeout) cancels ctx.
	fut.AddDoneCallback(func(arg any, _ vm.Value) error {
		arg.(*asyncResult).cancel()
		return nil
	}, res)
	a := Args{in: in, ctx: ctx, name: f.name, args: copied, kwnames: append([]string(nil), kwnames...)}
	l.BeginExternal()
	go func() {
		defer func() {
			if r := recover(); r != nil {
				res.r, res.err = nil, fmt.Errorf("panic in async native %s: %v", f.name, r)
			}
			l.Post(asyncDone, res, vm.NULL, true)
		}()
		res.r, res.err = f.async(ctx, a)
	}()
	return fut.Value(), nil
}

// asyncDone runs on the loop: it settles the future with fn's result.
func asyncDone(arg any, _ vm.Value) error {
	res := arg.(*asyncResult)
	if res.fut.Done() { // cancelled meanwhile
		return nil
	}
	if res.err != nil && res.in.ctx.Err() != nil && (errors.Is(res.err, context.Canceled) || errors.Is(res.err, context.DeadlineExceeded)) {
		// The run was cancelled: interrupt the loop (as the watcher
		// would) and leave the future pending, so that asyncio.run's
		// shutdown cancels the awaiting task (no "exception was never
		// retrieved" report, no deadlock report).
		return vm.NewException(vm.KeyboardInterruptType)
	}
	if res.err != nil {
		res.fut.SetException(asException(res.in.toException(res.err)))
		return nil
	}
	v, err := res.in.fromGo(res.r, 0)
	if err != nil {
		res.fut.SetException(asException(res.in.toException(err)))
		return nil
	}
	res.fut.SetResult(v)
	return nil
}

func asException(err error) *vm.Exception {
	if e, ok := err.(*vm.Exception); ok {
		return e
	}
	return vm.NewException(vm.RuntimeErrorType, vm.NewStr(err.Error()))
}
