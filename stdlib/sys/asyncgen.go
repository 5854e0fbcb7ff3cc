package sys

import (
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/stdlib/internal/structseq"
	"github.com/pya-lang/pya/vm"
)

// AsyncgenHooksType is the type of sys.get_asyncgen_hooks()'s result
// (CPython gives it no module: its repr is "asyncgen_hooks(...)").
var AsyncgenHooksType = structseq.NewType("asyncgen_hooks", "builtins", []string{"firstiter", "finalizer"}, 2)

// getAsyncgenHooks is sys.get_asyncgen_hooks().
func getAsyncgenHooks(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoArgs("get_asyncgen_hooks", args, kwnames); err != nil {
		return vm.NULL, err
	}
	first, fin := th.AsyncGenHooks()
	orNone := func(v vm.Value) vm.Value {
		if v.IsNull() {
			return vm.None
		}
		return v
	}
	return structseq.New(AsyncgenHooksType, []vm.Value{orNone(first), orNone(fin)}), nil
}

// setAsyncgenHooks is sys.set_asyncgen_hooks([firstiter[, finalizer]]):
// the hooks passed (None unsets one) replace the thread's, the others stay.
func setAsyncgenHooks(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	npos := len(args) - len(kwnames)
	if len(args) > 2 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "function takes at most 2 arguments (%d given)", len(args))
	}
	first, fin := th.AsyncGenHooks()
	for i, v := range args {
		name := [...]string{"firstiter", "finalizer"}[min(i, 1)]
		if i >= npos {
			name = kwnames[i-npos]
		}
		if name != "firstiter" && name != "finalizer" {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "'%s' is an invalid keyword argument for this function", name)
		}
		if !v.IsNone() && !vm.IsCallable(v) {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "callable %s expected, got %s", name, v.Type().Name)
		}
		if name == "firstiter" {
			first = v
		} else {
			fin = v
		}
	}
	th.SetAsyncGenHooks(first, fin)
	return vm.None, nil
}
