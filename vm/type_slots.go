package vm

import (
	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/vm/compile"
)

// User classes get their Type slots from the dunder methods defined along
// their MRO: a dunder defined in a user class installs a wrapper that calls
// it; otherwise the slot is inherited from the built-in base that provides
// it. fillHeapTypeSlots runs when the class is created and again when a
// dunder is assigned on it or on one of its bases.

// slotNames are the dunders that map to slots.
var slotNames = []string{
	"__new__", "__init__", "__call__", "__repr__", "__str__", "__format__", "__hash__",
	"__bool__", "__len__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
	"__getattribute__", "__getattr__", "__setattr__", "__delattr__", "__get__", "__set__", "__delete__",
	"__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__", "__next__",
	"__neg__", "__pos__", "__invert__",
}

// binaryDunders names the dunders of each binary operator: plain, reflected, in-place.
var binaryDunders = [compile.NumBinaryOps][3]string{
	compile.BinAdd:      {"__add__", "__radd__", "__iadd__"},
	compile.BinSub:      {"__sub__", "__rsub__", "__isub__"},
	compile.BinMul:      {"__mul__", "__rmul__", "__imul__"},
	compile.BinMatMul:   {"__matmul__", "__rmatmul__", "__imatmul__"},
	compile.BinTrueDiv:  {"__truediv__", "__rtruediv__", "__itruediv__"},
	compile.BinMod:      {"__mod__", "__rmod__", "__imod__"},
	compile.BinPow:      {"__pow__", "__rpow__", "__ipow__"},
	compile.BinLShift:   {"__lshift__", "__rlshift__", "__ilshift__"},
	compile.BinRShift:   {"__rshift__", "__rrshift__", "__irshift__"},
	compile.BinOr:       {"__or__", "__ror__", "__ior__"},
	compile.BinXor:      {"__xor__", "__rxor__", "__ixor__"},
	compile.BinAnd:      {"__and__", "__rand__", "__iand__"},
	compile.BinFloorDiv: {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
}

var compareDunders = [...]string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"}

// userDefined reports whether name is defined by a heap class along t's MRO
// before any built-in type defines it.
func userDefined(t *Type, name string) bool {
	for _, m := range t.MRO {
		if m.Dict == nil {
			continue
		}
		if _, ok := m.Dict.GetStr(name); ok {
			return m.Flags&TypeHeap != 0
		}
		if m.Flags&TypeHeap == 0 && builtinHasSlot(m, name) {
			return false
		}
	}
	return false
}

// builtinHasSlot reports whether the built-in type b implements name by a slot.
func builtinHasSlot(b *Type, name string) bool {
	switch name {
	case "__repr__":
		return b.Repr != nil
	case "__str__":
		return b.Str != nil
	case "__hash__":
		return b.Hash != nil
	case "__len__":
		return b.Len != nil
	case "__iter__":
		return b.Iter != nil
	case "__next__":
		return b.Next != nil
	case "__getitem__":
		return b.GetItem != nil
	case "__call__":
		return b.Call != nil
	case "__init__":
		return b.Init != nil
	case "__new__":
		return b.New != nil
	}
	return false
}

// fillHeapTypeSlots (re)computes the slots of the user class t.
func fillHeapTypeSlots(t *Type) {
	base := solidBase(t)
	// Start from the solid base's slots.
	t.New, t.Init, t.Call = base.New, base.Init, base.Call
	t.Repr, t.Str, t.Format, t.Hash, t.Bool, t.Len = base.Repr, base.Str, base.Format, base.Hash, base.Bool, base.Len
	t.Compare, t.Binary, t.Unary = base.Compare, base.Binary, base.Unary
	t.GetAttr, t.SetAttr, t.DescrGet, t.DescrSet = base.GetAttr, base.SetAttr, base.DescrGet, base.DescrSet
	t.GetItem, t.SetItem, t.Contains, t.Iter, t.Next = base.GetItem, base.SetItem, base.Contains, base.Iter, base.Next
	t.Flags &^= typeCustomGetAttr | typeMethodsChecked
	ud := func(name string) bool { return userDefined(t, name) }
	if ud("__new__") {
		t.New = slotNew
	}
	if ud("__init__") {
		t.Init = slotInit
	}
	if ud("__call__") {
		t.Call = slotCall
	}
	if ud("__repr__") {
		t.Repr = slotRepr
	}
	if ud("__str__") {
		t.Str = slotStr
	} else if ud("__repr__") && (base.Str == nil || base == ObjectType) {
		t.Str = nil
	}
	if ud("__format__") {
		t.Format = slotFormat
	}
	if ud("__hash__") {
		if h := t.Lookup("__hash__"); h.IsNone() {
			t.Hash = nil
		} else {
			t.Hash = slotHash
		}
	}
	if ud("__bool__") {
		t.Bool = slotBool
	}
	if ud("__len__") {
		t.Len = slotLen
	}
	for _, n := range compareDunders {
		if ud(n) {
			t.Compare = slotCompare
			break
		}
	}
	for _, ds := range binaryDunders {
		if ud(ds[0]) || ud(ds[1]) || ud(ds[2]) {
			t.Binary = slotBinary
			break
		}
	}
	if ud("__neg__") || ud("__pos__") || ud("__invert__") {
		t.Unary = slotUnary
	}
	if ud("__getattribute__") || ud("__getattr__") {
		t.GetAttr = slotGetAttr
		if ud("__getattribute__") {
			t.Flags |= typeCustomGetAttr
		}
	}
	if ud("__setattr__") || ud("__delattr__") {
		t.SetAttr = slotSetAttr
	}
	if ud("__get__") {
		t.DescrGet = slotDescrGet
	}
	if ud("__set__") || ud("__delete__") {
		t.DescrSet = slotDescrSet
	}
	if ud("__getitem__") {
		t.GetItem = slotGetItem
	}
	if ud("__setitem__") || ud("__delitem__") {
		t.SetItem = slotSetItem
	}
	if ud("__contains__") {
		t.Contains = slotContains
	}
	if ud("__iter__") {
		t.Iter = slotIter
	}
	if ud("__next__") {
		t.Next = slotNext
	}
	for _, sub := range t.heapSubclasses {
		fillHeapTypeSlots(sub)
	}
}

// callDunder looks name up on v's type and calls it with v and args; NULL
// (no error) when the type does not define it.
func callDunder(th *Thread, v Value, name string, args ...Value) (Value, error) {
	m := lookupSpecial(v, name)
	if m.IsNull() {
		return NULL, nil
	}
	return callSpecial(th, m, v, args...)
}

// mustDunder is callDunder for slots that exist only because the dunder does.
func mustDunder(th *Thread, v Value, name string, args ...Value) (Value, error) {
	r, err := callDunder(th, v, name, args...)
	if err == nil && r.IsNull() {
		return NULL, attributeError(v, name)
	}
	return r, err
}

func slotNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	m := t.Lookup("__new__")
	fn, err := descrGet(th, m, NULL, t)
	if err != nil {
		return NULL, err
	}
	buf := make([]Value, 0, len(args)+1)
	buf = append(buf, Value{o: t})
	buf = append(buf, args...)
	return th.Call(fn, buf, kwnames)
}

func slotInit(th *Thread, self Value, args []Value, kwnames []string) error {
	m := lookupSpecial(self, "__init__")
	var r Value
	var err error
	if fn, ok := m.o.(*Function); ok {
		buf := make([]Value, 0, len(args)+1)
		buf = append(buf, self)
		buf = append(buf, args...)
		r, err = th.callFunction(fn, buf, kwnames)
	} else {
		var b Value
		if b, err = bindSpecial(th, m, self); err != nil {
			return err
		}
		r, err = th.Call(b, args, kwnames)
	}
	if err != nil {
		return err
	}
	if !r.IsNone() {
		return NewError(TypeErrorType, "__init__() should return None, not '%s'", TypeName(r))
	}
	return nil
}

func slotCall(th *Thread, callee Value, args []Value, kwnames []string) (Value, error) {
	m := lookupSpecial(callee, "__call__")
	b, err := bindSpecial(th, m, callee)
	if err != nil {
		return NULL, err
	}
	return th.Call(b, args, kwnames)
}

// strResult checks that a __repr__/__str__/__format__ returned a str.
func strResult(r Value, err error, name string) (string, error) {
	if err != nil {
		return "", err
	}
	s, ok := r.o.(*Str)
	if !ok {
		return "", NewError(TypeErrorType, "%s returned non-string (type %s)", name, TypeName(r))
	}
	return s.s, nil
}

func slotRepr(th *Thread, v Value) (string, error) {
	r, err := mustDunder(th, v, "__repr__")
	return strResult(r, err, "__repr__")
}

func slotStr(th *Thread, v Value) (string, error) {
	r, err := mustDunder(th, v, "__str__")
	return strResult(r, err, "__str__")
}

func slotFormat(th *Thread, v Value, spec string) (string, error) {
	r, err := mustDunder(th, v, "__format__", NewStr(spec))
	if err != nil {
		return "", err
	}
	s, ok := r.o.(*Str)
	if !ok {
		return "", NewError(TypeErrorType, "__format__ must return a str, not %s", TypeName(r))
	}
	return s.s, nil
}

func slotHash(th *Thread, v Value) (int64, error) {
	r, err := mustDunder(th, v, "__hash__")
	if err != nil {
		return 0, err
	}
	if r.IsInt() {
		h := r.AsInt()
		if h == -1 {
			h = -2
		}
		return h, nil
	}
	if r.IsBool() {
		return r.AsInt(), nil
	}
	if _, ok := r.o.(*BigInt); ok {
		return Hash(th, r)
	}
	return 0, NewError(TypeErrorType, "__hash__ method should return an integer")
}

func slotBool(th *Thread, v Value) (bool, error) {
	r, err := mustDunder(th, v, "__bool__")
	if err != nil {
		return false, err
	}
	if !r.IsBool() {
		return false, NewError(TypeErrorType, "__bool__ should return bool, returned %s", TypeName(r))
	}
	return r.AsBool(), nil
}

func slotLen(th *Thread, v Value) (int, error) {
	r, err := mustDunder(th, v, "__len__")
	if err != nil {
		return 0, err
	}
	if _, big := r.o.(*BigInt); big {
		return 0, NewError(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
	}
	if !r.IsInt() && !r.IsBool() {
		return 0, NewError(TypeErrorType, "'%s' object cannot be interpreted as an integer", TypeName(r))
	}
	if r.AsInt() < 0 {
		return 0, NewError(ValueErrorType, "__len__() should return >= 0")
	}
	return int(r.AsInt()), nil
}

func slotCompare(th *Thread, v, other Value, op compile.CompareOp) (Value, error) {
	r, err := callDunder(th, v, compareDunders[op], other)
	if err != nil {
		return NULL, err
	}
	if r.IsNull() {
		if op == compile.CmpNe {
			// object.__ne__ inverts __eq__ unless it is NotImplemented.
			eq, err := callDunder(th, v, "__eq__", other)
			if err != nil || eq.IsNull() || eq.IsNotImplemented() {
				return NotImplemented, err
			}
			t, err := Truth(th, eq)
			return Bool(!t), err
		}
		if op == compile.CmpEq && v.Is(other) {
			return True, nil
		}
		return NotImplemented, nil
	}
	return r, nil
}

func slotBinary(th *Thread, op compile.BinaryOp, v, other Value, reflected bool) (Value, error) {
	var name string
	switch {
	case op >= compile.InplaceOffset:
		name = binaryDunders[op-compile.InplaceOffset][2]
	case reflected:
		name = binaryDunders[op][1]
	default:
		name = binaryDunders[op][0]
	}
	r, err := callDunder(th, v, name, other)
	if err != nil {
		return NULL, err
	}
	if r.IsNull() {
		// Not defined by the user class: the built-in base may handle it.
		if b := solidBase(v.Type()); b.Binary != nil {
			return b.Binary(th, op, v, other, reflected)
		}
		return NotImplemented, nil
	}
	return r, nil
}

func slotUnary(th *Thread, op byte, v Value) (Value, error) {
	name := map[ast.Op]string{ast.USub: "__neg__", ast.UAdd: "__pos__", ast.Invert: "__invert__"}[ast.Op(op)]
	r, err := callDunder(th, v, name)
	if err == nil && r.IsNull() {
		return NULL, NewError(TypeErrorType, "bad operand type for unary %s: '%s'", ast.Op(op).String(), TypeName(v))
	}
	return r, err
}

func slotGetAttr(th *Thread, v Value, name string) (Value, error) {
	t := v.Type()
	var r Value
	var err error
	if userDefined(t, "__getattribute__") {
		r, err = mustDunder(th, v, "__getattribute__", NewStr(name))
	} else if base := solidBase(t); base.GetAttr != nil {
		r, err = base.GetAttr(th, v, name)
	} else {
		r, err = genericGetAttr(th, v, name)
	}
	if err == nil && !r.IsNull() {
		return r, nil
	}
	if err != nil {
		if e, ok := err.(*Exception); !ok || !e.typ.IsSubtype(AttributeErrorType) {
			return NULL, err
		}
	}
	ga := lookupSpecial(v, "__getattr__")
	if ga.IsNull() {
		return r, err
	}
	return callSpecial(th, ga, v, NewStr(name))
}

func slotSetAttr(th *Thread, v Value, name string, val Value) error {
	var err error
	if val.IsNull() {
		if userDefined(v.Type(), "__delattr__") {
			_, err = mustDunder(th, v, "__delattr__", NewStr(name))
			return err
		}
	} else if userDefined(v.Type(), "__setattr__") {
		_, err = mustDunder(th, v, "__setattr__", NewStr(name), val)
		return err
	}
	return genericSetAttr(th, v, name, val)
}

func slotDescrGet(th *Thread, d, obj Value, owner *Type) (Value, error) {
	o := obj
	if o.IsNull() {
		o = None
	}
	return mustDunder(th, d, "__get__", o, Value{o: owner})
}

func slotDescrSet(th *Thread, d, obj, val Value) error {
	var err error
	if val.IsNull() {
		_, err = mustDunder(th, d, "__delete__", obj)
	} else {
		_, err = mustDunder(th, d, "__set__", obj, val)
	}
	return err
}

func slotGetItem(th *Thread, v, key Value) (Value, error) {
	return mustDunder(th, v, "__getitem__", key)
}

func slotSetItem(th *Thread, v, key, val Value) error {
	var err error
	if val.IsNull() {
		_, err = mustDunder(th, v, "__delitem__", key)
	} else {
		_, err = mustDunder(th, v, "__setitem__", key, val)
	}
	return err
}

func slotContains(th *Thread, v, x Value) (bool, error) {
	r, err := mustDunder(th, v, "__contains__", x)
	if err != nil {
		return false, err
	}
	return Truth(th, r)
}

func slotIter(th *Thread, v Value) (Value, error) {
	r, err := mustDunder(th, v, "__iter__")
	if err != nil {
		return NULL, err
	}
	if t := r.Type(); t.Next == nil && t.Lookup("__next__").IsNull() {
		return NULL, NewError(TypeErrorType, "iter() returned non-iterator of type '%s'", t.Name)
	}
	return r, nil
}

func slotNext(th *Thread, v Value) (Value, error) {
	r, err := mustDunder(th, v, "__next__")
	if err != nil {
		if e, ok := err.(*Exception); ok && e.typ.IsSubtype(StopIterationType) {
			return NULL, nil
		}
		return NULL, err
	}
	return r, nil
}
