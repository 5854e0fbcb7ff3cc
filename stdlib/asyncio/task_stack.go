package asyncio

import (
	"strconv"
	"strings"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// Task.get_stack and Task.print_stack: base_tasks._task_get_stack and
// _task_print_stack of CPython 3.11.

func init() {
	methods(runtime.TaskType, map[string]vm.NativeFunc{
		"get_stack":   taskGetStack,
		"print_stack": taskPrintStack,
	})
}

func taskGetStack(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	t, rest, err := taskOf("get_stack", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("get_stack", rest, kw, "$limit?")
	if err != nil {
		return vm.NULL, err
	}
	n, err := stackLimit(orNone(a[0]))
	if err != nil {
		return vm.NULL, err
	}
	frames, err := coroFrames(th, t, n)
	if err != nil || frames != nil {
		return vm.NewList(frames), err
	}
	// A finished task: the frames of its exception's traceback.
	exc := t.ExceptionNoMark()
	if exc == nil {
		return vm.NewList(nil), nil
	}
	tb, err := vm.GetAttr(th, vm.ObjectValue(exc), "__traceback__")
	if err != nil {
		return vm.NULL, err
	}
	for !tb.IsNone() && !tb.IsNull() && n != 0 {
		n--
		fr, err := vm.GetAttr(th, tb, "tb_frame")
		if err != nil {
			return vm.NULL, err
		}
		frames = append(frames, fr)
		if tb, err = vm.GetAttr(th, tb, "tb_next"); err != nil {
			return vm.NULL, err
		}
	}
	return vm.NewList(frames), nil
}

// stackLimit converts get_stack's limit: -1 for None (no limit).
func stackLimit(limit vm.Value) (int64, error) {
	if limit.IsNone() {
		return -1, nil
	}
	return toInt(limit)
}

// coroFrames lists the frames of t's coroutine, outermost first: its
// suspended frame (and, while it runs, the ones it was called from), at
// most n of them (n < 0: all); nil when the coroutine has no frame (done).
func coroFrames(th *vm.Thread, t *runtime.Task, n int64) ([]vm.Value, error) {
	coro := t.Coro()
	var f vm.Value
	for _, attr := range []string{"cr_frame", "gi_frame", "ag_frame"} {
		v, err := vm.LookupAttr(th, coro, attr)
		if err != nil {
			return nil, err
		}
		if !v.IsNull() {
			f = v
			break
		}
	}
	if f.IsNull() || f.IsNone() {
		return nil, nil
	}
	frames := []vm.Value{}
	for !f.IsNull() && !f.IsNone() && n != 0 {
		n--
		frames = append(frames, f)
		var err error
		if f, err = vm.LookupAttr(th, f, "f_back"); err != nil {
			return nil, err
		}
	}
	for i, j := 0, len(frames)-1; i < j; i, j = i+1, j-1 {
		frames[i], frames[j] = frames[j], frames[i]
	}
	return frames, nil
}

func taskPrintStack(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	t, rest, err := taskOf("print_stack", args)
	if err != nil {
		return vm.NULL, err
	}
	a, err := parse("print_stack", rest, kw, "$limit?", "$file?")
	if err != nil {
		return vm.NULL, err
	}
	n, err := stackLimit(orNone(a[0]))
	if err != nil {
		return vm.NULL, err
	}
	frames, err := coroFrames(th, t, n)
	if err != nil {
		return vm.NULL, err
	}
	var lines []string
	for _, f := range frames {
		line, err := frameLine(th, f)
		if err != nil {
			return vm.NULL, err
		}
		lines = append(lines, line)
	}
	exc := t.ExceptionNoMark()
	if frames == nil && exc != nil {
		// The frames of the exception's traceback (get_stack's tb_frame walk).
		for _, e := range exc.Traceback {
			if n == 0 {
				break
			}
			n--
			lines = append(lines, entryLine(th, e.File, int64(e.Line), e.Name))
		}
	}
	r, err := vm.Repr(th, t.Value())
	if err != nil {
		return vm.NULL, err
	}
	// As in CPython, file=None sends the header and the exception line to
	// sys.stdout (print(..., file=None)) but the frames to sys.stderr
	// (traceback.print_list(..., file=None)).
	file := orNone(a[1])
	head := "Stack for " + r + " (most recent call last):\n"
	switch {
	case len(lines) == 0:
		head = "No stack for " + r + "\n"
	case exc != nil:
		head = "Traceback for " + r + " (most recent call last):\n"
	}
	if err := writeTo(th, file, "stdout", head); err != nil {
		return vm.NULL, err
	}
	if len(lines) > 0 {
		if err := writeTo(th, file, "stderr", strings.Join(lines, "")); err != nil {
			return vm.NULL, err
		}
	}
	if exc != nil && th.Interp != nil {
		for _, l := range th.Interp.FormatExceptionOnly(exc) {
			if err := writeTo(th, file, "stdout", l); err != nil {
				return vm.NULL, err
			}
		}
	}
	return vm.None, nil
}

// frameLine renders a frame as traceback.print_list does: the File line
// and the stripped source line.
func frameLine(th *vm.Thread, f vm.Value) (string, error) {
	var vals [4]vm.Value
	var err error
	if vals[0], err = vm.GetAttr(th, f, "f_lineno"); err != nil {
		return "", err
	}
	code, err := vm.GetAttr(th, f, "f_code")
	if err != nil {
		return "", err
	}
	if vals[1], err = vm.GetAttr(th, code, "co_filename"); err != nil {
		return "", err
	}
	if vals[2], err = vm.GetAttr(th, code, "co_name"); err != nil {
		return "", err
	}
	lineno, _ := toInt(vals[0])
	file, name := vm.AsStr(vals[1]), vm.AsStr(vals[2])
	if file == nil || name == nil {
		return "", nil
	}
	return entryLine(th, file.String(), lineno, name.String()), nil
}

// entryLine is one entry of traceback.print_list: the File line, then the
// stripped source line when there is one.
func entryLine(th *vm.Thread, file string, lineno int64, name string) string {
	s := "  File \"" + file + "\", line " + strconv.FormatInt(lineno, 10) + ", in " + name + "\n"
	if th.Interp != nil {
		if src := th.Interp.SourceLine(file, int(lineno)); src != "" {
			s += "    " + src + "\n"
		}
	}
	return s
}

// writeTo writes s to file (a file object), or to sys.<std> when file is
// None.
func writeTo(th *vm.Thread, file vm.Value, std, s string) error {
	if file.IsNone() {
		sys, err := th.Import("sys", nil, vm.NULL, 0)
		if err != nil {
			return err
		}
		if file, err = vm.GetAttr(th, sys, std); err != nil {
			return err
		}
	}
	w, err := vm.GetAttr(th, file, "write")
	if err != nil {
		return err
	}
	_, err = th.Call(w, []vm.Value{vm.NewStr(s)}, nil)
	return err
}
