package vm

// blockingHook runs a blocking Go call (a file or pipe read, a write to a
// slow device) for a thread; the runtime sets it so that the call runs
// without the global interpreter lock, as CPython releases the GIL around
// blocking system calls: a to_thread worker blocked in a read then does not
// stall the event loop. Without a runtime the call just runs.
var blockingHook func(th *Thread, fn func())

// SetBlockingHook installs the runtime's blocking-call hook (runtime's
// init calls it).
func SetBlockingHook(h func(th *Thread, fn func())) { blockingHook = h }

// Blocking runs fn, a Go call that may block, letting other threads run
// pya code meanwhile. fn must not touch VM state (values, objects other
// than its own Go data): it runs without the interpreter lock.
func (th *Thread) Blocking(fn func()) {
	if blockingHook == nil || th == nil {
		fn()
		return
	}
	blockingHook(th, fn)
}
