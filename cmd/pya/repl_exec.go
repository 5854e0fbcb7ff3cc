package main

import (
	"fmt"
	"strings"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
)

// exec runs one compiled input on the session's loop: a plain input in a
// loop callback (so that asyncio.create_task and get_running_loop work, as
// in `python -m asyncio`), an input with a top-level await as a task. It
// reports the input's exception and returns exit for SystemExit.
func (r *repl) exec(in *input) (status int, exit bool) {
	r.intr.clearStale()
	r.intr.begin()
	defer r.intr.end()
	var err error
	if in.code.Flags&compile.FlagCoroutine != 0 {
		err = r.execAwait(in.code)
	} else {
		err = r.execPlain(in.code)
	}
	if err != nil {
		return r.report(err)
	}
	return 0, false
}

// report prints an input's exception like CPython's REPL; SystemExit ends
// the session with its status.
func (r *repl) report(err error) (status int, exit bool) {
	if e, ok := err.(*vm.Exception); ok && e.IsInstance(vm.SystemExitType) {
		return r.in.ReportError(err), true
	}
	if se, ok := err.(*ast.SyntaxError); ok {
		fmt.Fprint(r.cfg.stderr, formatSyntaxError(se))
		return 0, false
	}
	r.in.ReportError(err)
	if strings.Contains(err.Error(), asyncioRunMsg) {
		fmt.Fprintln(r.cfg.stderr, asyncioRunHint)
	}
	return 0, false
}

// asyncio.run() fails at the prompt, as in `python -m asyncio`: the
// session's loop is already running. The hint says what to do instead.
const (
	asyncioRunMsg  = "asyncio.run() cannot be called from a running event loop"
	asyncioRunHint = `(the REPL's event loop is already running: use "await main()" instead of "asyncio.run(main())")`
)

// formatSyntaxError is SyntaxError.Format, plus the empty source line and
// caret CPython shows when a blank line ends a block header (`if x:`).
func formatSyntaxError(se *ast.SyntaxError) string {
	s := se.Format()
	if se.Text == "" && se.Col > 0 && missingBlock(se) {
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			s = s[:i+1] + "    \n    " + strings.Repeat(" ", se.Col-1) + "^\n" + s[i+1:]
		}
	}
	return s
}

// plainRun is an input running in a loop callback.
type plainRun struct {
	r    *repl
	co   *vm.CodeObject
	done *runtime.Future
	err  error
}

func runPlain(arg any, _ vm.Value) error {
	p := arg.(*plainRun)
	_, p.err = p.r.th.RunModule(p.co, p.r.main)
	p.done.SetResult(vm.None)
	return nil
}

func (r *repl) execPlain(code *compile.Code) error {
	p := &plainRun{r: r, co: vm.LoadCode(code), done: runtime.NewFuture(r.loop)}
	r.loop.CallSoon(runPlain, p, vm.NULL)
	if _, err := r.runUntil(p.done.Value(), nil); err != nil {
		return err
	}
	return p.err
}

// execAwait runs an input with a top-level await as a task on the loop,
// as asyncio's REPL does (so it is named Task-N), and waits for it while
// the other tasks keep running.
func (r *repl) execAwait(code *compile.Code) error {
	coro, err := r.th.Call(vm.ObjectValue(moduleCoroutine(code, r.main)), nil, nil)
	if err != nil {
		return err
	}
	task, err := runtime.NewTask(r.loop, coro, vm.NULL)
	if err != nil {
		return err
	}
	r.current = task
	r.intr.cancelled = false
	_, err = r.runUntil(task.Value(), task)
	r.current = nil
	if err != nil && task.Cancelled() && r.intr.cancelled {
		// Ctrl-C cancelled the input: asyncio's REPL says just this.
		fmt.Fprint(r.cfg.stderr, "\nKeyboardInterrupt\n")
		return nil
	}
	return err
}

// runUntil runs the loop until fut is done and returns its outcome. When
// the loop stops early for an exception raised elsewhere (KeyboardInterrupt
// or SystemExit out of a background task), SystemExit is returned, and a
// KeyboardInterrupt cancels the input's task (nil: none) and goes on, as
// asyncio's REPL does.
func (r *repl) runUntil(fut vm.Value, task *runtime.Task) (vm.Value, error) {
	f := runtime.AsFuture(fut)
	for failures := 0; ; failures++ {
		v, err := r.loop.RunUntilComplete(r.th, fut)
		if err == nil || f.Done() {
			return v, err
		}
		e, ok := err.(*vm.Exception)
		if ok && e.IsInstance(vm.SystemExitType) {
			return vm.NULL, err
		}
		if ok && e.IsInstance(vm.KeyboardInterruptType) {
			// It stopped a background task hogging the loop; the task keeps
			// the exception (reported when the loop closes unless
			// retrieved), as in asyncio's REPL.
			if task != nil {
				task.Cancel(vm.NULL)
				r.intr.cancelled = true
			}
			continue
		}
		if strings.Contains(err.Error(), "Event loop stopped before Future completed") {
			continue // loop.stop() from the prompt: the session's loop goes on
		}
		if failures >= 10 {
			return vm.NULL, err // the loop cannot run (a bug): give up
		}
		r.in.ReportError(err)
	}
}

// moduleCoroutine turns the module code of an input with a top-level await
// into a coroutine function running in m's namespace.
//
// TEMPORARY (until INTERP offers e.g. vm.ModuleCoroutine(code, m)): a
// coroutine's frame has no namespace dict, so the namespace opcodes of the
// top-level code become their global forms (at module level globals and
// namespace are the same dict, so the meaning is unchanged), and
// SETUP_ANNOTATIONS is done here. Nested functions and classes keep their
// module-level qualified names, as with CPython's asyncio REPL.
func moduleCoroutine(code *compile.Code, m *vm.Module) *vm.Function {
	instrs := make([]compile.Instr, len(code.Code))
	for i, ins := range code.Code {
		switch ins.Op() {
		case compile.LOAD_NAME:
			ins = compile.MakeInstr(compile.LOAD_GLOBAL, ins.Arg())
		case compile.STORE_NAME:
			ins = compile.MakeInstr(compile.STORE_GLOBAL, ins.Arg())
		case compile.DELETE_NAME:
			ins = compile.MakeInstr(compile.DELETE_GLOBAL, ins.Arg())
		case compile.SETUP_ANNOTATIONS:
			ins = compile.MakeInstr(compile.NOP, 0)
			if _, ok := m.Dict.GetStr("__annotations__"); !ok {
				m.Dict.SetStr("__annotations__", vm.ObjectValue(vm.NewDict()))
			}
		}
		instrs[i] = ins
	}
	c := *code
	c.Code = instrs
	name, _ := m.Dict.GetStr("__name__")
	return &vm.Function{Code: vm.LoadCode(&c), Globals: m.Dict, Name: c.Name, QualName: c.QualName, Doc: vm.None, Module: name}
}

// execSource runs src in __main__ outside the loop (session setup).
func (r *repl) execSource(src string) error {
	code, err := compileSource("<stdin>", []byte(src))
	if err != nil {
		return err
	}
	_, err = r.th.RunModule(vm.LoadCode(code), r.main)
	return err
}
