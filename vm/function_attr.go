package vm

import (
	"fmt"

	"github.com/pya-lang/pya/vm/compile"
)

// Attributes and reprs of functions, bound methods, cells and code objects.

func functionRepr(th *Thread, v Value) (string, error) {
	f := v.o.(*Function)
	return fmt.Sprintf("<function %s at %s>", f.QualName, addrString(v)), nil
}

func functionGetAttr(th *Thread, v Value, name string) (Value, error) {
	f := v.o.(*Function)
	switch name {
	case "__name__":
		return NewStr(f.Name), nil
	case "__qualname__":
		return NewStr(f.QualName), nil
	case "__doc__":
		return f.Doc, nil
	case "__module__":
		return f.Module, nil
	case "__defaults__":
		if f.Defaults == nil {
			return None, nil
		}
		return NewTuple(append([]Value(nil), f.Defaults...)), nil
	case "__kwdefaults__":
		if f.KwDefaults == nil {
			return None, nil
		}
		return Value{o: f.KwDefaults}, nil
	case "__annotations__":
		if f.Annotations == nil {
			f.Annotations = NewDict()
		}
		return Value{o: f.Annotations}, nil
	case "__globals__":
		return Value{o: f.Globals}, nil
	case "__code__":
		return Value{o: f.Code}, nil
	case "__closure__":
		if f.Closure == nil {
			return None, nil
		}
		cells := make([]Value, len(f.Closure))
		for i, c := range f.Closure {
			cells[i] = Value{o: c}
		}
		return NewTuple(cells), nil
	case "__builtins__":
		return Value{o: th.builtinsFor(f.Globals)}, nil
	}
	if f.Dict != nil {
		if r, ok := f.Dict.GetStr(name); ok {
			return r, nil
		}
	}
	if name == "__dict__" {
		if f.Dict == nil {
			f.Dict = NewDict()
		}
		return Value{o: f.Dict}, nil
	}
	return genericGetAttr(th, v, name)
}

func functionSetAttr(th *Thread, v Value, name string, val Value) error {
	f := v.o.(*Function)
	switch name {
	case "__name__", "__qualname__":
		s, ok := val.o.(*Str)
		if !ok {
			return NewError(TypeErrorType, "%s must be set to a string object", name)
		}
		if name == "__name__" {
			f.Name = s.s
		} else {
			f.QualName = s.s
		}
		return nil
	case "__doc__":
		f.Doc = val
		return nil
	case "__module__":
		f.Module = val
		return nil
	case "__defaults__":
		if val.IsNone() || val.IsNull() {
			f.Defaults = nil
		} else if t, ok := val.o.(*Tuple); ok {
			f.Defaults = append([]Value(nil), t.Items...)
		} else {
			return NewError(TypeErrorType, "__defaults__ must be set to a tuple object")
		}
		return nil
	case "__kwdefaults__":
		if d, ok := val.o.(*Dict); ok {
			f.KwDefaults = d
		} else {
			f.KwDefaults = nil
		}
		return nil
	case "__annotations__":
		if d, ok := val.o.(*Dict); ok {
			f.Annotations = d
		}
		return nil
	case "__dict__":
		d, ok := val.o.(*Dict)
		if !ok {
			return NewError(TypeErrorType, "__dict__ must be set to a dictionary, not a '%s'", TypeName(val))
		}
		f.Dict = d
		return nil
	case "__code__":
		co, ok := val.o.(*CodeObject)
		if !ok {
			return NewError(TypeErrorType, "__code__ must be set to a code object")
		}
		if n, want := len(co.Code.FreeVars), len(f.Closure); n != want {
			return NewError(ValueErrorType, "%s() requires a code object with %d free vars, not %d", f.Name, want, n)
		}
		f.Code = co
		return nil
	}
	if f.Dict == nil {
		f.Dict = NewDict()
	}
	if val.IsNull() {
		if !f.Dict.DelStr(name) {
			return NewError(AttributeErrorType, "'function' object has no attribute '%s'", name)
		}
		return nil
	}
	f.Dict.SetStr(name, val)
	return nil
}

func methodRepr(th *Thread, v Value) (string, error) {
	m := v.o.(*BoundMethod)
	name := "?"
	if q, err := LookupAttr(th, m.Func, "__qualname__"); err == nil && !q.IsNull() {
		if s, ok := q.o.(*Str); ok {
			name = s.s
		}
	}
	self, err := Repr(th, m.Self)
	if err != nil {
		return "", err
	}
	return "<bound method " + name + " of " + self + ">", nil
}

func methodGetAttr(th *Thread, v Value, name string) (Value, error) {
	m := v.o.(*BoundMethod)
	switch name {
	case "__self__":
		return m.Self, nil
	case "__func__":
		return m.Func, nil
	case "__class__":
		return Value{o: MethodType}, nil
	}
	if r := MethodType.Lookup(name); !r.IsNull() {
		return descrGet(th, r, v, MethodType)
	}
	return LookupAttr(th, m.Func, name)
}

func init() {
	FunctionType.Repr = functionRepr
	FunctionType.GetAttr = functionGetAttr
	FunctionType.SetAttr = functionSetAttr
	FunctionType.DescrGet = func(th *Thread, v, obj Value, owner *Type) (Value, error) {
		if obj.IsNull() || obj.IsNone() && owner != NoneType {
			return v, nil
		}
		return NewBoundMethod(v, obj), nil
	}
	FunctionType.Call = func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
		return th.callFunction(v.o.(*Function), args, kwnames)
	}
	FunctionType.AddMethods(map[string]NativeFunc{"__get__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) < 2 {
			return NULL, NewError(TypeErrorType, "expected at least 1 argument, got %d", len(args)-1)
		}
		if args[1].IsNone() && (len(args) < 3 || !args[2].IsNone()) {
			return args[0], nil
		}
		return NewBoundMethod(args[0], args[1]), nil
	}})
	MethodType.Repr = methodRepr
	MethodType.GetAttr = methodGetAttr
	// types.MethodType(func, obj) binds func to obj.
	MethodType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		if len(kwnames) > 0 {
			return NULL, NewError(TypeErrorType, "method() takes no keyword arguments")
		}
		if len(args) != 2 {
			return NULL, NewError(TypeErrorType, "method expected 2 arguments, got %d", len(args))
		}
		if !IsCallable(args[0]) {
			return NULL, NewError(TypeErrorType, "first argument must be callable")
		}
		if args[1].IsNone() {
			return NULL, NewError(TypeErrorType, "instance must not be None")
		}
		return NewBoundMethod(args[0], args[1]), nil
	}
	MethodType.Call = func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
		return th.Call(v, args, kwnames)
	}
	MethodType.Hash = func(th *Thread, v Value) (int64, error) {
		m := v.o.(*BoundMethod)
		h1, err := Hash(th, m.Func)
		if err != nil {
			return 0, err
		}
		return h1 ^ IdentityHash(m.Self), nil
	}
	MethodType.Compare = func(th *Thread, v, other Value, op compile.CompareOp) (Value, error) {
		m, ok := other.o.(*BoundMethod)
		if !ok || (op != compile.CmpEq && op != compile.CmpNe) {
			return NotImplemented, nil
		}
		self := v.o.(*BoundMethod)
		eq := self.Self.Is(m.Self) && self.Func.Is(m.Func)
		return Bool(eq == (op == compile.CmpEq)), nil
	}
	CellType.GetAttr = func(th *Thread, v Value, name string) (Value, error) {
		if name == "cell_contents" {
			c := v.o.(*Cell)
			if c.V.IsNull() {
				return NULL, NewError(ValueErrorType, "Cell is empty")
			}
			return c.V, nil
		}
		return genericGetAttr(th, v, name)
	}
	CodeType.Repr = func(th *Thread, v Value) (string, error) {
		c := v.o.(*CodeObject).Code
		return fmt.Sprintf("<code object %s at %s, file \"%s\", line %d>", c.Name, addrString(v), c.Filename, c.FirstLine), nil
	}
}

// builtinGetAttr serves the attributes of built-in functions and methods:
// __name__, __qualname__ ("list.append" for a method) and __self__.
func builtinGetAttr(th *Thread, v Value, name string) (Value, error) {
	b := v.o.(*Builtin)
	switch name {
	case "__name__":
		return NewStr(b.Name), nil
	case "__qualname__":
		if b.Self.IsNull() {
			return NewStr(b.Name), nil
		}
		if t, ok := b.Self.o.(*Type); ok {
			return NewStr(t.Name + "." + b.Name), nil
		}
		return NewStr(b.Self.Type().Name + "." + b.Name), nil
	case "__self__":
		if b.Self.IsNull() {
			return None, nil
		}
		return b.Self, nil
	}
	return genericGetAttr(th, v, name)
}

func init() { BuiltinFunctionType.GetAttr = builtinGetAttr }
