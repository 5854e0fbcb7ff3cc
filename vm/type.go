package vm

import (
	"github.com/pya-lang/pya/vm/compile"
)

// The slots and methods of `type` and `object`: instance creation
// (__new__/__init__ with CPython's argument rules), class attribute lookup,
// reprs, default comparison and hashing.

// typeCall is type.__call__: __new__, then __init__ when the result is an
// instance of the class. type(x) returns x's type.
func typeCall(th *Thread, callee Value, args []Value, kwnames []string) (Value, error) {
	t, ok := callee.o.(*Type)
	if !ok {
		return NULL, NewError(TypeErrorType, "descriptor '__call__' requires a 'type' object")
	}
	if t == TypeType && len(args) == 1 && len(kwnames) == 0 {
		return Value{o: args[0].Type()}, nil
	}
	if t.New == nil {
		return NULL, NewError(TypeErrorType, "cannot create '%s' instances", typeFullName(t))
	}
	obj, err := t.New(th, t, args, kwnames)
	if err != nil {
		return NULL, err
	}
	if obj.IsNull() || !obj.Type().IsSubtype(t) {
		return obj, nil
	}
	if it := obj.Type(); it.Init != nil {
		if err := it.Init(th, obj, args, kwnames); err != nil {
			return NULL, err
		}
	}
	return obj, nil
}

// typeNew is type.__new__(meta, name, bases, dict, **kw).
func typeNew(th *Thread, meta *Type, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	if meta == TypeType && npos == 1 && len(kwnames) == 0 {
		return Value{o: args[0].Type()}, nil
	}
	if npos != 3 {
		return NULL, NewError(TypeErrorType, "type() takes 1 or 3 arguments")
	}
	name, ok := args[0].o.(*Str)
	if !ok {
		return NULL, NewError(TypeErrorType, "type.__new__() argument 1 must be str, not %s", TypeName(args[0]))
	}
	bt, ok := args[1].o.(*Tuple)
	if !ok {
		return NULL, NewError(TypeErrorType, "type.__new__() argument 2 must be tuple, not %s", TypeName(args[1]))
	}
	src, ok := args[2].o.(*Dict)
	if !ok {
		return NULL, NewError(TypeErrorType, "type.__new__() argument 3 must be dict, not %s", TypeName(args[2]))
	}
	// The most derived metaclass must be a subclass of every base's.
	winner := meta
	for _, b := range bt.Items {
		t := b.Type()
		if winner.IsSubtype(t) {
			continue
		}
		if t.IsSubtype(winner) {
			winner = t
			continue
		}
		return NULL, NewError(TypeErrorType, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
	}
	if winner != meta {
		meta = winner
	}
	bases := make([]*Type, len(bt.Items))
	for i, b := range bt.Items {
		if bases[i], ok = b.o.(*Type); !ok {
			return NULL, NewError(TypeErrorType, "bases must be types")
		}
	}
	ns := src.Copy()
	if _, ok := ns.GetStr("__module__"); !ok {
		if f := th.frame; f != nil {
			if m, ok := f.globals.GetStr("__name__"); ok {
				ns.SetStr("__module__", m)
			}
		}
	}
	var cell *Cell
	if c, ok := ns.GetStr("__classcell__"); ok {
		cell, _ = c.o.(*Cell)
		ns.DelStr("__classcell__")
	}
	t, err := NewClass(th, meta, name.s, bases, ns)
	if err != nil {
		return NULL, err
	}
	if cell != nil {
		cell.V = Value{o: t}
	}
	if err := initSubclass(th, t, args[3:], kwnames); err != nil {
		return NULL, err
	}
	return Value{o: t}, nil
}

// typeFullName is "mod.QualName", or the bare name for builtins.
func typeFullName(t *Type) string {
	q := t.QualName
	if q == "" {
		q = t.Name
	}
	if t.Module == "" || t.Module == "builtins" {
		return q
	}
	return t.Module + "." + q
}

func typeRepr(th *Thread, v Value) (string, error) {
	return "<class '" + typeFullName(v.o.(*Type)) + "'>", nil
}

// typeGetAttr is type.__getattribute__: data descriptors of the metaclass,
// then the class's MRO (binding through __get__ with no instance), then
// other metaclass attributes.
func typeGetAttr(th *Thread, v Value, name string) (Value, error) {
	t := v.o.(*Type)
	meta := t.Type()
	md := meta.Lookup(name)
	if !md.IsNull() && isDataDescr(md) {
		return descrGet(th, md, v, meta)
	}
	if a := t.Lookup(name); !a.IsNull() {
		switch o := a.o.(type) {
		case *Function, *MethodDescr:
			return a, nil
		case *StaticMethod:
			return o.Func, nil
		case *ClassMethod:
			if _, plain := o.Func.o.(*Function); plain {
				return NewBoundMethod(o.Func, v), nil
			}
		}
		if dt := a.Type(); dt.DescrGet != nil {
			return dt.DescrGet(th, a, NULL, t)
		}
		return a, nil
	}
	if r, ok := typeSpecialAttr(t, name); ok {
		return r, nil
	}
	if !md.IsNull() {
		return descrGet(th, md, v, meta)
	}
	return NULL, nil
}

// typeSpecialAttr serves __name__, __mro__, __dict__, ...
func typeSpecialAttr(t *Type, name string) (Value, bool) {
	switch name {
	case "__name__":
		return NewStr(t.Name), true
	case "__qualname__":
		if t.QualName == "" {
			return NewStr(t.Name), true
		}
		return NewStr(t.QualName), true
	case "__module__":
		if t.Module == "" {
			return NewStr("builtins"), true
		}
		return NewStr(t.Module), true
	case "__mro__":
		return NewTuple(typesToValues(t.MRO)), true
	case "__bases__":
		return NewTuple(typesToValues(t.Bases)), true
	case "__base__":
		if len(t.Bases) == 0 {
			return None, true
		}
		return Value{o: t.Bases[0]}, true
	case "__dict__":
		if t.Dict == nil {
			t.Dict = NewDict()
		}
		return Value{o: t.Dict}, true
	case "__doc__":
		if t.Doc.IsNull() {
			return None, true
		}
		return t.Doc, true
	case "__class__":
		return Value{o: t.Type()}, true
	}
	return NULL, false
}

func typesToValues(ts []*Type) []Value {
	vs := make([]Value, len(ts))
	for i, t := range ts {
		vs[i] = Value{o: t}
	}
	return vs
}

// typeSetAttr sets a class attribute (refreshing slots for dunders).
func typeSetAttr(th *Thread, v Value, name string, val Value) error {
	t := v.o.(*Type)
	meta := t.Type()
	if md := meta.Lookup(name); !md.IsNull() {
		if dt := md.Type(); dt.DescrSet != nil {
			return dt.DescrSet(th, md, v, val)
		}
	}
	if t.Flags&TypeHeap == 0 {
		return NewError(TypeErrorType, "cannot set '%s' attribute of immutable type '%s'", name, t.Name)
	}
	switch name {
	case "__name__":
		if s, ok := val.o.(*Str); ok {
			t.Name = s.s
			return nil
		}
	case "__qualname__":
		if s, ok := val.o.(*Str); ok {
			t.QualName = s.s
			return nil
		}
	case "__module__":
		if s, ok := val.o.(*Str); ok {
			t.Module = s.s
		}
	case "__doc__":
		t.Doc = val
	}
	if val.IsNull() {
		if !t.Dict.DelStr(name) {
			return NewError(AttributeErrorType, "type object '%s' has no attribute '%s'", t.Name, name)
		}
	} else {
		t.Dict.SetStr(name, val)
	}
	if len(name) > 4 && name[:2] == "__" && name[len(name)-2:] == "__" {
		fillHeapTypeSlots(t)
	}
	return nil
}

// typeGetItem implements Cls[x] through __class_getitem__.
func typeGetItem(th *Thread, v, key Value) (Value, error) {
	t := v.o.(*Type)
	m := t.Lookup("__class_getitem__")
	if m.IsNull() {
		if isGenericBuiltin(t) {
			return genericAlias(th, v, key)
		}
		return NULL, NewError(TypeErrorType, "type '%s' is not subscriptable", t.Name)
	}
	b, err := descrGet(th, m, NULL, t)
	if err != nil {
		return NULL, err
	}
	if cm, ok := m.o.(*ClassMethod); ok {
		b = NewBoundMethod(cm.Func, v)
	}
	return th.Call(b, []Value{key}, nil)
}

// genericAlias is the result of list[int] etc.: LIBS/typing may replace
// GenericAliasHook; by default the class itself is returned.
func genericAlias(th *Thread, v, key Value) (Value, error) {
	if GenericAliasHook != nil {
		return GenericAliasHook(th, v, key)
	}
	return newGenericAlias(v, key), nil
}

// GenericAliasHook builds types.GenericAlias for list[int], dict[str, int]
// (set to replace the built-in GenericAlias).
var GenericAliasHook func(th *Thread, origin, args Value) (Value, error)

// objectNew is object.__new__ with CPython's excess-argument rules.
func objectNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(args) > 0 {
		if t.New != nil && !isObjectNew(t) {
			return NULL, NewError(TypeErrorType, "object.__new__() takes exactly one argument (the type to instantiate)")
		}
		if isObjectInit(t) {
			return NULL, NewError(TypeErrorType, "%s() takes no arguments", t.Name)
		}
	}
	if t.Flags&TypeAbstract != 0 {
		return NULL, NewError(TypeErrorType, "Can't instantiate abstract class %s", t.Name)
	}
	if t == ObjectType {
		return Value{o: &Instance{typ: t}}, nil
	}
	return Value{o: NewInstance(t)}, nil
}

// objectInit is object.__init__ with CPython's excess-argument rules.
func objectInit(th *Thread, self Value, args []Value, kwnames []string) error {
	if len(args) > 0 {
		t := self.Type()
		if !isObjectInit(t) {
			return NewError(TypeErrorType, "object.__init__() takes exactly one argument (the instance to initialize)")
		}
		if isObjectNew(t) {
			return NewError(TypeErrorType, "%s() takes no arguments", t.Name)
		}
	}
	return nil
}

func isObjectNew(t *Type) bool  { return !userDefined(t, "__new__") && solidBase(t) == ObjectType }
func isObjectInit(t *Type) bool { return !userDefined(t, "__init__") && solidBase(t) == ObjectType }

// objectCompare is object's rich comparison: identity for ==, the inverse
// of __eq__ for !=.
func objectCompare(th *Thread, v, other Value, op compile.CompareOp) (Value, error) {
	switch op {
	case compile.CmpEq:
		if v.Is(other) {
			return True, nil
		}
	case compile.CmpNe:
		if t := v.Type(); t.Compare != nil && t.Flags&TypeHeap != 0 {
			eq, err := t.Compare(th, v, other, compile.CmpEq)
			if err != nil || eq.IsNotImplemented() {
				return eq, err
			}
			b, err := Truth(th, eq)
			return Bool(!b), err
		}
		if v.Is(other) {
			return False, nil
		}
	}
	return NotImplemented, nil
}

func objectFormat(th *Thread, v Value, spec string) (string, error) {
	if spec != "" {
		return "", NewError(TypeErrorType, "unsupported format string passed to %s.__format__", TypeName(v))
	}
	return ToStr(th, v)
}

func objectHash(th *Thread, v Value) (int64, error) { return IdentityHash(v), nil }

func objectRepr(th *Thread, v Value) (string, error) { return defaultRepr(v), nil }

// typeSubclasses is type.__subclasses__().
func typeSubclasses(th *Thread, args []Value, kwnames []string) (Value, error) {
	t, ok := args[0].o.(*Type)
	if !ok {
		return NULL, NewError(TypeErrorType, "descriptor '__subclasses__' requires a 'type' object")
	}
	return NewList(typesToValues(th.Interp.subclassesOf(t))), nil
}

func init() {
	TypeType.Call = typeCall
	TypeType.New = typeNew
	TypeType.Repr = typeRepr
	TypeType.GetAttr = typeGetAttr
	TypeType.SetAttr = typeSetAttr
	TypeType.GetItem = typeGetItem
	TypeType.Hash = objectHash
	TypeType.Flags |= TypeBaseType
	ObjectType.New = objectNew
	ObjectType.Init = objectInit
	ObjectType.Repr = objectRepr
	ObjectType.Hash = objectHash
	ObjectType.Compare = objectCompare
	ObjectType.Format = objectFormat
	ObjectType.Flags |= TypeBaseType
	if ObjectType.MRO == nil {
		ObjectType.MRO = []*Type{ObjectType}
	}
	if TypeType.MRO == nil {
		TypeType.Bases = []*Type{ObjectType}
		TypeType.MRO = []*Type{TypeType, ObjectType}
	}
	TypeType.AddMethods(map[string]NativeFunc{
		"__subclasses__": typeSubclasses,
		"mro": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return NewList(typesToValues(args[0].o.(*Type).MRO)), nil
		},
		"__call__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return typeCall(th, args[0], args[1:], kwnames)
		},
		"__repr__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			s, err := typeRepr(th, args[0])
			return NewStr(s), err
		},
		"__instancecheck__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return Bool(args[1].Type().IsSubtype(args[0].o.(*Type))), nil
		},
		"__subclasscheck__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			s, ok := args[1].o.(*Type)
			return Bool(ok && s.IsSubtype(args[0].o.(*Type))), nil
		},
	})
	TypeType.Dict.SetStr("__new__", NewBuiltin("__new__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		meta, ok := typeArg(args, "type")
		if !ok {
			return NULL, NewError(TypeErrorType, "type.__new__(X): X is not a type object")
		}
		return typeNew(th, meta, args[1:], kwnames)
	}))
	TypeType.Dict.SetStr("__init__", NewBuiltin("__init__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		return None, nil
	}))
	ObjectType.AddMethods(map[string]NativeFunc{
		"__init__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return None, objectInit(th, args[0], args[1:], kwnames)
		},
		"__repr__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return NewStr(defaultRepr(args[0])), nil
		},
		"__str__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			s, err := Repr(th, args[0])
			return NewStr(s), err
		},
		"__hash__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return Int(IdentityHash(args[0])), nil
		},
		"__eq__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return objectCompare(th, args[0], args[1], compile.CmpEq)
		},
		"__ne__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return objectCompare(th, args[0], args[1], compile.CmpNe)
		},
		"__format__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			spec := ""
			if len(args) > 1 {
				if s, ok := args[1].o.(*Str); ok {
					spec = s.s
				}
			}
			s, err := objectFormat(th, args[0], spec)
			return NewStr(s), err
		},
		"__getattribute__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			name, ok := args[1].o.(*Str)
			if !ok {
				return NULL, NewError(TypeErrorType, "attribute name must be string, not '%s'", TypeName(args[1]))
			}
			r, err := genericGetAttr(th, args[0], name.s)
			if err == nil && r.IsNull() {
				return NULL, attributeError(args[0], name.s)
			}
			return r, err
		},
		"__setattr__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			name, ok := args[1].o.(*Str)
			if !ok {
				return NULL, NewError(TypeErrorType, "attribute name must be string, not '%s'", TypeName(args[1]))
			}
			return None, genericSetAttr(th, args[0], name.s, args[2])
		},
		"__delattr__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			name, ok := args[1].o.(*Str)
			if !ok {
				return NULL, NewError(TypeErrorType, "attribute name must be string, not '%s'", TypeName(args[1]))
			}
			return None, genericSetAttr(th, args[0], name.s, NULL)
		},
		"__dir__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return NewList(dirNames(args[0])), nil
		},
	})
	ObjectType.Dict.SetStr("__new__", NewBuiltin("__new__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		t, ok := typeArg(args, "object")
		if !ok {
			return NULL, NewError(TypeErrorType, "object.__new__(X): X is not a type object")
		}
		if t.Flags&TypeAbstract != 0 {
			return NULL, NewError(TypeErrorType, "Can't instantiate abstract class %s", t.Name)
		}
		if sb := solidBase(t); sb != ObjectType && sb.New != nil {
			return sb.New(th, t, args[1:], kwnames)
		}
		if len(args) > 1 {
			if !isObjectNew(t) {
				return NULL, NewError(TypeErrorType, "object.__new__() takes exactly one argument (the type to instantiate)")
			}
			if isObjectInit(t) {
				return NULL, NewError(TypeErrorType, "%s() takes no arguments", t.Name)
			}
		}
		return Value{o: NewInstance(t)}, nil
	}))
	ObjectType.Dict.SetStr("__init_subclass__", Value{o: &ClassMethod{Func: NewBuiltin("__init_subclass__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) > 1 {
			return NULL, NewError(TypeErrorType, "%s.__init_subclass__() takes no keyword arguments", args[0].o.(*Type).Name)
		}
		return None, nil
	})}})
}

// typeArg returns args[0] as a type (the cls argument of __new__).
func typeArg(args []Value, _ string) (*Type, bool) {
	if len(args) == 0 {
		return nil, false
	}
	t, ok := args[0].o.(*Type)
	return t, ok
}

// dirNames lists the attribute names of v (instance dict, then its class's MRO).
func dirNames(v Value) []Value {
	seen := map[string]bool{}
	var names []Value
	add := func(d *Dict) {
		if d == nil {
			return
		}
		d.Items(func(k, _ Value) bool {
			if s, ok := k.o.(*Str); ok && !seen[s.s] {
				seen[s.s] = true
				names = append(names, k)
			}
			return true
		})
	}
	add(instanceDict(v, false))
	t := v.Type()
	if tt, ok := v.o.(*Type); ok {
		t = tt
	}
	for _, m := range t.MRO {
		add(m.Dict)
	}
	return names
}
