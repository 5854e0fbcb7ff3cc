package runtime

import (
	"sync"
	"time"

	"github.com/pya-lang/pya/vm"
)

// Under the virtual clock the loop jumps to the next timer when nothing
// else can happen, but while real I/O is in flight something else can:
// the loop then waits on its inbox, and the clock must neither jump past
// the I/O nor stand still (a wait_for around a read would never time
// out). The pacer makes virtual time flow at real speed while this
// package's I/O operations are in flight: a goroutine posts a tick every
// paceInterval, and the tick advances the clock by the real time elapsed,
// stopping exactly at the next timer's deadline so that timers fire at
// their virtual time.

const paceInterval = 2 * time.Millisecond

// pacer is a loop's I/O pacing state (loop goroutine only).
type pacer struct {
	loop     *Loop
	inflight int // I/O operations in flight
	running  bool
	last     time.Time
}

var pacers sync.Map // *Loop -> *pacer

func pacerOf(l *Loop) *pacer {
	if p, ok := pacers.Load(l); ok {
		return p.(*pacer)
	}
	p, _ := pacers.LoadOrStore(l, &pacer{loop: l})
	return p.(*pacer)
}

// ioBegin records an I/O operation that will post its completion (it
// calls BeginExternal); call ioEnd from the completion callback.
func (l *Loop) ioBegin() {
	l.BeginExternal()
	l.paceBegin()
}

// paceBegin makes virtual time flow at real speed until the matching
// ioEnd (a worker thread blocked in real I/O uses it directly: its
// to_thread future already counts as external work).
func (l *Loop) paceBegin() {
	if _, ok := l.clock.(*VirtualClock); !ok {
		return
	}
	p := pacerOf(l)
	p.inflight++
	if !p.running {
		p.running = true
		p.last = time.Now()
		go paceAfter(l, p)
	}
}

// ioEnd is called on the loop when an operation's completion arrives.
func (l *Loop) ioEnd() {
	if _, ok := l.clock.(*VirtualClock); ok {
		pacerOf(l).inflight--
	}
}

func paceAfter(l *Loop, p *pacer) {
	time.Sleep(paceInterval)
	l.Post(paceTick, p, vm.NULL, false)
}

// paceTick advances the virtual clock by the real time since the last
// tick, up to the next timer.
func paceTick(arg any, _ vm.Value) error {
	p := arg.(*pacer)
	l := p.loop
	vc := l.clock.(*VirtualClock)
	now := time.Now()
	target := vc.Now() + now.Sub(p.last).Seconds()
	p.last = now
	if len(l.timers) > 0 && l.timers[0].when < target {
		target = l.timers[0].when
	}
	vc.AdvanceTo(target)
	if p.inflight > 0 && !l.closed {
		go paceAfter(l, p)
	} else {
		p.running = false
		pacers.Delete(l) // the next operation starts a new pacer
	}
	return nil
}
