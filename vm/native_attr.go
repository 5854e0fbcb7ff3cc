package vm

// The introspection side of built-in functions and method descriptors:
// CPython tells slot wrappers (int.__add__, list.__len__: type
// wrapper_descriptor, bound: method-wrapper) from ordinary method
// descriptors (str.lower: method_descriptor, bound:
// builtin_function_or_method) in reprs, type() and error messages, and
// gives all of them __name__, __qualname__, __objclass__ / __self__.

// The types of slot wrappers and of their bound form.
var (
	WrapperDescriptorType = &Type{Name: "wrapper_descriptor", QualName: "wrapper_descriptor", Module: "builtins"}
	MethodWrapperType     = &Type{Name: "method-wrapper", QualName: "method-wrapper", Module: "builtins"}
)

// slotDunders are the dunders CPython fills from type slots (its slotdefs):
// a built-in type's method of one of these names is a slot wrapper.
var slotDunders = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range []string{
		"__repr__", "__str__", "__hash__", "__call__", "__getattribute__", "__getattr__",
		"__setattr__", "__delattr__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
		"__iter__", "__next__", "__get__", "__set__", "__delete__", "__init__", "__len__",
		"__getitem__", "__setitem__", "__delitem__", "__contains__", "__neg__", "__pos__",
		"__abs__", "__bool__", "__invert__", "__int__", "__float__", "__index__", "__await__",
		"__aiter__", "__anext__", "__divmod__", "__rdivmod__",
	} {
		m[n] = true
	}
	for _, ds := range binaryDunderNames {
		for _, n := range ds {
			m[n] = true
		}
	}
	return m
}()

// isSlotWrapper reports whether t's built-in method name is a slot wrapper.
// A few types define the dunder as an ordinary method too, which wins
// (list.__getitem__ and dict.__contains__ are method_descriptors).
func isSlotWrapper(t *Type, name string) bool {
	if !slotDunders[name] {
		return false
	}
	switch {
	case name == "__getitem__" && (t == ListType || t == DictType),
		name == "__contains__" && (t == DictType || t == SetType || t == FrozenSetType):
		return false
	}
	return true
}

// ownerName is the name a descriptor's owner shows in messages.
func ownerName(t *Type) string {
	if t == nil {
		return "object"
	}
	return t.Name
}

func init() {
	for _, t := range []*Type{WrapperDescriptorType, MethodWrapperType} {
		t.Bases = []*Type{ObjectType}
		t.MRO = []*Type{t, ObjectType}
		t.Dict = NewDict()
		t.Hash = identityHashSlot
	}
	WrapperDescriptorType.Repr = func(th *Thread, v Value) (string, error) {
		m := v.o.(*MethodDescr)
		return "<slot wrapper '" + m.Name + "' of '" + ownerName(m.Owner) + "' objects>", nil
	}
	MethodWrapperType.Repr = func(th *Thread, v Value) (string, error) {
		b := v.o.(*Builtin)
		return "<method-wrapper '" + b.Name + "' of " + TypeName(b.Self) + " object at " + addrString(b.Self) + ">", nil
	}
	descrAttr := func(th *Thread, v Value, name string) (Value, error) {
		m := v.o.(*MethodDescr)
		switch name {
		case "__name__":
			return NewStr(m.Name), nil
		case "__qualname__":
			return NewStr(ownerName(m.Owner) + "." + m.Name), nil
		case "__objclass__":
			if m.Owner != nil {
				return Value{o: m.Owner}, nil
			}
		case "__doc__", "__text_signature__":
			return None, nil
		}
		return genericGetAttr(th, v, name)
	}
	builtinAttr := func(th *Thread, v Value, name string) (Value, error) {
		b := v.o.(*Builtin)
		switch name {
		case "__name__":
			return NewStr(b.Name), nil
		case "__qualname__":
			if b.descr != nil {
				return NewStr(ownerName(b.descr.Owner) + "." + b.Name), nil
			}
			if t, ok := b.Self.o.(*Type); ok {
				return NewStr(t.Name + "." + b.Name), nil
			}
			return NewStr(b.Name), nil
		case "__self__":
			if !b.Self.IsNull() {
				return b.Self, nil
			}
			return None, nil
		case "__objclass__":
			if b.descr != nil && b.descr.slot {
				return Value{o: b.descr.Owner}, nil
			}
		case "__doc__", "__text_signature__":
			return None, nil
		}
		return genericGetAttr(th, v, name)
	}
	for _, t := range []*Type{MethodDescriptorType, WrapperDescriptorType} {
		if t.GetAttr == nil {
			t.GetAttr = descrAttr
		}
		t.DescrGet = func(th *Thread, v, obj Value, owner *Type) (Value, error) {
			if obj.IsNull() {
				return v, nil
			}
			d := v.o.(*MethodDescr)
			if d.Owner != nil && !obj.Type().IsSubtype(d.Owner) {
				return NULL, d.wrongSelf(obj)
			}
			return Value{o: &Builtin{Name: d.Name, Fn: d.Fn, Self: obj, descr: d}}, nil
		}
	}
	for _, t := range []*Type{BuiltinFunctionType, MethodWrapperType} {
		if t.GetAttr == nil {
			t.GetAttr = builtinAttr
		}
	}
}

// missingSelf is the error of calling a method descriptor with no arguments.
func (d *MethodDescr) missingSelf() error {
	if d.slot {
		return NewError(TypeErrorType, "descriptor '%s' of '%s' object needs an argument", d.Name, ownerName(d.Owner))
	}
	return NewError(TypeErrorType, "unbound method %s.%s() needs an argument", ownerName(d.Owner), d.Name)
}

// wrongSelf is the error of calling a method descriptor on an instance of
// another type (str.lower(1)).
func (d *MethodDescr) wrongSelf(self Value) error {
	if d.slot {
		return NewError(TypeErrorType, "descriptor '%s' requires a '%s' object but received a '%s'", d.Name, ownerName(d.Owner), TypeName(self))
	}
	return NewError(TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d.Name, ownerName(d.Owner), TypeName(self))
}

// wrapDescrGet is the __get__(instance, owner=None) slot wrapper: None
// stands for "no instance" (access on the class).
func wrapDescrGet(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "wrapper __get__() takes no keyword arguments")
	}
	if len(args) < 2 || len(args) > 3 {
		return NULL, NewError(TypeErrorType, "expected 1 or 2 arguments, got %d", len(args)-1)
	}
	obj, owner := args[1], None
	if len(args) == 3 {
		owner = args[2]
	}
	if obj.IsNone() && owner.IsNone() {
		return NULL, NewError(TypeErrorType, "__get__(None, None) is invalid")
	}
	var ot *Type
	if !owner.IsNone() {
		var ok bool
		if ot, ok = owner.o.(*Type); !ok {
			return NULL, NewError(TypeErrorType, "descriptor '__get__' for '%s' objects needs a type, not a '%s' as arg 2", t.Name, TypeName(owner))
		}
	}
	if obj.IsNone() && ot != NoneType {
		obj = NULL
	}
	return t.DescrGet(th, args[0], obj, ot)
}
