package main

import (
	"io"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// configureClock gives an interpreter its asyncio state and clock:
// "virtual" makes sleeps take no wall time (the loop jumps to the next timer
// when idle), "real" is the monotonic clock. Runtime reports (unhandled task
// errors, deadlocks) go to stderr. The returned function releases the state.
func configureClock(in *vm.Interpreter, clock string, stderr io.Writer) (release func()) {
	kind := runtime.RealClockKind
	if clock == "virtual" {
		kind = runtime.VirtualClockKind
	}
	runtime.ConfigureInterpreter(in, kind, stderr)
	return func() { runtime.ForgetInterpreter(in) }
}
