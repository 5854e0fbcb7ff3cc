package vm

import (
	"math"
)

// Value is a pya value. Ints that fit in int64, floats and bools are held
// unboxed (no allocation per arithmetic result); every other value is an
// Object. The zero Value is NULL: "no value", used for unbound locals, empty
// cells and "not found" results; it never reaches user code.
//
// A Value is two words plus one: o is either the object itself or one of the
// kind markers intKind, floatKind, boolKind, in which case n holds the bits.
type Value struct {
	o Object
	n uint64
}

// kindMarker tags an unboxed Value; its Type is the value's type, so that
// v.Type() is a single interface call whatever the representation.
type kindMarker struct{ typ **Type }

func (k *kindMarker) Type() *Type { return *k.typ }

var (
	intKind   Object = &kindMarker{&IntType}
	floatKind Object = &kindMarker{&FloatType}
	boolKind  Object = &kindMarker{&BoolType}
)

// NULL is the zero Value.
var NULL Value

// Int returns the int value i.
func Int(i int64) Value { return Value{o: intKind, n: uint64(i)} }

// Float returns the float value f. A NaN gets a fresh identity (see
// float_nan.go); the test is one predictable branch on the fast path.
func Float(f float64) Value {
	if f != f {
		return freshNaN(f)
	}
	return Value{o: floatKind, n: math.Float64bits(f)}
}

// Bool returns True or False.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// True and False are the two bools.
var (
	True  = Value{o: boolKind, n: 1}
	False = Value{o: boolKind, n: 0}
)

// ObjectValue wraps an object. Objects that have an unboxed form (ints that
// fit int64) must be normalized by their constructors, not here.
func ObjectValue(o Object) Value { return Value{o: o} }

// IsNull reports whether v is the NULL value.
func (v Value) IsNull() bool { return v.o == nil }

// IsInt reports whether v is an unboxed (int64) int. Big ints are *BigInt objects.
func (v Value) IsInt() bool { return v.o == intKind }

// IsFloat reports whether v is a float.
func (v Value) IsFloat() bool { return v.o == floatKind }

// IsBool reports whether v is True or False.
func (v Value) IsBool() bool { return v.o == boolKind }

// isUnboxed reports whether v is an unboxed int, float or bool (its n word
// holds the value; an object Value's n is otherwise unused).
func (v Value) isUnboxed() bool {
	_, ok := v.o.(*kindMarker)
	return ok
}

// IsNone reports whether v is None.
func (v Value) IsNone() bool { return v.o == noneObject }

// AsInt returns the int64 of an unboxed int (or 0/1 for a bool); only valid
// when IsInt() or IsBool().
func (v Value) AsInt() int64 { return int64(v.n) }

// AsFloat returns the float64 of a float; only valid when IsFloat().
func (v Value) AsFloat() float64 { return math.Float64frombits(v.n) }

// AsBool returns the bool of True/False; only valid when IsBool().
func (v Value) AsBool() bool { return v.n != 0 }

// Object returns the boxed object, or nil for NULL and unboxed values.
func (v Value) Object() Object {
	if _, ok := v.o.(*kindMarker); ok {
		return nil
	}
	return v.o
}

// Type returns the value's type. It must not be called on NULL.
func (v Value) Type() *Type { return v.o.Type() }

// Is implements Python's `is`: identity for objects, equality of bits for
// unboxed values of the same kind (so `x is x` always holds).
func (v Value) Is(w Value) bool { return v.o == w.o && v.n == w.n }

// None is the None value.
var None = Value{o: noneObject}

// NoneObject is the type of the None singleton.
type NoneObject struct{}

var noneObject Object = &NoneObject{}

func (*NoneObject) Type() *Type { return NoneType }

// init runs after the init of every built-in type's file (value.go sorts
// after them), when all their slots are set: it exposes the slots as dunder
// methods.
func init() {
	// Hashable by identity as in CPython (a nil Hash means unhashable).
	for _, t := range []*Type{DictValuesType, PropertyType, StaticMethodType, ClassMethodType, GetSetDescrType, ClassMethodDescrType, WrapperDescriptorType} {
		if t.Hash == nil {
			t.Hash = objectHash
		}
	}
	for _, t := range allBuiltinTypes {
		if t == TypeType || t == ObjectType {
			continue // the interpreter's type machinery defines theirs
		}
		inplace := t == ListType || t == DictType || t == SetType || t == ByteArrayType
		addSlotWrappers(t, inplace)
	}
	addSlotWrappers(StrUnicodeIteratorType, false)
	for _, t := range []*Type{PropertyType, StaticMethodType, ClassMethodType, GetSetDescrType, ClassMethodDescrType, WrapperDescriptorType} {
		addSlotWrappers(t, false)
	}
	for _, t := range []*Type{FunctionType, MethodType, BuiltinFunctionType, MethodDescriptorType, ClassMethodDescrType, WrapperDescriptorType, MethodWrapperType, StaticMethodType, GenericAliasType} {
		addCallWrapper(t)
	}
}
