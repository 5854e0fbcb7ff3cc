package runtime

import (
	"container/heap"

	"github.com/pya-lang/pya/vm"
)

// callFunc is a scheduled call: fn(arg, v). Tasks schedule their step with
// fn = stepCallback and arg = the *Task, so no closure is allocated.
type callFunc func(arg any, v vm.Value) error

// callback is one entry of the ready queue: fn(arg, v), or, with fn nil,
// the Python-visible (cancellable) *Handle in arg, whose own callback runs
// unless it was cancelled meanwhile. 48 bytes: the queue holds one entry
// per ready task, 100k of them when 100k tasks start at once.
type callback struct {
	fn  callFunc
	arg any
	v   vm.Value
}

// handleEntry is the ready-queue entry of a handle.
func handleEntry(h *Handle) callback { return callback{arg: h} }

// Handle is the object returned by call_soon / call_later / call_at
// (asyncio.Handle / asyncio.TimerHandle).
type Handle struct {
	cb        callback
	loop      *Loop
	cancelled bool
	timer     bool
	scheduled bool // in the timer heap
	when      float64
	seq       uint64
	// Python callback and arguments, for repr and call, and the context
	// the callback runs in (nil: the loop thread's current one).
	fn   vm.Value
	args []vm.Value
	ctx  *vm.Context
}

// Cancel cancels the handle; a cancelled timer stays in the heap until the
// loop's cleanup pops it (counted in timerCancelledCount, as CPython does).
func (h *Handle) Cancel() {
	if h.cancelled {
		return
	}
	h.cancelled = true
	if h.timer && h.scheduled && h.loop != nil {
		h.loop.timerCancelledCount++
	}
	h.fn = vm.NULL
	h.args = nil
}

// NewPyHandle returns a handle that calls the Python callable fn(*args).
func NewPyHandle(fn vm.Value, args []vm.Value) *Handle {
	h := &Handle{fn: fn, args: append([]vm.Value(nil), args...)}
	h.cb = callback{fn: runPyHandle, arg: h}
	return h
}

// SetContext makes the handle's callback run in ctx (call_soon's context=;
// asyncio passes a copy of the caller's current context when it is None).
func (h *Handle) SetContext(ctx *vm.Context) { h.ctx = ctx }

func runPyHandle(arg any, _ vm.Value) error {
	h := arg.(*Handle)
	_, err := callInContext(h.loop.th, h.ctx, h.fn, h.args)
	return err
}

// Cancelled reports whether Cancel was called.
func (h *Handle) Cancelled() bool { return h.cancelled }

// When returns a timer handle's deadline in loop time.
func (h *Handle) When() float64 { return h.when }

// timerHeap orders timer handles by (deadline, sequence).
type timerHeap []*Handle

func (t timerHeap) Len() int { return len(t) }
func (t timerHeap) Less(i, j int) bool {
	if t[i].when != t[j].when {
		return t[i].when < t[j].when
	}
	return t[i].seq < t[j].seq
}
func (t timerHeap) Swap(i, j int) { t[i], t[j] = t[j], t[i] }
func (t *timerHeap) Push(x any)   { *t = append(*t, x.(*Handle)) }
func (t *timerHeap) Pop() any {
	old := *t
	n := len(old)
	h := old[n-1]
	old[n-1] = nil
	*t = old[:n-1]
	return h
}

var _ heap.Interface = (*timerHeap)(nil)

// readyQueue is a FIFO ring buffer of callbacks.
type readyQueue struct {
	buf        []callback
	head, size int
}

func (q *readyQueue) len() int { return q.size }

func (q *readyQueue) push(c callback) {
	if q.size == len(q.buf) {
		n := 2 * len(q.buf)
		if n == 0 {
			n = 16
		}
		nb := make([]callback, n)
		for i := 0; i < q.size; i++ {
			nb[i] = q.buf[(q.head+i)%len(q.buf)]
		}
		q.buf, q.head = nb, 0
	}
	q.buf[(q.head+q.size)%len(q.buf)] = c
	q.size++
}

func (q *readyQueue) pop() callback {
	c := q.buf[q.head]
	q.buf[q.head] = callback{}
	q.head++
	if q.head == len(q.buf) {
		q.head = 0
	}
	q.size--
	return c
}
