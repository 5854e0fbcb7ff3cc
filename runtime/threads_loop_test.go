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
