package runtime

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/pya-lang/pya/vm"
)

func TestLockAndSemaphoreOrder(t *testing.T) {
	th := newTestThread()
	var o out
	lock := NewLock()
	locking := func(n int) vm.Value {
		return coro(func(y *Y) (vm.Value, error) {
			o.p("Waiting for the lock %d", n)
			if _, err := y.Await(lock.Acquire()); err != nil {
				return vm.NULL, err
			}
			o.p("Acquired the lock %d", n)
			err := y.Sleep(2)
			lock.Release()
			o.p("Released the lock %d", n)
			return vm.None, err
		})
	}
	s, _ := NewSemaphore(2, false)
	sem := func(n int) vm.Value {
		return coro(func(y *Y) (vm.Value, error) {
			if _, err := y.Await(s.Acquire()); err != nil {
				return vm.NULL, err
			}
			o.p("Acquired the semaphore %d", n)
			err := y.Sleep(2)
			s.Release()
			o.p("Released the semaphore %d", n)
			return vm.None, err
		})
	}
	main := coro(func(y *Y) (vm.Value, error) {
		g, _ := Gather(th, []vm.Value{locking(1), locking(2), locking(3)}, false)
		if _, err := y.Await(g.Value()); err != nil {
			return vm.NULL, err
		}
		g, _ = Gather(th, []vm.Value{sem(0), sem(1), sem(2), sem(3)}, false)
		_, err := y.Await(g.Value())
		return vm.None, err
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	o.check(t, `
Waiting for the lock 1
Acquired the lock 1
Waiting for the lock 2
Waiting for the lock 3
Released the lock 1
Acquired the lock 2
Released the lock 2
Acquired the lock 3
Released the lock 3
Acquired the semaphore 0
Acquired the semaphore 1
Released the semaphore 0
Released the semaphore 1
Acquired the semaphore 2
Acquired the semaphore 3
Released the semaphore 2
Released the semaphore 3`)
}

// A consumer waiting on an empty queue after the producer finished: CPython
// hangs; pya raises DeadlockError into main, whose cleanup still runs.
func TestDeadlockReport(t *testing.T) {
	th := newTestThread()
	var o out
	q := NewQueue(FIFOQueue, 0)
	consumer := coro(func(y *Y) (vm.Value, error) {
		for {
			x, err := y.Await(q.Get())
			if err != nil {
				o.p("consumer: %s", err.(*vm.Exception).Type().Name)
				return vm.NULL, err
			}
			o.p("got %s", str(x))
		}
	})
	main := coro(func(y *Y) (vm.Value, error) {
		q.PutNowait(th, vm.Int(1))
		c := mustTask(t, th, consumer)
		_, err := y.Await(c.Value())
		o.p("main finally")
		return vm.None, err
	})
	_, err := Run(th, main)
	e, ok := err.(*vm.Exception)
	if !ok || !e.IsInstance(DeadlockErrorType) {
		t.Fatalf("got %v, want DeadlockError", err)
	}
	msg := str(e.Args[0])
	for _, want := range []string{"deadlock:", "task 'Task-1'", "waits for task 'Task-2'", "task 'Task-2'", "waits for Queue.get()"} {
		if !strings.Contains(msg, want) {
			t.Errorf("report lacks %q:\n%s", want, msg)
		}
	}
	o.check(t, `
got 1
main finally
consumer: CancelledError`)
}

// No deadlock is reported while a timer is pending.
func TestNoDeadlockWithTimer(t *testing.T) {
	th := newTestThread()
	ev := NewEvent()
	setter := coro(func(y *Y) (vm.Value, error) {
		err := y.Sleep(100)
		ev.Set()
		return vm.None, err
	})
	main := coro(func(y *Y) (vm.Value, error) {
		mustTask(t, th, setter)
		_, err := y.Await(ev.Wait())
		return vm.Int(7), err
	})
	r, err := Run(th, main)
	if err != nil || r.AsInt() != 7 {
		t.Fatalf("got %v, %v", r, err)
	}
}

func TestConditionNotify(t *testing.T) {
	th := newTestThread()
	var o out
	c := NewCondition(nil)
	waiter := func(n int) vm.Value {
		return coro(func(y *Y) (vm.Value, error) {
			if _, err := y.Await(c.Lock().Acquire()); err != nil {
				return vm.NULL, err
			}
			o.p("wait %d", n)
			_, err := y.Await(c.Wait())
			o.p("woke %d", n)
			c.Lock().Release()
			return vm.None, err
		})
	}
	main := coro(func(y *Y) (vm.Value, error) {
		t1, t2 := mustTask(t, th, waiter(1)), mustTask(t, th, waiter(2))
		if err := y.Sleep(0); err != nil {
			return vm.NULL, err
		}
		y.Await(c.Lock().Acquire())
		c.Notify(1)
		c.Lock().Release()
		y.Await(t1.Value())
		y.Await(c.Lock().Acquire())
		c.NotifyAll()
		c.Lock().Release()
		_, err := y.Await(t2.Value())
		return vm.None, err
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	o.check(t, `
wait 1
wait 2
woke 1
woke 2`)
}

// Three tasks sleeping 0.2 s on the real clock finish together.
func TestRealClockConcurrentSleeps(t *testing.T) {
	th := vm.NewThread(nil)
	envsMu.Lock()
	envs[th] = newEnv(RealClockKind)
	envsMu.Unlock()
	sl := func() vm.Value {
		return coro(func(y *Y) (vm.Value, error) { return vm.None, y.Sleep(0.2) })
	}
	main := coro(func(y *Y) (vm.Value, error) {
		g, _ := Gather(th, []vm.Value{sl(), sl(), sl()}, false)
		_, err := y.Await(g.Value())
		return vm.None, err
	})
	start := time.Now()
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 200*time.Millisecond || d > 450*time.Millisecond {
		t.Errorf("took %v, want about 0.2s", d)
	}
}

// Virtual time: a long sleep takes no wall time.
func TestVirtualClockJumps(t *testing.T) {
	th := newTestThread()
	main := coro(func(y *Y) (vm.Value, error) { return vm.None, y.Sleep(3600) })
	start := time.Now()
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("virtual sleep took %v", d)
	}
}

func TestTimerCancelCleanup(t *testing.T) {
	th := newTestThread()
	l := NewLoop(th)
	var hs []*Handle
	nop := func(any, vm.Value) error { return nil }
	for i := 0; i < 300; i++ {
		hs = append(hs, l.CallLater(float64(i+1), nop, nil, vm.NULL))
	}
	for _, h := range hs[:200] {
		h.Cancel()
	}
	if l.timerCancelledCount != 200 {
		t.Fatalf("cancelled count %d", l.timerCancelledCount)
	}
	l.Stop()
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	if len(l.timers) != 100 || l.timerCancelledCount != 0 {
		t.Errorf("after cleanup: %d timers, %d cancelled", len(l.timers), l.timerCancelledCount)
	}
}

func TestBarrier(t *testing.T) {
	th := newTestThread()
	var o out
	b, _ := NewBarrier(3)
	w := func(n int) vm.Value {
		return coro(func(y *Y) (vm.Value, error) {
			o.p("arrive %d", n)
			i, err := y.Await(b.Wait())
			if err != nil {
				return vm.NULL, err
			}
			o.p("pass %d %s", n, str(i))
			return vm.None, nil
		})
	}
	main := coro(func(y *Y) (vm.Value, error) {
		g, _ := Gather(th, []vm.Value{w(0), w(1), w(2)}, false)
		_, err := y.Await(g.Value())
		o.p("%s", b.Extra())
		return vm.None, err
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	o.check(t, `
arrive 0
arrive 1
arrive 2
pass 2 2
pass 0 0
pass 1 1
filling, waiters:0/3`)
}

// On the virtual clock, waiting on an infinite timer is a deadlock, not an
// endless series of clock jumps.
func TestVirtualInfiniteSleepDeadlock(t *testing.T) {
	th := newTestThread()
	main := coro(func(y *Y) (vm.Value, error) { return vm.None, y.Sleep(math.Inf(1)) })
	_, err := Run(th, main)
	if e, ok := err.(*vm.Exception); !ok || !e.IsInstance(DeadlockErrorType) {
		t.Fatalf("got %v, want DeadlockError", err)
	}
}
