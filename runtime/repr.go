package runtime

import (
	"strconv"
	"strings"

	"github.com/pya-lang/pya/vm"
)

func init() {
	FutureType.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		f := asFuture(v)
		return "<" + f.Type().Name + " " + strings.Join(f.reprInfo(th), " ") + ">", nil
	}
	GatheringFutureType.Repr = FutureType.Repr
	TaskType.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		return "<" + v.Type().Name + " " + strings.Join(v.Object().(*Task).reprInfo(th), " ") + ">", nil
	}
	HandleType.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		return v.Object().(*Handle).repr(th), nil
	}
	TimerHandleType.Repr = HandleType.Repr
	LoopType.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		l := v.Object().(*Loop)
		return "<_UnixSelectorEventLoop running=" + pyBool(l.running) + " closed=" + pyBool(l.closed) + " debug=" + pyBool(l.debug) + ">", nil
	}
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// reprInfo is base_futures._future_repr_info.
func (f *Future) reprInfo(th *vm.Thread) []string {
	info := []string{[...]string{"pending", "cancelled", "finished"}[f.state]}
	if f.state == stateFinished {
		if f.exc != nil {
			r, _ := safeRepr(th, vm.ObjectValue(f.exc))
			info = append(info, "exception="+r)
		} else {
			info = append(info, "result="+reprlibRepr(th, f.result))
		}
	}
	if f.callbacks.len() > 0 {
		info = append(info, "cb=["+f.formatCallbacks(th)+"]")
	}
	return info
}

// formatCallbacks is base_futures._format_callbacks.
func (f *Future) formatCallbacks(th *vm.Thread) string {
	cb := f.callbacks.slice()
	name := func(c futCallback) string {
		if p, ok := c.arg.(*pyCallback); ok {
			return callableName(th, p.fn) + "()"
		}
		switch c.arg.(type) {
		case *Task:
			return "Task.task_wakeup()"
		case *gatherState:
			return "gather.<locals>._done_callback()"
		case *Loop:
			return "_run_until_complete_cb()"
		}
		return "<callback>()"
	}
	switch n := len(cb); {
	case n == 1:
		return name(cb[0])
	case n == 2:
		return name(cb[0]) + ", " + name(cb[1])
	default:
		return name(cb[0]) + ", <" + strconv.Itoa(n-2) + " more>, " + name(cb[n-1])
	}
}

// reprInfo is base_tasks._task_repr_info.
func (t *Task) reprInfo(th *vm.Thread) []string {
	info := t.Future.reprInfo(th)
	if t.numCancels > 0 && !t.Done() {
		info[0] = "cancelling"
	}
	name, _ := safeRepr(th, t.Name())
	extra := []string{"name=" + name, "coro=<" + FormatCoroutine(th, t.Coro()) + ">"}
	if t.futWaiter != nil {
		r, _ := safeRepr(th, t.futWaiter.Value())
		extra = append(extra, "wait_for="+r)
	}
	out := append([]string{info[0]}, extra...)
	return append(out, info[1:]...)
}

// FormatCoroutine is coroutines._format_coroutine: "f() running at
// file:line" while the coroutine (or generator-based coroutine) has a
// frame, "f() done, defined at file:line" once it finished.
func FormatCoroutine(th *vm.Thread, coro vm.Value) string {
	if c, ok := coro.Object().(NativeCoroutine); ok {
		return c.native().qualname + "()"
	}
	attr := func(v vm.Value, names ...string) vm.Value {
		for _, n := range names {
			if r, err := vm.LookupAttr(th, v, n); err == nil && !r.IsNull() {
				return r
			}
		}
		return vm.NULL
	}
	truthy := func(v vm.Value) bool {
		if v.IsNull() || v.IsNone() {
			return false
		}
		b, err := vm.Truth(th, v)
		return err == nil && b
	}
	name := ""
	for _, a := range []string{"__qualname__", "__name__"} {
		if v := attr(coro, a); truthy(v) {
			name, _ = vm.ToStr(th, v)
			break
		}
	}
	if name == "" {
		name = "<" + coro.Type().Name + " without __name__>"
	}
	name += "()"
	var code vm.Value
	for _, a := range []string{"cr_code", "gi_code"} {
		if v := attr(coro, a); truthy(v) {
			code = v
			break
		}
	}
	if code.IsNull() {
		if running := attr(coro, "cr_running", "gi_running"); truthy(running) {
			return name + " running"
		}
		return name
	}
	file := "<empty co_filename>"
	if v := attr(code, "co_filename"); truthy(v) {
		file, _ = vm.ToStr(th, v)
	}
	for _, a := range []string{"gi_frame", "cr_frame"} {
		if frame := attr(coro, a); truthy(frame) {
			line, _ := vm.ToStr(th, attr(frame, "f_lineno"))
			return name + " running at " + file + ":" + line
		}
	}
	line := "0"
	if v := attr(code, "co_firstlineno"); !v.IsNull() {
		line, _ = vm.ToStr(th, v)
	}
	return name + " done, defined at " + file + ":" + line
}

// repr is events.Handle.__repr__ / TimerHandle.__repr__.
func (h *Handle) repr(th *vm.Thread) string {
	info := []string{h.Type().Name}
	if h.cancelled {
		info = append(info, "cancelled")
	}
	if h.timer {
		info = append(info, "when="+vm.FloatRepr(h.when))
	}
	if !h.fn.IsNull() {
		info = append(info, h.loopOrNil().formatPyCallback(h.fn, h.args))
	}
	return "<" + strings.Join(info, " ") + ">"
}

func (h *Handle) loopOrNil() *Loop {
	if h.loop != nil {
		return h.loop
	}
	return &Loop{}
}

// reprlibRepr is reprlib.repr with its default limits, as futures use for
// results: long strings and numbers are cut in the middle, long lists end
// with "...".
func reprlibRepr(th *vm.Thread, v vm.Value) string {
	if l, ok := v.Object().(*vm.List); ok && len(l.Items) > 6 {
		parts := make([]string, 0, 7)
		for _, x := range l.Items[:6] {
			parts = append(parts, reprlibRepr(th, x))
		}
		return "[" + strings.Join(parts, ", ") + ", ...]"
	}
	r, _ := safeRepr(th, v)
	max := 30
	switch {
	case v.IsInt():
		max = 40
	case vm.AsStr(v) != nil:
		max = 30
	}
	if len(r) > max {
		i := (max - 3) / 2
		j := max - 3 - i
		r = r[:i] + "..." + r[len(r)-j:]
	}
	return r
}
