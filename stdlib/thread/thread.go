// Package thread is the _thread module: threads as goroutines that run pya
// code under the interpreter's GIL (see runtime.ThreadSched), and the
// locks they wait on. The threading module (stdlib/pymod/threading.py) is
// written in pya on top of it, as CPython's threading.py is on _thread.
package thread

import (
	"math"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// timeoutMax is _thread.TIMEOUT_MAX (CPython's value on Linux).
const timeoutMax = 9223372036.0

func init() {
	initLockTypes()
	vm.RegisterModule("_thread", func(th *vm.Thread, m *vm.Module) error {
		pyarg.Funcs(m.Dict, map[string]vm.NativeFunc{
			"start_new_thread": startNewThread,
			"start_new":        startNewThread,
			"allocate_lock":    allocateLock,
			"allocate":         allocateLock,
			"get_ident":        getIdent,
			"get_native_id":    getIdent,
			"_count": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
				if err := pyarg.Exactly("_count", args, kw, 0); err != nil {
					return vm.NULL, err
				}
				return vm.Int(int64(runtime.Threads(th).Count())), nil
			},
			// _set_exiting is called by threading._shutdown once the
			// non-daemon threads are joined: daemon threads stop.
			"_set_exiting": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
				runtime.Threads(th).Exit()
				return vm.None, nil
			},
		})
		m.Dict.SetStr("LockType", vm.ObjectValue(LockType))
		m.Dict.SetStr("lock", vm.ObjectValue(LockType))
		m.Dict.SetStr("RLock", vm.ObjectValue(RLockType))
		m.Dict.SetStr("error", vm.ObjectValue(vm.RuntimeErrorType))
		m.Dict.SetStr("TIMEOUT_MAX", vm.Float(timeoutMax))
		return nil
	})
}

func getIdent(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if err := pyarg.Exactly("get_ident", args, kw, 0); err != nil {
		return vm.NULL, err
	}
	return vm.Int(runtime.Threads(th).Ident(th)), nil
}

// start_new_thread(function, args[, kwargs]) runs function(*args,
// **kwargs) on a new thread and returns its identifier.
func startNewThread(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if err := pyarg.NoKw("start_new_thread", kw); err != nil {
		return vm.NULL, err
	}
	if len(args) < 2 || len(args) > 3 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "start_new_thread expected at least 2 arguments, got %d", len(args))
	}
	fn := args[0]
	if !vm.IsCallable(fn) {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "first arg must be callable")
	}
	tup, ok := args[1].Object().(*vm.Tuple)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "2nd arg must be a tuple")
	}
	callArgs := append([]vm.Value(nil), tup.Items...)
	var kwnames []string
	if len(args) == 3 {
		d, ok := args[2].Object().(*vm.Dict)
		if !ok {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "optional 3rd arg must be a dictionary")
		}
		var err error
		d.Items(func(k, v vm.Value) bool {
			s, ok := pyarg.Str(k)
			if !ok {
				err = vm.NewError(vm.TypeErrorType, "keywords must be strings")
				return false
			}
			kwnames = append(kwnames, s)
			callArgs = append(callArgs, v)
			return true
		})
		if err != nil {
			return vm.NULL, err
		}
	}
	in := th.Interp
	id := runtime.Threads(th).Start(th, func(w *vm.Thread) {
		_, err := w.Call(fn, callArgs, kwnames)
		if err == nil || in == nil {
			return
		}
		if e, ok := err.(*vm.Exception); ok {
			if e.Type().IsSubtype(vm.SystemExitType) {
				return
			}
			r, _ := vm.Repr(w, fn)
			if stderr := in.Config().Stderr; stderr != nil {
				_, _ = stderr.Write([]byte("Exception ignored in thread started by: " + r + "\n" + in.FormatException(e)))
			}
		}
	})
	return vm.Int(id), nil
}

// timeoutArgs parses acquire(blocking=True, timeout=-1) into (blocking,
// timeout in seconds, < 0 for none), with CPython's checks.
func timeoutArgs(th *vm.Thread, fname string, args []vm.Value, kw []string) (bool, float64, error) {
	blockingV, timeoutV := vm.True, vm.Int(-1)
	if err := vm.ParseArgs(fname, args, kw, []string{"blocking?", "timeout?"}, &blockingV, &timeoutV); err != nil {
		return false, 0, err
	}
	blocking, err := vm.Truth(th, blockingV)
	if err != nil {
		return false, 0, err
	}
	timeout, err := pyarg.ToFloat(th, timeoutV)
	if err != nil {
		return false, 0, err
	}
	if !blocking && timeout != -1 {
		return false, 0, vm.NewError(vm.ValueErrorType, "can't specify a timeout for a non-blocking call")
	}
	if timeout < 0 && timeout != -1 {
		return false, 0, vm.NewError(vm.ValueErrorType, "timeout value must be a non-negative number")
	}
	if timeout > timeoutMax || math.IsNaN(timeout) {
		return false, 0, vm.NewError(vm.OverflowErrorType, "timeout value is too large")
	}
	return blocking, timeout, nil
}
