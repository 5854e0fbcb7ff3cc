package runtime

import (
	"container/heap"
	"math"
	"sync"
	"time"

	"github.com/pya-lang/pya/vm"
)

// Threads of the threading module. Each pya thread is a goroutine with its
// own vm.Thread that runs pya code only while it holds the interpreter's
// GIL. The two ways a thread blocks — a lock acquire and time.sleep — both
// go through a waiter of the interpreter's ThreadSched, which releases the
// GIL while waiting.
//
// On the virtual clock, time only moves when every thread is blocked: the
// waiter with the earliest deadline (a sleep, or an acquire's timeout) is
// woken after the clock jumps to that deadline. Threads then interleave as
// on CPython's real clock, deterministically and without waiting.

// ThreadSched tracks an interpreter's threads: how many are alive and how
// many wait, and the timed waiters ordered by deadline.
type ThreadSched struct {
	env     *Env
	mu      sync.Mutex
	live    int // threads alive, counting the main thread
	blocked int // threads inside wait
	timed   waiterHeap
	seq     int64
	nextID  int64
	idents  map[*vm.Thread]int64
	exiting bool // the main thread has finished: daemon threads stop

	// Woken threads take the GIL in the order they were woken (runq), as
	// threads woken at the same instant of real time would: a thread
	// keeps its turn (holding) until it waits again or ends.
	runq    []*threadWaiter
	turn    *sync.Cond
	holding map[*vm.Thread]*threadWaiter
}

// threadWaiter is one thread blocked in a wait.
type threadWaiter struct {
	ch       chan bool // receives true when signalled, false on timeout
	deadline float64   // +Inf: no timeout
	seq      int64
	index    int // in the timed heap, -1 when not in it
	done     bool
	timer    *time.Timer // real clock timeout
}

type waiterHeap []*threadWaiter

func (h waiterHeap) Len() int { return len(h) }
func (h waiterHeap) Less(i, j int) bool {
	if h[i].deadline != h[j].deadline {
		return h[i].deadline < h[j].deadline
	}
	return h[i].seq < h[j].seq
}
func (h waiterHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *waiterHeap) Push(x any) {
	w := x.(*threadWaiter)
	w.index = len(*h)
	*h = append(*h, w)
}
func (h *waiterHeap) Pop() any {
	old := *h
	w := old[len(old)-1]
	*h = old[:len(old)-1]
	w.index = -1
	return w
}

// mainIdent is the thread identifier of the main thread.
const mainIdent = 140000000000000

// Threads returns th's interpreter's thread scheduler.
func Threads(th *vm.Thread) *ThreadSched {
	e := EnvFor(th)
	e.threadsOnce.Do(func() {
		s := &ThreadSched{env: e, live: 1, nextID: mainIdent, idents: map[*vm.Thread]int64{}, holding: map[*vm.Thread]*threadWaiter{}}
		s.turn = sync.NewCond(&s.mu)
		e.threads.Store(s)
	})
	return e.threads.Load()
}

// threadSched returns the interpreter's ThreadSched, nil when the program
// never used threads; any goroutine may call it.
func (e *Env) threadSched() *ThreadSched { return e.threads.Load() }

// Ident is _thread.get_ident() for th.
func (s *ThreadSched) Ident(th *vm.Thread) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.idents[th]; ok {
		return id
	}
	return mainIdent
}

// Count is the number of threads started and not finished (_thread._count).
func (s *ThreadSched) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.live - 1
}

// Start runs fn(w) on a new goroutine with its own interpreter thread w,
// holding the GIL, and returns the new thread's identifier.
func (s *ThreadSched) Start(th *vm.Thread, fn func(w *vm.Thread)) int64 {
	w := newWorkerThread(th, s.env)
	s.mu.Lock()
	s.live++
	s.nextID += 4096 * 16
	id := s.nextID
	s.idents[w] = id
	s.mu.Unlock()
	go func() {
		s.env.GIL.Acquire()
		if s.isExiting() {
			s.park(w)
		}
		fn(w)
		s.mu.Lock()
		s.live--
		delete(s.idents, w)
		s.leaveTurnLocked(w)
		s.advanceLocked()
		s.mu.Unlock()
		s.env.GIL.Release()
	}()
	return id
}

func (s *ThreadSched) isExiting() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exiting
}

// park stops a daemon thread for good once the program has ended (CPython
// kills them at exit): it gives the GIL up and never returns.
func (s *ThreadSched) park(th *vm.Thread) {
	s.mu.Lock()
	s.leaveTurnLocked(th)
	s.mu.Unlock()
	s.env.GIL.Release()
	select {}
}

// leaveTurnLocked ends th's turn, letting the next woken thread run.
func (s *ThreadSched) leaveTurnLocked(th *vm.Thread) {
	w := s.holding[th]
	if w == nil {
		return
	}
	delete(s.holding, th)
	for i, x := range s.runq {
		if x == w {
			s.runq = append(s.runq[:i], s.runq[i+1:]...)
			break
		}
	}
	s.turn.Broadcast()
}

// Exit marks the end of the main program: threads still running (daemons)
// stop at their next wait.
func (s *ThreadSched) Exit() {
	s.mu.Lock()
	s.exiting = true
	s.mu.Unlock()
}

// newWaiter registers a waiter with the given timeout in seconds (< 0: none).
// The caller holds s.mu.
func (s *ThreadSched) newWaiterLocked(timeout float64) *threadWaiter {
	w := &threadWaiter{ch: make(chan bool, 1), deadline: math.Inf(1), index: -1}
	s.blocked++
	if timeout >= 0 {
		if s.env.Clock.Virtual() {
			s.seq++
			w.seq = s.seq
			w.deadline = s.env.Clock.Now() + timeout
			heap.Push(&s.timed, w)
		} else {
			w.timer = time.AfterFunc(time.Duration(timeout*1e9), func() {
				s.mu.Lock()
				s.wakeLocked(w, false)
				s.mu.Unlock()
			})
		}
	}
	return w
}

// wakeLocked ends w's wait with ok (true: signalled, false: timed out).
func (s *ThreadSched) wakeLocked(w *threadWaiter, ok bool) bool {
	if w.done {
		return false
	}
	w.done = true
	s.blocked--
	if w.index >= 0 {
		heap.Remove(&s.timed, w.index)
	}
	if w.timer != nil {
		w.timer.Stop()
	}
	s.runq = append(s.runq, w)
	w.ch <- ok
	return true
}

// advanceLocked moves the virtual clock when every thread is blocked: the
// earliest timed waiter times out at its deadline.
func (s *ThreadSched) advanceLocked() {
	vc, ok := s.env.Clock.(*VirtualClock)
	if !ok {
		return
	}
	// Deadlines the clock has passed (moved by an event loop) are due.
	for len(s.timed) > 0 && s.timed[0].deadline <= vc.Now() {
		s.wakeLocked(s.timed[0], false)
	}
	for s.blocked >= s.live && len(s.timed) > 0 {
		w := s.timed[0]
		vc.AdvanceTo(w.deadline)
		s.wakeLocked(w, false)
	}
}

// wait blocks on w, releasing the GIL, and reports whether w was signalled
// (false: timed out). The caller has registered w and released s.mu.
func (s *ThreadSched) wait(th *vm.Thread, w *threadWaiter) bool {
	s.mu.Lock()
	s.leaveTurnLocked(th)
	s.advanceLocked()
	s.mu.Unlock()
	gil := &s.env.GIL
	gil.Release()
	ok := <-w.ch
	s.mu.Lock()
	if s.runq[0] != w {
		// The turn holder may be CPU-bound: after a switch interval ask
		// it to give the turn and the GIL up, as a GIL waiter does.
		t := time.AfterFunc(gil.SwitchInterval(), func() {
			gil.drop.Store(true)
			if gil.request != nil {
				gil.request()
			}
		})
		for s.runq[0] != w {
			s.turn.Wait()
		}
		t.Stop()
	}
	s.holding[th] = w
	s.mu.Unlock()
	gil.Acquire()
	if s.isExiting() {
		s.park(th)
	}
	return ok
}

// Sleep is time.sleep(d) while other threads exist: the GIL is released
// for the duration; on the virtual clock the sleep ends when the clock,
// moved only while all threads wait, reaches its deadline.
func (s *ThreadSched) Sleep(th *vm.Thread, d float64) {
	s.mu.Lock()
	w := s.newWaiterLocked(d)
	s.mu.Unlock()
	s.wait(th, w)
}

// Active reports whether threads other than the main one exist.
func (s *ThreadSched) Active() bool { return s.Count() > 0 }

// ThreadLock is a _thread lock: not reentrant, released by any thread.
// Waiters queue in FIFO order; a release hands the lock to the first.
type ThreadLock struct {
	s       *ThreadSched
	locked  bool
	waiters []*threadWaiter
}

// NewThreadLock returns an unlocked lock.
func (s *ThreadSched) NewThreadLock() *ThreadLock { return &ThreadLock{s: s} }

// Acquire takes the lock, waiting (GIL released) up to timeout seconds
// (< 0: forever) when blocking; it reports whether the lock was taken.
func (l *ThreadLock) Acquire(th *vm.Thread, blocking bool, timeout float64) bool {
	s := l.s
	s.mu.Lock()
	if !l.locked {
		l.locked = true
		s.mu.Unlock()
		return true
	}
	if !blocking {
		s.mu.Unlock()
		return false
	}
	w := s.newWaiterLocked(timeout)
	l.waiters = append(l.waiters, w)
	s.mu.Unlock()
	if s.wait(th, w) {
		return true // handed over by Release
	}
	s.mu.Lock()
	for i, x := range l.waiters {
		if x == w {
			l.waiters = append(l.waiters[:i], l.waiters[i+1:]...)
			break
		}
	}
	s.mu.Unlock()
	return false
}

// Release unlocks the lock, or hands it to the first waiter; it reports
// false when the lock was not locked.
func (l *ThreadLock) Release() bool {
	s := l.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if !l.locked {
		return false
	}
	for len(l.waiters) > 0 {
		w := l.waiters[0]
		l.waiters = l.waiters[1:]
		if s.wakeLocked(w, true) {
			return true
		}
	}
	l.locked = false
	return true
}

// Locked reports whether the lock is held.
func (l *ThreadLock) Locked() bool {
	l.s.mu.Lock()
	defer l.s.mu.Unlock()
	return l.locked
}
