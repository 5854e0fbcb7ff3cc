package runtime

import (
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
)

// QueueKind selects the order of a Queue.
type QueueKind uint8

const (
	FIFOQueue QueueKind = iota
	LIFOQueue
	PriorityQueueKind
)

// Queue is asyncio.Queue, LifoQueue or PriorityQueue.
type Queue struct {
	loopBound
	kind       QueueKind
	maxsize    int64
	items      []vm.Value // FIFO: items[head:]; LIFO: a stack; priority: a heap
	head       int
	getters    waiterList
	putters    waiterList
	unfinished int64
	finished   *Event
}

func (q *Queue) Type() *vm.Type {
	if q.sub != nil {
		return q.sub.Type
	}
	switch q.kind {
	case LIFOQueue:
		return LifoQueueType
	case PriorityQueueKind:
		return PriorityQueueType
	}
	return QueueType
}

// NewQueue returns an empty queue (maxsize <= 0: unbounded).
func NewQueue(kind QueueKind, maxsize int64) *Queue {
	q := &Queue{kind: kind, maxsize: maxsize, finished: NewEvent()}
	q.finished.value = true
	return q
}

// Maxsize is queue.maxsize.
func (q *Queue) Maxsize() int64 { return q.maxsize }

// Qsize is queue.qsize().
func (q *Queue) Qsize() int { return len(q.items) - q.head }

// Empty is queue.empty().
func (q *Queue) Empty() bool { return q.Qsize() == 0 }

// Full is queue.full().
func (q *Queue) Full() bool { return q.maxsize > 0 && int64(q.Qsize()) >= q.maxsize }

// Unfinished returns the number of items not yet marked task_done.
func (q *Queue) Unfinished() int64 { return q.unfinished }

// Items returns the queued items in internal order (for repr).
func (q *Queue) Items() []vm.Value { return q.items[q.head:] }

// Getters and Putters return the numbers of blocked getters and putters.
func (q *Queue) Getters() int { return len(q.getters) }
func (q *Queue) Putters() int { return len(q.putters) }

func wakeupNext(ws *waiterList) {
	for len(*ws) > 0 {
		w := ws.popFront()
		if !w.Done() {
			w.SetResult(vm.None)
			return
		}
	}
}

// PutNowait is queue.put_nowait(item).
func (q *Queue) PutNowait(th *vm.Thread, item vm.Value) error {
	if q.Full() {
		return vm.NewException(QueueFullType)
	}
	if err := q.put(th, item); err != nil {
		return err
	}
	q.unfinished++
	q.finished.Clear()
	wakeupNext(&q.getters)
	return nil
}

// GetNowait is queue.get_nowait().
func (q *Queue) GetNowait(th *vm.Thread) (vm.Value, error) {
	if q.Empty() {
		return vm.NULL, vm.NewException(QueueEmptyType)
	}
	item, err := q.get(th)
	if err != nil {
		return vm.NULL, err
	}
	wakeupNext(&q.putters)
	return item, nil
}

func (q *Queue) put(th *vm.Thread, item vm.Value) error {
	q.items = append(q.items, item)
	if q.kind == PriorityQueueKind {
		return q.siftDown(th, 0, len(q.items)-1)
	}
	return nil
}

func (q *Queue) get(th *vm.Thread) (vm.Value, error) {
	switch q.kind {
	case LIFOQueue:
		n := len(q.items) - 1
		it := q.items[n]
		q.items[n] = vm.NULL
		q.items = q.items[:n]
		return it, nil
	case PriorityQueueKind:
		return q.heapPop(th)
	}
	it := q.items[q.head]
	q.items[q.head] = vm.NULL
	q.head++
	if q.head == len(q.items) {
		q.items, q.head = q.items[:0], 0
	} else if q.head > 32 && q.head*2 > len(q.items) {
		n := copy(q.items, q.items[q.head:])
		for i := n; i < len(q.items); i++ {
			q.items[i] = vm.NULL
		}
		q.items, q.head = q.items[:n], 0
	}
	return it, nil
}

func less(th *vm.Thread, a, b vm.Value) (bool, error) {
	r, err := vm.CompareOp(th, compile.CmpLt, a, b)
	if err != nil {
		return false, err
	}
	return vm.Truth(th, r)
}

// siftDown is heapq._siftdown.
func (q *Queue) siftDown(th *vm.Thread, start, pos int) error {
	h := q.items
	item := h[pos]
	for pos > start {
		parent := (pos - 1) >> 1
		lt, err := less(th, item, h[parent])
		if err != nil {
			return err
		}
		if !lt {
			break
		}
		h[pos] = h[parent]
		pos = parent
	}
	h[pos] = item
	return nil
}

// heapPop is heapq.heappop.
func (q *Queue) heapPop(th *vm.Thread) (vm.Value, error) {
	n := len(q.items) - 1
	last := q.items[n]
	q.items[n] = vm.NULL
	q.items = q.items[:n]
	if n == 0 {
		return last, nil
	}
	ret := q.items[0]
	q.items[0] = last
	// heapq._siftup
	h := q.items
	pos, end := 0, n
	item := h[pos]
	child := 2*pos + 1
	for child < end {
		right := child + 1
		if right < end {
			lt, err := less(th, h[child], h[right])
			if err != nil {
				return vm.NULL, err
			}
			if !lt {
				child = right
			}
		}
		h[pos] = h[child]
		pos = child
		child = 2*pos + 1
	}
	h[pos] = item
	return ret, q.siftDown(th, 0, pos)
}

// TaskDone is queue.task_done().
func (q *Queue) TaskDone() error {
	if q.unfinished <= 0 {
		return vm.NewError(vm.ValueErrorType, "task_done() called too many times")
	}
	q.unfinished--
	if q.unfinished == 0 {
		q.finished.Set()
	}
	return nil
}

// Join returns the coroutine queue.join(). Whether there is anything to
// wait for is decided when the coroutine starts, not when it is created
// (create_task(q.join()) before a put must wait): the finished event is
// set exactly when no task is unfinished, so it is _finished.wait().
func (q *Queue) Join() vm.Value {
	return vm.ObjectValue(&eventWait{nativeCoro: nativeCoro{qualname: "Queue.join"}, ev: q.finished, join: true})
}

// Get returns the coroutine queue.get().
func (q *Queue) Get() vm.Value {
	return vm.ObjectValue(&queueOp{nativeCoro: nativeCoro{qualname: "Queue.get"}, q: q, get: true})
}

// Put returns the coroutine queue.put(item).
func (q *Queue) Put(item vm.Value) vm.Value {
	return vm.ObjectValue(&queueOp{nativeCoro: nativeCoro{qualname: "Queue.put"}, q: q, item: item})
}

// queueOp is Queue.get or Queue.put: wait while the queue is empty (full),
// then do the nowait operation.
type queueOp struct {
	nativeCoro
	q    *Queue
	get  bool
	item vm.Value
	fut  *Future
}

func (o *queueOp) blocked() bool {
	if o.get {
		return o.q.Empty()
	}
	return o.q.Full()
}

func (o *queueOp) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if o.finished {
		return vm.NULL, false, reused()
	}
	q := o.q
	ws, desc := &q.putters, "Queue.put()"
	if o.get {
		ws, desc = &q.getters, "Queue.get()"
	}
	if o.fut != nil {
		if exc != nil {
			f := o.fut
			f.Cancel(vm.NULL)
			ws.remove(f)
			if !o.blocked() && !f.Cancelled() {
				wakeupNext(ws)
			}
			return o.fail(exc)
		}
	} else if exc != nil {
		return o.fail(exc)
	}
	if o.blocked() {
		l, err := q.getLoop(th, vm.ObjectValue(q))
		if err != nil {
			return o.fail(err)
		}
		o.fut = newWaiter(l, desc)
		ws.push(o.fut)
		return yieldFuture(o.fut)
	}
	if o.get {
		r, err := q.GetNowait(th)
		if err != nil {
			return o.fail(err)
		}
		return o.finish(r)
	}
	if err := q.PutNowait(th, o.item); err != nil {
		return o.fail(err)
	}
	return o.finish(vm.None)
}
