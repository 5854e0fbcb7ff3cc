package runtime

import (
	"math/big"

	"github.com/pya-lang/pya/vm"
)

// sleepCoro is asyncio.sleep(delay, result). A delay <= 0 is a bare yield
// (tasks.__sleep0): one loop iteration, no timer, no future.
type sleepCoro struct {
	nativeCoro
	delayV vm.Value // checked when the coroutine runs, as CPython does
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

// NewSleepValue is NewSleep for a Python delay, which is only checked when
// the coroutine starts (`if delay <= 0` raises there in CPython).
func NewSleepValue(delay, result vm.Value) vm.Value {
	return vm.ObjectValue(&sleepCoro{nativeCoro: nativeCoro{qualname: "sleep"}, delayV: delay, result: result})
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
		// CPython's sleep is a Python coroutine, and sleep(0) awaits the
		// generator tasks.__sleep0: their frames count toward the
		// recursion limit.
		if th.Depth()+1 > th.RecursionLimit() {
			return s.fail(vm.NewError(vm.RecursionErrorType, "maximum recursion depth exceeded"))
		}
		if !s.delayV.IsNull() {
			d, err := delaySeconds(th, s.delayV)
			if err != nil {
				return s.fail(err)
			}
			s.delay = d
		}
		if s.delay <= 0 {
			if th.Depth()+2 > th.RecursionLimit() {
				return s.fail(vm.NewError(vm.RecursionErrorType, "maximum recursion depth exceeded"))
			}
			s.state = sleepYielded
			return vm.None, false, nil
		}
		// A timer goes through the Python methods call_later, call_at and
		// TimerHandle.__init__ (a class call from C), Handle.__init__ and
		// get_debug: seven frames deep with sleep's own.
		if th.Depth()+7 > th.RecursionLimit() {
			return s.fail(vm.NewError(vm.RecursionErrorType, "maximum recursion depth exceeded"))
		}
		l, err := GetRunningLoop(th)
		if err != nil {
			return s.fail(err)
		}
		s.fut = NewFuture(l)
		s.h = l.CallLater(s.delay, setResultUnlessCancelled, s.fut, s.result)
		if l.rec != nil {
			l.rec.sleeping(s.fut, s.delay)
		}
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

// delaySeconds converts a delay as `delay <= 0` and loop.call_later would:
// ints and floats (and their subclasses' values) only.
func delaySeconds(th *vm.Thread, v vm.Value) (float64, error) {
	v = vm.NumPayload(v)
	switch {
	case v.IsFloat():
		return v.AsFloat(), nil
	case v.IsInt(), v.IsBool():
		return float64(v.AsInt()), nil
	}
	if b, ok := v.Object().(*vm.BigInt); ok {
		f, _ := new(big.Float).SetInt(b.Big()).Float64()
		return f, nil
	}
	return 0, vm.NewError(vm.TypeErrorType, "'<=' not supported between instances of '%s' and 'int'", v.Type().Name)
}
