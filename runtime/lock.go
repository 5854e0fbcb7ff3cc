package runtime

import "github.com/pya-lang/pya/vm"

// Lock is asyncio.Lock.
type Lock struct {
	loopBound
	waiters waiterList
	locked  bool
}

func (k *Lock) Type() *vm.Type { return k.typeOr(LockType) }

// NewLock returns an unlocked lock.
func NewLock() *Lock { return &Lock{} }

// Locked is lock.locked().
func (k *Lock) Locked() bool { return k.locked }

// Acquire returns the coroutine lock.acquire().
func (k *Lock) Acquire() vm.Value {
	return vm.ObjectValue(&lockAcquire{nativeCoro: nativeCoro{qualname: "Lock.acquire"}, lock: k})
}

// Release is lock.release().
func (k *Lock) Release() error {
	if !k.locked {
		return vm.NewError(vm.RuntimeErrorType, "Lock is not acquired.")
	}
	k.locked = false
	k.wakeUpFirst()
	return nil
}

func (k *Lock) wakeUpFirst() {
	if len(k.waiters) == 0 {
		return
	}
	if f := k.waiters[0]; !f.Done() {
		f.SetResult(vm.True)
	}
}

// Extra is the bracketed part of the repr: "locked, waiters:2".
func (k *Lock) Extra() string {
	s := "unlocked"
	if k.locked {
		s = "locked"
	}
	return withWaiters(s, len(k.waiters))
}

func withWaiters(s string, n int) string {
	if n > 0 {
		s += ", waiters:" + itoa(int64(n))
	}
	return s
}

type lockAcquire struct {
	nativeCoro
	lock *Lock
	fut  *Future
}

func (a *lockAcquire) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if a.finished {
		return vm.NULL, false, reused()
	}
	k := a.lock
	if a.fut == nil {
		if exc != nil {
			return a.fail(exc)
		}
		if !k.locked && allCancelled(k.waiters) {
			k.locked = true
			return a.finish(vm.True)
		}
		l, err := k.getLoop(th, vm.ObjectValue(k))
		if err != nil {
			return a.fail(err)
		}
		a.fut = newWaiter(l, "Lock.acquire()")
		k.waiters.push(a.fut)
		return yieldFuture(a.fut)
	}
	k.waiters.remove(a.fut)
	if exc != nil {
		if isCancelled(exc) && !k.locked {
			k.wakeUpFirst()
		}
		return a.fail(exc)
	}
	k.locked = true
	return a.finish(vm.True)
}

func allCancelled(ws waiterList) bool {
	for _, w := range ws {
		if !w.Cancelled() {
			return false
		}
	}
	return true
}

// Event is asyncio.Event.
type Event struct {
	loopBound
	waiters waiterList
	value   bool
}

func (e *Event) Type() *vm.Type { return e.typeOr(EventType) }

// NewEvent returns an unset event.
func NewEvent() *Event { return &Event{} }

// IsSet is event.is_set().
func (e *Event) IsSet() bool { return e.value }

// Set is event.set(): every waiter is woken.
func (e *Event) Set() {
	if e.value {
		return
	}
	e.value = true
	for _, f := range e.waiters {
		if !f.Done() {
			f.SetResult(vm.True)
		}
	}
}

// Clear is event.clear().
func (e *Event) Clear() { e.value = false }

// Extra is the bracketed part of the repr.
func (e *Event) Extra() string {
	s := "unset"
	if e.value {
		s = "set"
	}
	return withWaiters(s, len(e.waiters))
}

// Wait returns the coroutine event.wait().
func (e *Event) Wait() vm.Value {
	return vm.ObjectValue(&eventWait{nativeCoro: nativeCoro{qualname: "Event.wait"}, ev: e})
}

// eventWait is Event.wait() (and Queue.join(), a wait on the queue's
// finished event). The waiter future is part of it: one allocation of 160
// bytes per blocked waiter instead of two.
type eventWait struct {
	nativeCoro
	ev      *Event
	fut     Future // the waiter, once started
	started bool
	join    bool // Queue.join()
}

func (w *eventWait) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if w.finished {
		return vm.NULL, false, reused()
	}
	e := w.ev
	if !w.started {
		if exc != nil {
			return w.fail(exc)
		}
		if e.value {
			return w.finish(vm.True)
		}
		l, err := e.getLoop(th, vm.ObjectValue(e))
		if err != nil {
			return w.fail(err)
		}
		w.started = true
		w.fut = Future{loop: l, waitDesc: "Event.wait()"}
		if w.join {
			w.fut.waitDesc = "Queue.join()"
		}
		e.waiters.push(&w.fut)
		return yieldFuture(&w.fut)
	}
	e.waiters.remove(&w.fut)
	if exc != nil {
		return w.fail(exc)
	}
	return w.finish(vm.True)
}
