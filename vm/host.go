package vm

// Hooks for Go programs that embed the interpreter (package pya).

// ClearInterrupt drops a pending Interrupt request, so that a reused
// interpreter does not raise KeyboardInterrupt for a run that already
// ended (safe from any goroutine).
func (in *Interpreter) ClearInterrupt() { in.breaker.And(^uint32(breakInterrupt)) }

// Interrupted reports whether an Interrupt request is pending.
func (in *Interpreter) Interrupted() bool { return in.breaker.Load()&breakInterrupt != 0 }
