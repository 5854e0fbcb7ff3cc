package runtime

import "github.com/pya-lang/pya/vm"

// Condition is asyncio.Condition over a Lock.
type Condition struct {
	loopBound
	lock    *Lock
	waiters waiterList
	// what names a waiter in a deadlock report: "" for "Condition.wait()";
	// a Barrier's inner condition says "Barrier.wait()".
	what string
}

func (c *Condition) Type() *vm.Type { return c.typeOr(ConditionType) }

// NewCondition returns Condition(lock) (a new Lock when lock is nil).
func NewCondition(lock *Lock) *Condition {
	if lock == nil {
		lock = NewLock()
	}
	return &Condition{lock: lock}
}

// Lock returns the underlying lock.
func (c *Condition) Lock() *Lock { return c.lock }

// Extra is the bracketed part of the repr.
func (c *Condition) Extra() string {
	s := "unlocked"
	if c.lock.locked {
		s = "locked"
	}
	return withWaiters(s, len(c.waiters))
}

// Notify is condition.notify(n).
func (c *Condition) Notify(n int) error {
	if !c.lock.locked {
		return vm.NewError(vm.RuntimeErrorType, "cannot notify on un-acquired lock")
	}
	idx := 0
	for _, f := range c.waiters {
		if idx >= n {
			break
		}
		if !f.Done() {
			idx++
			f.SetResult(vm.False)
		}
	}
	return nil
}

// NotifyAll is condition.notify_all().
func (c *Condition) NotifyAll() error { return c.Notify(len(c.waiters)) }

// Wait returns the coroutine condition.wait().
func (c *Condition) Wait() vm.Value {
	return vm.ObjectValue(c.newWait())
}

func (c *Condition) newWait() *condWait {
	return &condWait{nativeCoro: nativeCoro{qualname: "Condition.wait"}, cond: c}
}

// condWait is Condition.wait: release the lock, wait for a notification,
// then re-acquire the lock (retrying through cancellations, which are
// re-raised afterwards).
type condWait struct {
	nativeCoro
	cond      *Condition
	state     uint8
	fut       *Future
	pending   *vm.Exception // raised by the wait, re-raised after re-acquiring
	cancelled bool
	acq       *lockAcquire
}

func (w *condWait) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if w.finished {
		return vm.NULL, false, reused()
	}
	c := w.cond
	switch w.state {
	case 0:
		if exc != nil {
			return w.fail(exc)
		}
		if !c.lock.locked {
			return w.fail(vm.NewError(vm.RuntimeErrorType, "cannot wait on un-acquired lock"))
		}
		if err := c.lock.Release(); err != nil {
			return w.fail(err)
		}
		l, err := c.getLoop(th, vm.ObjectValue(c))
		if err != nil {
			w.pending = asException(err)
			return w.reacquire(th)
		}
		what := c.what
		if what == "" {
			what = "Condition.wait()"
		}
		w.fut = newWaiter(l, what)
		c.waiters.push(w.fut)
		w.state = 1
		return yieldFuture(w.fut)
	case 1:
		c.waiters.remove(w.fut)
		w.pending = exc
		return w.reacquire(th)
	default:
		r, done, err := w.acq.Resume(th, v, exc)
		if err != nil {
			if e := asException(err); isCancelled(e) {
				w.cancelled = true
				return w.reacquire(th)
			}
			return w.fail(err)
		}
		if !done {
			return r, false, nil
		}
		return w.end()
	}
}

// reacquire starts (another) lock.acquire() in the finally clause.
func (w *condWait) reacquire(th *vm.Thread) (vm.Value, bool, error) {
	w.state = 2
	w.acq = &lockAcquire{nativeCoro: nativeCoro{qualname: "Lock.acquire"}, lock: w.cond.lock}
	r, done, err := w.acq.Resume(th, vm.None, nil)
	if err != nil {
		return w.fail(err)
	}
	if !done {
		return r, false, nil
	}
	return w.end()
}

func (w *condWait) end() (vm.Value, bool, error) {
	if w.cancelled {
		e := vm.NewException(CancelledErrorType)
		e.Context = w.pending
		return w.fail(e)
	}
	if w.pending != nil {
		return w.fail(w.pending)
	}
	return w.finish(vm.True)
}

// WaitFor returns the coroutine condition.wait_for(predicate).
func (c *Condition) WaitFor(pred vm.Value) vm.Value {
	return vm.ObjectValue(&condWaitFor{nativeCoro: nativeCoro{qualname: "Condition.wait_for"}, cond: c, pred: pred})
}

type condWaitFor struct {
	nativeCoro
	cond   *Condition
	pred   vm.Value
	goPred func() bool // used instead of pred by Barrier
	sub    *condWait
}

// test evaluates the predicate.
func (w *condWaitFor) test(th *vm.Thread) (vm.Value, bool, error) {
	if w.goPred != nil {
		ok := w.goPred()
		return vm.Bool(ok), ok, nil
	}
	r, err := th.Call(w.pred, nil, nil)
	if err != nil {
		return vm.NULL, false, err
	}
	ok, err := vm.Truth(th, r)
	return r, ok, err
}

func (w *condWaitFor) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if w.finished {
		return vm.NULL, false, reused()
	}
	if w.sub != nil {
		r, done, err := w.sub.Resume(th, v, exc)
		if err != nil {
			return w.fail(err)
		}
		if !done {
			return r, false, nil
		}
	} else if exc != nil {
		return w.fail(exc)
	}
	for {
		r, ok, err := w.test(th)
		if err != nil {
			return w.fail(err)
		}
		if ok {
			return w.finish(r)
		}
		w.sub = w.cond.newWait()
		y, done, err := w.sub.Resume(th, vm.None, nil)
		if err != nil {
			return w.fail(err)
		}
		if !done {
			return y, false, nil
		}
	}
}
