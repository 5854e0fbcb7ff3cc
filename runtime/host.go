package runtime

// Hooks for Go programs that embed the interpreter (package pya).

import "github.com/pya-lang/pya/vm"

// InterruptLoop wakes the event loop running on in, if any, and makes it
// raise KeyboardInterrupt out of run_until_complete, as a SIGINT does to a
// loop blocked in its selector. Any goroutine may call it; it reports
// false without doing anything when the GIL is busy (pya code is running,
// and polls Interpreter.Interrupt itself) or no loop is running, so callers
// retry until the program ends.
func InterruptLoop(in *vm.Interpreter) bool {
	return postToRunningLoop(in, raiseInterrupt)
}

func raiseInterrupt(any, vm.Value) error { return vm.NewException(vm.KeyboardInterruptType) }

// WakeForSignals makes the loop running on in, if any, run the handlers of
// the signals recorded with Interpreter.PostSignal now, as a signal wakes
// CPython's loop from its selector. Any goroutine may call it; it reports
// false when the GIL is busy (running pya code polls the signals itself)
// or no loop runs.
func WakeForSignals(in *vm.Interpreter) bool {
	return postToRunningLoop(in, runSignalHandlers)
}

// postToRunningLoop posts fn, with the loop as its argument, to the loop
// running on in, if the GIL is free right now (else pya code is running and
// polls for itself). It reports whether a loop was running.
func postToRunningLoop(in *vm.Interpreter, fn callFunc) bool {
	envsMu.Lock()
	e := envs[in]
	envsMu.Unlock()
	if e == nil || !e.GIL.TryAcquire() {
		return false
	}
	l := e.running
	if l != nil {
		l.Post(fn, l, vm.NULL, false)
	}
	e.GIL.Release()
	return l != nil
}

func runSignalHandlers(arg any, _ vm.Value) error {
	_, err := arg.(*Loop).th.RunPendingSignals()
	return err
}
