package runtime

import (
	goruntime "runtime"
	"sync"
)

// GIL is the global interpreter lock: only its holder may touch VM state.
// The loop goroutine holds it while it runs callbacks and releases it while
// it waits for timers or the inbox; to_thread workers hold it while they
// run pya code; blocking natives (time.sleep, I/O) release it around the
// blocking call:
//
//	g.Release(); time.Sleep(d); g.Acquire()
type GIL struct {
	mu sync.Mutex
}

// Acquire takes the lock, blocking until it is free.
func (g *GIL) Acquire() { g.mu.Lock() }

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
