package runtime

import (
	"io"
	"os"
	"sync"
	"sync/atomic"

	"github.com/pya-lang/pya/vm"
)

// Env is the asyncio state of one interpreter: its clock, its GIL, the
// task name counter (Task-1, Task-2, ... across loops, as CPython's
// module-level counter), the current and running loops.
type Env struct {
	Clock Clock
	GIL   GIL
	// Stderr receives the exception handler's reports.
	Stderr io.Writer

	taskCounter int64
	running     *Loop // the loop running on the main thread
	current     *Loop // set_event_loop / get_event_loop
	setCalled   bool  // set_event_loop was called: get_event_loop makes no loop

	// deferred holds futures whose unretrieved exceptions are reported by
	// Finalize (see Loop.shutdown).
	deferred     []*Future
	deferredLoop *Loop

	// pendingLoops are the closed loops that still had pending tasks,
	// reported by Finalize (destroyed.go).
	pendingLoops []*Loop

	rec *Recorder // copied into each new loop (see AttachRecorder)

	// resolve maps "host:port" to the address to dial instead
	// (PYA_RESOLVE, io_resolve.go); set before the program runs.
	resolve map[string]string

	threadsOnce sync.Once
	threads     atomic.Pointer[ThreadSched] // the threading module's threads (see Threads)
}

var (
	envsMu sync.Mutex
	envs   = map[any]*Env{} // by *vm.Interpreter, or by *vm.Thread for bare threads
)

func envKey(th *vm.Thread) any {
	if th.Interp != nil {
		return th.Interp
	}
	return th
}

func newEnv(kind ClockKind) *Env {
	e := &Env{Clock: NewClock(kind), Stderr: os.Stderr}
	// The interpreter's main thread holds the GIL whenever it is not
	// blocked; workers acquire it.
	e.GIL.Acquire()
	return e
}

// EnvFor returns the Env of th's interpreter, creating it (with the default
// clock) on first use.
func EnvFor(th *vm.Thread) *Env {
	k := envKey(th)
	envsMu.Lock()
	defer envsMu.Unlock()
	e := envs[k]
	if e == nil {
		e = newEnv(DefaultClockKind())
		if th.Interp != nil {
			if w := th.Interp.Config().Stderr; w != nil {
				e.Stderr = w
			}
			e.bindSwitching(th.Interp)
		}
		envs[k] = e
	}
	return e
}

// ConfigureInterpreter sets the clock and the stderr of in's asyncio
// (the CLI calls it for --clock=virtual before running the program).
func ConfigureInterpreter(in *vm.Interpreter, kind ClockKind, stderr io.Writer) {
	e := newEnv(kind)
	if stderr != nil {
		e.Stderr = stderr
	}
	e.bindSwitching(in)
	envsMu.Lock()
	envs[in] = e
	envsMu.Unlock()
	envCache.Store(nil)
}

// ForgetInterpreter drops in's asyncio state (when an embedder is done with
// it), first printing the reports asyncio.run deferred (Finalize), which an
// embedder that only forgets would otherwise lose.
func ForgetInterpreter(in *vm.Interpreter) {
	Finalize(in)
	envsMu.Lock()
	delete(envs, in)
	envsMu.Unlock()
	envCache.Store(nil)
}

// bindSwitching connects the GIL to in's eval breaker: a thread that has
// waited a switch interval for the GIL asks in's running thread to drop
// it, which does so through switchThread.
func (e *Env) bindSwitching(in *vm.Interpreter) {
	e.GIL.request = in.RequestSwitch
	in.SetSwitchHook(e.switchThread)
}

// switchThread is the forced switch: th (holding the GIL) ends its thread
// turn, as a thread that blocks does (see ThreadSched), and lets the
// waiting threads run before it takes the GIL back.
func (e *Env) switchThread(th *vm.Thread) {
	if s := e.threadSched(); s != nil {
		s.LeaveTurn(th)
	}
	e.GIL.Yield()
}

// CurrentClock is the hook for the time module: time.sleep(d) calls
// CurrentClock(th).Sleep(d) (releasing the GIL around it, see GIL), and
// time.monotonic()/perf_counter() may read Now() so that virtual time is
// visible to the program.
func CurrentClock(th *vm.Thread) Clock { return EnvFor(th).Clock }

// CurrentGIL returns the GIL of th's interpreter.
func CurrentGIL(th *vm.Thread) *GIL { return &EnvFor(th).GIL }

// RunningLoop returns the loop running on th's interpreter, or nil.
func RunningLoop(th *vm.Thread) *Loop {
	if l := EnvFor(th).running; l != nil && l.th == th {
		return l
	}
	return nil
}

// nextTaskNumber returns the N of the next "Task-N".
func (e *Env) nextTaskNumber() int64 {
	e.taskCounter++
	return e.taskCounter
}

func itoa(i int64) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	neg := i < 0
	if neg {
		i = -i
	}
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}
