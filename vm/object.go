package vm

import "github.com/pya-lang/pya/vm/compile"

// Object is any boxed pya value.
type Object interface {
	Type() *Type
}

// NativeFunc is the signature of functions written in Go. Arguments arrive
// vectorcall-style: args holds the positional arguments followed by the
// values of the keyword arguments, whose names are kwnames (so the last
// len(kwnames) entries of args are keyword values). A native must not keep
// args after it returns.
//
// Errors are values: a native raises by returning a non-nil error, normally
// an *Exception built with NewError; any other Go error is converted at the
// native boundary (see ErrorToException).
type NativeFunc func(th *Thread, args []Value, kwnames []string) (Value, error)

// Type is a class: a built-in type or a user-defined class (Heap). Built-in
// types fill the slots with Go functions; user classes get slots that look the
// corresponding dunder method up through the MRO and call it (see
// fillHeapTypeSlots), so generic operations dispatch through one slot call
// whatever the type.
//
// A nil slot means the operation is not supported (the generic operation in
// ops.go raises the right TypeError). Binary and Compare return the
// NotImplemented value when they do not handle the other operand, so that the
// generic operation can try the reflected operation, as CPython does.
type Type struct {
	Name     string
	QualName string
	Module   string // "builtins" for built-in types
	Doc      Value
	Bases    []*Type
	MRO      []*Type // the type itself first (C3 linearization)
	Dict     *Dict   // attributes: methods, class variables, descriptors
	Flags    TypeFlags
	Meta     *Type // the metaclass (type(cls)); nil means TypeType

	// SubclassVia, when set on a native type, gives the class that user
	// classes listing this type as a base extend instead: a pure-pya
	// twin written over it (class MyQueue(asyncio.Queue) gets CPython's
	// Python Queue, whose _init/_put/_get hooks it may override). nil
	// means no substitution (the twin itself is being defined).
	SubclassVia func(th *Thread) (*Type, error)

	// heapSubclasses lists the direct subclasses of a heap type, to refresh
	// their slots when a dunder is assigned on it; slotNames holds the
	// class's own __slots__. Both are per type rather than process-wide maps
	// so that interpreters in parallel goroutines share nothing mutable.
	heapSubclasses []*Type
	slotNames      []string

	// Construction: New creates the instance (__new__), Init initializes it (__init__).
	New  func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error)
	Init func(th *Thread, self Value, args []Value, kwnames []string) error

	// Call makes instances callable (functions, bound methods, types, __call__).
	Call func(th *Thread, callee Value, args []Value, kwnames []string) (Value, error)

	Repr func(th *Thread, v Value) (string, error)
	Str  func(th *Thread, v Value) (string, error) // nil: use Repr
	// Format implements format(v, spec) (__format__); nil: str(v) when spec is "".
	Format func(th *Thread, v Value, spec string) (string, error)
	Hash   func(th *Thread, v Value) (int64, error) // nil: unhashable
	Bool   func(th *Thread, v Value) (bool, error)  // nil: Len, else true
	Len    func(th *Thread, v Value) (int, error)

	// Compare returns NotImplemented when it does not handle other.
	Compare func(th *Thread, v, other Value, op compile.CompareOp) (Value, error)
	// Binary computes v op other (or other op v when reflected, with v the
	// right operand); op is a plain binary operator or an in-place one
	// (compile.InplaceOffset+op), for which returning NotImplemented falls back
	// to the plain operator. It returns NotImplemented when it does not apply.
	Binary func(th *Thread, op compile.BinaryOp, v, other Value, reflected bool) (Value, error)
	// Unary implements -v, +v, ~v (op is ast.USub, ast.UAdd, ast.Invert as a byte).
	Unary func(th *Thread, op byte, v Value) (Value, error)

	// Attributes. GetAttr returns NULL, nil when the attribute does not exist
	// (the caller raises AttributeError with CPython's message), so that
	// getattr(x, n, default) and hasattr need no exception.
	GetAttr func(th *Thread, v Value, name string) (Value, error)
	SetAttr func(th *Thread, v Value, name string, val Value) error // val NULL deletes

	// Descriptors: DescrGet binds v (found in a class dict) to obj
	// (NULL when looked up on the class itself); DescrSet makes a data descriptor.
	DescrGet func(th *Thread, v, obj Value, owner *Type) (Value, error)
	DescrSet func(th *Thread, v, obj, val Value) error // val NULL deletes

	// Containers.
	GetItem  func(th *Thread, v, key Value) (Value, error)
	SetItem  func(th *Thread, v, key, val Value) error // val NULL deletes
	Contains func(th *Thread, v, x Value) (bool, error)
	Iter     func(th *Thread, v Value) (Value, error)
	// Next returns the next item, or NULL, nil when the iterator is exhausted
	// (no StopIteration object is made on the fast path).
	Next func(th *Thread, v Value) (Value, error)
}

// TypeFlags describe a type.
type TypeFlags uint32

const (
	TypeHeap     TypeFlags = 1 << iota // user-defined class
	TypeBaseType                       // may be subclassed
	TypeAbstract                       // cannot be instantiated
	// TypeNativeCoroutine: instances are coroutines written in Go that
	// implement UnawaitedReporter (see Thread.droppedNative).
	TypeNativeCoroutine
	// TypeDropNotify: instances implement ResultDropper, told when a
	// statement discards them as a call's result (see droppedResult).
	TypeDropNotify
)

// Type is itself an object, of type TypeType (or its metaclass).
func (t *Type) Type() *Type {
	if t.Meta != nil {
		return t.Meta
	}
	return TypeType
}

// IsSubtype reports whether t is sub (or equal to) base, through the MRO.
func (t *Type) IsSubtype(base *Type) bool {
	if t == base {
		return true
	}
	for _, m := range t.MRO {
		if m == base {
			return true
		}
	}
	return false
}

// Lookup finds name along the MRO (class attributes only; no descriptors
// are invoked). It returns NULL when absent.
func (t *Type) Lookup(name string) Value {
	for _, m := range t.MRO {
		if m.Dict == nil {
			continue
		}
		if v, ok := m.Dict.GetStr(name); ok {
			return v
		}
	}
	return NULL
}
