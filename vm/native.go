package vm

import (
	"fmt"
	"strings"
)

// Builtin is a function written in Go (type builtin_function_or_method).
// When Self is not NULL it is a bound method of a built-in type and Self is
// passed as args[0].
type Builtin struct {
	Name string
	Fn   NativeFunc
	Self Value
}

func (*Builtin) Type() *Type     { return BuiltinFunctionType }
func (*MethodDescr) Type() *Type { return MethodDescriptorType }

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
}

// AddMethods installs methods of a built-in type: name -> implementation
// (with self as args[0]).
func (t *Type) AddMethods(methods map[string]NativeFunc) {
	if t.Dict == nil {
		t.Dict = NewDict()
	}
	for name, fn := range methods {
		t.Dict.SetStr(name, Value{o: &MethodDescr{Name: name, Owner: t, Fn: fn}})
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
		*out[i] = args[i]
	}
	for j, kw := range kwnames {
		found := false
		for i, n := range names {
			n = strings.TrimSuffix(strings.TrimPrefix(n, "$"), "?")
			if n == kw {
				if i < npos {
					return NewError(TypeErrorType, "argument for %s() given by name ('%s') and position (%d)", fname, kw, i+1)
				}
				*out[i] = args[npos+j]
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
