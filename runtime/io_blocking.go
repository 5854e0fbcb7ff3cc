package runtime

import (
	"github.com/pya-lang/pya/vm"
)

func init() { vm.SetBlockingHook(Blocking) }

// Blocking runs fn, a blocking Go call (a file, pipe or socket read, an
// HTTP request of requests), without the GIL, so that the event loop and
// other threads run meanwhile, as CPython releases the GIL around
// blocking system calls. The caller holds the GIL.
//
// Under the virtual clock, when a worker thread blocks while a loop runs,
// that loop's virtual time flows at real speed meanwhile (the I/O pacer,
// io_pace.go), so that its timers fire while the worker waits instead of
// the clock standing still. (The loop's own thread blocking stops the
// loop, so it needs no pacing; its clock does not count the blocked time,
// as a file read takes none on testdata/regen's virtual CPython.)
func Blocking(th *vm.Thread, fn func()) {
	e := cachedEnv(th)
	var l *Loop
	if _, virtual := e.Clock.(*VirtualClock); virtual && e.running != nil && e.running.th != th && !e.running.closed {
		l = e.running
		l.Post(paceBeginCB, l, vm.NULL, false)
	}
	e.GIL.Release()
	fn()
	e.GIL.Acquire()
	if l != nil {
		l.Post(paceEndCB, l, vm.NULL, false)
	}
}

func paceBeginCB(arg any, _ vm.Value) error {
	arg.(*Loop).paceBegin()
	return nil
}

func paceEndCB(arg any, _ vm.Value) error {
	arg.(*Loop).ioEnd()
	return nil
}
