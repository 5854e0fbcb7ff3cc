package runtime

import (
	"strconv"
	"strings"

	"github.com/pya-lang/pya/vm"
)

// TraceKind is what a TraceEvent records.
type TraceKind uint8

const (
	// TraceCreate: task Task was created by task Parent (0: the main
	// program or a callback); Name and Coro label it.
	TraceCreate TraceKind = iota
	// TraceRun: a step of Task begins (it runs on the loop).
	TraceRun
	// TraceWait: the step ended with Task suspended; WaitKind and On say on
	// what, Targets lists the tasks it waits for.
	TraceWait
	// TraceDone: Task finished; How is "result", "exception" or
	// "cancelled", Detail the exception's repr.
	TraceDone
	// TraceStall: one callback held the loop for Dur seconds, ending at T
	// (Task: the task whose step it was, 0 for other callbacks).
	TraceStall
	// TraceLoopStart, TraceLoopStop: a loop starts or stops running
	// (run_forever, under asyncio.run and run_until_complete).
	TraceLoopStart
	TraceLoopStop
	// TraceDeadlock: no task could ever make progress; Detail is the
	// report that the DeadlockError carries.
	TraceDeadlock
)

var traceKindNames = [...]string{"create", "run", "wait", "done", "stall", "loop-start", "loop-stop", "deadlock"}

func (k TraceKind) String() string { return traceKindNames[k] }

// TraceEvent is one recorded event. Times are seconds on the loop's clock
// since the recorder started.
type TraceEvent struct {
	T        float64
	Kind     TraceKind
	Task     int // task id: 1, 2, ... in creation order (0: none)
	Parent   int
	Name     string // the task's name (TraceCreate, TraceDone)
	Coro     string // "worker()" (TraceCreate)
	WaitKind string // sleep, yield, task, gather, future, lock, queue, event, ... (TraceWait)
	On       string // "sleep(1)", "Lock.acquire()", "Task-3" (TraceWait)
	Targets  []int  // tasks waited for (TraceWait)
	How      string // TraceDone
	Detail   string // TraceDone
	Dur      float64
}

// Recorder collects the events of every loop of one interpreter. It is
// attached with AttachRecorder; the runtime's hooks are a nil check on
// Loop.rec when none is attached, so that recording costs nothing when off.
// All methods run on the loop goroutine (under the GIL).
type Recorder struct {
	// chunks hold the events in the order they happened, in blocks of
	// fixed size, so that a long run never copies what it recorded.
	chunks [][]TraceEvent
	// Live, if set, sees each event as it is recorded (pya --trace).
	Live func(TraceEvent)
	// LiveOnly keeps no events: they only go to Live (pya --trace
	// without --timeline, whose runs may be long).
	LiveOnly bool
	// StallThreshold is the callback duration in seconds above which the
	// loop counts as stalled. On the virtual clock any advance inside a
	// callback (time.sleep) is a stall; on the real clock the default is
	// asyncio's slow_callback_duration, 0.1 s.
	StallThreshold float64

	clock Clock
	t0    float64
	ids   map[*Task]int
	notes map[*Future]waitNote // what some waiter futures stand for
	n     int
	// running is the task whose step is under way.
	running *Task
}

// NewRecorder returns a recorder reading clock, with time 0 at now.
func NewRecorder(clock Clock) *Recorder {
	r := &Recorder{clock: clock, t0: clock.Now(), ids: map[*Task]int{}, notes: map[*Future]waitNote{}}
	if !clock.Virtual() {
		r.StallThreshold = 0.1
	}
	return r
}

// Now returns the recorder's time (seconds since it started).
func (r *Recorder) Now() float64 { return r.clock.Now() - r.t0 }

// Virtual reports whether the recorder reads the virtual clock.
func (r *Recorder) Virtual() bool { return r.clock.Virtual() }

// AttachRecorder makes in's loops record into r (created loops copy it at
// creation). It configures in's asyncio state if it has none yet.
func AttachRecorder(in *vm.Interpreter, r *Recorder) {
	envsMu.Lock()
	e := envs[in]
	if e == nil {
		e = newEnv(DefaultClockKind())
		if w := in.Config().Stderr; w != nil {
			e.Stderr = w
		}
		envs[in] = e
		envCache.Store(nil)
	}
	e.rec = r
	envsMu.Unlock()
}

// InterpreterClock returns the clock of in's asyncio state (for a
// recorder), configuring the default one if needed.
func InterpreterClock(in *vm.Interpreter) Clock {
	envsMu.Lock()
	defer envsMu.Unlock()
	if e := envs[in]; e != nil {
		return e.Clock
	}
	e := newEnv(DefaultClockKind())
	if w := in.Config().Stderr; w != nil {
		e.Stderr = w
	}
	envs[in] = e
	envCache.Store(nil)
	return e.Clock
}

// eventsPerChunk is the size of a block of events (about 180 KB).
const eventsPerChunk = 1024

func (r *Recorder) emit(ev TraceEvent) {
	if r.LiveOnly {
		if r.Live != nil {
			r.Live(ev)
		}
		return
	}
	n := len(r.chunks)
	if n == 0 || len(r.chunks[n-1]) == eventsPerChunk {
		r.chunks = append(r.chunks, make([]TraceEvent, 0, eventsPerChunk))
		n++
	}
	r.chunks[n-1] = append(r.chunks[n-1], ev)
	if r.Live != nil {
		r.Live(ev)
	}
}

// Events returns the recorded events in the order they happened.
func (r *Recorder) Events() []TraceEvent {
	var all []TraceEvent
	for _, c := range r.chunks {
		all = append(all, c...)
	}
	return all
}

// id returns t's id, registering a task created before recording began.
func (r *Recorder) id(t *Task) int {
	if t == nil {
		return 0
	}
	if id, ok := r.ids[t]; ok {
		return id
	}
	return r.taskCreated(t, nil)
}

func (r *Recorder) taskCreated(t *Task, parent *Task) int {
	r.n++
	id := r.n
	r.ids[t] = id
	r.emit(TraceEvent{T: r.Now(), Kind: TraceCreate, Task: id, Parent: r.id(parent),
		Name: taskName(t), Coro: coroName(t.loop.th, t.Coro())})
	return id
}

func (r *Recorder) stepStart(t *Task) {
	r.running = t
	r.emit(TraceEvent{T: r.Now(), Kind: TraceRun, Task: r.id(t)})
}

// waitNote says what a waiter future stands for: its kind, a description
// and the futures (tasks) behind it.
type waitNote struct {
	kind, on string
	targets  []*Future
}

// note records that a task waiting for f waits for what kind and on
// describe, and for targets (the hooks of sleep, wait_for, wait and
// TaskGroup call it when recording).
func (r *Recorder) note(f *Future, kind, on string, targets []*Future) {
	r.notes[f] = waitNote{kind, on, targets}
}

// sleeping notes that f is the future of asyncio.sleep(delay).
func (r *Recorder) sleeping(f *Future, delay float64) {
	r.note(f, "sleep", "sleep("+formatDelay(delay)+")", nil)
}

// wait records that t's step ended waiting for f (nil: a bare yield).
func (r *Recorder) wait(t *Task, f *Future) {
	ev := TraceEvent{T: r.Now(), Kind: TraceWait, Task: r.id(t)}
	switch n, noted := r.notes[f]; {
	case f == nil:
		ev.WaitKind, ev.On = "yield", "sleep(0)"
	case noted:
		delete(r.notes, f)
		ev.WaitKind, ev.On = n.kind, n.on
		for _, c := range n.targets {
			if ct := c.task; ct != nil {
				ev.Targets = append(ev.Targets, r.id(ct))
			}
		}
	case f.gather() != nil:
		ev.WaitKind = "gather"
		var names []string
		for _, c := range f.gather().children {
			if ct := c.task; ct != nil {
				ev.Targets = append(ev.Targets, r.id(ct))
				names = append(names, taskName(ct))
			}
		}
		ev.On = "gather(" + strings.Join(names, ", ") + ")"
	case f.waitDesc != "":
		ev.WaitKind, ev.On = waitKindOf(f.waitDesc), f.waitDesc
	default:
		if wt := f.task; wt != nil {
			ev.WaitKind, ev.On = "task", taskName(wt)
			ev.Targets = []int{r.id(wt)}
		} else {
			ev.WaitKind, ev.On = "future", "Future"
		}
	}
	r.emit(ev)
}

// waitKindOf classifies a waiter's description ("Lock.acquire()").
func waitKindOf(desc string) string {
	switch head, _, _ := strings.Cut(desc, "."); head {
	case "Lock", "Semaphore", "Condition", "Barrier":
		return "lock"
	case "Queue":
		return "queue"
	case "Event":
		return "event"
	}
	switch desc {
	case "wait()":
		return "wait"
	case "TaskGroup tasks":
		return "taskgroup"
	}
	return "io"
}

func (r *Recorder) done(t *Task) {
	ev := TraceEvent{T: r.Now(), Kind: TraceDone, Task: r.id(t), Name: taskName(t)}
	switch {
	case t.Cancelled():
		ev.How = "cancelled"
	case t.exc != nil:
		ev.How = "exception"
		ev.Detail, _ = safeRepr(t.loop.th, vm.ObjectValue(t.exc))
	default:
		ev.How = "result"
	}
	r.emit(ev)
}

// callback runs c, recording a stall when it held the loop too long.
func (r *Recorder) callback(c callback) error {
	start := r.clock.Now()
	err := c.fn(c.arg, c.v)
	if d := r.clock.Now() - start; d > r.StallThreshold {
		task := 0
		if t, ok := c.arg.(*Task); ok {
			task = r.id(t)
		}
		r.emit(TraceEvent{T: r.Now(), Kind: TraceStall, Task: task, Dur: d})
	}
	return err
}

func (r *Recorder) loopEvent(k TraceKind) { r.emit(TraceEvent{T: r.Now(), Kind: k}) }

func taskName(t *Task) string {
	if s := vm.AsStr(t.Name()); s != nil {
		return s.String()
	}
	s, _ := safeRepr(t.loop.th, t.Name())
	return s
}

// coroName is "worker()": the coroutine's __qualname__ and parentheses.
func coroName(th *vm.Thread, coro vm.Value) string {
	if c, ok := coro.Object().(NativeCoroutine); ok {
		return c.native().qualname + "()"
	}
	if v, err := vm.LookupAttr(th, coro, "__qualname__"); err == nil && !v.IsNull() {
		if s := vm.AsStr(v); s != nil {
			return s.String() + "()"
		}
	}
	return coro.Type().Name + "()"
}

// formatDelay prints a delay as the program likely wrote it: 1, 0.5.
func formatDelay(d float64) string {
	return strconv.FormatFloat(d, 'g', -1, 64)
}

// stepEnd records how the step of t that stepStart saw begin ended: the
// task finished, or waits for its futWaiter (nil: a bare yield).
func (r *Recorder) stepEnd(t *Task) {
	if r.running != t {
		return // the step refused to run (already done, or nested)
	}
	r.running = nil
	if t.Done() {
		r.done(t)
	} else {
		r.wait(t, t.futWaiter)
	}
}
