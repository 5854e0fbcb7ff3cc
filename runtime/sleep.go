package runtime

import "github.com/pya-lang/pya/vm"

// sleepCoro is asyncio.sleep(delay, result). A delay <= 0 is a bare yield
// (tasks.__sleep0): one loop iteration, no timer, no future.
type sleepCoro struct {
	nativeCoro
	delay  float64
	result vm.Value
	state  uint8
	fut    *Future
	h      *Handle
}

// NewSleep returns the coroutine asyncio.sleep(delay, result).
func NewSleep(delay float64, result vm.Value) vm.Value {
	return vm.ObjectValue(&sleepCoro{nativeCoro: nativeCoro{qualname: "sleep"}, delay: delay, result: result})
}

const (
	sleepStart uint8 = iota
	sleepTimer
	sleepYielded
)

func (s *sleepCoro) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if s.finished {
		return vm.NULL, false, reused()
	}
	switch s.state {
	case sleepStart:
		if exc != nil {
			return s.fail(exc)
		}
		if s.delay <= 0 {
			s.state = sleepYielded
			return vm.None, false, nil
		}
		l, err := GetRunningLoop(th)
		if err != nil {
			return s.fail(err)
		}
		s.fut = NewFuture(l)
		s.h = l.CallLater(s.delay, setResultUnlessCancelled, s.fut, s.result)
		s.state = sleepTimer
		return yieldFuture(s.fut)
	case sleepTimer:
		s.h.Cancel()
		if exc != nil {
			return s.fail(exc)
		}
		r, err := s.fut.Result()
		if err != nil {
			return s.fail(err)
		}
		return s.finish(r)
	default: // sleepYielded
		if exc != nil {
			return s.fail(exc)
		}
		return s.finish(s.result)
	}
}

// setResultUnlessCancelled is futures._set_result_unless_cancelled.
func setResultUnlessCancelled(arg any, v vm.Value) error {
	f := arg.(*Future)
	if f.Cancelled() {
		return nil
	}
	return f.SetResult(v)
}

// releaseWaiter is tasks._release_waiter: it completes the waiter future.
func releaseWaiter(arg any, _ vm.Value) error {
	w := arg.(*Future)
	if !w.Done() {
		w.SetResult(vm.None)
	}
	return nil
}
