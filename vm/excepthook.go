package vm

// sys.excepthook: an uncaught exception is handed to it when a program
// replaced it (a logging setup, say); the default, sys.__excepthook__,
// prints the traceback as the interpreter always does.

// ExceptHook is sys.__excepthook__(type, value, traceback): it writes the
// exception's report to sys.stderr.
func ExceptHook(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := argsRange("excepthook", "excepthook", append([]Value{None}, args...), kwnames, 3, 3); err != nil {
		return NULL, err
	}
	e, ok := args[1].o.(*Exception)
	if !ok || th.Interp == nil {
		return NULL, NewError(TypeErrorType, "excepthook: value must be an exception")
	}
	text := th.Interp.FormatException(e)
	w, err := LookupAttr(th, sysStream(th, "stderr"), "write")
	if err != nil || w.IsNull() {
		th.Interp.writeStderr(text)
		return None, nil
	}
	_, err = th.Call(w, []Value{NewStr(text)}, nil)
	return None, err
}

// callExcepthook hands e to a replaced sys.excepthook; false when the
// default one is in place (the caller prints e itself).
func (in *Interpreter) callExcepthook(e *Exception) bool {
	th := in.main
	s := stdioOf(th)
	if s.sys == nil {
		return false
	}
	hook, ok := s.sys.GetStr("excepthook")
	if !ok {
		return false
	}
	if orig, ok := s.sys.GetStr("__excepthook__"); ok && hook.Is(orig) {
		return false
	}
	tb := tracebackValue(e)
	if _, err := th.Call(hook, []Value{{o: e.typ}, {o: e}, tb}, nil); err != nil {
		in.writeStderr("Error in sys.excepthook:\n")
		if he, ok := err.(*Exception); ok {
			in.writeStderr(in.FormatException(he))
		}
		in.writeStderr("\nOriginal exception was:\n")
		in.writeStderr(in.FormatException(e))
	}
	return true
}
