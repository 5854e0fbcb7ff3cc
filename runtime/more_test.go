package runtime

import (
	"testing"
	"time"

	"github.com/pya-lang/pya/vm"
)

func TestWaitAsCompletedTimeoutTaskGroup(t *testing.T) {
	th := newTestThread()
	var o out
	w := func(n int64, d float64) vm.Value {
		return coro(func(y *Y) (vm.Value, error) {
			if err := y.Sleep(d); err != nil {
				return vm.NULL, err
			}
			o.p("w %d", n)
			return vm.Int(n), nil
		})
	}
	main := coro(func(y *Y) (vm.Value, error) {
		var fs []*Future
		for i, d := range []float64{0.3, 0.1, 0.2} {
			fs = append(fs, &mustTask(t, th, w(int64(i), d)).Future)
		}
		// asyncio.wait returns sets, which need the vm's set type: drive
		// the wait coroutine's callbacks only through its waiter here.
		wc := NewWait(fs, vm.None, FirstCompleted).Object().(*waitCoro)
		wc.started = true
		l := RunningLoop(th)
		wc.waiter = NewFuture(l)
		wc.counter = len(fs)
		for _, f := range fs {
			f.AddDoneCallback(waitOnCompletion, wc)
		}
		if _, err := y.Await(wc.waiter.Value()); err != nil {
			return vm.NULL, err
		}
		nd := 0
		for _, f := range fs {
			if f.Done() {
				nd++
			}
		}
		o.p("%d %d", nd, len(fs)-nd)
		ac, err := NewAsCompleted(th, l, fs, vm.None)
		if err != nil {
			return vm.NULL, err
		}
		for c := ac.Next(); !c.IsNull(); c = ac.Next() {
			r, err := y.Await(c)
			if err != nil {
				return vm.NULL, err
			}
			o.p("ac %s", str(r))
		}
		to := NewTimeout(l.Time()+0.5, true)
		if err := to.Enter(th); err != nil {
			return vm.NULL, err
		}
		err = y.Sleep(1)
		if e, ok := err.(*vm.Exception); !ok || !isCancelled(e) {
			t.Fatalf("sleep under timeout: %v", err)
		}
		if e := to.Exit(err.(*vm.Exception)); e != nil && e.(*vm.Exception).IsInstance(vm.TimeoutErrorType) {
			o.p("timed out")
		}
		tg := NewTaskGroup()
		if err := tg.Enter(th); err != nil {
			return vm.NULL, err
		}
		tg.CreateTask(w(7, 0.2), vm.NULL, nil)
		tg.CreateTask(w(8, 0.1), vm.NULL, nil)
		if _, err := y.Await(tg.Exit(nil)); err != nil {
			return vm.NULL, err
		}
		o.p("tg done")
		return vm.None, nil
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	o.check(t, `
w 1
1 2
ac 1
w 2
ac 2
w 0
ac 0
timed out
w 8
w 7
tg done`)
}

// Blocking work in two threads overlaps, and the loop keeps running while
// the threads block (they release the GIL).
func TestToThread(t *testing.T) {
	th := vm.NewThread(nil)
	envsMu.Lock()
	envs[th] = newEnv(RealClockKind)
	envsMu.Unlock()
	block := vm.NewBuiltin("block", func(wt *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		g := CurrentGIL(wt)
		g.Release()
		time.Sleep(100 * time.Millisecond)
		g.Acquire()
		return args[0], nil
	})
	ticks := 0
	main := coro(func(y *Y) (vm.Value, error) {
		g, _ := Gather(th, []vm.Value{NewToThread(block, []vm.Value{vm.Int(1)}, nil), NewToThread(block, []vm.Value{vm.Int(2)}, nil)}, false)
		ticker := mustTask(t, th, coro(func(y *Y) (vm.Value, error) {
			for !g.Done() {
				ticks++
				if err := y.Sleep(0.01); err != nil {
					return vm.NULL, err
				}
			}
			return vm.None, nil
		}))
		r, err := y.Await(g.Value())
		if err != nil {
			return vm.NULL, err
		}
		y.Await(ticker.Value())
		return r, nil
	})
	start := time.Now()
	r, err := Run(th, main)
	if err != nil {
		t.Fatal(err)
	}
	if s := str(r); s != "[1, 2]" {
		t.Errorf("result %s", s)
	}
	if d := time.Since(start); d > 180*time.Millisecond {
		t.Errorf("threads did not overlap: %v", d)
	}
	if ticks < 3 {
		t.Errorf("loop starved while threads blocked: %d ticks", ticks)
	}
}

// A task spinning on sleep(0) while a thread computes must not starve the
// thread of the GIL.
func TestBusyLoopYieldsGIL(t *testing.T) {
	th := vm.NewThread(nil)
	envsMu.Lock()
	envs[th] = newEnv(RealClockKind)
	envsMu.Unlock()
	work := vm.NewBuiltin("work", func(wt *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		g := CurrentGIL(wt)
		for i := 0; i < 3; i++ {
			g.Yield() // a VM running pya code would yield periodically
		}
		return vm.Int(42), nil
	})
	main := coro(func(y *Y) (vm.Value, error) {
		task := mustTask(t, th, NewToThread(work, nil, nil))
		for !task.Done() {
			if err := y.Sleep(0); err != nil {
				return vm.NULL, err
			}
		}
		return task.Result()
	})
	done := make(chan struct{})
	go func() {
		defer close(done)
		r, err := Run(th, main)
		if err != nil || r.AsInt() != 42 {
			t.Errorf("got %v, %v", r, err)
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("worker starved")
	}
}
