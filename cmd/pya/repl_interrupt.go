package main

import (
	"sync/atomic"
	"time"

	"github.com/pya-lang/pya/vm"
)

// interruptGrace is how long Ctrl-C waits for the loop to take it as a
// cancellation of the input's task before it is raised as
// KeyboardInterrupt into whatever code runs.
const interruptGrace = 100 * time.Millisecond

// interrupter turns Ctrl-C while an input runs into what asyncio's REPL
// does: when the loop is idle waiting for the input's task, the task is
// cancelled ("KeyboardInterrupt" is printed); when pya code is running (a
// plain statement, a busy loop), KeyboardInterrupt is raised into it
// through the interpreter's interrupt flag, which the VM polls at calls and
// backward jumps. At the prompt liner reads Ctrl-C as a key instead.
type interrupter struct {
	r         *repl
	executing atomic.Bool
	seq       atomic.Int64 // signals received while executing
	handled   atomic.Int64 // the last signal the loop took as a cancellation
	quit      chan struct{}
	// cancelled is set (on the loop goroutine) when Ctrl-C cancelled the
	// input's task.
	cancelled bool

	probe   *vm.CodeObject // `int()`: a call, which takes a pending interrupt
	scratch *vm.Module
}

func (it *interrupter) start(r *repl) {
	it.r = r
	it.quit = make(chan struct{})
	if code, err := compileSource("<repl>", []byte("int()\n")); err == nil {
		it.probe = vm.LoadCode(code)
		it.scratch = vm.NewModule("__repl__")
	}
	if r.cfg.sigint == nil {
		return
	}
	go func() {
		for {
			select {
			case <-r.cfg.sigint:
				it.signal()
			case <-it.quit:
				return
			}
		}
	}()
}

func (it *interrupter) stop() { close(it.quit) }

// begin and end bracket the execution of an input.
func (it *interrupter) begin() { it.executing.Store(true) }
func (it *interrupter) end()   { it.executing.Store(false) }

// signal handles one SIGINT (on the signal goroutine).
func (it *interrupter) signal() {
	if !it.executing.Load() {
		// No input runs and no prompt is up (liner reads Ctrl-C as a key):
		// the loop is busy with a background task, which gets the
		// KeyboardInterrupt.
		it.r.in.Interrupt()
		return
	}
	n := it.seq.Add(1)
	it.r.loop.Post(takeInterrupt, it, vm.Int(n), false)
	time.AfterFunc(interruptGrace, func() {
		if it.handled.Load() < n && it.executing.Load() {
			it.r.in.Interrupt()
		}
	})
}

// takeInterrupt runs on the loop when it is free: the loop is idle, so
// Ctrl-C cancels the input's task if it has one.
func takeInterrupt(arg any, v vm.Value) error {
	it := arg.(*interrupter)
	it.handled.Store(v.AsInt())
	if t := it.r.current; t != nil && !t.Done() {
		t.Cancel(vm.NULL)
		it.cancelled = true
	}
	return nil
}

// clearStale consumes an interrupt that arrived too late to be raised (the
// statement ended first), so that it does not hit the next input.
func (it *interrupter) clearStale() {
	if it.probe != nil {
		it.r.th.RunModule(it.probe, it.scratch)
	}
}

// afterPromptInterrupt is Ctrl-C at the prompt: if the loop does not take
// the aborted input soon, a background task is hogging it, and gets the
// KeyboardInterrupt.
func (it *interrupter) afterPromptInterrupt(in *input) {
	time.AfterFunc(interruptGrace, func() {
		if !in.delivered.Load() {
			it.r.in.Interrupt()
		}
	})
}
