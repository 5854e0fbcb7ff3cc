package contextvars

import (
	"github.com/pya-lang/pya/vm"
)

// missingType is the type of Token.MISSING, the old value of a token whose
// variable had no value in its context.
var missingType = vm.MakeNativeType("Token.MISSING", "", nil)

type missingObj struct{}

func (*missingObj) Type() *vm.Type { return missingType }

var missing = vm.ObjectValue(&missingObj{})

func initContextVar() {
	t := vm.ContextVarType
	t.New = newContextVar
	t.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		cv := v.Object().(*vm.ContextVar)
		s := "<ContextVar name=" + vm.StrRepr(cv.Name)
		if !cv.Default.IsNull() {
			r, err := vm.Repr(th, cv.Default)
			if err != nil {
				return "", err
			}
			s += " default=" + r
		}
		return s + " at " + addr(v) + ">", nil
	}
	t.SetAttr = readOnly("name")
	t.AddGetters(map[string]func(th *vm.Thread, v vm.Value) (vm.Value, error){
		"name": func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return vm.NewStr(v.Object().(*vm.ContextVar).Name), nil
		},
	})
	t.AddMethods(map[string]vm.NativeFunc{
		"get": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			cv, rest, err := self[*vm.ContextVar](t, "get", args)
			if err != nil {
				return vm.NULL, err
			}
			if len(kw) > 0 {
				return vm.NULL, vm.NewError(vm.TypeErrorType, "ContextVar.get() takes no keyword arguments")
			}
			if len(rest) > 1 {
				return vm.NULL, vm.NewError(vm.TypeErrorType, "get expected at most 1 argument, got %d", len(rest))
			}
			def := vm.NULL
			if len(rest) == 1 {
				def = rest[0]
			}
			r := cv.Get(th, def)
			if r.IsNull() {
				return vm.NULL, vm.NewException(vm.LookupErrorType, args[0])
			}
			return r, nil
		},
		"set": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			cv, rest, err := self[*vm.ContextVar](t, "set", args)
			if err != nil {
				return vm.NULL, err
			}
			if err := exactlyOne("ContextVar.set", rest, kw); err != nil {
				return vm.NULL, err
			}
			return vm.ObjectValue(cv.Set(th, rest[0])), nil
		},
		"reset": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			cv, rest, err := self[*vm.ContextVar](t, "reset", args)
			if err != nil {
				return vm.NULL, err
			}
			if err := exactlyOne("ContextVar.reset", rest, kw); err != nil {
				return vm.NULL, err
			}
			tok, ok := rest[0].Object().(*vm.Token)
			if !ok {
				return vm.NULL, vm.NewError(vm.TypeErrorType, "expected an instance of Token, got %s", typeRepr(th, rest[0]))
			}
			return vm.None, cv.Reset(th, tok)
		},
	})
	t.AddClassMethods(map[string]vm.NativeFunc{"__class_getitem__": classGetItem})
}

// typeRepr is what CPython's %R of an object prints in these messages.
func typeRepr(th *vm.Thread, v vm.Value) string {
	s, err := vm.Repr(th, v)
	if err != nil {
		return v.Type().Name
	}
	return s
}

func exactlyOne(fname string, args []vm.Value, kw []string) error {
	if len(kw) > 0 {
		return vm.NewError(vm.TypeErrorType, "%s() takes no keyword arguments", fname)
	}
	if len(args) != 1 {
		return vm.NewError(vm.TypeErrorType, "%s() takes exactly one argument (%d given)", fname, len(args))
	}
	return nil
}

// newContextVar is ContextVar(name, *, default).
func newContextVar(th *vm.Thread, t *vm.Type, args []vm.Value, kw []string) (vm.Value, error) {
	npos := len(args) - len(kw)
	if len(args) > 2 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "ContextVar() takes at most 2 arguments (%d given)", len(args))
	}
	if npos > 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "ContextVar() takes at most 1 positional argument (%d given)", npos)
	}
	if npos == 0 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "ContextVar() takes exactly 1 positional argument (0 given)")
	}
	def := vm.NULL
	for i, k := range kw {
		if k != "default" {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "ContextVar() got an unexpected keyword argument '%s'", k)
		}
		def = args[npos+i]
	}
	name := vm.AsStr(args[0])
	if name == nil {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "context variable name must be a str")
	}
	return vm.ObjectValue(&vm.ContextVar{Name: name.String(), Default: def}), nil
}

// classGetItem is ContextVar[T]: a generic alias.
func classGetItem(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if len(args) != 2 || len(kw) > 0 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "__class_getitem__() takes exactly one argument (%d given)", len(args)-1)
	}
	return vm.NewGenericAlias(th, args[0], args[1])
}

func initToken() {
	t := vm.TokenType
	t.New = func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []string) (vm.Value, error) {
		return vm.NULL, vm.NewError(vm.RuntimeErrorType, "Tokens can only be created by ContextVars")
	}
	missingType.Repr = func(th *vm.Thread, v vm.Value) (string, error) { return "<Token.MISSING>", nil }
	missingType.QualName = "Token.MISSING"
	t.Dict.SetStr("MISSING", missing)
	t.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		tok := v.Object().(*vm.Token)
		used := ""
		if tok.Used {
			used = " used"
		}
		r, err := vm.Repr(th, vm.ObjectValue(tok.Var))
		if err != nil {
			return "", err
		}
		return "<Token" + used + " var=" + r + " at " + addr(v) + ">", nil
	}
	t.SetAttr = readOnly("var", "old_value")
	t.AddGetters(map[string]func(th *vm.Thread, v vm.Value) (vm.Value, error){
		"var": func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return vm.ObjectValue(v.Object().(*vm.Token).Var), nil
		},
		"old_value": func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			if old := v.Object().(*vm.Token).Old; !old.IsNull() {
				return old, nil
			}
			return missing, nil
		},
	})
	t.AddClassMethods(map[string]vm.NativeFunc{"__class_getitem__": classGetItem})
}
