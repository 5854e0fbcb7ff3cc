package vm

// The built-in types. CONTRACT (owned by the objects work): these variables
// name the types; their slots and methods are filled at init by the file of
// each type. TypeType and ObjectType get their slots from the interpreter's
// type machinery; only their place in the hierarchy is set here.
var (
	TypeType             = &Type{Name: "type"}
	ObjectType           = &Type{Name: "object"}
	IntType              = &Type{Name: "int"}
	FloatType            = &Type{Name: "float"}
	BoolType             = &Type{Name: "bool"}
	NoneType             = &Type{Name: "NoneType"}
	StrType              = &Type{Name: "str"}
	BytesType            = &Type{Name: "bytes"}
	ByteArrayType        = &Type{Name: "bytearray"}
	ListType             = &Type{Name: "list"}
	TupleType            = &Type{Name: "tuple"}
	DictType             = &Type{Name: "dict"}
	SetType              = &Type{Name: "set"}
	FrozenSetType        = &Type{Name: "frozenset"}
	RangeType            = &Type{Name: "range"}
	SliceType            = &Type{Name: "slice"}
	NotImplementedType   = &Type{Name: "NotImplementedType"}
	EllipsisType         = &Type{Name: "ellipsis"}
	BuiltinFunctionType  = &Type{Name: "builtin_function_or_method"}
	MethodDescriptorType = &Type{Name: "method_descriptor"}

	// Iterators and views.
	ListIteratorType        = &Type{Name: "list_iterator"}
	ListReverseIteratorType = &Type{Name: "list_reverseiterator"}
	TupleIteratorType       = &Type{Name: "tuple_iterator"}
	StrIteratorType         = &Type{Name: "str_ascii_iterator"}
	BytesIteratorType       = &Type{Name: "bytes_iterator"}
	ByteArrayIteratorType   = &Type{Name: "bytearray_iterator"}
	RangeIteratorType       = &Type{Name: "range_iterator"}
	SetIteratorType         = &Type{Name: "set_iterator"}
	DictKeyIteratorType     = &Type{Name: "dict_keyiterator"}
	DictValueIteratorType   = &Type{Name: "dict_valueiterator"}
	DictItemIteratorType    = &Type{Name: "dict_itemiterator"}
	DictRevKeyIteratorType  = &Type{Name: "dict_reversekeyiterator"}
	DictRevValueIterType    = &Type{Name: "dict_reversevalueiterator"}
	DictRevItemIterType     = &Type{Name: "dict_reverseitemiterator"}
	DictKeysType            = &Type{Name: "dict_keys"}
	DictValuesType          = &Type{Name: "dict_values"}
	DictItemsType           = &Type{Name: "dict_items"}
	SeqIteratorType         = &Type{Name: "iterator"}
)

// subclassable lists the built-in types that user classes may extend.
var subclassable = []*Type{
	ObjectType, TypeType, IntType, FloatType, ComplexType, StrType, BytesType, ByteArrayType,
	ListType, TupleType, DictType, SetType, FrozenSetType,
}

// allBuiltinTypes lists every type whose hierarchy is set up here.
var allBuiltinTypes = []*Type{
	TypeType, ObjectType, IntType, FloatType, ComplexType, BoolType, NoneType, StrType,
	BytesType, ByteArrayType, ListType, TupleType, DictType, SetType,
	FrozenSetType, RangeType, SliceType, NotImplementedType, EllipsisType,
	BuiltinFunctionType, MethodDescriptorType,
	ListIteratorType, ListReverseIteratorType, TupleIteratorType,
	StrIteratorType, BytesIteratorType, ByteArrayIteratorType,
	RangeIteratorType, SetIteratorType, DictKeyIteratorType,
	DictValueIteratorType, DictItemIteratorType, DictRevKeyIteratorType,
	DictRevValueIterType, DictRevItemIterType, DictKeysType, DictValuesType,
	DictItemsType, SeqIteratorType,
}

func init() {
	for _, t := range allBuiltinTypes {
		t.Module = "builtins"
		if t.QualName == "" {
			t.QualName = t.Name
		}
		if t.Dict == nil {
			t.Dict = NewDict()
		}
		switch t {
		case ObjectType:
			t.MRO = []*Type{ObjectType}
		case BoolType:
			t.Bases = []*Type{IntType}
			t.MRO = []*Type{BoolType, IntType, ObjectType}
		default:
			t.Bases = []*Type{ObjectType}
			t.MRO = []*Type{t, ObjectType}
		}
	}
	for _, t := range subclassable {
		t.Flags |= TypeBaseType
	}
}

// subExt is carried by a built-in object (list, dict, set, tuple, str,
// bytes) that is an instance of a user subclass (class L(list): ...): its
// class and its attribute dict. Plain built-in instances have none, so their
// fast paths only test a nil pointer.
type subExt struct {
	typ  *Type
	dict *Dict
}

func newSubExt(t *Type, base *Type) *subExt {
	if t == nil || t == base {
		return nil
	}
	return &subExt{typ: t, dict: NewDict()}
}

// BuiltinInstanceDict returns the attribute dict of a built-in object that
// is an instance of a user subclass (class L(list)), or nil.
func BuiltinInstanceDict(v Value) *Dict {
	var e *subExt
	switch o := v.o.(type) {
	case *List:
		e = o.ext
	case *Dict:
		e = o.ext
	case *Tuple:
		e = o.ext
	case *Set:
		e = o.ext
	case *Str:
		e = o.ext
	case *Bytes:
		e = o.ext
	case *numSub:
		e = &o.ext
	}
	if e == nil {
		return subDict(v.o)
	}
	return e.dict
}

// initOverridden reports whether the user class t defines its own
// __init__ instead of the built-in base's (the base then leaves filling
// the new object to base.__init__, called through super()).
func initOverridden(t, base *Type) bool {
	if t == base || t == nil {
		return false
	}
	m := t.Lookup("__init__")
	md, ok := m.o.(*MethodDescr)
	return !ok || md.Owner != base
}
