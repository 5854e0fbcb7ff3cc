package runtime

import "github.com/pya-lang/pya/vm"

// waiterList is the deque of waiter futures of a primitive.
type waiterList []*Future

func (w *waiterList) push(f *Future) { *w = append(*w, f) }

// remove deletes f (deque.remove); it reports whether f was present.
// Waiters mostly leave in the order they came (an Event's waiters all wake
// and remove themselves first to last): removing the first is O(1), as it
// is for a deque, so that waking N waiters is not quadratic.
func (w *waiterList) remove(f *Future) bool {
	s := *w
	for i, x := range s {
		if x == f {
			if i == 0 {
				w.dropFront()
				return true
			}
			copy(s[i:], s[i+1:])
			s[len(s)-1] = nil
			*w = s[:len(s)-1]
			return true
		}
	}
	return false
}

// popFront is deque.popleft (O(1)).
func (w *waiterList) popFront() *Future {
	f := (*w)[0]
	w.dropFront()
	return f
}

// dropFront removes the first waiter by reslicing: the array's unused front
// is reclaimed when append next reallocates it.
func (w *waiterList) dropFront() {
	s := *w
	s[0] = nil
	if len(s) == 1 {
		*w = s[:0] // empty: reuse the array from here
		return
	}
	*w = s[1:]
}

// doneCoro is a coroutine that finishes on its first resume (an async
// method that never awaits, e.g. Lock.__aexit__).
type doneCoro struct {
	nativeCoro
	result vm.Value
	err    error
}

func newDoneCoro(name string, result vm.Value, err error) vm.Value {
	return vm.ObjectValue(&doneCoro{nativeCoro: nativeCoro{qualname: name}, result: result, err: err})
}

func (c *doneCoro) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if c.finished {
		return vm.NULL, false, reused()
	}
	if exc != nil {
		return c.fail(exc)
	}
	if c.err != nil {
		return c.fail(c.err)
	}
	return c.finish(c.result)
}

// loopBound is mixins._LoopBoundMixin: a primitive binds to the running loop
// on first use.
type loopBound struct {
	loop *Loop
	subclassed
}

func (b *loopBound) getLoop(th *vm.Thread, self vm.Value) (*Loop, error) {
	l, err := GetRunningLoop(th)
	if err != nil {
		return nil, err
	}
	if b.loop == nil {
		b.loop = l
	}
	if l != b.loop {
		r, _ := safeRepr(th, self)
		return nil, vm.NewError(vm.RuntimeErrorType, "%s is bound to a different event loop", r)
	}
	return l, nil
}
