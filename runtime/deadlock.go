package runtime

import (
	"strings"

	"github.com/pya-lang/pya/vm"
)

// deadlock is called when the loop would wait for ever: nothing is ready,
// no timer is pending and no other goroutine can post anything. CPython
// hangs; pya raises DeadlockError listing the blocked tasks into the main
// task at its await point (so its finally clauses and async with exits
// run), or out of the loop when there is no main task to deliver it to.
func (l *Loop) deadlock() error {
	report := l.deadlockReport()
	if l.rec != nil {
		l.rec.emit(TraceEvent{T: l.rec.Now(), Kind: TraceDeadlock, Detail: report})
	}
	exc := vm.NewException(DeadlockErrorType, vm.NewStr(report))
	if m := l.mainFut; m != nil {
		if t := m.task; t != nil && !t.Done() && t.futWaiter != nil {
			w := t.futWaiter
			w.removeGoCallback(taskWakeup, t)
			w.quiet = true
			t.futWaiter = nil
			l.callSoon(taskStep, t, vm.ObjectValue(exc))
			return nil
		}
	}
	return exc
}

// deadlockReport lists every blocked task: its name, where it waits and
// what it waits for. It is one line, so that it is the last line of the
// traceback: "deadlock: no task can make progress: task 'Task-1' (File
// "x.pya", line 9) waits for task 'Task-2'; task 'Task-2' (...) waits for
// Queue.get()".
func (l *Loop) deadlockReport() string {
	var b strings.Builder
	b.WriteString("deadlock: no task can make progress:")
	for i, t := range l.AllTasks() {
		if i > 0 {
			b.WriteString(";")
		}
		name := "?"
		if s := vm.AsStr(t.Name()); s != nil {
			name = s.String()
		}
		b.WriteString(" task '" + name + "'")
		if file, line, ok := CoroLocation(l.th, t.Coro()); ok {
			b.WriteString(" (File \"" + file + "\", line " + itoa(int64(line)) + ")")
		}
		b.WriteString(" waits for " + l.describeWaiter(t.futWaiter))
	}
	return b.String()
}

// describeWaiter says what a task waits for.
func (l *Loop) describeWaiter(f *Future) string {
	switch {
	case f == nil:
		return "nothing (not scheduled)"
	case f.waitDesc != "":
		return f.waitDesc
	case f.gather() != nil:
		return "gather()"
	}
	if t := f.task; t != nil {
		if s := vm.AsStr(t.Name()); s != nil {
			return "task '" + s.String() + "'"
		}
		return "a Task"
	}
	return "a Future"
}

// CoroLocator may be implemented by the VM's coroutines: the file and line
// where the innermost frame of the await chain is suspended.
type CoroLocator interface {
	AwaitLocation() (file string, line int, ok bool)
}

// CoroLocation finds where a coroutine is suspended: through CoroLocator,
// or by following cr_await down to the innermost coroutine and reading its
// cr_frame.f_lineno and cr_code.co_filename.
func CoroLocation(th *vm.Thread, coro vm.Value) (string, int, bool) {
	if c, ok := coro.Object().(CoroLocator); ok {
		return c.AwaitLocation()
	}
	if _, ok := coro.Object().(NativeCoroutine); ok {
		return "", 0, false
	}
	cur := coro
	for i := 0; i < 1000; i++ {
		aw, err := vm.LookupAttr(th, cur, "cr_await")
		if err != nil || aw.IsNull() || aw.IsNone() || !IsCoroutine(aw) {
			break
		}
		if _, ok := aw.Object().(NativeCoroutine); ok {
			break
		}
		cur = aw
	}
	frame, err := vm.LookupAttr(th, cur, "cr_frame")
	if err != nil || frame.IsNull() || frame.IsNone() {
		return "", 0, false
	}
	lineV, err := vm.LookupAttr(th, frame, "f_lineno")
	if err != nil || !lineV.IsInt() {
		return "", 0, false
	}
	code, err := vm.LookupAttr(th, cur, "cr_code")
	if err != nil || code.IsNull() {
		return "", 0, false
	}
	fileV, err := vm.LookupAttr(th, code, "co_filename")
	if err != nil {
		return "", 0, false
	}
	s := vm.AsStr(fileV)
	if s == nil {
		return "", 0, false
	}
	return s.String(), int(lineV.AsInt()), true
}
