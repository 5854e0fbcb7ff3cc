package runtime

import "github.com/pya-lang/pya/vm"

// Semaphore is asyncio.Semaphore, and BoundedSemaphore when bound >= 0.
type Semaphore struct {
	loopBound
	waiters waiterList
	value   int64
	bound   int64 // -1: unbounded
}

func (s *Semaphore) Type() *vm.Type {
	if s.sub != nil {
		return s.sub.Type
	}
	if s.bound >= 0 {
		return BoundedSemaphoreType
	}
	return SemaphoreType
}

// NewSemaphore returns Semaphore(value), or BoundedSemaphore(value) when bounded.
func NewSemaphore(value int64, bounded bool) (*Semaphore, error) {
	if value < 0 {
		return nil, vm.NewError(vm.ValueErrorType, "Semaphore initial value must be >= 0")
	}
	s := &Semaphore{value: value, bound: -1}
	if bounded {
		s.bound = value
	}
	return s, nil
}

// Value returns the counter (_value).
func (s *Semaphore) Value() int64 { return s.value }

// Locked is semaphore.locked().
func (s *Semaphore) Locked() bool {
	if s.value == 0 {
		return true
	}
	for _, w := range s.waiters {
		if !w.Cancelled() {
			return true
		}
	}
	return false
}

// Release is semaphore.release().
func (s *Semaphore) Release() error {
	if s.bound >= 0 && s.value >= s.bound {
		return vm.NewError(vm.ValueErrorType, "BoundedSemaphore released too many times")
	}
	s.value++
	s.wakeUpNext()
	return nil
}

func (s *Semaphore) wakeUpNext() {
	for _, f := range s.waiters {
		if !f.Done() {
			s.value--
			f.SetResult(vm.True)
			return
		}
	}
}

// Extra is the bracketed part of the repr.
func (s *Semaphore) Extra() string {
	e := "locked"
	if !s.Locked() {
		e = "unlocked, value:" + itoa(s.value)
	}
	return withWaiters(e, len(s.waiters))
}

// Acquire returns the coroutine semaphore.acquire().
func (s *Semaphore) Acquire() vm.Value {
	return vm.ObjectValue(&semAcquire{nativeCoro: nativeCoro{qualname: "Semaphore.acquire"}, sem: s})
}

type semAcquire struct {
	nativeCoro
	sem *Semaphore
	fut *Future
}

func (a *semAcquire) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if a.finished {
		return vm.NULL, false, reused()
	}
	s := a.sem
	if a.fut == nil {
		if exc != nil {
			return a.fail(exc)
		}
		if !s.Locked() {
			s.value--
			return a.finish(vm.True)
		}
		l, err := s.getLoop(th, vm.ObjectValue(s))
		if err != nil {
			return a.fail(err)
		}
		a.fut = newWaiter(l, "Semaphore.acquire()")
		s.waiters.push(a.fut)
		return yieldFuture(a.fut)
	}
	s.waiters.remove(a.fut)
	if exc != nil {
		if isCancelled(exc) && !a.fut.Cancelled() {
			s.value++
			s.wakeUpNext()
		}
		return a.fail(exc)
	}
	if s.value > 0 {
		s.wakeUpNext()
	}
	return a.finish(vm.True)
}
