package runtime

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/pya-lang/pya/vm"
)

func intConv(th *vm.Thread, r any, err error) (vm.Value, error) {
	if err != nil {
		return vm.NULL, err
	}
	return vm.Int(r.(int64)), nil
}

// Under the virtual clock, real I/O in flight keeps the clock from jumping
// past it: a 30 ms operation finishes before a 1 s sleep, and the sleep's
// timer then fires at exactly its virtual deadline.
func TestIOVirtualClockPacing(t *testing.T) {
	th := newTestThread()
	var o out
	main := coro(func(y *Y) (vm.Value, error) {
		l := RunningLoop(th)
		t0 := l.Time()
		sleeper := mustTask(t, th, coro(func(y *Y) (vm.Value, error) {
			if err := y.Sleep(1); err != nil {
				return vm.NULL, err
			}
			o.p("slept %.3f", l.Time()-t0)
			return vm.None, nil
		}))
		f := l.StartIO("test", func() (any, error) {
			time.Sleep(30 * time.Millisecond)
			return int64(7), nil
		}, intConv, nil, nil)
		r, err := y.Await(f.Value())
		if err != nil {
			return vm.NULL, err
		}
		el := l.Time() - t0
		o.p("io %s early=%v", str(r), el < 0.5)
		return y.Await(sleeper.Value())
	})
	start := time.Now()
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	o.check(t, "io 7 early=true\nslept 1.000")
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("the virtual sleep took %v of real time", d)
	}
}

// Cancelling the future of an operation aborts it and hands its late
// result to orphan; the loop does not wait for it afterwards.
func TestIOCancelAbortsAndOrphans(t *testing.T) {
	th := newTestThread()
	var aborted, orphaned atomic.Int32
	release := make(chan struct{})
	main := coro(func(y *Y) (vm.Value, error) {
		l := RunningLoop(th)
		f := l.StartIO("test", func() (any, error) {
			<-release
			return int64(1), nil
		}, intConv, func() {
			aborted.Add(1)
			close(release)
		}, func(r any, err error) {
			if r.(int64) == 1 {
				orphaned.Add(1)
			}
		})
		task := mustTask(t, th, coro(func(y *Y) (vm.Value, error) { return y.Await(f.Value()) }))
		if err := y.Sleep(0); err != nil {
			return vm.NULL, err
		}
		task.Cancel(vm.NULL)
		_, err := y.Await(task.Value())
		if exc, ok := err.(*vm.Exception); !ok || !exc.IsInstance(CancelledErrorType) {
			t.Errorf("awaiting the cancelled task: %v", err)
		}
		// Let the orphaned result arrive.
		for orphaned.Load() == 0 {
			if err := y.Sleep(0.001); err != nil {
				return vm.NULL, err
			}
		}
		return vm.None, nil
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	if aborted.Load() != 1 || orphaned.Load() != 1 {
		t.Errorf("aborted %d, orphaned %d", aborted.Load(), orphaned.Load())
	}
}

// An operation in flight is not a deadlock; once it is over, a task
// waiting for nothing is.
func TestIODeadlockAfterIO(t *testing.T) {
	th := newTestThread()
	main := coro(func(y *Y) (vm.Value, error) {
		l := RunningLoop(th)
		f := l.StartIO("test", func() (any, error) {
			time.Sleep(20 * time.Millisecond)
			return int64(1), nil
		}, intConv, nil, nil)
		if _, err := y.Await(f.Value()); err != nil {
			return vm.NULL, err
		}
		return y.Await(NewFuture(l).Value())
	})
	_, err := Run(th, main)
	exc, ok := err.(*vm.Exception)
	if !ok || !exc.IsInstance(DeadlockErrorType) {
		t.Fatalf("want DeadlockError, got %v", err)
	}
}

// While an operation is in flight a timer still fires on the virtual
// clock, at real speed and at exactly its deadline: a timeout around an
// operation that never ends by itself cancels it.
func TestIOVirtualTimeoutFires(t *testing.T) {
	th := newTestThread()
	var o out
	stop := make(chan struct{})
	main := coro(func(y *Y) (vm.Value, error) {
		l := RunningLoop(th)
		t0 := l.Time()
		f := l.StartIO("hang", func() (any, error) {
			<-stop
			return int64(0), nil
		}, intConv, func() { close(stop) }, nil)
		mustTask(t, th, coro(func(y *Y) (vm.Value, error) {
			if err := y.Sleep(0.05); err != nil {
				return vm.NULL, err
			}
			o.p("timeout at %.3f", l.Time()-t0)
			f.Cancel(vm.NULL)
			return vm.None, nil
		}))
		_, err := y.Await(f.Value())
		o.p("cancelled %v", err != nil && f.Cancelled())
		return vm.None, nil
	})
	start := time.Now()
	done := make(chan error, 1)
	go func() {
		_, err := Run(th, main)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the timer never fired while the operation was in flight")
	}
	o.check(t, "timeout at 0.050\ncancelled true")
	if d := time.Since(start); d < 40*time.Millisecond {
		t.Errorf("virtual time jumped past the operation: %v", d)
	}
}
