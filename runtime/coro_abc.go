package runtime

import (
	"github.com/pya-lang/pya/vm"
)

// Coroutine-like objects: CPython's asyncio.iscoroutine accepts any
// instance of collections.abc.Coroutine (a class with send, throw, close
// and __await__, such as aiohttp's _RequestContextManager, which
// session.get() returns), and Task drives it through its send and throw
// methods. pya does the same for objects that are not its own coroutines.

// isCoroutineABC reports whether v is an instance of
// collections.abc.Coroutine (only possible once that module is imported).
func isCoroutineABC(th *vm.Thread, v vm.Value) bool {
	if v.Object() == nil || th == nil || th.Interp == nil {
		return false
	}
	mod, ok := th.Interp.Modules().GetStr("collections.abc")
	if !ok || mod.IsNone() {
		return false
	}
	cls, err := vm.LookupAttr(th, mod, "Coroutine")
	if err != nil || cls.IsNull() {
		return false
	}
	isinstance, ok := th.Interp.Builtins().GetStr("isinstance")
	if !ok {
		return false
	}
	r, err := th.Call(isinstance, []vm.Value{v, cls}, nil)
	return err == nil && r.Is(vm.True)
}

// IsCoroutineLike is asyncio.iscoroutine: a coroutine (IsCoroutine) or an
// instance of collections.abc.Coroutine.
func IsCoroutineLike(th *vm.Thread, v vm.Value) bool {
	return IsCoroutine(v) || isCoroutineABC(th, v)
}

// abcCoro drives a collections.abc.Coroutine instance as Task.__step
// does: coro.send(value) or coro.throw(exc); StopIteration is its return.
type abcCoro struct{ obj vm.Value }

func (c *abcCoro) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	var r vm.Value
	var err error
	if exc != nil {
		var m vm.Value
		if m, err = vm.GetAttr(th, c.obj, "throw"); err == nil {
			r, err = th.Call(m, []vm.Value{vm.ObjectValue(exc)}, nil)
		}
	} else {
		if v.IsNull() {
			v = vm.None
		}
		var m vm.Value
		if m, err = vm.GetAttr(th, c.obj, "send"); err == nil {
			r, err = th.Call(m, []vm.Value{v}, nil)
		}
	}
	if err == nil {
		return r, false, nil
	}
	if e, ok := err.(*vm.Exception); ok && e.IsInstance(vm.StopIterationType) {
		val, verr := vm.GetAttr(th, vm.ObjectValue(e), "value")
		if verr != nil {
			return vm.NULL, false, verr
		}
		return val, true, nil
	}
	return vm.NULL, false, err
}

// asResumable returns what drives coroVal in a task: the coroutine
// itself, or an abcCoro for a collections.abc.Coroutine instance.
func asResumable(th *vm.Thread, coroVal vm.Value) (Resumable, bool) {
	if r, ok := coroVal.Object().(Resumable); ok && IsCoroutine(coroVal) {
		return r, true
	}
	if isCoroutineABC(th, coroVal) {
		return &abcCoro{obj: coroVal}, true
	}
	return nil, false
}
