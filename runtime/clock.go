package runtime

import (
	"os"
	"sync"
	"time"
)

// Clock is the loop's notion of time (loop.time()), in seconds.
type Clock interface {
	// Now returns the current time in seconds.
	Now() float64
	// Virtual reports whether time only moves when the loop is idle.
	Virtual() bool
	// Sleep blocks for d seconds (time.sleep); the virtual clock just
	// advances by d.
	Sleep(d float64)
}

// realClock is the monotonic clock.
type realClock struct{ start time.Time }

// NewRealClock returns a monotonic clock. Its epoch is arbitrary, like
// CPython's time.monotonic().
func NewRealClock() Clock { return &realClock{start: time.Now()} }

func (c *realClock) Now() float64  { return float64(time.Since(c.start)) / 1e9 }
func (c *realClock) Virtual() bool { return false }
func (c *realClock) Sleep(d float64) {
	if d > 0 {
		time.Sleep(time.Duration(d * 1e9))
	}
}

// VirtualClock is a clock that only moves when told: the loop jumps it to
// the next timer when nothing else can happen, and time.sleep(d) advances
// it by d. It is safe for concurrent use (to_thread workers may sleep).
type VirtualClock struct {
	mu  sync.Mutex
	now float64
}

// NewVirtualClock returns a virtual clock starting at t.
func NewVirtualClock(t float64) *VirtualClock { return &VirtualClock{now: t} }

func (c *VirtualClock) Now() float64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *VirtualClock) Virtual() bool { return true }

// Sleep advances the clock by d seconds without blocking.
func (c *VirtualClock) Sleep(d float64) {
	if d > 0 {
		c.mu.Lock()
		c.now += d
		c.mu.Unlock()
	}
}

// AdvanceTo moves the clock forward to t (never backwards).
func (c *VirtualClock) AdvanceTo(t float64) {
	c.mu.Lock()
	if t > c.now {
		c.now = t
	}
	c.mu.Unlock()
}

// ClockKind selects the clock new interpreters use.
type ClockKind int

const (
	RealClockKind ClockKind = iota
	VirtualClockKind
)

var (
	defaultClockMu   sync.Mutex
	defaultClockKind = clockKindFromEnv()
)

func clockKindFromEnv() ClockKind {
	if os.Getenv("PYA_CLOCK") == "virtual" {
		return VirtualClockKind
	}
	return RealClockKind
}

// SetDefaultClock sets the clock kind used by interpreters whose asyncio
// state is created afterwards (the CLI calls it for --clock=virtual; the
// PYA_CLOCK=virtual environment variable sets the initial default).
func SetDefaultClock(kind ClockKind) {
	defaultClockMu.Lock()
	defaultClockKind = kind
	defaultClockMu.Unlock()
}

// DefaultClockKind returns the kind set by SetDefaultClock.
func DefaultClockKind() ClockKind {
	defaultClockMu.Lock()
	defer defaultClockMu.Unlock()
	return defaultClockKind
}

// NewClock returns a fresh clock of the given kind. The virtual clock
// starts at an arbitrary positive time, as the monotonic clock does.
func NewClock(kind ClockKind) Clock {
	if kind == VirtualClockKind {
		return NewVirtualClock(1000)
	}
	return NewRealClock()
}
