package vm

// The built-in types. CONTRACT (owned by the objects work): these variables
// name the types; their slots and methods are filled at init.
var (
	TypeType             = &Type{Name: "type"}
	ObjectType           = &Type{Name: "object"}
	IntType              = &Type{Name: "int"}
	FloatType            = &Type{Name: "float"}
	BoolType             = &Type{Name: "bool"}
	NoneType             = &Type{Name: "NoneType"}
	StrType              = &Type{Name: "str"}
	DictType             = &Type{Name: "dict"}
	BuiltinFunctionType  = &Type{Name: "builtin_function_or_method"}
	MethodDescriptorType = &Type{Name: "method_descriptor"}
)
