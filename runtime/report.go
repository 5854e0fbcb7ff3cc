package runtime

import (
	"io"
	"strings"

	"github.com/pya-lang/pya/vm"
)

// ExcContext is the context dict of call_exception_handler.
type ExcContext struct {
	Message   string
	Exception *vm.Exception
	Future    vm.Value // NULL when absent
	Task      vm.Value
	Handle    vm.Value
	AsyncGen  vm.Value // shutdown_asyncgens' failed generator
}

// FormatException renders an exception with its traceback as CPython's
// traceback module does ("Traceback (most recent call last):" ...): the
// interpreter's formatter (source lines, chained exceptions), or a plain
// rendering for bare threads.
var FormatException = func(th *vm.Thread, exc *vm.Exception) string {
	if th != nil && th.Interp != nil {
		return strings.Join(th.Interp.FormatTracebackException(exc), "")
	}
	var b strings.Builder
	if len(exc.Traceback) > 0 {
		b.WriteString("Traceback (most recent call last):\n")
		for _, e := range exc.Traceback {
			b.WriteString("  File \"" + e.File + "\", line " + itoa(int64(e.Line)) + ", in " + e.Name + "\n")
		}
	}
	t := exc.Type()
	name := t.Name
	if t.Module != "" && t.Module != "builtins" {
		name = t.Module + "." + name
	}
	msg := exc.Error()
	if i := strings.Index(msg, ": "); i >= 0 {
		name += msg[i:]
	}
	b.WriteString(name + "\n")
	return b.String()
}

// callbackFailed handles an error returned by a callback: SystemExit and
// KeyboardInterrupt stop the loop; anything else goes to the exception
// handler ("Exception in callback ...").
// h is the callback's Python-visible handle, if it has one.
func (l *Loop) callbackFailed(c callback, h *Handle, err error) error {
	exc := asException(err)
	if isExitException(exc) {
		return exc
	}
	if exc.IsInstance(DeadlockErrorType) {
		return exc
	}
	if h == nil {
		if p, ok := c.arg.(*pyCallback); ok {
			// A Python done callback: CPython scheduled it with
			// call_soon(callback, future), so its handle shows.
			h = &Handle{cb: c, loop: l, fn: p.fn, args: []vm.Value{c.v}, ctx: p.ctx}
		}
	}
	ctx := &ExcContext{Message: "Exception in callback " + l.describeCallback(c, h), Exception: exc}
	if h != nil {
		ctx.Handle = vm.ObjectValue(h)
	}
	return l.CallExceptionHandler(ctx)
}

// describeCallback renders a callback as events._format_callback_source.
func (l *Loop) describeCallback(c callback, h *Handle) string {
	if h != nil && !h.fn.IsNull() {
		return l.formatPyCallback(h.fn, h.args)
	}
	switch c.arg.(type) {
	case *Task:
		return "Task.task_wakeup()"
	}
	return "<callback>()"
}

// formatPyCallback renders "f(1, 2) at x.pya:3" (format_helpers.
// _format_callback_source).
func (l *Loop) formatPyCallback(fn vm.Value, args []vm.Value) string {
	s := l.formatCallback(fn, args, nil, "")
	if file, line, ok := functionSource(l.th, fn); ok {
		s += " at " + file + ":" + itoa(line)
	}
	return s
}

// formatCallback is format_helpers._format_callback: a functools.partial
// shows its function with its own arguments, then the call's.
func (l *Loop) formatCallback(fn vm.Value, args []vm.Value, kw *vm.Dict, suffix string) string {
	if fn.Type().Name == "partial" {
		inner, err1 := vm.LookupAttr(l.th, fn, "func")
		pargs, err2 := vm.LookupAttr(l.th, fn, "args")
		pkw, err3 := vm.LookupAttr(l.th, fn, "keywords")
		t, ok1 := pargs.Object().(*vm.Tuple)
		d, ok2 := pkw.Object().(*vm.Dict)
		if err1 == nil && err2 == nil && err3 == nil && !inner.IsNull() && ok1 && ok2 {
			return l.formatCallback(inner, t.Items, d, l.formatArgs(args, kw)+suffix)
		}
	}
	return callableName(l.th, fn) + l.formatArgs(args, kw) + suffix
}

// formatArgs is format_helpers._format_args_and_kwargs: reprlib reprs.
func (l *Loop) formatArgs(args []vm.Value, kw *vm.Dict) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		parts = append(parts, reprlibRepr(l.th, a))
	}
	if kw != nil {
		kw.Items(func(k, v vm.Value) bool {
			ks, _ := vm.ToStr(l.th, k)
			parts = append(parts, ks+"="+reprlibRepr(l.th, v))
			return true
		})
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// functionSource is format_helpers._get_function_source: where a Python
// function (or the function a functools.partial wraps) is defined; bound
// methods and builtins have none.
func functionSource(th *vm.Thread, fn vm.Value) (string, int64, bool) {
	switch fn.Type().Name {
	case "partial":
		f, err := vm.LookupAttr(th, fn, "func")
		if err != nil || f.IsNull() {
			return "", 0, false
		}
		return functionSource(th, f)
	case "function":
	default:
		return "", 0, false
	}
	code, err := vm.LookupAttr(th, fn, "__code__")
	if err != nil || code.IsNull() {
		return "", 0, false
	}
	fv, err1 := vm.LookupAttr(th, code, "co_filename")
	lv, err2 := vm.LookupAttr(th, code, "co_firstlineno")
	if err1 != nil || err2 != nil || vm.AsStr(fv) == nil || !lv.IsInt() {
		return "", 0, false
	}
	return vm.AsStr(fv).String(), lv.AsInt(), true
}

// callableName is the __qualname__ (else __name__, else repr) of fn.
func callableName(th *vm.Thread, fn vm.Value) string {
	if b, ok := fn.Object().(*vm.Builtin); ok {
		if !b.Self.IsNull() {
			return b.Self.Type().Name + "." + b.Name
		}
		return b.Name
	}
	for _, attr := range []string{"__qualname__", "__name__"} {
		if v, err := vm.LookupAttr(th, fn, attr); err == nil && !v.IsNull() {
			if s := vm.AsStr(v); s != nil {
				return s.String()
			}
		}
	}
	r, _ := safeRepr(th, fn)
	return r
}

// CallExceptionHandler is loop.call_exception_handler(context).
func (l *Loop) CallExceptionHandler(ctx *ExcContext) error {
	if l.excHandler.IsNull() || l.excHandler.IsNone() {
		l.DefaultExceptionHandler(ctx)
		return nil
	}
	d, err := ctx.Dict(l.th)
	if err != nil {
		return err
	}
	if _, err := l.th.Call(l.excHandler, []vm.Value{l.Value(), d}, nil); err != nil {
		exc := asException(err)
		if isExitException(exc) {
			return exc
		}
		l.DefaultExceptionHandler(&ExcContext{
			Message:   "Unhandled error in exception handler",
			Exception: exc,
		})
	}
	return nil
}

// Dict converts the context to the dict a Python handler receives.
func (ctx *ExcContext) Dict(th *vm.Thread) (vm.Value, error) {
	d := vm.NewDict()
	d.SetStr("message", vm.NewStr(ctx.Message))
	if ctx.Exception != nil {
		d.SetStr("exception", vm.ObjectValue(ctx.Exception))
	}
	if !ctx.Future.IsNull() {
		d.SetStr("future", ctx.Future)
	}
	if !ctx.Task.IsNull() {
		d.SetStr("task", ctx.Task)
	}
	if !ctx.Handle.IsNull() {
		d.SetStr("handle", ctx.Handle)
	}
	if !ctx.AsyncGen.IsNull() {
		d.SetStr("asyncgen", ctx.AsyncGen)
	}
	return vm.ObjectValue(d), nil
}

// DefaultExceptionHandler is loop.default_exception_handler: the message,
// then "key: repr(value)" lines in sorted key order, then the traceback.
func (l *Loop) DefaultExceptionHandler(ctx *ExcContext) {
	msg := ctx.Message
	if msg == "" {
		msg = "Unhandled exception in event loop"
	}
	lines := []string{msg}
	for _, kv := range []struct {
		key string
		v   vm.Value
	}{{"asyncgen", ctx.AsyncGen}, {"future", ctx.Future}, {"handle", ctx.Handle}, {"task", ctx.Task}} {
		if !kv.v.IsNull() {
			r, _ := safeRepr(l.th, kv.v)
			lines = append(lines, kv.key+": "+r)
		}
	}
	out := strings.Join(lines, "\n") + "\n"
	if ctx.Exception != nil {
		out += FormatException(l.th, ctx.Exception)
	}
	l.writeStderr(out)
}

func (l *Loop) writeStderr(s string) {
	var w io.Writer = l.env.Stderr
	io.WriteString(w, s)
}

// trackUnretrieved remembers a future whose exception may never be
// retrieved; CPython logs those when the future is garbage collected, pya
// when the loop closes.
func (l *Loop) trackUnretrieved(f *Future) {
	if len(l.unretrieved) >= 1024 && len(l.unretrieved) == cap(l.unretrieved) {
		kept := l.unretrieved[:0]
		for _, g := range l.unretrieved {
			if g.logTraceback {
				kept = append(kept, g)
			}
		}
		for i := len(kept); i < len(l.unretrieved); i++ {
			l.unretrieved[i] = nil
		}
		l.unretrieved = kept
	}
	l.unretrieved = append(l.unretrieved, f)
}

// reportUnretrieved logs "exception was never retrieved" for the futures
// whose exception nobody looked at.
func (l *Loop) reportUnretrieved() {
	fs := l.unretrieved
	l.unretrieved = nil
	for _, f := range fs {
		l.reportNeverRetrieved(f)
	}
}

// reportNeverRetrieved logs f's exception when nobody retrieved it
// (Future.__del__).
func (l *Loop) reportNeverRetrieved(f *Future) {
	if !f.logTraceback || f.quiet {
		return
	}
	f.logTraceback = false
	ctx := &ExcContext{Exception: f.exc, Future: f.Value()}
	if f.task != nil {
		ctx.Message = "Task exception was never retrieved"
	} else {
		ctx.Message = f.Type().Name + " exception was never retrieved"
	}
	l.CallExceptionHandler(ctx)
}
