package runtime

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pya-lang/pya/vm"
)

// On the virtual clock a to_thread worker's time.sleep and the loop's
// timers interleave as on the real clock: the clock moves only when the
// loop and the worker both wait, to the earliest deadline (loopWait).
func TestVirtualClockWorkerSleepInterleaves(t *testing.T) {
	th := vm.NewThread(nil)
	env := newEnv(VirtualClockKind)
	envsMu.Lock()
	envs[th] = env
	envsMu.Unlock()
	start := env.Clock.Now()
	var mu sync.Mutex
	var log []string
	note := func(msg string) {
		mu.Lock()
		log = append(log, msg+"@"+strconv.FormatFloat(env.Clock.Now()-start, 'f', 2, 64))
		mu.Unlock()
	}
	sleeper := vm.NewBuiltin("sleeper", func(w *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		for i := 0; i < 2; i++ {
			Threads(w).Sleep(w, 0.25)
			note("worker")
		}
		return vm.Int(7), nil
	})
	main := coro(func(y *Y) (vm.Value, error) {
		ticker := mustTask(t, th, coro(func(y *Y) (vm.Value, error) {
			for i := 0; i < 4; i++ {
				if err := y.Sleep(0.1); err != nil {
					return vm.NULL, err
				}
				note("tick")
			}
			return vm.None, nil
		}))
		r, err := y.Await(NewToThread(sleeper, nil, nil))
		if err != nil {
			return vm.NULL, err
		}
		note("result " + str(r))
		return y.Await(ticker.Value())
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	want := "tick@0.10|tick@0.20|worker@0.25|tick@0.30|tick@0.40|worker@0.50|result 7@0.50"
	if got := strings.Join(log, "|"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// A task made where no context variable is set keeps no Context (the
// memory benchmark's blocked tasks); one made after a set snapshots the
// creator's context, and a variable set inside a task stays in the task.
func TestTaskContextSnapshot(t *testing.T) {
	th := vm.NewThread(nil)
	envsMu.Lock()
	envs[th] = newEnv(VirtualClockKind)
	envsMu.Unlock()
	v := &vm.ContextVar{Name: "v", Default: vm.NULL}
	var inner vm.Value
	main := coro(func(y *Y) (vm.Value, error) {
		l, _ := GetRunningLoop(th)
		plain, err := NewTask(l, coro(func(y *Y) (vm.Value, error) {
			v.Set(th, vm.Int(1))
			if err := y.Sleep(0); err != nil {
				return vm.NULL, err
			}
			inner = v.Get(th, vm.NULL) // set in an earlier step
			return vm.None, nil
		}), vm.NULL)
		if err != nil {
			return vm.NULL, err
		}
		if plain.ctx != nil {
			t.Error("a task made with no variable set has a Context")
		}
		v.Set(th, vm.Int(2))
		snap, err := NewTask(l, coro(func(y *Y) (vm.Value, error) { return v.Get(th, vm.NULL), nil }), vm.NULL)
		if err != nil {
			return vm.NULL, err
		}
		if snap.ctx == nil || snap.ctx.Lookup(v).AsInt() != 2 {
			t.Error("a task made after a set did not snapshot it")
		}
		if _, err := y.Await(plain.Value()); err != nil {
			return vm.NULL, err
		}
		if got := v.Get(th, vm.NULL); got.AsInt() != 2 {
			t.Errorf("the task's set leaked out: %v", got)
		}
		return y.Await(snap.Value())
	})
	r, err := Run(th, main)
	if err != nil {
		t.Fatal(err)
	}
	if r.AsInt() != 2 || inner.AsInt() != 1 {
		t.Errorf("snapshot task saw %v, plain task kept %v", r, inner)
	}
}
