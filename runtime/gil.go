package runtime

import (
	"math"
	"sync"
	"sync/atomic"
	"time"
)

// GIL is the global interpreter lock: only its holder may touch VM state.
// The loop goroutine holds it while it runs callbacks and releases it while
// it waits for timers or the inbox; worker threads hold it while they run
// pya code; blocking natives (time.sleep, I/O) release it around the
// blocking call:
//
//	g.Release(); time.Sleep(d); g.Acquire()
//
// Waiters queue in FIFO order and Release hands the lock to the first one
// directly, so a thread that releases and re-acquires (Yield) always lets a
// waiter run first. As in CPython, a waiter that has waited a switch
// interval (sys.setswitchinterval, 5 ms by default) without the lock
// changing hands asks the holder to drop it (request, the interpreter's
// eval breaker): a CPU-bound thread then yields at its next backward jump
// or call, and no thread starves another.
type GIL struct {
	mu        sync.Mutex      // guards held, waiters, switches
	held      bool            // someone holds the lock
	waiters   []chan struct{} // FIFO; each receives the lock from Release
	switches  uint64          // hand-overs so far (CPython's switch_number)
	waiting   atomic.Int32    // len(waiters), read without mu (Contended)
	drop      atomic.Bool     // a waiter asked the holder to let go (DropRequested)
	interval  atomic.Int64    // the switch interval in µs, as CPython keeps it
	setByUser atomic.Bool     // interval was set (else: the default)
	// request asks the holder to drop the lock (vm.Interpreter.
	// RequestSwitch); nil for bare threads, which never switch.
	request func()
}

// DefaultSwitchInterval is sys.getswitchinterval()'s initial value.
const DefaultSwitchInterval = 5 * time.Millisecond

// Acquire takes the lock, blocking until it is free.
func (g *GIL) Acquire() {
	g.mu.Lock()
	if !g.held {
		g.held = true
		g.mu.Unlock()
		return
	}
	ch := make(chan struct{}, 1)
	g.waiters = append(g.waiters, ch)
	g.waiting.Add(1)
	sw := g.switches
	g.mu.Unlock()
	t := time.NewTimer(g.SwitchInterval())
	defer t.Stop()
	for {
		select {
		case <-ch:
			return
		case <-t.C:
			// Waited an interval: if the lock did not change hands
			// meanwhile, its holder has kept it too long.
			g.mu.Lock()
			stuck := g.switches == sw
			sw = g.switches
			g.mu.Unlock()
			if stuck {
				g.drop.Store(true)
				if g.request != nil {
					g.request()
				}
			}
			t.Reset(g.SwitchInterval())
		}
	}
}

// TryAcquire takes the GIL if it is free and reports whether it did.
func (g *GIL) TryAcquire() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.held {
		return false
	}
	g.held = true
	return true
}

// DropRequested reports whether a waiter has waited a switch interval for
// the lock: Go code that holds it for long without running pya code (the
// event loop between callbacks) then yields, as the eval loop does when
// the interpreter's eval breaker asks it to.
func (g *GIL) DropRequested() bool { return g.drop.Load() }

// Contended reports whether another goroutine waits for the lock.
func (g *GIL) Contended() bool { return g.waiting.Load() > 0 }

// Release gives the lock up: to the first waiter, if any.
func (g *GIL) Release() {
	g.mu.Lock()
	if len(g.waiters) == 0 {
		g.held = false
		g.mu.Unlock()
		return
	}
	ch := g.waiters[0]
	g.waiters[0] = nil
	g.waiters = g.waiters[1:]
	g.waiting.Add(-1)
	g.switches++
	g.drop.Store(false)
	g.mu.Unlock()
	ch <- struct{}{}
}

// Yield lets the goroutines waiting for the lock run before taking it
// back (CPython's forced switch on a drop request); without waiters it
// returns at once.
func (g *GIL) Yield() {
	g.drop.Store(false)
	if !g.Contended() {
		return
	}
	g.Release()
	g.Acquire()
}

// SwitchInterval is the interval a waiter waits before it asks the holder
// to drop the lock (at least 1 µs, as in CPython).
func (g *GIL) SwitchInterval() time.Duration {
	if !g.setByUser.Load() {
		return DefaultSwitchInterval
	}
	us := max(g.interval.Load(), 1)
	if us > math.MaxInt64/int64(time.Microsecond) {
		return math.MaxInt64
	}
	return time.Duration(us) * time.Microsecond
}

// SwitchIntervalMicros is sys.getswitchinterval() in whole microseconds
// (sys.setswitchinterval(1e-9) reads back as 0.0 in CPython too).
func (g *GIL) SwitchIntervalMicros() int64 {
	if !g.setByUser.Load() {
		return int64(DefaultSwitchInterval / time.Microsecond)
	}
	return g.interval.Load()
}

// SetSwitchIntervalMicros is sys.setswitchinterval(us / 1e6).
func (g *GIL) SetSwitchIntervalMicros(us int64) {
	g.interval.Store(us)
	g.setByUser.Store(true)
}
