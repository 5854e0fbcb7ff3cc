package runtime

import (
	"container/heap"
	"math"
	"sync"
	"time"

	"github.com/pya-lang/pya/vm"
)

// maxSelectTimeout caps one idle wait, as base_events.MAXIMUM_SELECT_TIMEOUT.
const maxSelectTimeout = 24 * 3600

// Timer heap cleanup thresholds (base_events._MIN_SCHEDULED_TIMER_HANDLES
// and _MIN_CANCELLED_TIMER_HANDLES_FRACTION).
const (
	minScheduledTimerHandles         = 100
	minCancelledTimerHandlesFraction = 0.5
)

// clockResolution is time.get_clock_info('monotonic').resolution on Linux.
const clockResolution = 1e-9

// Loop is an event loop (BaseEventLoop). All its methods except Post,
// BeginExternal and the inbox run on the goroutine holding the GIL.
type Loop struct {
	open map[leftover]struct{} // listeners and transports to close at close() (io_leftovers.go)

	env   *Env
	th    *vm.Thread
	clock Clock

	ready               readyQueue
	timers              timerHeap
	timerCancelledCount int
	seq                 uint64

	running, stopping, closed bool
	debug                     bool     // loop.get_debug()
	taskFactory               vm.Value // loop.set_task_factory (NULL: none)

	// inbox receives callbacks posted by other goroutines (call_soon_threadsafe).
	inMu     sync.Mutex
	inbox    []callback
	external int // operations running on other goroutines that will post back
	wake     chan struct{}
	// schedWaiter is the loop's wait as a blocked thread of the
	// ThreadSched (see loopWait), nil when not waiting there; guarded by
	// the ThreadSched's mutex.
	schedWaiter *threadWaiter

	// defaultExecutor is set_default_executor's executor (NULL: pya's own
	// worker goroutines serve run_in_executor(None, ...)).
	defaultExecutor vm.Value

	currentTask *Task
	tasks       []*Task   // all tasks created on this loop, pruned of done ones lazily
	mainFut     *Future   // the future run_until_complete waits for (deadlock reports)
	runnerMain  *Task     // asyncio.run's main task, which a SIGINT cancels (Sigint)
	interrupts  int       // SIGINTs received during runMain
	rec         *Recorder // pya --timeline/--trace; nil when not recording

	excHandler  vm.Value  // set_exception_handler; NULL for the default
	unretrieved []*Future // futures that got an exception (see trackUnretrieved)

	asyncgens         []vm.Value // async generators first iterated on this loop
	asyncgensShutdown bool
}

// NewLoop returns a new loop running on th's interpreter with its clock.
func NewLoop(th *vm.Thread) *Loop {
	env := EnvFor(th)
	return &Loop{env: env, th: th, clock: env.Clock, wake: make(chan struct{}, 1), rec: env.rec}
}

// Debug and SetDebug are loop.get_debug() and set_debug() (the flag only:
// pya's debug mode adds none of CPython's extra checks and reports).
func (l *Loop) Debug() bool         { return l.debug }
func (l *Loop) SetDebug(debug bool) { l.debug = debug }

// setDebugArg applies asyncio.run's or Runner's debug argument (NULL or
// None: leave the loop's default).
func (l *Loop) setDebugArg(th *vm.Thread, debug vm.Value) error {
	if debug.IsNull() || debug.IsNone() {
		return nil
	}
	b, err := vm.Truth(th, debug)
	l.debug = b
	return err
}

// Env returns the loop's interpreter state.
func (l *Loop) Env() *Env { return l.env }

// Thread returns the interpreter thread that runs the loop's callbacks.
func (l *Loop) Thread() *vm.Thread { return l.th }

// Time returns loop.time().
func (l *Loop) Time() float64 { return l.clock.Now() }

// IsRunning, IsClosed: loop.is_running(), loop.is_closed().
func (l *Loop) IsRunning() bool { return l.running }
func (l *Loop) IsClosed() bool  { return l.closed }

func (l *Loop) checkClosed() error {
	if l.closed {
		return vm.NewError(vm.RuntimeErrorType, "Event loop is closed")
	}
	return nil
}

// callSoon appends fn(arg, v) to the ready queue (the hot path: no allocation
// beyond the ring buffer's growth).
func (l *Loop) callSoon(fn callFunc, arg any, v vm.Value) {
	l.ready.push(callback{fn: fn, arg: arg, v: v})
}

// CallSoonHandle schedules a Python-visible handle.
func (l *Loop) CallSoonHandle(h *Handle) error {
	if err := l.checkClosed(); err != nil {
		return err
	}
	h.loop = l
	l.ready.push(handleEntry(h))
	return nil
}

// CallAtHandle schedules h at loop time when.
func (l *Loop) CallAtHandle(when float64, h *Handle) error {
	if err := l.checkClosed(); err != nil {
		return err
	}
	h.loop = l
	h.timer = true
	h.when = when
	l.seq++
	h.seq = l.seq
	h.scheduled = true
	heap.Push(&l.timers, h)
	return nil
}

// CallLater schedules fn(arg, v) after delay seconds and returns its handle.
func (l *Loop) CallLater(delay float64, fn callFunc, arg any, v vm.Value) *Handle {
	h := &Handle{cb: callback{fn: fn, arg: arg, v: v}}
	l.CallAtHandle(l.Time()+delay, h)
	return h
}

// CallSoon schedules fn(arg, v) with a cancellable handle.
func (l *Loop) CallSoon(fn callFunc, arg any, v vm.Value) *Handle {
	h := &Handle{cb: callback{fn: fn, arg: arg, v: v}}
	l.CallSoonHandle(h)
	return h
}

// BeginExternal records that another goroutine will post a completion
// (through Post) so that the loop neither reports a deadlock nor jumps the
// virtual clock while it runs. Call it on the loop's goroutine.
func (l *Loop) BeginExternal() {
	l.inMu.Lock()
	l.external++
	l.inMu.Unlock()
}

// Post is call_soon_threadsafe for Go code: any goroutine may call it. With
// done, it also ends one BeginExternal.
func (l *Loop) Post(fn callFunc, arg any, v vm.Value, done bool) {
	l.inMu.Lock()
	l.inbox = append(l.inbox, callback{fn: fn, arg: arg, v: v})
	if done {
		l.external--
	}
	l.inMu.Unlock()
	l.signal()
}

// signal wakes the loop after a post to its inbox: its selector wait, or
// its wait as a blocked thread of the virtual clock's ThreadSched.
func (l *Loop) signal() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
	if s := l.env.threadSched(); s != nil {
		s.mu.Lock()
		if w := l.schedWaiter; w != nil {
			s.wakeLocked(w, true)
		}
		s.mu.Unlock()
	}
}

// CallSoonThreadsafe is loop.call_soon_threadsafe: h goes through the
// inbox, which wakes the loop if it is waiting.
func (l *Loop) CallSoonThreadsafe(h *Handle) error {
	if err := l.checkClosed(); err != nil {
		return err
	}
	h.loop = l
	l.inMu.Lock()
	l.inbox = append(l.inbox, handleEntry(h))
	l.inMu.Unlock()
	l.signal()
	return nil
}

// drainInbox moves posted callbacks to the ready queue and reports how many
// external operations are still in flight.
func (l *Loop) drainInbox() int {
	l.inMu.Lock()
	for _, c := range l.inbox {
		l.ready.push(c)
	}
	for i := range l.inbox {
		l.inbox[i] = callback{}
	}
	l.inbox = l.inbox[:0]
	n := l.external
	l.inMu.Unlock()
	return n
}

// Stop is loop.stop(): the loop finishes its current iteration and returns.
func (l *Loop) Stop() { l.stopping = true }

// Close is loop.close().
func (l *Loop) Close() error {
	if l.running {
		return vm.NewError(vm.RuntimeErrorType, "Cannot close a running event loop")
	}
	if l.closed {
		return nil
	}
	l.closed = true
	l.rememberPending()
	l.closeLeftovers()
	l.reportUnretrieved()
	l.ready = readyQueue{}
	l.timers = nil
	if l.env.current == l {
		// get_event_loop() after close keeps returning the closed loop in
		// CPython; nothing to do.
	}
	return nil
}

// RunForever is loop.run_forever().
func (l *Loop) RunForever() error { return l.runForever(depthRunForever) }

// runForever runs the loop with its callbacks depth levels deeper in
// recursion than the caller (the frames of CPython's asyncio machinery).
func (l *Loop) runForever(depth int) error {
	if err := l.checkClosed(); err != nil {
		return err
	}
	if l.running {
		return vm.NewError(vm.RuntimeErrorType, "This event loop is already running")
	}
	if l.env.running != nil {
		return vm.NewError(vm.RuntimeErrorType, "Cannot run the event loop while another loop is running")
	}
	l.running = true
	l.env.running = l
	if l.rec != nil {
		l.rec.loopEvent(TraceLoopStart)
	}
	restoreHooks := l.installAsyncGenHooks()
	l.th.AddDepth(depth)
	defer func() {
		l.th.AddDepth(-depth)
		restoreHooks()
		l.stopping = false
		l.running = false
		l.env.running = nil
		if l.rec != nil {
			l.rec.loopEvent(TraceLoopStop)
		}
	}()
	for {
		if err := l.runOnce(); err != nil {
			return err
		}
		if l.stopping {
			return nil
		}
	}
}

// runOnce is BaseEventLoop._run_once.
func (l *Loop) runOnce() error {
	n := len(l.timers)
	if n > minScheduledTimerHandles && float64(l.timerCancelledCount)/float64(n) > minCancelledTimerHandlesFraction {
		kept := l.timers[:0]
		for _, h := range l.timers {
			if h.cancelled {
				h.scheduled = false
			} else {
				kept = append(kept, h)
			}
		}
		for i := len(kept); i < n; i++ {
			l.timers[i] = nil
		}
		l.timers = kept
		heap.Init(&l.timers)
		l.timerCancelledCount = 0
	} else {
		for len(l.timers) > 0 && l.timers[0].cancelled {
			l.timerCancelledCount--
			h := heap.Pop(&l.timers).(*Handle)
			h.scheduled = false
		}
	}

	timeout := -1.0 // None: wait for ever
	if l.ready.len() > 0 || l.stopping {
		timeout = 0
	} else if len(l.timers) > 0 {
		timeout = l.timers[0].when - l.Time()
		if timeout < 0 {
			timeout = 0
		}
		if timeout > maxSelectTimeout {
			timeout = maxSelectTimeout
		}
	}
	if err := l.poll(timeout); err != nil {
		return err
	}

	end := l.Time() + clockResolution
	for len(l.timers) > 0 {
		h := l.timers[0]
		if h.when >= end {
			break
		}
		heap.Pop(&l.timers)
		h.scheduled = false
		l.ready.push(handleEntry(h))
	}

	ntodo := l.ready.len()
	for i := 0; i < ntodo; i++ {
		c := l.ready.pop()
		var h *Handle
		if c.fn == nil {
			h = c.arg.(*Handle)
			if h.cancelled {
				continue
			}
			c = h.cb
		}
		var err error
		if l.rec == nil {
			err = c.fn(c.arg, c.v)
		} else {
			err = l.rec.callback(c)
		}
		if err != nil {
			if err := l.callbackFailed(c, h, err); err != nil {
				return err
			}
		}
	}
	return nil
}

// poll is the selector step: it drains the inbox, and when timeout is not 0
// waits for a posted completion or the timeout. timeout < 0 means no timer
// is pending: unless another goroutine is at work, nothing can ever happen,
// which is a deadlock (CPython would hang).
func (l *Loop) poll(timeout float64) error {
	external := l.drainInbox()
	if timeout == 0 || l.ready.len() > 0 {
		// A busy loop must still let worker threads run: one that has
		// waited a switch interval for the GIL gets it here.
		if l.env.GIL.DropRequested() {
			l.env.switchThread(l.th)
		}
		return nil
	}
	// Threads of the threading module (executor workers) may complete
	// what the loop waits for (a wrapped concurrent future).
	threads := false
	if s := l.env.threadSched(); s != nil && s.Active() {
		threads = true
		if l.clock.Virtual() {
			deadline := math.Inf(1)
			if timeout >= 0 {
				deadline = l.timers[0].when
			}
			s.loopWait(l, deadline)
			l.drainInbox()
			return nil
		}
	}
	if external == 0 && timeout < 0 && !threads {
		return l.deadlock()
	}
	if external == 0 && !threads {
		if vc, ok := l.clock.(*VirtualClock); ok {
			if math.IsInf(l.timers[0].when, 1) {
				// Only sleep(inf)-like timers remain: nothing will ever run.
				return l.deadlock()
			}
			// Jump exactly to the deadline (now + (when - now) may miss
			// it by an ulp), capped as a real select would be.
			next := l.timers[0].when
			if timeout >= maxSelectTimeout {
				next = vc.Now() + timeout
			}
			vc.AdvanceTo(next)
			return nil
		}
	}
	if l.clock.Virtual() {
		timeout = -1 // wait for the worker, whose sleeps move the clock
	}
	if s := l.env.threadSched(); s != nil {
		// The loop's thread may hold a turn (woken from a thread wait,
		// see ThreadSched): waiting here ends it, as a thread wait does.
		s.LeaveTurn(l.th)
	}
	l.env.GIL.Release()
	if timeout < 0 {
		<-l.wake
	} else {
		t := time.NewTimer(time.Duration(timeout * 1e9))
		select {
		case <-l.wake:
		case <-t.C:
		}
		t.Stop()
	}
	l.env.GIL.Acquire()
	l.drainInbox()
	return nil
}

// SetExceptionHandler is loop.set_exception_handler(h) (None resets).
func (l *Loop) SetExceptionHandler(h vm.Value) { l.excHandler = h }

// ExceptionHandler is loop.get_exception_handler() (NULL: the default).
func (l *Loop) ExceptionHandler() vm.Value { return l.excHandler }
