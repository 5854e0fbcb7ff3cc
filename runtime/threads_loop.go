package runtime

import (
	"container/heap"
	"math"

	"github.com/pya-lang/pya/vm"
)

// LeaveTurn ends th's turn (see ThreadSched.runq) before it releases the
// GIL for a wait of its own (the event loop's selector): threads woken
// after it must not wait for a turn that it keeps while blocked.
func (s *ThreadSched) LeaveTurn(th *vm.Thread) {
	s.mu.Lock()
	s.leaveTurnLocked(th)
	s.mu.Unlock()
}

// loopWait is the event loop's selector wait while threading threads exist
// on the virtual clock (executor workers, threading.Thread): the loop counts
// as one more blocked thread of the scheduler, timed by its next timer
// (deadline, in loop time; +Inf: none). The clock then moves only when the
// loop and every thread wait, to the earliest of their deadlines, so a
// worker's time.sleep and the loop's timers interleave as on the real
// clock. A post to the loop's inbox (a worker's completion) wakes it under
// the scheduler's lock (Loop.signal), before the clock can move past it.
// The caller holds the GIL; loopWait releases it while waiting.
func (s *ThreadSched) loopWait(l *Loop, deadline float64) {
	s.mu.Lock()
	l.inMu.Lock()
	posted := len(l.inbox) > 0
	l.inMu.Unlock()
	if posted {
		s.mu.Unlock()
		return
	}
	w := &threadWaiter{ch: make(chan bool, 1), deadline: math.Inf(1), index: -1}
	s.blocked++
	if !math.IsInf(deadline, 1) {
		s.seq++
		w.seq = s.seq
		w.deadline = deadline
		heap.Push(&s.timed, w)
	}
	l.schedWaiter = w
	s.leaveTurnLocked(l.th)
	s.advanceLocked()
	s.mu.Unlock()

	s.env.GIL.Release()
	<-w.ch
	s.mu.Lock()
	l.schedWaiter = nil
	// The wake queued w for a turn (wakeLocked): the loop takes none, it
	// only takes the GIL, so other woken threads go on in their order.
	for i, x := range s.runq {
		if x == w {
			s.runq = append(s.runq[:i], s.runq[i+1:]...)
			break
		}
	}
	s.turn.Broadcast()
	s.mu.Unlock()
	s.env.GIL.Acquire()
}
