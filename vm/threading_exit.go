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
