package runtime

import (
	"testing"

	"github.com/pya-lang/pya/vm"
)

// Each test mirrors a Python program (in the comment) whose output under
// CPython 3.11 is the expected text.

// async def w(n): for i in range(3): print(n, i); await asyncio.sleep(0)
// main creates tasks a, b, c, prints "created", awaits them in order.
func TestSleep0RoundRobin(t *testing.T) {
	th := newTestThread()
	var o out
	w := func(n string) vm.Value {
		return coro(func(y *Y) (vm.Value, error) {
			for i := 0; i < 3; i++ {
				o.p("%s %d", n, i)
				if err := y.Sleep(0); err != nil {
					return vm.NULL, err
				}
			}
			return vm.NewStr(n), nil
		})
	}
	main := coro(func(y *Y) (vm.Value, error) {
		var ts []*Task
		for _, n := range []string{"a", "b", "c"} {
			ts = append(ts, mustTask(t, th, w(n)))
		}
		o.p("created")
		for _, task := range ts {
			r, err := y.Await(task.Value())
			if err != nil {
				return vm.NULL, err
			}
			o.p("got %s", str(r))
		}
		o.p("done")
		return vm.None, nil
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	o.check(t, `
created
a 0
b 0
c 0
a 1
b 1
c 1
a 2
b 2
c 2
got a
got b
got c
done`)
}

func TestGatherOrder(t *testing.T) {
	th := newTestThread()
	var o out
	w := func(n int64, d float64) vm.Value {
		return coro(func(y *Y) (vm.Value, error) {
			o.p("start %d", n)
			if err := y.Sleep(d); err != nil {
				return vm.NULL, err
			}
			o.p("end %d", n)
			return vm.Int(n * 10), nil
		})
	}
	main := coro(func(y *Y) (vm.Value, error) {
		g, err := Gather(th, []vm.Value{w(1, 0.3), w(2, 0.1), w(3, 0.2)}, false)
		if err != nil {
			return vm.NULL, err
		}
		r, err := y.Await(g.Value())
		if err != nil {
			return vm.NULL, err
		}
		o.p("%s", str(r))
		return vm.None, nil
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	o.check(t, `
start 1
start 2
start 3
end 2
end 3
end 1
[10, 20, 30]`)
}

func TestCancelFinally(t *testing.T) {
	th := newTestThread()
	var o out
	w := coro(func(y *Y) (vm.Value, error) {
		o.p("w sleeping")
		err := y.Sleep(10)
		o.p("w finally")
		return vm.None, err
	})
	main := coro(func(y *Y) (vm.Value, error) {
		task := mustTask(t, th, w)
		if err := y.Sleep(0.1); err != nil {
			return vm.NULL, err
		}
		o.p("%v", task.Cancel(vm.NewStr("stop it")))
		o.p("%d", task.Cancelling())
		_, err := y.Await(task.Value())
		if e, ok := err.(*vm.Exception); ok && isCancelled(e) {
			o.p("caught ('%s',)", str(e.Args[0]))
		} else {
			t.Errorf("await: %v", err)
		}
		o.p("%v", task.Cancelled())
		return vm.None, nil
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	o.check(t, `
w sleeping
true
1
w finally
caught ('stop it',)
true`)
}

func TestWaitForTimeout(t *testing.T) {
	th := newTestThread()
	var o out
	long := func() vm.Value {
		return coro(func(y *Y) (vm.Value, error) {
			err := y.Sleep(5)
			o.p("long finally")
			return vm.Int(1), err
		})
	}
	main := coro(func(y *Y) (vm.Value, error) {
		start := RunningLoop(th).Time()
		_, err := y.Await(NewWaitFor(long(), vm.Int(1)))
		if e, ok := err.(*vm.Exception); ok && e.IsInstance(vm.TimeoutErrorType) {
			o.p("timeout %s %s", e.Type().Name, e.Cause.Type().Name)
		} else {
			t.Errorf("wait_for: %v", err)
		}
		if el := RunningLoop(th).Time() - start; el < 1 || el > 1.01 {
			t.Errorf("elapsed %v, want 1", el)
		}
		r, err := y.Await(NewWaitFor(long(), vm.Int(10)))
		if err != nil {
			return vm.NULL, err
		}
		o.p("%s", str(r))
		return vm.None, nil
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	o.check(t, `
long finally
timeout TimeoutError CancelledError
long finally
1`)
}

func TestQueueBackpressure(t *testing.T) {
	th := newTestThread()
	var o out
	q := NewQueue(FIFOQueue, 2)
	producer := coro(func(y *Y) (vm.Value, error) {
		for i := int64(0); i < 5; i++ {
			o.p("put %d", i)
			if _, err := y.Await(q.Put(vm.Int(i))); err != nil {
				return vm.NULL, err
			}
		}
		o.p("producer done")
		return vm.None, nil
	})
	consumer := coro(func(y *Y) (vm.Value, error) {
		for i := 0; i < 5; i++ {
			x, err := y.Await(q.Get())
			if err != nil {
				return vm.NULL, err
			}
			o.p("got %s", str(x))
			if err := q.TaskDone(); err != nil {
				return vm.NULL, err
			}
			if err := y.Sleep(0); err != nil {
				return vm.NULL, err
			}
		}
		return vm.None, nil
	})
	main := coro(func(y *Y) (vm.Value, error) {
		g, err := Gather(th, []vm.Value{producer, consumer}, false)
		if err != nil {
			return vm.NULL, err
		}
		if _, err := y.Await(g.Value()); err != nil {
			return vm.NULL, err
		}
		if _, err := y.Await(q.Join()); err != nil {
			return vm.NULL, err
		}
		o.p("joined")
		return vm.None, nil
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	o.check(t, `
put 0
put 1
put 2
got 0
put 3
got 1
put 4
got 2
producer done
got 3
got 4
joined`)
}
