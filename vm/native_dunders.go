package vm

import "strings"

// The Binary and Unary slots of a built-in type serve every operator, but
// CPython's types define only the dunders of the operators they support
// (list has __add__ and __mul__, not __sub__): numericDunders names them, so
// that dir(), hasattr(x, "__sub__") and list.__and__ answer as in CPython.
// A type not listed exposes every operator dunder its slots give.
var numericDunders = map[*Type]string{
	ListType:      "add mul rmul iadd imul",
	TupleType:     "add mul rmul",
	StrType:       "add mul rmul mod rmod",
	BytesType:     "add mul rmul mod rmod",
	ByteArrayType: "add mul rmul mod rmod iadd imul",
	DictType:      "or ror ior",
	SetType:       "and rand or ror xor rxor sub rsub iand ior ixor isub",
	FrozenSetType: "and rand or ror xor rxor sub rsub",
	FloatType: "add radd sub rsub mul rmul truediv rtruediv floordiv rfloordiv mod rmod pow rpow" +
		" neg pos",
	ComplexType: "add radd sub rsub mul rmul truediv rtruediv pow rpow neg pos",
	IntType: "add radd sub rsub mul rmul truediv rtruediv floordiv rfloordiv mod rmod pow rpow" +
		" lshift rlshift rshift rrshift and rand or ror xor rxor neg pos invert",
	BoolType: "add radd sub rsub mul rmul truediv rtruediv floordiv rfloordiv mod rmod pow rpow" +
		" lshift rlshift rshift rrshift and rand or ror xor rxor neg pos invert",
}

// operatorDunderAllowed reports whether the built-in type t defines the
// operator dunder name (e.g. "__rsub__").
func operatorDunderAllowed(t *Type, name string) bool {
	set, ok := numericDunders[t]
	if !ok {
		return true
	}
	short := strings.TrimSuffix(strings.TrimPrefix(name, "__"), "__")
	for _, s := range strings.Fields(set) {
		if s == short {
			return true
		}
	}
	return false
}
