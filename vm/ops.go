package vm

import (
	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/vm/compile"
)

// The generic operations: what the interpreter's opcodes and the builtins
// call. Each tries the unboxed fast paths first, then the type slots, with
// CPython's rules for reflected operands and its exact TypeError messages.

// TypeName returns the name of v's type, as error messages show it.
func TypeName(v Value) string { return v.Type().Name }

// BinaryOp computes a op b; op may be an in-place operator
// (compile.InplaceOffset+op), which tries the left operand's in-place slot
// and falls back to the plain operator.
func BinaryOp(th *Thread, op compile.BinaryOp, a, b Value) (Value, error) {
	if a.o == intKind && b.o == intKind {
		base := op
		if base >= compile.InplaceOffset {
			base -= compile.InplaceOffset
		}
		return intBinary(base, int64(a.n), int64(b.n))
	}
	if a.o == floatKind && b.o == floatKind {
		base := op
		if base >= compile.InplaceOffset {
			base -= compile.InplaceOffset
		}
		if base <= compile.BinPow && base != compile.BinMatMul {
			return floatBinary(base, a.AsFloat(), b.AsFloat())
		}
	}
	ta, tb := a.Type(), b.Type()
	if op >= compile.InplaceOffset {
		if ta.Binary != nil {
			r, err := ta.Binary(th, op, a, b, false)
			if err != nil || !r.IsNotImplemented() {
				return r, err
			}
		}
		r, err := binaryOp1(th, op-compile.InplaceOffset, a, b, ta, tb)
		if err != nil || !r.IsNotImplemented() {
			return r, err
		}
		return NULL, binaryOpError(op, a, b, ta, tb)
	}
	r, err := binaryOp1(th, op, a, b, ta, tb)
	if err != nil || !r.IsNotImplemented() {
		return r, err
	}
	return NULL, binaryOpError(op, a, b, ta, tb)
}

// binaryOp1 is CPython's binary_op1: the left operand's slot, then the right
// operand's reflected slot — the right one first when its type is a proper
// subclass of the left's.
func binaryOp1(th *Thread, op compile.BinaryOp, a, b Value, ta, tb *Type) (Value, error) {
	slotw := tb.Binary
	if ta == tb {
		slotw = nil
	}
	if ta.Binary != nil {
		if slotw != nil && tb.IsSubtype(ta) {
			r, err := slotw(th, op, b, a, true)
			if err != nil || !r.IsNotImplemented() {
				return r, err
			}
			slotw = nil
		}
		r, err := ta.Binary(th, op, a, b, false)
		if err != nil || !r.IsNotImplemented() {
			return r, err
		}
	}
	if slotw != nil {
		return slotw(th, op, b, a, true)
	}
	return NotImplemented, nil
}

// isSequenceType reports whether t concatenates and repeats (str, bytes,
// list, tuple and their subclasses): their errors have their own wording.
func seqBase(t *Type) *Type {
	for _, s := range []*Type{StrType, ListType, TupleType, BytesType, ByteArrayType} {
		if t.IsSubtype(s) {
			return s
		}
	}
	return nil
}

func binaryOpError(op compile.BinaryOp, a, b Value, ta, tb *Type) error {
	base := op
	if base >= compile.InplaceOffset {
		base -= compile.InplaceOffset
	}
	switch base {
	case compile.BinAdd:
		if s := seqBase(ta); s != nil {
			if s == BytesType || s == ByteArrayType {
				return NewError(TypeErrorType, "can't concat %s to %s", tb.Name, ta.Name)
			}
			return NewError(TypeErrorType, "can only concatenate %s (not \"%s\") to %s", s.Name, tb.Name, s.Name)
		}
	case compile.BinMul:
		if seqBase(ta) != nil {
			return NewError(TypeErrorType, "can't multiply sequence by non-int of type '%s'", tb.Name)
		}
		if seqBase(tb) != nil {
			return NewError(TypeErrorType, "can't multiply sequence by non-int of type '%s'", ta.Name)
		}
	case compile.BinPow:
		return NewError(TypeErrorType, "unsupported operand type(s) for ** or pow(): '%s' and '%s'", ta.Name, tb.Name)
	}
	return NewError(TypeErrorType, "unsupported operand type(s) for %s: '%s' and '%s'", op.Symbol(), ta.Name, tb.Name)
}

// UnaryOp computes -v, +v, ~v (and `not v`).
func UnaryOp(th *Thread, op ast.Op, v Value) (Value, error) {
	switch v.o {
	case intKind:
		i := int64(v.n)
		switch op {
		case ast.USub:
			if i != -1<<63 {
				return Int(-i), nil
			}
		case ast.UAdd:
			return v, nil
		case ast.Invert:
			return Int(^i), nil
		}
	case floatKind:
		switch op {
		case ast.USub:
			return Float(-v.AsFloat()), nil
		case ast.UAdd:
			return v, nil
		}
	}
	if op == ast.Not {
		t, err := Truth(th, v)
		return Bool(!t), err
	}
	t := v.Type()
	if t.Unary != nil {
		r, err := t.Unary(th, byte(op), v)
		if err != nil || !r.IsNotImplemented() {
			return r, err
		}
	}
	return NULL, NewError(TypeErrorType, "bad operand type for unary %s: '%s'", op.String(), t.Name)
}

// CompareOp computes a op b (a rich comparison: the result may be any value).
func CompareOp(th *Thread, op compile.CompareOp, a, b Value) (Value, error) {
	switch {
	case a.o == intKind && b.o == intKind:
		x, y := int64(a.n), int64(b.n)
		c := 0
		if x < y {
			c = -1
		} else if x > y {
			c = 1
		}
		return Bool(cmpResult(c, op)), nil
	case a.o == floatKind && b.o == floatKind:
		return Bool(floatCmpResult(cmpFloats(a.AsFloat(), b.AsFloat()), op)), nil
	}
	if sa, ok := a.o.(*Str); ok && sa.ext == nil {
		if sb, ok := b.o.(*Str); ok && sb.ext == nil {
			return Bool(cmpResult(cmpStrings(sa.s, sb.s), op)), nil
		}
	}
	ta, tb := a.Type(), b.Type()
	reversed := false
	if ta != tb && tb.Compare != nil && tb.IsSubtype(ta) {
		reversed = true
		r, err := tb.Compare(th, b, a, op.Swapped())
		if err != nil || !r.IsNotImplemented() {
			return r, err
		}
	}
	if ta.Compare != nil {
		r, err := ta.Compare(th, a, b, op)
		if err != nil || !r.IsNotImplemented() {
			return r, err
		}
	}
	if !reversed && tb.Compare != nil {
		r, err := tb.Compare(th, b, a, op.Swapped())
		if err != nil || !r.IsNotImplemented() {
			return r, err
		}
	}
	switch op {
	case compile.CmpEq:
		return Bool(a.Is(b)), nil
	case compile.CmpNe:
		return Bool(!a.Is(b)), nil
	}
	return NULL, NewError(TypeErrorType, "'%s' not supported between instances of '%s' and '%s'", op.Symbol(), ta.Name, tb.Name)
}

func cmpStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Equal reports a == b where identity implies equality, as CPython's
// PyObject_RichCompareBool used by containers (x in list, list ==, dict
// keys, list.index, deque.count). A NaN is identical only to itself (see
// float_nan.go).
func Equal(th *Thread, a, b Value) (bool, error) {
	if a.Is(b) {
		return true, nil
	}
	if a.o == intKind && b.o == intKind {
		return false, nil // same bits were caught by Is
	}
	if sa, ok := a.o.(*Str); ok && sa.ext == nil {
		if sb, ok := b.o.(*Str); ok && sb.ext == nil {
			return sa.s == sb.s, nil
		}
	}
	r, err := CompareOp(th, compile.CmpEq, a, b)
	if err != nil {
		return false, err
	}
	return Truth(th, r)
}

// Truth returns bool(v).
func Truth(th *Thread, v Value) (bool, error) {
	switch v.o {
	case boolKind, intKind:
		return v.n != 0, nil
	case floatKind:
		return v.AsFloat() != 0, nil
	case noneObject:
		return false, nil
	}
	if s, ok := v.o.(*Str); ok && s.ext == nil {
		return len(s.s) != 0, nil
	}
	t := v.Type()
	if t.Bool != nil {
		return t.Bool(th, v)
	}
	if t.Len != nil {
		n, err := t.Len(th, v)
		return n != 0, err
	}
	return true, nil
}

// Repr returns repr(v). Containers guard against cycles with reprEnter.
func Repr(th *Thread, v Value) (string, error) {
	switch v.o {
	case intKind:
		return intString(v), nil
	case floatKind:
		return FloatRepr(v.AsFloat()), nil
	}
	if s, ok := v.o.(*Str); ok && s.ext == nil {
		return StrRepr(s.s), nil
	}
	t := v.Type()
	if t.Repr != nil {
		return t.Repr(th, v)
	}
	return defaultRepr(v), nil
}

// defaultRepr is object.__repr__: "<mod.Name object at 0x...>".
func defaultRepr(v Value) string {
	t := v.Type()
	name := t.QualName
	if name == "" {
		name = t.Name
	}
	if t.Module != "" && t.Module != "builtins" {
		name = t.Module + "." + name
	}
	return "<" + name + " object at " + addrString(v) + ">"
}

// ToStr returns str(v).
func ToStr(th *Thread, v Value) (string, error) {
	if s, ok := v.o.(*Str); ok && s.ext == nil {
		return s.s, nil
	}
	if v.o == intKind {
		return intString(v), nil
	}
	t := v.Type()
	if t.Str != nil {
		return t.Str(th, v)
	}
	return Repr(th, v)
}

// Format returns format(v, spec).
func Format(th *Thread, v Value, spec string) (string, error) {
	t := v.Type()
	if t.Format != nil {
		return t.Format(th, v, spec)
	}
	if spec == "" {
		return ToStr(th, v)
	}
	return "", NewError(TypeErrorType, "unsupported format string passed to %s.__format__", t.Name)
}

// Len returns len(v).
func Len(th *Thread, v Value) (int, error) {
	switch o := v.o.(type) {
	case *Str:
		if o.ext == nil {
			return o.Len(), nil
		}
	case *List:
		if o.ext == nil {
			return len(o.Items), nil
		}
	case *Tuple:
		if o.ext == nil {
			return len(o.Items), nil
		}
	case *Dict:
		if o.ext == nil {
			return o.used, nil
		}
	}
	t := v.Type()
	if t.Len == nil {
		return 0, NewError(TypeErrorType, "object of type '%s' has no len()", t.Name)
	}
	return t.Len(th, v)
}

// GetItem returns c[k].
func GetItem(th *Thread, c, k Value) (Value, error) {
	if k.o == intKind {
		switch o := c.o.(type) {
		case *List:
			if o.ext != nil {
				break
			}
			i := int64(k.n)
			if i < 0 {
				i += int64(len(o.Items))
			}
			if uint64(i) < uint64(len(o.Items)) {
				return o.Items[i], nil
			}
		case *Tuple:
			if o.ext != nil {
				break
			}
			i := int64(k.n)
			if i < 0 {
				i += int64(len(o.Items))
			}
			if uint64(i) < uint64(len(o.Items)) {
				return o.Items[i], nil
			}
		}
	}
	if d, ok := c.o.(*Dict); ok && d.ext == nil {
		return dictGetItem(th, d, k)
	}
	t := c.Type()
	if t.GetItem == nil {
		return NULL, NewError(TypeErrorType, "'%s' object is not subscriptable", t.Name)
	}
	return t.GetItem(th, c, k)
}

// SetItem sets c[k] = v, or deletes c[k] when v is NULL.
func SetItem(th *Thread, c, k, v Value) error {
	if l, ok := c.o.(*List); ok && l.ext == nil && k.o == intKind && !v.IsNull() {
		i := int64(k.n)
		if i < 0 {
			i += int64(len(l.Items))
		}
		if uint64(i) < uint64(len(l.Items)) {
			l.Items[i] = v
			return nil
		}
	}
	t := c.Type()
	if t.SetItem == nil {
		if v.IsNull() {
			return NewError(TypeErrorType, "'%s' object doesn't support item deletion", t.Name)
		}
		return NewError(TypeErrorType, "'%s' object does not support item assignment", t.Name)
	}
	return t.SetItem(th, c, k, v)
}

// Contains reports x in c.
func Contains(th *Thread, c, x Value) (bool, error) {
	t := c.Type()
	if t.Contains != nil {
		return t.Contains(th, c, x)
	}
	if t.Iter == nil && t.GetItem == nil {
		return false, NewError(TypeErrorType, "argument of type '%s' is not iterable", t.Name)
	}
	found := false
	err := Iterate(th, c, func(v Value) error {
		eq, err := Equal(th, v, x)
		if err != nil {
			return err
		}
		if eq {
			found = true
			return errStopIteration
		}
		return nil
	})
	if err == errStopIteration {
		err = nil
	}
	return found, err
}

// errStopIteration ends an Iterate walk early (never escapes to users).
var errStopIteration = &stopWalk{}

type stopWalk struct{}

func (*stopWalk) Error() string { return "stop iteration walk" }

// Iter returns iter(v).
func Iter(th *Thread, v Value) (Value, error) {
	t := v.Type()
	if t.Iter != nil {
		return t.Iter(th, v)
	}
	if t.GetItem != nil && t.Flags&TypeHeap != 0 {
		return Value{o: &seqIterator{seq: v}}, nil
	}
	return NULL, NewError(TypeErrorType, "'%s' object is not iterable", t.Name)
}

// Next returns next(it), or NULL, nil when it is exhausted.
func Next(th *Thread, it Value) (Value, error) {
	t := it.Type()
	if t.Next == nil {
		return NULL, NewError(TypeErrorType, "'%s' object is not an iterator", t.Name)
	}
	return t.Next(th, it)
}

// Iterate calls f for each item of v; f may return errStopIteration to stop
// early (Iterate then returns errStopIteration). Lists, tuples, strs, ranges
// and dicts are walked without an iterator object.
func Iterate(th *Thread, v Value, f func(Value) error) error {
	switch o := v.o.(type) {
	case *List:
		if o.ext != nil {
			break
		}
		for i := 0; i < len(o.Items); i++ {
			if err := f(o.Items[i]); err != nil {
				return err
			}
		}
		return nil
	case *Tuple:
		if o.ext != nil {
			break
		}
		for _, x := range o.Items {
			if err := f(x); err != nil {
				return err
			}
		}
		return nil
	case *Range:
		for i := int64(0); i < o.n; i++ {
			if err := f(Int(o.Start + i*o.Step)); err != nil {
				return err
			}
		}
		return nil
	case *Str:
		if o.ext != nil {
			break
		}
		if o.IsASCII() {
			for i := 0; i < len(o.s); i++ {
				if err := f(asciiChars[o.s[i]]); err != nil {
					return err
				}
			}
			return nil
		}
		for _, r := range o.s {
			if err := f(charStr(r)); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := Iter(th, v)
	if err != nil {
		return err
	}
	for {
		x, err := Next(th, it)
		if err != nil {
			return err
		}
		if x.IsNull() {
			return nil
		}
		if err := f(x); err != nil {
			return err
		}
	}
}

// ToSlice returns the items of an iterable as a fresh slice.
func ToSlice(th *Thread, v Value) ([]Value, error) {
	switch o := v.o.(type) {
	case *List:
		if o.ext == nil {
			return cloneValues(o.Items), nil
		}
	case *Tuple:
		if o.ext == nil {
			return cloneValues(o.Items), nil
		}
	}
	var out []Value
	err := Iterate(th, v, func(x Value) error {
		out = append(out, x)
		return nil
	})
	return out, err
}

// seqIterator iterates an object through __getitem__ with 0, 1, 2, ...
// until IndexError (the old sequence protocol).
type seqIterator struct {
	seq Value
	i   int64
}

func (*seqIterator) Type() *Type { return SeqIteratorType }

func init() {
	SeqIteratorType.Iter = selfIter
	SeqIteratorType.Hash = identityHashSlot
	SeqIteratorType.Next = func(th *Thread, v Value) (Value, error) {
		it := v.o.(*seqIterator)
		if it.seq.IsNull() {
			return NULL, nil
		}
		x, err := GetItem(th, it.seq, Int(it.i))
		if err != nil {
			if e, ok := err.(*Exception); ok && (e.Type().IsSubtype(IndexErrorType) || e.Type().IsSubtype(StopIterationType)) {
				it.seq = NULL
				return NULL, nil
			}
			return NULL, err
		}
		it.i++
		return x, nil
	}
}

// selfIter is the Iter slot of iterators: iter(it) is it.
func selfIter(th *Thread, v Value) (Value, error) { return v, nil }
