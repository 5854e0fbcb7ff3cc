package runtime

import (
	"sync/atomic"
	"testing"
	"time"
)

// A waiter that waits a switch interval asks the holder to drop the GIL
// (once per interval without a hand-over), and Release hands the GIL to it
// directly: the releasing goroutine cannot take it back first.
func TestGILSwitchRequestAndHandOver(t *testing.T) {
	var g GIL
	var requests atomic.Int32
	g.request = func() { requests.Add(1) }
	g.SetSwitchIntervalMicros(2000)
	g.Acquire()
	got := make(chan struct{})
	go func() {
		g.Acquire()
		close(got)
		time.Sleep(5 * time.Millisecond)
		g.Release()
	}()
	deadline := time.Now().Add(5 * time.Second)
	for !g.DropRequested() {
		if time.Now().After(deadline) {
			t.Fatal("no drop request from the waiter")
		}
		time.Sleep(time.Millisecond)
	}
	if requests.Load() == 0 {
		t.Fatal("request hook not called")
	}
	g.Release()
	if g.TryAcquire() {
		t.Fatal("Release did not hand the GIL to the waiter")
	}
	<-got
	if g.DropRequested() {
		t.Error("drop request survived the hand-over")
	}
	g.Acquire() // after the waiter's Release
	if g.SwitchInterval() != 2*time.Millisecond || g.SwitchIntervalMicros() != 2000 {
		t.Errorf("interval %v", g.SwitchInterval())
	}
	g.Release()
	var d GIL
	if d.SwitchInterval() != DefaultSwitchInterval || d.SwitchIntervalMicros() != 5000 {
		t.Errorf("default interval %v", d.SwitchInterval())
	}
}
