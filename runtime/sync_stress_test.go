package runtime

import (
	"math/rand"
	"testing"

	"github.com/pya-lang/pya/vm"
)

// TestStressSemaphoreQueue mirrors testdata/sync/stress_sem_queue.pya in Go
// (not timed): 1,000 producers take a Semaphore(10) slot, pause, put their
// number into a Queue(maxsize=5) and release; consumers and a sniper
// (wait_for(get(), short timeout)) take items; a canceller cancels random
// producers wherever they are (waiting for the semaphore, holding it,
// blocked in put). Invariants: never more than 10 holders; the semaphore
// ends at 10 with no waiters; every item whose put returned is consumed
// exactly once and nothing else; every producer either put or was cancelled.
func TestStressSemaphoreQueue(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		stressSemQueue(t, seed)
	}
}

func stressSemQueue(t *testing.T, seed int64) {
	const n = 1000
	th := newTestThread()
	rng := rand.New(rand.NewSource(seed))
	sem, _ := NewSemaphore(10, false)
	q := NewQueue(FIFOQueue, 5)
	holders, peak := 0, 0
	putOK := map[int64]bool{}
	consumed := map[int64]int{}
	var cancelledIn [3]int // waiting for the semaphore, holding it, in put

	pause := func(y *Y, k int) error {
		for i := 0; i < k; i++ {
			if err := y.Sleep(0); err != nil {
				return err
			}
		}
		return nil
	}
	producer := func(i int64) vm.Value {
		return coro(func(y *Y) (vm.Value, error) {
			if _, err := y.Await(sem.Acquire()); err != nil {
				cancelledIn[0]++
				return vm.NULL, err
			}
			holders++
			if holders > peak {
				peak = holders
			}
			if holders > 10 {
				t.Errorf("seed %d: %d holders of a Semaphore(10)", seed, holders)
			}
			defer func() {
				holders--
				if err := sem.Release(); err != nil {
					t.Error(err)
				}
			}()
			if err := pause(y, rng.Intn(3)); err != nil {
				cancelledIn[1]++
				return vm.NULL, err
			}
			if _, err := y.Await(q.Put(vm.Int(i))); err != nil {
				cancelledIn[2]++
				return vm.NULL, err
			}
			putOK[i] = true
			return vm.None, nil
		})
	}
	take := func(item vm.Value) {
		consumed[item.AsInt()]++
		if err := q.TaskDone(); err != nil {
			t.Error(err)
		}
	}
	consumer := func() vm.Value {
		return coro(func(y *Y) (vm.Value, error) {
			for {
				item, err := y.Await(q.Get())
				if err != nil {
					return vm.NULL, err
				}
				if err := pause(y, rng.Intn(2)); err != nil {
					return vm.NULL, err
				}
				take(item)
			}
		})
	}
	sniperTimeouts := 0
	sniper := coro(func(y *Y) (vm.Value, error) {
		for k := 0; k < 200; k++ {
			item, err := y.Await(NewWaitFor(q.Get(), vm.Float(float64(rng.Intn(3))*0.001)))
			if err != nil {
				if e, ok := err.(*vm.Exception); ok && e.IsInstance(vm.TimeoutErrorType) {
					sniperTimeouts++
					continue
				}
				return vm.NULL, err
			}
			take(item)
		}
		return vm.None, nil
	})

	main := coro(func(y *Y) (vm.Value, error) {
		tasks := make([]*Task, n)
		aws := make([]vm.Value, n)
		for i := range tasks {
			tasks[i] = mustTask(t, th, producer(int64(i)))
			aws[i] = tasks[i].Value()
		}
		consumers := make([]*Task, 3)
		for i := range consumers {
			consumers[i] = mustTask(t, th, consumer())
		}
		sn := mustTask(t, th, sniper)
		for k := 0; k < 300; k++ {
			if err := pause(y, rng.Intn(6)); err != nil {
				return vm.NULL, err
			}
			j := rng.Intn(n)
			for tasks[j].Done() && j < n-1 {
				j++
			}
			tasks[j].Cancel(vm.None)
		}
		g, err := Gather(th, aws, true)
		if err != nil {
			return vm.NULL, err
		}
		if _, err := y.Await(g.Value()); err != nil {
			return vm.NULL, err
		}
		if _, err := y.Await(sn.Value()); err != nil {
			return vm.NULL, err
		}
		if _, err := y.Await(q.Join()); err != nil {
			return vm.NULL, err
		}
		for _, c := range consumers {
			c.Cancel(vm.None)
		}
		cancelled := 0
		for _, task := range tasks {
			if task.Cancelled() {
				cancelled++
			} else if exc, _ := task.Exception(); exc != nil {
				t.Errorf("seed %d: a producer failed: %v", seed, exc)
			}
		}
		if len(putOK)+cancelled != n {
			t.Errorf("seed %d: %d put + %d cancelled != %d", seed, len(putOK), cancelled, n)
		}
		if cancelled == 0 || cancelledIn[2] == 0 {
			t.Errorf("seed %d: the canceller did not reach blocked puts (%v)", seed, cancelledIn)
		}
		t.Logf("seed %d: %d put, %d cancelled (waiting %d, holding %d, in put %d), sniper timeouts %d, peak %d",
			seed, len(putOK), cancelled, cancelledIn[0], cancelledIn[1], cancelledIn[2], sniperTimeouts, peak)
		return vm.None, nil
	})
	if _, err := Run(th, main); err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	if peak != 10 || holders != 0 {
		t.Errorf("seed %d: peak %d holders, %d at the end", seed, peak, holders)
	}
	if sem.Value() != 10 || len(sem.waiters) != 0 || sem.Locked() {
		t.Errorf("seed %d: semaphore ends at %d with %d waiters", seed, sem.Value(), len(sem.waiters))
	}
	if q.Qsize() != 0 || q.Getters() != 0 || q.Putters() != 0 || q.Unfinished() != 0 {
		t.Errorf("seed %d: queue ends with %d items, %d getters, %d putters, %d unfinished",
			seed, q.Qsize(), q.Getters(), q.Putters(), q.Unfinished())
	}
	for i, c := range consumed {
		if c != 1 || !putOK[i] {
			t.Errorf("seed %d: item %d consumed %d times (put: %v)", seed, i, c, putOK[i])
		}
	}
	if len(consumed) != len(putOK) {
		t.Errorf("seed %d: %d items consumed, %d put", seed, len(consumed), len(putOK))
	}
}
