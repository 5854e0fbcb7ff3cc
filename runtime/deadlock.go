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

// deadlockReport lists every blocked task: its name, what it waits for
// and, as a traceback shows a frame, where it waits (the innermost frame
// of its await chain, with its source line). The first line is the
// message's summary; the details follow on indented lines:
//
//	deadlock: no task can make progress:
//	  task 'Task-1' waits for task 'Task-2'
//	    File "x.pya", line 9, in main
//	      await t
func (l *Loop) deadlockReport() string {
	var b strings.Builder
	b.WriteString("deadlock: no task can make progress:")
	for _, t := range l.AllTasks() {
		name := "?"
		if s := vm.AsStr(t.Name()); s != nil {
			name = s.String()
		}
		b.WriteString("\n  task '" + name + "' waits for " + l.describeWaiter(t.futWaiter))
		loc, ok := CoroLocation(l.th, t.Coro())
		if !ok {
			continue
		}
		b.WriteString("\n    File \"" + loc.File + "\", line " + itoa(int64(loc.Line)))
		if loc.Func != "" {
			b.WriteString(", in " + loc.Func)
		}
		if in := l.th.Interp; in != nil {
			if src := in.SourceLine(loc.File, loc.Line); src != "" {
				b.WriteString("\n      " + src)
			}
		}
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

// Location is a point in a program's source: a file, a line and the
// function it is in ("" when unknown).
type Location struct {
	File string
	Line int
	Func string
}

// CoroLocator is implemented by the VM's coroutines and generators: the
// file, line and function of the innermost frame of their await chain.
type CoroLocator interface {
	AwaitLocation() (file string, line int, fn string, ok bool)
}

// CoroLocation finds where a coroutine is suspended: through CoroLocator,
// or by following cr_await down to the innermost coroutine and reading its
// cr_frame.f_lineno and cr_code (co_filename, co_name).
func CoroLocation(th *vm.Thread, coro vm.Value) (Location, bool) {
	if c, ok := coro.Object().(CoroLocator); ok {
		file, line, fn, ok := c.AwaitLocation()
		return Location{file, line, fn}, ok
	}
	if _, ok := coro.Object().(NativeCoroutine); ok {
		return Location{}, false
	}
	cur := coro
	for i := 0; i < 1000; i++ {
		aw, err := vm.LookupAttr(th, cur, "cr_await")
		if err != nil || aw.IsNull() || aw.IsNone() || !IsCoroutine(aw) {
			break
		}
		if c, ok := aw.Object().(CoroLocator); ok {
			file, line, fn, ok := c.AwaitLocation()
			return Location{file, line, fn}, ok
		}
		if _, ok := aw.Object().(NativeCoroutine); ok {
			break
		}
		cur = aw
	}
	str := func(v vm.Value, name string) (string, bool) {
		a, err := vm.LookupAttr(th, v, name)
		if err != nil || a.IsNull() {
			return "", false
		}
		s := vm.AsStr(a)
		if s == nil {
			return "", false
		}
		return s.String(), true
	}
	frame, err := vm.LookupAttr(th, cur, "cr_frame")
	if err != nil || frame.IsNull() || frame.IsNone() {
		return Location{}, false
	}
	lineV, err := vm.LookupAttr(th, frame, "f_lineno")
	if err != nil || !lineV.IsInt() {
		return Location{}, false
	}
	code, err := vm.LookupAttr(th, cur, "cr_code")
	if err != nil || code.IsNull() {
		return Location{}, false
	}
	file, ok := str(code, "co_filename")
	if !ok {
		return Location{}, false
	}
	fn, _ := str(code, "co_name")
	return Location{file, int(lineV.AsInt()), fn}, true
}
