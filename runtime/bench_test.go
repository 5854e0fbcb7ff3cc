package runtime

import (
	"testing"

	"github.com/pya-lang/pya/vm"
)

// yielder is a coroutine that yields None n times (sleep(0) in a loop),
// written directly as a Resumable to measure the loop, not the fake
// coroutine machinery.
type yielder struct{ n int }

func (*yielder) Type() *vm.Type { return fakeCoroType }

func (y *yielder) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if exc != nil {
		return vm.NULL, false, exc
	}
	if y.n == 0 {
		return vm.None, true, nil
	}
	y.n--
	return vm.None, false, nil
}

// BenchmarkTaskSwitch measures one task step through the ready queue
// (a bare yield rescheduled by call_soon), with 10 tasks round-robin.
func BenchmarkTaskSwitch(b *testing.B) {
	th := newTestThread()
	l := NewLoop(th)
	const tasks = 10
	var ts []*Task
	for i := 0; i < tasks; i++ {
		t, err := NewTask(l, vm.ObjectValue(&yielder{n: b.N / tasks}), vm.NULL)
		if err != nil {
			b.Fatal(err)
		}
		ts = append(ts, t)
	}
	b.ReportAllocs()
	b.ResetTimer()
	g, _ := Gather(th, []vm.Value{ts[0].Value(), ts[1].Value(), ts[2].Value(), ts[3].Value(), ts[4].Value(),
		ts[5].Value(), ts[6].Value(), ts[7].Value(), ts[8].Value(), ts[9].Value()}, false)
	if _, err := l.RunUntilComplete(th, g.Value()); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCallSoon measures scheduling and running a Go callback.
func BenchmarkCallSoon(b *testing.B) {
	th := newTestThread()
	l := NewLoop(th)
	n := 0
	var fn callFunc
	fn = func(arg any, v vm.Value) error {
		n++
		if n < b.N {
			l.callSoon(fn, arg, v)
		} else {
			l.Stop()
		}
		return nil
	}
	b.ReportAllocs()
	b.ResetTimer()
	l.callSoon(fn, l, vm.NULL)
	if err := l.RunForever(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSleepTimer measures sleep(d > 0): future, timer heap, wakeup.
func BenchmarkSleepTimer(b *testing.B) {
	th := newTestThread()
	l := NewLoop(th)
	s := &sleeper{n: b.N}
	t, _ := NewTask(l, vm.ObjectValue(s), vm.NULL)
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := l.RunUntilComplete(th, t.Value()); err != nil {
		b.Fatal(err)
	}
}

// sleeper awaits asyncio.sleep(0.001) n times.
type sleeper struct {
	n   int
	cur Resumable
}

func (*sleeper) Type() *vm.Type { return fakeCoroType }

func (s *sleeper) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	for {
		if s.cur == nil {
			if s.n == 0 {
				return vm.None, true, nil
			}
			s.n--
			s.cur = NewSleep(0.001, vm.None).Object().(*sleepCoro)
		}
		r, done, err := s.cur.Resume(th, v, exc)
		if err != nil {
			return vm.NULL, false, err
		}
		if !done {
			return r, false, nil
		}
		s.cur, v, exc = nil, vm.None, nil
	}
}
