package asyncio

import (
	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// subObject is a runtime primitive that user classes may extend: it
// records the subclass it was created through (runtime's subclassed).
type subObject[E any] interface {
	*E
	vm.Object
	SetSub(*vm.Sub)
	SubOf() *vm.Sub
}

// subclassable installs t.New and t.__init__ for a primitive built by
// build from the constructor arguments, so that class MyLock(asyncio.Lock)
// works as with CPython's pure-Python classes: without an __init__ of its
// own the subclass takes the base's arguments; with one, New builds a
// default object and super().__init__(...) rebuilds it from the arguments.
func subclassable[E any, P subObject[E]](t *vm.Type, build func(th *vm.Thread, args []vm.Value, kw []string) (P, error)) {
	t.New = func(th *vm.Thread, typ *vm.Type, args []vm.Value, kw []string) (vm.Value, error) {
		if typ != t && vm.InitOverridden(typ, t) {
			args, kw = nil, nil
		}
		o, err := build(th, args, kw)
		if err != nil {
			return vm.NULL, err
		}
		o.SetSub(vm.NewSub(typ, t))
		return vm.ObjectValue(o), nil
	}
	vm.MakeSubclassable(t, func(th *vm.Thread, self vm.Value, args []vm.Value, kw []string) error {
		dst, ok := self.Object().(P)
		if !ok {
			return vm.NewError(vm.TypeErrorType, "descriptor '__init__' requires a '%s' object", qualified(t))
		}
		o, err := build(th, args, kw)
		if err != nil {
			return err
		}
		sub := dst.SubOf()
		*dst = *o
		dst.SetSub(sub)
		return nil
	})
}

// overridden reports whether self, an instance of a primitive, belongs to a
// user subclass: its internal calls (async with's acquire and release) then
// go through attribute lookup, so that overriding methods run.
func overridden(self vm.Value) bool { return self.Type().Flags&vm.TypeHeap != 0 }

// callAttr calls self.name(*args).
func callAttr(th *vm.Thread, self vm.Value, name string, args ...vm.Value) (vm.Value, error) {
	m, err := vm.GetAttr(th, self, name)
	if err != nil {
		return vm.NULL, err
	}
	return th.Call(m, args, nil)
}

// subAenter is __aenter__ of a lock-like subclass instance: await
// self.acquire(), giving None.
func subAenter(th *vm.Thread, self vm.Value, name string) (vm.Value, error) {
	c, err := callAttr(th, self, "acquire")
	if err != nil {
		return vm.NULL, err
	}
	return runtime.DiscardAwaited(th, c, name)
}

// subRelease is __aexit__'s self.release() for a subclass instance.
func subRelease(th *vm.Thread, self vm.Value) error {
	_, err := callAttr(th, self, "release")
	return err
}
