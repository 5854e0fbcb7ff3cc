package runtime

import (
	goruntime "runtime"
	"sync"
	"sync/atomic"
)

// GIL is the global interpreter lock: only its holder may touch VM state.
// The loop goroutine holds it while it runs callbacks and releases it while
// it waits for timers or the inbox; to_thread workers hold it while they
// run pya code; blocking natives (time.sleep, I/O) release it around the
// blocking call:
//
//	g.Release(); time.Sleep(d); g.Acquire()
type GIL struct {
	mu      sync.Mutex
	waiting atomic.Int32 // goroutines blocked in Acquire
}

// Acquire takes the lock, blocking until it is free.
func (g *GIL) Acquire() {
	if g.mu.TryLock() {
		return
	}
	g.waiting.Add(1)
	g.mu.Lock()
	g.waiting.Add(-1)
}

// Contended reports whether another goroutine waits for the lock: the
// interpreter can poll it at backward jumps and Yield, as CPython's
// eval loop drops the GIL every 5 ms for waiting threads.
func (g *GIL) Contended() bool { return g.waiting.Load() > 0 }

// Release gives the lock up.
func (g *GIL) Release() { g.mu.Unlock() }

// Yield lets another goroutine waiting for the lock run (the interpreter
// may call it every few thousand instructions while a worker thread exists).
// A waiter that has waited over a millisecond puts the mutex in
// starvation mode, where Unlock hands it over directly, so a yield lets a
// waiting worker in within about a millisecond.
func (g *GIL) Yield() {
	g.mu.Unlock()
	goruntime.Gosched()
	g.mu.Lock()
}
