package vm

// NotImplemented is returned by binary and comparison slots (and user
// __add__, __eq__, ...) to say "try the other operand".
var NotImplemented = Value{o: notImplementedObject}

// Ellipsis is the value of `...`.
var Ellipsis = Value{o: ellipsisObject}

type notImplementedObj struct{ _ byte }
type ellipsisObj struct{ _ byte }

var (
	notImplementedObject Object = &notImplementedObj{}
	ellipsisObject       Object = &ellipsisObj{}
)

func (*notImplementedObj) Type() *Type { return NotImplementedType }
func (*ellipsisObj) Type() *Type       { return EllipsisType }

// IsNotImplemented reports whether v is the NotImplemented singleton.
func (v Value) IsNotImplemented() bool { return v.o == notImplementedObject }

func init() {
	NotImplementedType.Repr = func(th *Thread, v Value) (string, error) { return "NotImplemented", nil }
	NotImplementedType.Hash = identityHashSlot
	EllipsisType.Repr = func(th *Thread, v Value) (string, error) { return "Ellipsis", nil }
	EllipsisType.Hash = identityHashSlot
	for _, t := range []*Type{BuiltinFunctionType, MethodDescriptorType} {
		t.Hash = identityHashSlot
	}
	BuiltinFunctionType.Repr = func(th *Thread, v Value) (string, error) {
		b := v.o.(*Builtin)
		if !b.Self.IsNull() {
			return "<built-in method " + b.Name + " of " + TypeName(b.Self) + " object at " + addrString(b.Self) + ">", nil
		}
		return "<built-in function " + b.Name + ">", nil
	}
	MethodDescriptorType.Repr = func(th *Thread, v Value) (string, error) {
		m := v.o.(*MethodDescr)
		return "<method '" + m.Name + "' of '" + m.Owner.Name + "' objects>", nil
	}
}
