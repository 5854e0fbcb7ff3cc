package vm

import (
	"fmt"
	"strings"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/vm/compile"
)

// Builtin is a function written in Go (type builtin_function_or_method).
// When Self is not NULL it is a bound method of a built-in type and Self is
// passed as args[0].
type Builtin struct {
	Name string
	Fn   NativeFunc
	Self Value
	// descr is the method descriptor this bound method came from (nil for
	// plain functions): its owner gives __qualname__ and __objclass__, and
	// a slot wrapper's binding is a method-wrapper.
	descr *MethodDescr
}

func (b *Builtin) Type() *Type {
	if b.descr != nil && b.descr.slot {
		return MethodWrapperType
	}
	return BuiltinFunctionType
}

func (d *MethodDescr) Type() *Type {
	if d.slot {
		return WrapperDescriptorType
	}
	return MethodDescriptorType
}

// NewBuiltin returns a built-in function value.
func NewBuiltin(name string, fn NativeFunc) Value {
	return Value{o: &Builtin{Name: name, Fn: fn}}
}

// MethodDescr is a method of a built-in type, stored in the type's Dict
// (type method_descriptor). Fn receives the instance as args[0]. Looking it up
// on an instance binds it (a *Builtin with Self); LOAD_METHOD/CALL_METHOD call
// Fn directly without binding.
type MethodDescr struct {
	Name  string
	Owner *Type
	Fn    NativeFunc
	slot  bool // a slot wrapper (int.__add__): type wrapper_descriptor
	// unbound is the function LOAD_METHOD pushes (called with self as its
	// first argument), made once rather than per call.
	unbound *Builtin
}

func newMethodDescr(name string, owner *Type, fn NativeFunc) *MethodDescr {
	return &MethodDescr{Name: name, Owner: owner, Fn: fn, slot: isSlotWrapper(owner, name), unbound: &Builtin{Name: name, Fn: fn}}
}

// AddMethods installs methods of a built-in type: name -> implementation
// (with self as args[0]).
func (t *Type) AddMethods(methods map[string]NativeFunc) {
	if t.Dict == nil {
		t.Dict = NewDict()
	}
	for name, fn := range methods {
		t.Dict.SetStr(name, Value{o: newMethodDescr(name, t, fn)})
	}
}

// ParseArgs binds a native's arguments to parameter names, in order, storing
// them through out (one pointer per name). A name ending in "?" is optional:
// its Value is left unchanged when absent (callers preset defaults or NULL).
// A name starting with "$" is keyword-only (from there on). Errors use
// CPython's wording, e.g. "f() takes at most 2 arguments (3 given)",
// "f() missing required argument 'x' (pos 1)", "f() got an unexpected keyword
// argument 'y'".
func ParseArgs(fname string, args []Value, kwnames []string, names []string, out ...*Value) error {
	var buf [8]Value // no allocation for the usual few parameters
	vals := buf[:0]
	if len(out) <= len(buf) {
		vals = buf[:len(out)]
	} else {
		vals = make([]Value, len(out))
	}
	for i, p := range out {
		vals[i] = *p
	}
	err := ParseArgsInto(fname, args, kwnames, names, vals)
	for i, p := range out {
		*p = vals[i]
	}
	return err
}

// ParseArgsInto is ParseArgs storing into out[i] for names[i]: a caller
// with a fixed parameter list can bind into an array on its stack.
func ParseArgsInto(fname string, args []Value, kwnames []string, names []string, out []Value) error {
	npos := len(args) - len(kwnames)
	maxPos := 0
	for _, n := range names {
		if strings.HasPrefix(n, "$") {
			break
		}
		maxPos++
	}
	if npos > maxPos {
		if maxPos == 0 {
			return NewError(TypeErrorType, "%s() takes no positional arguments", fname)
		}
		return NewError(TypeErrorType, "%s() takes at most %d argument%s (%d given)", fname, maxPos, plural(maxPos), npos)
	}
	for i := 0; i < npos; i++ {
		out[i] = args[i]
	}
	for j, kw := range kwnames {
		found := false
		for i, n := range names {
			n = strings.TrimSuffix(strings.TrimPrefix(n, "$"), "?")
			if n == kw {
				if i < npos {
					return NewError(TypeErrorType, "argument for %s() given by name ('%s') and position (%d)", fname, kw, i+1)
				}
				out[i] = args[npos+j]
				found = true
				break
			}
		}
		if !found {
			return NewError(TypeErrorType, "%s() got an unexpected keyword argument '%s'", fname, kw)
		}
	}
	for i, n := range names {
		if strings.HasSuffix(n, "?") || !out[i].IsNull() {
			continue
		}
		n = strings.TrimPrefix(n, "$")
		return NewError(TypeErrorType, "%s() missing required argument '%s' (pos %d)", fname, n, i+1)
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// errorf is shorthand for NewError with a TypeError.
func typeErrorf(format string, args ...any) error {
	return NewError(TypeErrorType, "%s", fmt.Sprintf(format, args...))
}

// Argument checks for methods of built-in types, where args[0] is self.
// Their messages are CPython's for METH_O, METH_NOARGS and positional-only
// Argument Clinic methods.

// argsOne checks a METH_O method: exactly one argument after self.
func argsOne(fname string, args []Value, kwnames []string) error {
	if len(kwnames) > 0 {
		return NewError(TypeErrorType, "%s() takes no keyword arguments", fname)
	}
	if len(args) != 2 {
		return NewError(TypeErrorType, "%s() takes exactly one argument (%d given)", fname, len(args)-1)
	}
	return nil
}

// argsNone checks a METH_NOARGS method.
func argsNone(fname string, args []Value, kwnames []string) error {
	if len(kwnames) > 0 {
		return NewError(TypeErrorType, "%s() takes no keyword arguments", fname)
	}
	if len(args) != 1 {
		return NewError(TypeErrorType, "%s() takes no arguments (%d given)", fname, len(args)-1)
	}
	return nil
}

// argsRange checks a positional-only method taking min..max arguments
// after self ("insert expected 2 arguments, got 1").
func argsRange(short, fname string, args []Value, kwnames []string, min, max int) error {
	if len(kwnames) > 0 {
		return NewError(TypeErrorType, "%s() takes no keyword arguments", fname)
	}
	n := len(args) - 1
	switch {
	case n >= min && n <= max:
		return nil
	case min == max:
		return NewError(TypeErrorType, "%s expected %d argument%s, got %d", short, min, plural(min), n)
	case n < min:
		return NewError(TypeErrorType, "%s expected at least %d argument%s, got %d", short, min, plural(min), n)
	}
	return NewError(TypeErrorType, "%s expected at most %d argument%s, got %d", short, max, plural(max), n)
}

// optArg returns args[i], or NULL when absent.
func optArg(args []Value, i int) Value {
	if i < len(args) {
		return args[i]
	}
	return NULL
}

// indexArg converts an argument that must be an integer (through __index__).
func indexArg(th *Thread, v Value) (int64, error) {
	i, ok, err := Index(th, v)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, NewError(TypeErrorType, "'%s' object cannot be interpreted as an integer", TypeName(v))
	}
	return i, nil
}

// GetSetDescr is a computed attribute of a built-in type (int.real,
// slice.start, ...), stored in the type's Dict (type getset_descriptor).
// Looking it up on an instance calls Get through the DescrGet slot; it is a
// data descriptor whose DescrSet raises AttributeError (read-only).
type GetSetDescr struct {
	Name  string
	Owner *Type
	Get   func(th *Thread, v Value) (Value, error)
}

// GetSetDescrType is the type of GetSetDescr values.
var GetSetDescrType = &Type{Name: "getset_descriptor", Module: "builtins"}

func (*GetSetDescr) Type() *Type { return GetSetDescrType }

// AddGetters installs read-only computed attributes of a built-in type.
func (t *Type) AddGetters(getters map[string]func(th *Thread, v Value) (Value, error)) {
	if t.Dict == nil {
		t.Dict = NewDict()
	}
	for name, g := range getters {
		t.Dict.SetStr(name, Value{o: &GetSetDescr{Name: name, Owner: t, Get: g}})
	}
}

func init() {
	g := GetSetDescrType
	g.Bases = []*Type{ObjectType}
	g.MRO = []*Type{g, ObjectType}
	g.Hash = identityHashSlot
	g.Repr = func(th *Thread, v Value) (string, error) {
		d := v.o.(*GetSetDescr)
		return "<attribute '" + d.Name + "' of '" + d.Owner.Name + "' objects>", nil
	}
	g.DescrGet = func(th *Thread, v, obj Value, owner *Type) (Value, error) {
		if obj.IsNull() {
			return v, nil
		}
		return v.o.(*GetSetDescr).Get(th, obj)
	}
	g.DescrSet = func(th *Thread, v, obj, val Value) error {
		d := v.o.(*GetSetDescr)
		return NewError(AttributeErrorType, "attribute '%s' of '%s' objects is not writable", d.Name, d.Owner.Name)
	}
}

// classMethodDescr is a class method of a built-in type (dict.fromkeys,
// int.from_bytes, ...): looked up on the type or an instance, it binds the
// type as args[0].
type classMethodDescr struct {
	Name  string
	Owner *Type
	Fn    NativeFunc
}

// ClassMethodDescrType is the type of built-in class methods.
var ClassMethodDescrType = &Type{Name: "classmethod_descriptor", Module: "builtins"}

func (*classMethodDescr) Type() *Type { return ClassMethodDescrType }

// AddClassMethods installs class methods (the class arrives as args[0]).
func (t *Type) AddClassMethods(methods map[string]NativeFunc) {
	if t.Dict == nil {
		t.Dict = NewDict()
	}
	for name, fn := range methods {
		t.Dict.SetStr(name, Value{o: &classMethodDescr{Name: name, Owner: t, Fn: fn}})
	}
}

// staticMethodDescr is a static method of a built-in type (str.maketrans):
// lookup returns the plain function.
type staticMethodDescr struct{ fn Value }

// StaticMethodDescrType is the type of built-in static methods.
var StaticMethodDescrType = &Type{Name: "staticmethod", Module: "builtins"}

func (*staticMethodDescr) Type() *Type { return StaticMethodDescrType }

// AddStaticMethods installs static methods (no self or class argument).
func (t *Type) AddStaticMethods(methods map[string]NativeFunc) {
	if t.Dict == nil {
		t.Dict = NewDict()
	}
	for name, fn := range methods {
		t.Dict.SetStr(name, Value{o: &staticMethodDescr{fn: NewBuiltin(name, fn)}})
	}
}

func init() {
	c := ClassMethodDescrType
	c.Bases = []*Type{ObjectType}
	c.MRO = []*Type{c, ObjectType}
	c.Hash = identityHashSlot
	c.Repr = func(th *Thread, v Value) (string, error) {
		d := v.o.(*classMethodDescr)
		return "<method '" + d.Name + "' of '" + d.Owner.Name + "' objects>", nil
	}
	c.DescrGet = func(th *Thread, v, obj Value, owner *Type) (Value, error) {
		d := v.o.(*classMethodDescr)
		if owner == nil {
			owner = obj.Type()
		}
		return Value{o: &Builtin{Name: d.Name, Fn: d.Fn, Self: Value{o: owner}}}, nil
	}
	s := StaticMethodDescrType
	s.Bases = []*Type{ObjectType}
	s.MRO = []*Type{s, ObjectType}
	s.Hash = identityHashSlot
	s.DescrGet = func(th *Thread, v, obj Value, owner *Type) (Value, error) {
		return v.o.(*staticMethodDescr).fn, nil
	}
}

// addCallWrapper installs t.__call__ (function.__call__, len.__call__,
// CPython's tp_call slot wrapper) for a callable built-in type whose calls the
// interpreter dispatches itself: collections.abc.Callable's __subclasshook__
// looks for __call__ in the type's __dict__.
func addCallWrapper(t *Type) {
	if t.Dict == nil {
		t.Dict = NewDict()
	}
	if _, ok := t.Dict.GetStr("__call__"); !ok {
		t.Dict.SetStr("__call__", Value{o: newMethodDescr("__call__", t, func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return th.Call(args[0], args[1:], kwnames)
		})})
	}
}

// addSlotWrappers installs, for each slot t fills, the dunder method that
// exposes it ([].__len__, int.__add__, super().__setitem__ in a dict
// subclass), unless t's Dict already defines that name. Binary dunders come
// in plain and reflected forms; in-place forms only where t mutates itself.
func addSlotWrappers(t *Type, inplace bool) {
	if t.Dict == nil {
		t.Dict = NewDict()
	}
	add := func(name string, fn NativeFunc) {
		if _, ok := t.Dict.GetStr(name); !ok {
			t.Dict.SetStr(name, Value{o: newMethodDescr(name, t, fn)})
		}
	}
	nargs := func(name string, args []Value, n int) error {
		if len(args)-1 != n {
			return NewError(TypeErrorType, "expected %d argument%s, got %d", n, plural(n), len(args)-1)
		}
		return nil
	}
	if t.Repr != nil {
		add("__repr__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			s, err := t.Repr(th, args[0])
			return NewStr(s), err
		})
	}
	if t.Str != nil {
		add("__str__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			s, err := t.Str(th, args[0])
			return NewStr(s), err
		})
	}
	if t.Hash != nil {
		add("__hash__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			h, err := t.Hash(th, args[0])
			return Int(h), err
		})
	} else if _, ok := t.Dict.GetStr("__hash__"); !ok {
		// As CPython's unhashable types (list.__hash__ is None): what
		// collections.abc.Hashable's __subclasshook__ looks for.
		t.Dict.SetStr("__hash__", None)
	}
	if t.Bool != nil {
		add("__bool__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			b, err := t.Bool(th, args[0])
			return Bool(b), err
		})
	}
	if t.Len != nil {
		add("__len__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := nargs("__len__", args, 0); err != nil {
				return NULL, err
			}
			n, err := t.Len(th, args[0])
			return Int(int64(n)), err
		})
	}
	if t.GetItem != nil {
		add("__getitem__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := nargs("__getitem__", args, 1); err != nil {
				return NULL, err
			}
			return t.GetItem(th, args[0], args[1])
		})
	}
	if t.SetItem != nil {
		add("__setitem__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := nargs("__setitem__", args, 2); err != nil {
				return NULL, err
			}
			return None, t.SetItem(th, args[0], args[1], args[2])
		})
		add("__delitem__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := nargs("__delitem__", args, 1); err != nil {
				return NULL, err
			}
			return None, t.SetItem(th, args[0], args[1], NULL)
		})
	}
	if t.Contains != nil {
		add("__contains__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := nargs("__contains__", args, 1); err != nil {
				return NULL, err
			}
			b, err := t.Contains(th, args[0], args[1])
			return Bool(b), err
		})
	}
	if t.Iter != nil {
		add("__iter__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return t.Iter(th, args[0])
		})
	}
	if t.Next != nil {
		add("__next__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			v, err := t.Next(th, args[0])
			if err == nil && v.IsNull() {
				return NULL, NewException(StopIterationType)
			}
			return v, err
		})
	}
	if t.Format != nil {
		add("__format__", formatMethod(t.Name))
	}
	if t.DescrGet != nil {
		add("__get__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return wrapDescrGet(th, t, args, kwnames)
		})
	}
	if t.DescrSet != nil {
		add("__set__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != 3 {
				return NULL, NewError(TypeErrorType, " expected 2 arguments, got %d", len(args)-1)
			}
			return None, t.DescrSet(th, args[0], args[1], args[2])
		})
		add("__delete__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := nargs("__delete__", args, 1); err != nil {
				return NULL, err
			}
			return None, t.DescrSet(th, args[0], args[1], NULL)
		})
	}
	if t.Compare != nil {
		for i, name := range [...]string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"} {
			op := compile.CompareOp(i)
			add(name, func(th *Thread, args []Value, kwnames []string) (Value, error) {
				if err := nargs(name, args, 1); err != nil {
					return NULL, err
				}
				return t.Compare(th, args[0], args[1], op)
			})
		}
	}
	if t.Binary != nil || t.Unary != nil {
		// Only the operator dunders t really defines (numericDunders).
		plain := add
		add = func(name string, fn NativeFunc) {
			if operatorDunderAllowed(t, name) {
				plain(name, fn)
			}
		}
	}
	if t.Binary != nil {
		for op, names := range binaryDunderNames {
			op := compile.BinaryOp(op)
			add(names[0], func(th *Thread, args []Value, kwnames []string) (Value, error) {
				if err := nargs(names[0], args, 1); err != nil {
					return NULL, err
				}
				return t.Binary(th, op, args[0], args[1], false)
			})
			add(names[1], func(th *Thread, args []Value, kwnames []string) (Value, error) {
				if err := nargs(names[1], args, 1); err != nil {
					return NULL, err
				}
				return t.Binary(th, op, args[0], args[1], true)
			})
			if inplace {
				add(names[2], func(th *Thread, args []Value, kwnames []string) (Value, error) {
					if err := nargs(names[2], args, 1); err != nil {
						return NULL, err
					}
					return t.Binary(th, op+compile.InplaceOffset, args[0], args[1], false)
				})
			}
		}
	}
	if t.Unary != nil {
		for _, u := range [...]struct {
			name string
			op   ast.Op
		}{{"__neg__", ast.USub}, {"__pos__", ast.UAdd}, {"__invert__", ast.Invert}} {
			u := u
			add(u.name, func(th *Thread, args []Value, kwnames []string) (Value, error) {
				return t.Unary(th, byte(u.op), args[0])
			})
		}
	}
}

// binaryDunderNames are the plain, reflected and in-place dunders of each
// binary operator.
var binaryDunderNames = [compile.NumBinaryOps][3]string{
	{"__add__", "__radd__", "__iadd__"}, {"__sub__", "__rsub__", "__isub__"},
	{"__mul__", "__rmul__", "__imul__"}, {"__matmul__", "__rmatmul__", "__imatmul__"},
	{"__truediv__", "__rtruediv__", "__itruediv__"}, {"__mod__", "__rmod__", "__imod__"},
	{"__pow__", "__rpow__", "__ipow__"}, {"__lshift__", "__rlshift__", "__ilshift__"},
	{"__rshift__", "__rrshift__", "__irshift__"}, {"__or__", "__ror__", "__ior__"},
	{"__xor__", "__rxor__", "__ixor__"}, {"__and__", "__rand__", "__iand__"},
	{"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
}
