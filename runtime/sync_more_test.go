package runtime

import (
	"testing"

	"github.com/pya-lang/pya/vm"
)

// deadlockOf runs main and returns the DeadlockError's report.
func deadlockOf(t *testing.T, th *vm.Thread, main vm.Value) string {
	t.Helper()
	_, err := Run(th, main)
	e, ok := err.(*vm.Exception)
	if !ok || !e.IsInstance(DeadlockErrorType) {
		t.Fatalf("got %v, want DeadlockError", err)
	}
	return str(e.Args[0])
}

// TestDeadlockNamesEveryWait: each kind of wait is named in the report
// (a Barrier's inner Condition says Barrier.wait()). wait_for's own waits
// are checked by testdata/sync/deadlock_wait_for.pya.
func TestDeadlockNamesEveryWait(t *testing.T) {
	th := newTestThread()
	lock := NewLock()
	ev := NewEvent()
	sem, _ := NewSemaphore(0, false)
	cond := NewCondition(nil)
	bar, _ := NewBarrier(2)
	full := NewQueue(FIFOQueue, 1)
	full.PutNowait(th, vm.Int(0))
	waits := []struct {
		aw   func() vm.Value
		want string
	}{
		{lock.Acquire, "Lock.acquire()"},
		{ev.Wait, "Event.wait()"},
		{sem.Acquire, "Semaphore.acquire()"},
		{bar.Wait, "Barrier.wait()"},
		{NewQueue(FIFOQueue, 0).Get, "Queue.get()"},
		{func() vm.Value { return full.Put(vm.Int(1)) }, "Queue.put()"},
		// timeout None: wait_for awaits the awaitable itself (3.11)
		{func() vm.Value { return NewWaitFor(ev.Wait(), vm.None) }, "Event.wait()"},
	}
	main := coro(func(y *Y) (vm.Value, error) {
		if _, err := y.Await(lock.Acquire()); err != nil {
			return vm.NULL, err
		}
		ts := make([]vm.Value, 0, len(waits)+1)
		for _, w := range waits {
			aw := w.aw
			ts = append(ts, mustTask(t, th, coro(func(y *Y) (vm.Value, error) { return y.Await(aw()) })).Value())
		}
		ts = append(ts, mustTask(t, th, coro(func(y *Y) (vm.Value, error) {
			if _, err := y.Await(cond.Lock().Acquire()); err != nil {
				return vm.NULL, err
			}
			return y.Await(cond.Wait())
		})).Value())
		g, err := Gather(th, ts, false)
		if err != nil {
			return vm.NULL, err
		}
		return y.Await(g.Value())
	})
	msg := deadlockOf(t, th, main)
	want := "deadlock: no task can make progress:\n  task 'Task-1' waits for gather()"
	for i, w := range waits {
		want += "\n  task 'Task-" + itoa(int64(i+2)) + "' waits for " + w.want
	}
	want += "\n  task 'Task-" + itoa(int64(len(waits)+2)) + "' waits for Condition.wait()"
	if msg != want {
		t.Errorf("report\n%s\nwant\n%s", msg, want)
	}
}
