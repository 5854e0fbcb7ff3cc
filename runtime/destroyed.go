package runtime

import "github.com/pya-lang/pya/vm"

// "Task was destroyed but it is pending!": CPython logs it when a task that
// never finished is garbage collected (Task.__del__), typically at exit for
// the tasks of a loop driven by run_until_complete and closed, or never
// closed, with tasks still waiting; then the task's coroutine is closed, so
// its finally blocks run. asyncio.run cancels its loop's tasks first, so
// they never show up here. pya reports them when the program ends
// (Finalize), newest first: those of the closed loops that had pending
// tasks and those of the current event loop.

// rememberPending records, when l closes, that it still had pending tasks.
func (l *Loop) rememberPending() {
	if len(l.AllTasks()) > 0 {
		l.env.pendingLoops = append(l.env.pendingLoops, l)
	}
}

// reportDestroyedPending logs every pending task of the remembered loops
// and of the current loop, then closes its coroutine.
func (e *Env) reportDestroyedPending(th *vm.Thread) {
	loops := e.pendingLoops
	e.pendingLoops = nil
	if c := e.current; c != nil && !c.closed && !c.running {
		loops = append(loops, c)
	}
	// At exit CPython frees them newest first.
	for i := len(loops) - 1; i >= 0; i-- {
		l := loops[i]
		tasks := l.AllTasks()
		for j := len(tasks) - 1; j >= 0; j-- {
			t := tasks[j]
			if !t.logDestroy {
				continue
			}
			t.logDestroy = false
			l.CallExceptionHandler(&ExcContext{Message: "Task was destroyed but it is pending!", Task: t.Value()})
			if cl, err := vm.LookupAttr(th, t.Coro(), "close"); err == nil && !cl.IsNull() {
				th.Call(cl, nil, nil) // errors are lost, as in a __del__ at exit
			}
		}
	}
}
