package vm

import (
	"reflect"
	"sync"
)

// The attribute protocol: GetAttr/LookupAttr/SetAttr dispatch on the type's
// GetAttr/SetAttr slots; types without slots use the generic algorithm of
// object.__getattribute__ (data descriptors on the type, then the instance
// dict, then other class attributes).

// GetAttr returns v.name, raising AttributeError with CPython's message
// (or the one a user __getattr__ raised).
func GetAttr(th *Thread, v Value, name string) (Value, error) {
	r, err := getAttr(th, v, name)
	if err != nil || !r.IsNull() {
		return r, err
	}
	return NULL, attributeError(v, name)
}

// LookupAttr returns v.name, or NULL, nil when it does not exist (an
// AttributeError raised while looking, e.g. by a user __getattr__, also
// counts as absence, as CPython's _PyObject_LookupAttr).
func LookupAttr(th *Thread, v Value, name string) (Value, error) {
	r, err := getAttr(th, v, name)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.typ.IsSubtype(AttributeErrorType) {
			return NULL, nil
		}
		return NULL, err
	}
	return r, nil
}

// getAttr dispatches to the type's GetAttr slot (or the generic lookup):
// NULL, nil when missing.
func getAttr(th *Thread, v Value, name string) (Value, error) {
	if t := v.Type(); t.GetAttr != nil {
		return t.GetAttr(th, v, name)
	}
	return genericGetAttr(th, v, name)
}

// attributeError is CPython's AttributeError for a missing attribute.
func attributeError(v Value, name string) error {
	var e error
	switch o := v.o.(type) {
	case *Type:
		e = NewError(AttributeErrorType, "type object '%s' has no attribute '%s'", o.Name, name)
	case *Module:
		e = NewError(AttributeErrorType, "module '%s' has no attribute '%s'", o.Name, name)
	default:
		e = NewError(AttributeErrorType, "'%s' object has no attribute '%s'", TypeName(v), name)
	}
	ex := e.(*Exception)
	ex.setAttrInfo(v, name)
	return ex
}

// SetAttr sets v.name = val, or deletes it when val is NULL.
func SetAttr(th *Thread, v Value, name string, val Value) error {
	t := v.Type()
	if t.SetAttr != nil {
		return t.SetAttr(th, v, name, val)
	}
	return genericSetAttr(th, v, name, val)
}

// instanceDict returns the attribute dict of v, creating it when create is
// set and v can have one; nil when v has no dict.
func instanceDict(v Value, create bool) *Dict {
	switch o := v.o.(type) {
	case *Instance:
		return o.Dict
	case *Exception:
		if o.Dict == nil && create {
			o.Dict = NewDict()
		}
		return o.Dict
	case *Function:
		if o.Dict == nil && create {
			o.Dict = NewDict()
		}
		return o.Dict
	case *Module:
		return o.Dict
	}
	return BuiltinInstanceDict(v)
}

// isDataDescr reports whether a class attribute is a data descriptor
// (defines __set__ or __delete__).
func isDataDescr(d Value) bool {
	switch d.o.(type) {
	case *Function, *MethodDescr, *Builtin:
		return false
	case *Property:
		return true
	}
	return d.Type().DescrSet != nil
}

// descrGet binds a class attribute d found on type t to obj (NULL when
// accessed on the class).
func descrGet(th *Thread, d, obj Value, t *Type) (Value, error) {
	switch o := d.o.(type) {
	case *Function:
		if obj.IsNull() {
			return d, nil
		}
		return Value{o: &BoundMethod{Func: d, Self: obj}}, nil
	case *MethodDescr:
		if obj.IsNull() {
			return d, nil
		}
		return Value{o: &Builtin{Name: o.Name, Fn: o.Fn, Self: obj, descr: o}}, nil
	}
	if dt := d.Type(); dt.DescrGet != nil {
		return dt.DescrGet(th, d, obj, t)
	}
	return d, nil
}

// genericGetAttr is object.__getattribute__; NULL, nil when missing.
func genericGetAttr(th *Thread, v Value, name string) (Value, error) {
	t := v.Type()
	d := t.Lookup(name)
	if !d.IsNull() && isDataDescr(d) {
		return descrGet(th, d, v, t)
	}
	if dict := instanceDict(v, false); dict != nil {
		if r, ok := dict.GetStr(name); ok {
			return r, nil
		}
	}
	if !d.IsNull() {
		return descrGet(th, d, v, t)
	}
	return objectSpecialAttr(th, v, name)
}

// objectSpecialAttr serves the attributes every object has (__class__,
// __dict__, __doc__ ...) when nothing else defines them.
func objectSpecialAttr(th *Thread, v Value, name string) (Value, error) {
	switch name {
	case "__class__":
		return Value{o: v.Type()}, nil
	case "__dict__":
		if v.Type().Flags&typeNoDict != 0 {
			break // __slots__ without "__dict__": no instance dict
		}
		if d := instanceDict(v, true); d != nil {
			return Value{o: d}, nil
		}
	case "__doc__":
		return None, nil
	}
	if e, ok := v.o.(*Exception); ok {
		return excAttr(th, e, name)
	}
	return NULL, nil
}

// genericSetAttr is object.__setattr__ (and __delattr__ for NULL).
func genericSetAttr(th *Thread, v Value, name string, val Value) error {
	t := v.Type()
	d := t.Lookup(name)
	if !d.IsNull() {
		if p, ok := d.o.(*Property); ok {
			return p.set(th, v, val, name)
		}
		if dt := d.Type(); dt.DescrSet != nil {
			return dt.DescrSet(th, d, v, val)
		}
	}
	if e, ok := v.o.(*Exception); ok {
		if handled, err := excSetAttr(e, name, val); handled {
			return err
		}
	}
	if name == "__class__" && !val.IsNull() {
		if nt, ok := val.o.(*Type); ok {
			if inst, ok := v.o.(*Instance); ok && nt.Flags&TypeHeap != 0 {
				inst.typ = nt
				return nil
			}
		}
		return NewError(TypeErrorType, "__class__ assignment only supported for mutable types or ModuleType subclasses")
	}
	if t.Flags&typeNoDict != 0 && !slotAllowed(t, name) {
		if !d.IsNull() && !val.IsNull() {
			return NewError(AttributeErrorType, "'%s' object attribute '%s' is read-only", t.Name, name)
		}
		return NewError(AttributeErrorType, "'%s' object has no attribute '%s'", t.Name, name)
	}
	dict := instanceDict(v, true)
	if dict == nil {
		if t.Flags&TypeHeap == 0 && !d.IsNull() {
			return NewError(AttributeErrorType, "'%s' object attribute '%s' is read-only", t.Name, name)
		}
		return NewError(AttributeErrorType, "'%s' object has no attribute '%s'", t.Name, name)
	}
	if name == "__dict__" {
		nd, ok := val.o.(*Dict)
		if !ok {
			return NewError(TypeErrorType, "__dict__ must be set to a dictionary, not a '%s'", TypeName(val))
		}
		if inst, ok := v.o.(*Instance); ok {
			inst.Dict = nd
			return nil
		}
	}
	if val.IsNull() {
		if !dict.DelStr(name) {
			return NewError(AttributeErrorType, "'%s' object has no attribute '%s'", t.Name, name)
		}
		return nil
	}
	dict.SetStr(name, val)
	return nil
}

// loadMethod implements LOAD_METHOD: a plain function found on the type
// (not shadowed by the instance dict) is returned unbound with self, so
// that CALL_METHOD needs no bound-method object.
func loadMethod(th *Thread, v Value, name string) (fn, self Value, err error) {
	t := v.Type()
	if fastMethods(t) {
		switch v.o.(type) {
		case *Type, *Module:
		default:
			d := t.Lookup(name)
			switch m := d.o.(type) {
			case *Function, *MethodDescr:
				if dict := instanceDict(v, false); dict != nil {
					if r, ok := dict.GetStr(name); ok {
						return r, NULL, nil
					}
				}
				if md, ok := m.(*MethodDescr); ok {
					return Value{o: md.unbound}, v, nil
				}
				return d, v, nil
			}
		}
	}
	r, err := GetAttr(th, v, name)
	return r, NULL, err
}

// typeCustomGetAttr marks types whose attribute lookup is not the generic
// one (a user __getattribute__), which LOAD_METHOD must not bypass.
const typeCustomGetAttr TypeFlags = 1 << 20

// typeFastMethods marks types whose attribute lookup finds methods on the
// type after the instance dict (generic or NativeGetAttr), so LOAD_METHOD
// may look the method up directly; typeMethodsChecked says the flag is
// computed (fillHeapTypeSlots clears it).
const (
	typeFastMethods    TypeFlags = 1 << 21
	typeMethodsChecked TypeFlags = 1 << 22
)

var nativeGetAttrPtr = reflect.ValueOf(NativeGetAttr).Pointer()

// builtinFastMethods caches hasFastMethods for built-in types, which all
// interpreters share and so must not be written lazily like heap types' flags.
var builtinFastMethods sync.Map // *Type -> bool

func checkFastMethods(t *Type) {
	t.Flags |= typeMethodsChecked
	t.Flags &^= typeFastMethods
	if hasFastMethods(t) {
		t.Flags |= typeFastMethods
	}
}

func hasFastMethods(t *Type) bool {
	return t.GetAttr == nil || reflect.ValueOf(t.GetAttr).Pointer() == nativeGetAttrPtr
}

// fastMethods reports whether LOAD_METHOD may look methods up on t directly.
func fastMethods(t *Type) bool {
	if t.Flags&TypeHeap != 0 {
		if t.Flags&typeMethodsChecked == 0 {
			checkFastMethods(t)
		}
		return t.Flags&typeFastMethods != 0
	}
	if v, ok := builtinFastMethods.Load(t); ok {
		return v.(bool)
	}
	fast := hasFastMethods(t)
	builtinFastMethods.Store(t, fast)
	return fast
}

// lookupSpecial finds a special method on the type (not the instance), NULL
// when absent; dunder calls by the VM go through it, as in CPython.
func lookupSpecial(v Value, name string) Value {
	return v.Type().Lookup(name)
}

// bindSpecial binds a special method found by lookupSpecial to v.
func bindSpecial(th *Thread, m, v Value) (Value, error) {
	return descrGet(th, m, v, v.Type())
}

// callSpecial calls a special method found by lookupSpecial on v.
func callSpecial(th *Thread, m, v Value, args ...Value) (Value, error) {
	switch m.o.(type) {
	case *Function, *MethodDescr:
		buf := make([]Value, 0, len(args)+1)
		buf = append(buf, v)
		buf = append(buf, args...)
		if md, ok := m.o.(*MethodDescr); ok {
			return th.callBuiltin(&Builtin{Name: md.Name, Fn: md.Fn}, buf, nil)
		}
		return th.Call(m, buf, nil)
	}
	b, err := bindSpecial(th, m, v)
	if err != nil {
		return NULL, err
	}
	return th.Call(b, args, nil)
}
