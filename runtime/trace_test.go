package runtime

import (
	"testing"

	"github.com/pya-lang/pya/vm"
)

// TestRecorderOffAllocatesNothing: with no recorder, a task step through
// the ready queue allocates nothing (the hooks are nil checks).
func TestRecorderOffAllocatesNothing(t *testing.T) {
	th := newTestThread()
	l := NewLoop(th)
	if l.rec != nil {
		t.Fatal("a loop records without a recorder attached")
	}
	task, err := NewTask(l, vm.ObjectValue(&yielder{n: 1 << 30}), vm.NULL)
	if err != nil {
		t.Fatal(err)
	}
	l.runOnce() // first step
	if a := testing.AllocsPerRun(1000, func() { l.runOnce() }); a != 0 {
		t.Errorf("a task step allocates %v times with recording off", a)
	}
	_ = task
}

// TestRecorderEvents records a task that yields twice and one that fails.
func TestRecorderEvents(t *testing.T) {
	th := newTestThread()
	l := NewLoop(th)
	rec := NewRecorder(NewVirtualClock(5))
	l.rec = rec
	t1, _ := NewTask(l, vm.ObjectValue(&yielder{n: 2}), vm.NULL)
	if _, err := l.RunUntilComplete(th, t1.Value()); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, ev := range rec.Events() {
		s := ev.Kind.String()
		if ev.Kind == TraceWait {
			s += " " + ev.On
		}
		if ev.Kind == TraceDone {
			s += " " + ev.How
		}
		kinds = append(kinds, s)
	}
	want := []string{"create", "loop-start", "run", "wait sleep(0)", "run", "wait sleep(0)", "run", "done result", "loop-stop"}
	if len(kinds) != len(want) {
		t.Fatalf("events %q, want %q", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Fatalf("events %q, want %q", kinds, want)
		}
	}
	if rec.Events()[0].Name == "" || rec.Events()[0].Task != 1 {
		t.Errorf("create event %+v lacks the task's name or id", rec.Events()[0])
	}
}

// BenchmarkTaskSwitchRecorded is BenchmarkTaskSwitch with a recorder
// attached: the cost of pya --timeline per task step.
func BenchmarkTaskSwitchRecorded(b *testing.B) {
	th := newTestThread()
	l := NewLoop(th)
	l.rec = NewRecorder(l.clock)
	const tasks = 10
	vals := make([]vm.Value, tasks)
	for i := range vals {
		t, err := NewTask(l, vm.ObjectValue(&yielder{n: b.N / tasks}), vm.NULL)
		if err != nil {
			b.Fatal(err)
		}
		vals[i] = t.Value()
	}
	b.ReportAllocs()
	b.ResetTimer()
	g, _ := Gather(th, vals, false)
	if _, err := l.RunUntilComplete(th, g.Value()); err != nil {
		b.Fatal(err)
	}
}
