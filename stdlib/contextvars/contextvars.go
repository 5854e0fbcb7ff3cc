// Package contextvars is the contextvars module (and _contextvars, where
// CPython's types live): ContextVar, Token, Context and copy_context over
// the per-thread contexts of vm (vm/contextvars.go). The asyncio runtime
// runs each task step and each scheduled Python callback in its context.
package contextvars

import (
	"fmt"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

func init() {
	initContextVar()
	initToken()
	initContext()
	for _, name := range []string{"contextvars", "_contextvars"} {
		vm.RegisterModule(name, func(th *vm.Thread, m *vm.Module) error {
			pyarg.Funcs(m.Dict, map[string]vm.NativeFunc{"copy_context": copyContext})
			m.Dict.SetStr("Context", vm.ObjectValue(vm.ContextType))
			m.Dict.SetStr("ContextVar", vm.ObjectValue(vm.ContextVarType))
			m.Dict.SetStr("Token", vm.ObjectValue(vm.TokenType))
			m.Dict.SetStr("__all__", vm.NewList([]vm.Value{
				vm.NewStr("Context"), vm.NewStr("ContextVar"), vm.NewStr("Token"), vm.NewStr("copy_context")}))
			return nil
		})
	}
}

func copyContext(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if err := pyarg.Exactly("copy_context", args, kw, 0); err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(th.CopyContext()), nil
}

// addr renders an object's address as CPython's reprs do.
func addr(v vm.Value) string {
	h := uint64(vm.IdentityHash(v))
	return fmt.Sprintf("%#x", h<<4|h>>60)
}

// readOnly is the SetAttr slot of objects whose attributes are all
// read-only: setting a known one says "readonly attribute", another one
// that the object has no such attribute.
func readOnly(names ...string) func(th *vm.Thread, v vm.Value, name string, val vm.Value) error {
	return func(th *vm.Thread, v vm.Value, name string, val vm.Value) error {
		for _, n := range names {
			if n == name {
				return vm.NewError(vm.AttributeErrorType, "readonly attribute")
			}
		}
		t := v.Type()
		return vm.NewError(vm.AttributeErrorType, "'%s.%s' object has no attribute '%s'", t.Module, t.Name, name)
	}
}

// self returns args[0] as a T, or the TypeError of a method called on
// another object.
func self[T vm.Object](t *vm.Type, name string, args []vm.Value) (T, []vm.Value, error) {
	var zero T
	if len(args) > 0 {
		if o, ok := args[0].Object().(T); ok {
			return o, args[1:], nil
		}
	}
	return zero, nil, vm.NewError(vm.TypeErrorType, "descriptor '%s' for '%s.%s' objects doesn't apply to this object", name, t.Module, t.Name)
}
