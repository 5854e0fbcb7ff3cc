// Package pyarg holds the small conversions every stdlib module needs:
// numbers to Go floats and ints with CPython's TypeErrors, and helpers to
// define module functions and native methods.
package pyarg

import (
	"math/big"

	"github.com/pya-lang/pya/vm"
)

// Big returns an int (or bool) as a big.Int; ok is false for other values.
func Big(v vm.Value) (*big.Int, bool) {
	switch {
	case v.IsInt(), v.IsBool():
		return big.NewInt(v.AsInt()), true
	}
	if b, ok := v.Object().(*vm.BigInt); ok {
		return b.Big(), true
	}
	return nil, false
}

// Float converts an int or float to float64 (ok false otherwise; an int
// too large gives ±Inf and overflow true).
func Float(v vm.Value) (f float64, ok bool) {
	v = vm.NumPayload(v) // int and float subclasses by value
	switch {
	case v.IsFloat():
		return v.AsFloat(), true
	case v.IsInt(), v.IsBool():
		return float64(v.AsInt()), true
	}
	if b, ok := v.Object().(*vm.BigInt); ok {
		f, _ := new(big.Float).SetInt(b.Big()).Float64()
		return f, true
	}
	return 0, false
}

// ToFloat is Float with __float__/__index__ and CPython's TypeError
// "must be real number, not str".
func ToFloat(th *vm.Thread, v vm.Value) (float64, error) {
	if f, ok := Float(v); ok {
		return f, nil
	}
	for _, name := range []string{"__float__", "__index__"} {
		if m := v.Type().Lookup(name); !m.IsNull() {
			r, err := vm.CallUnbound(th, m, v)
			if err != nil {
				return 0, err
			}
			if f, ok := Float(r); ok {
				return f, nil
			}
		}
	}
	return 0, vm.NewError(vm.TypeErrorType, "must be real number, not %s", v.Type().Name)
}

// Index is operator.index: an int, or the result of __index__, else
// TypeError "'float' object cannot be interpreted as an integer".
func Index(th *vm.Thread, v vm.Value) (vm.Value, error) {
	if _, ok := Big(v); ok {
		if v.IsBool() {
			return vm.Int(v.AsInt()), nil
		}
		return v, nil
	}
	if m := v.Type().Lookup("__index__"); !m.IsNull() && !v.IsFloat() {
		r, err := vm.CallUnbound(th, m, v)
		if err != nil {
			return vm.NULL, err
		}
		if _, ok := Big(r); !ok {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "__index__ returned non-int (type %s)", r.Type().Name)
		}
		return r, nil
	}
	return vm.NULL, vm.NewError(vm.TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// Int is Index narrowed to int64 (OverflowError beyond).
func Int(th *vm.Thread, v vm.Value) (int64, error) {
	r, err := Index(th, v)
	if err != nil {
		return 0, err
	}
	if r.IsInt() {
		return r.AsInt(), nil
	}
	return 0, vm.NewError(vm.OverflowErrorType, "Python int too large to convert to C ssize_t")
}

// Str returns the Go string of a str value.
func Str(v vm.Value) (string, bool) {
	if s, ok := v.Object().(*vm.Str); ok {
		return s.String(), true
	}
	return "", false
}

// Funcs installs native functions into a module namespace.
func Funcs(d *vm.Dict, fns map[string]vm.NativeFunc) {
	for name, fn := range fns {
		d.SetStr(name, vm.NewBuiltin(name, fn))
	}
}

// Bind returns method fn bound to self (a built-in method object).
func Bind(name string, fn vm.NativeFunc, self vm.Value) vm.Value {
	return vm.ObjectValue(&vm.Builtin{Name: name, Fn: fn, Self: self})
}

// NoKw rejects keyword arguments: "f() takes no keyword arguments".
func NoKw(name string, kwnames []string) error {
	if len(kwnames) > 0 {
		return vm.NewError(vm.TypeErrorType, "%s() takes no keyword arguments", name)
	}
	return nil
}

// Exactly checks a positional count, as CPython's
// "f() takes exactly one argument (2 given)" / "f expected 2 arguments, got 1".
func Exactly(name string, args []vm.Value, kwnames []string, n int) error {
	if err := NoKw(name, kwnames); err != nil {
		return err
	}
	if len(args) != n {
		if n == 1 {
			return vm.NewError(vm.TypeErrorType, "%s() takes exactly one argument (%d given)", name, len(args))
		}
		return vm.NewError(vm.TypeErrorType, "%s expected %d arguments, got %d", name, n, len(args))
	}
	return nil
}

// Range checks a positional count between min and max.
func Range(name string, args []vm.Value, kwnames []string, min, max int) error {
	if err := NoKw(name, kwnames); err != nil {
		return err
	}
	n := len(args)
	s := func(k int) string {
		if k == 1 {
			return ""
		}
		return "s"
	}
	if n < min {
		return vm.NewError(vm.TypeErrorType, "%s expected at least %d argument%s, got %d", name, min, s(min), n)
	}
	if n > max {
		return vm.NewError(vm.TypeErrorType, "%s expected at most %d argument%s, got %d", name, max, s(max), n)
	}
	return nil
}
