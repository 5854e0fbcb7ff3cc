package runtime

import "github.com/pya-lang/pya/vm"

// Data attributes of the runtime's objects (vm.AttrGetter).

// NativeAttr gives futures _asyncio_future_blocking, _state, _loop,
// _result, _exception and _cancel_message.
func (f *Future) NativeAttr(th *vm.Thread, name string) (vm.Value, error) {
	switch name {
	case "_asyncio_future_blocking":
		return vm.Bool(f.Blocking), nil
	case "_state":
		return vm.NewStr([...]string{"PENDING", "CANCELLED", "FINISHED"}[f.state]), nil
	case "_loop":
		return f.loop.Value(), nil
	case "_result":
		if f.state == stateFinished && f.exc == nil {
			return f.result, nil
		}
		return vm.None, nil
	case "_exception":
		if f.exc != nil {
			return vm.ObjectValue(f.exc), nil
		}
		return vm.None, nil
	case "_cancel_message":
		if m := f.cancelMsg(); !m.IsNull() {
			return m, nil
		}
		return vm.None, nil
	}
	return vm.NULL, nil
}

// NativeAttr gives tasks _coro, _fut_waiter, _must_cancel and
// _num_cancels_requested, then the future's attributes.
func (t *Task) NativeAttr(th *vm.Thread, name string) (vm.Value, error) {
	switch name {
	case "_coro":
		return t.Coro(), nil
	case "_fut_waiter":
		if t.futWaiter != nil {
			return t.futWaiter.Value(), nil
		}
		return vm.None, nil
	case "_must_cancel":
		return vm.Bool(t.mustCancel), nil
	case "_num_cancels_requested":
		return vm.Int(int64(t.numCancels)), nil
	}
	return t.Future.NativeAttr(th, name)
}

// NativeAttr gives queues maxsize.
func (q *Queue) NativeAttr(th *vm.Thread, name string) (vm.Value, error) {
	if name == "maxsize" {
		return vm.Int(q.maxsize), nil
	}
	return vm.NULL, nil
}

// NativeAttr gives barriers parties, n_waiting and broken.
func (b *Barrier) NativeAttr(th *vm.Thread, name string) (vm.Value, error) {
	switch name {
	case "parties":
		return vm.Int(int64(b.parties)), nil
	case "n_waiting":
		return vm.Int(int64(b.NWaiting())), nil
	case "broken":
		return vm.Bool(b.Broken()), nil
	}
	return vm.NULL, nil
}

// NativeAttr gives native coroutines __name__, __qualname__ and cr_running.
func (c *nativeCoro) NativeAttr(th *vm.Thread, name string) (vm.Value, error) {
	switch name {
	case "__qualname__":
		return vm.NewStr(c.qualname), nil
	case "__name__":
		n := c.qualname
		for i := len(n) - 1; i >= 0; i-- {
			if n[i] == '.' {
				n = n[i+1:]
				break
			}
		}
		return vm.NewStr(n), nil
	case "cr_running":
		return vm.False, nil
	}
	return vm.NULL, nil
}
