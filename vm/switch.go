package vm

// The eval breaker's bits (Interpreter.breaker).
const (
	breakInterrupt uint32 = 1 << iota // KeyboardInterrupt requested
	breakSwitch                       // another thread waits for the GIL
)

// SetSwitchHook installs the function that hands the GIL over when
// another thread has waited for it a switch interval (the runtime's GIL
// calls RequestSwitch, CPython's gil_drop_request): the thread running
// pya code calls hook at its next backward jump or call.
func (in *Interpreter) SetSwitchHook(hook func(th *Thread)) { in.switchHook = hook }

// RequestSwitch asks the thread running pya code to give the GIL up at its
// next backward jump or call (safe from any goroutine).
func (in *Interpreter) RequestSwitch() { in.breaker.Or(breakSwitch) }

// handleBreaker serves the eval breaker: a switch request hands the GIL
// over (and takes it back), an interrupt runs the pending signal handlers
// or raises KeyboardInterrupt (takeInterrupt; nil: go on). It is
// out of the eval loop's hot path: the loop only loads the breaker word.
func (th *Thread) handleBreaker() error {
	b := th.breaker.Load()
	if b&breakSwitch != 0 {
		th.PollSwitch()
	}
	if b&breakInterrupt != 0 {
		return th.takeInterrupt()
	}
	return nil
}

// PollSwitch honours a pending switch request: Go code that runs for long
// on the GIL without running pya code (the event loop between callbacks)
// calls it, as the eval loop does at backward jumps and calls.
func (th *Thread) PollSwitch() {
	if th.breaker.Load()&breakSwitch == 0 {
		return
	}
	th.breaker.And(^uint32(breakSwitch))
	if in := th.Interp; in != nil && in.switchHook != nil {
		in.switchHook(th)
	}
}
