package vm

// Signals with Python handlers (the signal module): a signal that arrives
// on another goroutine is recorded with PostSignal, which also raises the
// interrupt flag the eval loop polls; at the next poll point the main
// thread runs the handlers through SignalDispatch, as CPython runs signal
// handlers between bytecodes of the main thread. A plain Interrupt (no
// signal recorded) still raises KeyboardInterrupt.

// SignalDispatch runs the Python handler of signal sig on th (set by the
// signal module; nil while it is not linked in).
var SignalDispatch func(th *Thread, sig int) error

// PostSignal records signal sig (1..63) for the handlers of in's main
// thread; any goroutine may call it.
func (in *Interpreter) PostSignal(sig int) {
	in.signals.Or(1 << uint(sig))
	in.breaker.Or(breakInterrupt)
}

// RunPendingSignals runs the handlers of the signals recorded for th's
// interpreter (main thread only); ok false when none was recorded.
func (th *Thread) RunPendingSignals() (ok bool, err error) {
	in := th.Interp
	if in == nil || th != in.main || SignalDispatch == nil {
		return false, nil
	}
	bits := in.signals.Swap(0)
	if bits == 0 {
		return false, nil
	}
	for sig := 1; sig < 64; sig++ {
		if bits&(1<<uint(sig)) != 0 {
			if err := SignalDispatch(th, sig); err != nil {
				// Keep the others for the next poll point.
				if rest := bits &^ (1<<uint(sig+1) - 1); rest != 0 {
					in.signals.Or(rest)
					in.breaker.Or(breakInterrupt)
				}
				return true, err
			}
		}
	}
	return true, nil
}

// MainThreadOf returns in's main thread (the one signal handlers run on).
func MainThreadOf(in *Interpreter) *Thread { return in.main }
