package main

import (
	"os"
	ossignal "os/signal"
	"syscall"
	"time"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/stdlib/signal"
	"github.com/pya-lang/pya/vm"
)

// catchSigint is set by main: in-process runs (tests) leave signals alone.
var catchSigint bool

// handleSigint routes Ctrl-C to the running program until the returned stop
// function is called: inside asyncio.run the main task is cancelled first
// (its cleanup runs, then KeyboardInterrupt propagates, as CPython's Runner
// does); otherwise KeyboardInterrupt is raised at the next poll point.
func handleSigint(in *vm.Interpreter) (stop func()) {
	sig := make(chan os.Signal, 1)
	ossignal.Notify(sig, os.Interrupt)
	go func() {
		for range sig {
			go deliverSigint(in)
		}
	}()
	return func() {
		ossignal.Stop(sig)
		close(sig)
	}
}

// deliverSigint hands one SIGINT to the loop, retrying briefly while the
// loop is busy, and falls back to a plain interrupt.
func deliverSigint(in *vm.Interpreter) {
	if signal.HasHandler(in, int(syscall.SIGINT)) {
		// signal.signal(SIGINT, ...) replaced KeyboardInterrupt (the
		// _signal module runs the handler or ignores the signal).
		signal.Post(in, int(syscall.SIGINT))
		return
	}
	for i := 0; i < 100; i++ {
		switch runtime.Sigint(in) {
		case runtime.SigintPosted:
			return
		case runtime.SigintNoLoop:
			in.Interrupt()
			return
		}
		time.Sleep(time.Millisecond)
	}
	in.Interrupt()
}
