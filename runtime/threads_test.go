package runtime

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pya-lang/pya/vm"
)

// On the virtual clock, sleeping threads wake in deadline order at exactly
// their deadlines, a lock wait with a timeout times out when every thread
// waits, and a release hands the lock to the waiter.
func TestThreadSchedVirtual(t *testing.T) {
	th := vm.NewThread(nil)
	env := newEnv(VirtualClockKind)
	envsMu.Lock()
	envs[th] = env
	envsMu.Unlock()
	s := Threads(th)
	var mu sync.Mutex
	var log []string
	note := func(msg string) {
		mu.Lock()
		log = append(log, msg)
		mu.Unlock()
	}
	start := env.Clock.Now()
	lock := s.NewThreadLock()
	lock.Acquire(th, true, -1)
	done := s.NewThreadLock()
	done.Acquire(th, true, -1)
	for _, d := range []float64{0.3, 0.1, 0.2} {
		d := d
		s.Start(th, func(w *vm.Thread) {
			s.Sleep(w, d)
			note(strings.Repeat("x", int(d*10+0.5)) + " at " + formatFloat(env.Clock.Now()-start))
			if d == 0.3 {
				got := lock.Acquire(w, true, -1)
				note("lock handed over: " + formatFloat(env.Clock.Now()-start) + " " + boolStr(got))
				done.Release()
			}
		})
	}
	// The main thread waits 0.5s for a lock nobody releases, then releases
	// the other one to the 0.3s sleeper.
	if lock2 := s.NewThreadLock(); lock2.Acquire(th, true, -1) && lock2.Acquire(th, true, 0.5) {
		t.Fatal("acquire of a held lock succeeded")
	}
	note("timeout at " + formatFloat(env.Clock.Now()-start))
	lock.Release()
	done.Acquire(th, true, -1)
	want := "x at 0.1|xx at 0.2|xxx at 0.3|timeout at 0.5|lock handed over: 0.5 true"
	if got := strings.Join(log, "|"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if n := s.Count(); n != 0 {
		t.Errorf("%d threads still counted", n)
	}
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
