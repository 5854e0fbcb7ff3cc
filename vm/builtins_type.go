package vm

import "fmt"

// biOtherTypes lists the built-in types other files define, for the
// builtins namespace (nil entries are skipped). super, property,
// staticmethod, classmethod and __build_class__ are added by the
// interpreter (extraBuiltins).
func biOtherTypes() []*Type {
	return []*Type{
		TypeType, ObjectType, IntType, FloatType, ComplexType, BoolType, StrType, DictType,
		ListType, TupleType, SetType, FrozenSetType, RangeType, BytesType,
		ByteArrayType, SliceType,
	}
}

// MakeNativeType returns a new built-in type written in Go, subclass of base
// (object when nil), with an empty Dict, its MRO, identity hashing and the
// default "<module.Name object at 0x...>" repr. Used by the builtins and the
// stdlib modules (deque, partial, ...), which then set the slots they need.
func MakeNativeType(name, module string, base *Type) *Type {
	if base == nil {
		base = ObjectType
	}
	t := &Type{Name: name, QualName: name, Module: module, Bases: []*Type{base}, Dict: NewDict()}
	t.MRO = append([]*Type{t}, base.MRO...)
	if len(base.MRO) == 0 {
		t.MRO = []*Type{t, base}
	}
	t.Hash = identityHashSlot
	t.Repr = defaultObjectRepr
	t.GetAttr = NativeGetAttr
	return t
}

// defaultObjectRepr is object.__repr__.
func defaultObjectRepr(th *Thread, v Value) (string, error) {
	t := v.Type()
	name := t.QualName
	if name == "" {
		name = t.Name
	}
	if t.Module != "" && t.Module != "builtins" {
		name = t.Module + "." + name
	}
	return fmt.Sprintf("<%s object at %#x>", name, uint64(IdentityHash(v))<<4|uint64(IdentityHash(v))>>60), nil
}

// AttrGetter is implemented by native objects with data attributes
// (deque.maxlen, partial.func, ...); NativeGetAttr asks it first.
type AttrGetter interface {
	// NativeAttr returns the attribute, or NULL when it has none by that name.
	NativeAttr(th *Thread, name string) (Value, error)
}

// NativeGetAttr is the GetAttr slot of native types: the object's own data
// attributes (AttrGetter), then the attribute dict of an instance of a user
// subclass (SubHolder), then methods found along the type's MRO, bound to v.
// It returns NULL, nil when missing.
func NativeGetAttr(th *Thread, v Value, name string) (Value, error) {
	d := subDict(v.o) // an instance of a user subclass: its class's
	if d != nil {     // properties first, as object.__getattribute__
		if m := v.Type().Lookup(name); !m.IsNull() && isDataDescr(m) {
			return descrGet(th, m, v, v.Type())
		}
	}
	if g, ok := v.o.(AttrGetter); ok {
		r, err := g.NativeAttr(th, name)
		if err != nil || !r.IsNull() {
			return r, err
		}
	}
	if d != nil {
		if r, ok := d.GetStr(name); ok {
			return r, nil
		}
	}
	m := v.Type().Lookup(name)
	if m.IsNull() {
		return NULL, nil
	}
	switch d := m.o.(type) {
	case *MethodDescr:
		return Value{o: &Builtin{Name: d.Name, Fn: d.Fn, Self: v, descr: d}}, nil
	}
	if dt := m.Type(); dt.DescrGet != nil {
		return dt.DescrGet(th, m, v, v.Type())
	}
	return m, nil
}

// biTypeName is the type name used in messages ("int", "Foo").
func biTypeName(v Value) string { return v.Type().Name }
