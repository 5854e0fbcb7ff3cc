package vm

// shutdownThreading is what CPython's interpreter does when the main
// program ends: if the threading module was imported, threading._shutdown()
// waits for the non-daemon threads.
func (in *Interpreter) shutdownThreading(th *Thread) error {
	mv, ok := in.modules.GetStr("threading")
	if !ok {
		return nil
	}
	m, ok := mv.o.(*Module)
	if !ok {
		return nil
	}
	fn, ok := m.Dict.GetStr("_shutdown")
	if !ok {
		return nil
	}
	_, err := th.Call(fn, nil, nil)
	return err
}

// RunAtExit runs the atexit module's registered functions, as CPython's
// finalization does after the main module ended (normally, by an uncaught
// exception or by SystemExit): only when atexit was imported.
func (in *Interpreter) RunAtExit() {
	defer flushWriters(in, nil)
	mv, ok := in.modules.GetStr("atexit")
	if !ok {
		return
	}
	m, ok := mv.o.(*Module)
	if !ok {
		return
	}
	fn, ok := m.Dict.GetStr("_run_exitfuncs")
	if !ok {
		return
	}
	if _, err := in.main.Call(fn, nil, nil); err != nil {
		in.ReportError(err)
	}
}
