package contextvars

import (
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
)

func initContext() {
	t := vm.ContextType
	t.New = func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []string) (vm.Value, error) {
		if len(args) > 0 {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "Context() does not accept any arguments")
		}
		return vm.ObjectValue(vm.NewContext()), nil
	}
	t.Len = func(th *vm.Thread, v vm.Value) (int, error) { return v.Object().(*vm.Context).Len(), nil }
	t.GetItem = func(th *vm.Thread, v, key vm.Value) (vm.Value, error) {
		cv, err := varKey(th, key)
		if err != nil {
			return vm.NULL, err
		}
		r := v.Object().(*vm.Context).Lookup(cv)
		if r.IsNull() {
			return vm.NULL, vm.NewException(vm.KeyErrorType, key)
		}
		return r, nil
	}
	t.Contains = func(th *vm.Thread, v, key vm.Value) (bool, error) {
		cv, err := varKey(th, key)
		if err != nil {
			return false, err
		}
		return !v.Object().(*vm.Context).Lookup(cv).IsNull(), nil
	}
	t.Iter = func(th *vm.Thread, v vm.Value) (vm.Value, error) {
		return vm.Iter(th, ctxList(v.Object().(*vm.Context), keysOf))
	}
	t.Compare = ctxCompare
	t.Hash = nil
	t.AddMethods(map[string]vm.NativeFunc{
		"run": ctxRun,
		"copy": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			c, rest, err := self[*vm.Context](t, "copy", args)
			if err != nil {
				return vm.NULL, err
			}
			if err := noArgs("copy", rest, kw); err != nil {
				return vm.NULL, err
			}
			return vm.ObjectValue(c.Copy()), nil
		},
		"get": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			c, rest, err := self[*vm.Context](t, "get", args)
			if err != nil {
				return vm.NULL, err
			}
			var key, def vm.Value
			if err := vm.ParseArgs("get", rest, kw, []string{"key", "default?"}, &key, &def); err != nil {
				if len(rest) == 0 {
					return vm.NULL, vm.NewError(vm.TypeErrorType, "get expected at least 1 argument, got 0")
				}
				return vm.NULL, err
			}
			cv, err := varKey(th, key)
			if err != nil {
				return vm.NULL, err
			}
			if r := c.Lookup(cv); !r.IsNull() {
				return r, nil
			}
			if def.IsNull() {
				return vm.None, nil
			}
			return def, nil
		},
		"keys":   listMethod(t, "keys", keysOf),
		"values": listMethod(t, "values", valuesOf),
		"items":  listMethod(t, "items", itemsOf),
	})
}

// varKey checks that a mapping key is a ContextVar.
func varKey(th *vm.Thread, key vm.Value) (*vm.ContextVar, error) {
	cv, ok := key.Object().(*vm.ContextVar)
	if !ok {
		return nil, vm.NewError(vm.TypeErrorType, "a ContextVar key was expected, got %s", typeRepr(th, key))
	}
	return cv, nil
}

func noArgs(fname string, args []vm.Value, kw []string) error {
	if len(args) > 0 || len(kw) > 0 {
		return vm.NewError(vm.TypeErrorType, "%s() takes no arguments (%d given)", fname, len(args))
	}
	return nil
}

func keysOf(v *vm.ContextVar, _ vm.Value) vm.Value   { return vm.ObjectValue(v) }
func valuesOf(_ *vm.ContextVar, x vm.Value) vm.Value { return x }
func itemsOf(v *vm.ContextVar, x vm.Value) vm.Value {
	return vm.NewTuple([]vm.Value{vm.ObjectValue(v), x})
}

// ctxList is the context's variables, values or items as a list, a
// snapshot (the context may change while the caller iterates).
func ctxList(c *vm.Context, f func(*vm.ContextVar, vm.Value) vm.Value) vm.Value {
	vars, vals := c.Items()
	out := make([]vm.Value, len(vars))
	for i, v := range vars {
		out[i] = f(v, vals[i])
	}
	return vm.NewList(out)
}

// listMethod is ctx.keys()/values()/items(): an iterator over a snapshot.
func listMethod(t *vm.Type, name string, f func(*vm.ContextVar, vm.Value) vm.Value) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		c, rest, err := self[*vm.Context](t, name, args)
		if err != nil {
			return vm.NULL, err
		}
		if err := noArgs(name, rest, kw); err != nil {
			return vm.NULL, err
		}
		return vm.Iter(th, ctxList(c, f))
	}
}

// ctxRun is ctx.run(callable, *args, **kwargs): the call runs with ctx as
// the thread's current context.
func ctxRun(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	c, rest, err := self[*vm.Context](vm.ContextType, "run", args)
	if err != nil {
		return vm.NULL, err
	}
	if len(rest)-len(kw) < 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "run() missing 1 required positional argument")
	}
	if err := th.EnterContext(c); err != nil {
		return vm.NULL, err
	}
	r, err := th.Call(rest[0], rest[1:], kw)
	th.ExitContext(c)
	return r, err
}

// ctxCompare is Context == Context: equal mappings.
func ctxCompare(th *vm.Thread, v, other vm.Value, op compile.CompareOp) (vm.Value, error) {
	o, ok := other.Object().(*vm.Context)
	if !ok || (op != compile.CmpEq && op != compile.CmpNe) {
		return vm.NotImplemented, nil
	}
	c := v.Object().(*vm.Context)
	eq := c.Len() == o.Len()
	if eq {
		vars, vals := c.Items()
		for i, cv := range vars {
			x := o.Lookup(cv)
			if x.IsNull() {
				eq = false
				break
			}
			e, err := vm.Equal(th, vals[i], x)
			if err != nil {
				return vm.NULL, err
			}
			if !e {
				eq = false
				break
			}
		}
	}
	return vm.Bool(eq == (op == compile.CmpEq)), nil
}
