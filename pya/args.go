package pya

import (
	"context"
	"math/big"

	"github.com/pya-lang/pya/vm"
)

// Args are the arguments of a call to a native function. The typed
// accessors convert one argument without reflection and return a TypeError
// (CPython's wording) when it has the wrong type; a native returns that
// error as it is.
type Args struct {
	in      *Interpreter
	th      *vm.Thread
	ctx     context.Context // for async natives
	name    string
	args    []vm.Value // positional, then keyword values
	kwnames []string
}

// Len returns the number of positional arguments.
func (a Args) Len() int { return len(a.args) - len(a.kwnames) }

// Context is the context of the running Interpreter call (for an async
// native, the context it was started with).
func (a Args) Context() context.Context {
	if a.ctx != nil {
		return a.ctx
	}
	if a.in != nil && a.in.ctx != nil {
		return a.in.ctx
	}
	return context.Background()
}

// Names returns the names of the keyword arguments, in call order.
func (a Args) Names() []string { return a.kwnames }

func (a Args) arg(i int) (vm.Value, error) {
	if i < 0 || i >= a.Len() {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "%s() missing required argument %d", a.name, i+1)
	}
	return a.args[i], nil
}

func (a Args) wrongType(i int, want string, v vm.Value) error {
	return vm.NewError(vm.TypeErrorType, "%s() argument %d must be %s, not %s", a.name, i+1, want, vm.TypeName(v))
}

// Int returns positional argument i as an int64 (a bool is accepted, as
// in CPython; an int that overflows int64 is an OverflowError).
func (a Args) Int(i int) (int64, error) {
	v, err := a.arg(i)
	if err != nil {
		return 0, err
	}
	if v.IsInt() || v.IsBool() {
		return v.AsInt(), nil
	}
	if _, ok := v.Object().(*vm.BigInt); ok {
		return 0, vm.NewError(vm.OverflowErrorType, "%s() argument %d: Python int too large to convert to C long", a.name, i+1)
	}
	return 0, a.wrongType(i, "int", v)
}

// BigInt returns positional argument i as a *big.Int (any int).
func (a Args) BigInt(i int) (*big.Int, error) {
	v, err := a.arg(i)
	if err != nil {
		return nil, err
	}
	if v.IsInt() || v.IsBool() {
		return big.NewInt(v.AsInt()), nil
	}
	if b, ok := v.Object().(*vm.BigInt); ok {
		return new(big.Int).Set(b.Big()), nil
	}
	return nil, a.wrongType(i, "int", v)
}

// Float returns positional argument i as a float64 (ints are accepted).
func (a Args) Float(i int) (float64, error) {
	v, err := a.arg(i)
	if err != nil {
		return 0, err
	}
	switch {
	case v.IsFloat():
		return v.AsFloat(), nil
	case v.IsInt(), v.IsBool():
		return float64(v.AsInt()), nil
	}
	if b, ok := v.Object().(*vm.BigInt); ok {
		f, _ := new(big.Float).SetInt(b.Big()).Float64()
		return f, nil
	}
	return 0, a.wrongType(i, "float", v)
}

// String returns positional argument i, which must be a str.
func (a Args) String(i int) (string, error) {
	v, err := a.arg(i)
	if err != nil {
		return "", err
	}
	if s := vm.AsStr(v); s != nil {
		return s.String(), nil
	}
	return "", a.wrongType(i, "str", v)
}

// Bytes returns a copy of positional argument i, a bytes or bytearray.
func (a Args) Bytes(i int) ([]byte, error) {
	v, err := a.arg(i)
	if err != nil {
		return nil, err
	}
	if b, ok := v.Object().(*vm.Bytes); ok {
		return append([]byte{}, b.B...), nil
	}
	return nil, a.wrongType(i, "a bytes-like object", v)
}

// Bool returns the truth value of positional argument i (bool(x)).
func (a Args) Bool(i int) (bool, error) {
	v, err := a.arg(i)
	if err != nil {
		return false, err
	}
	if v.IsBool() {
		return v.AsInt() != 0, nil
	}
	if a.th == nil { // an async native's goroutine cannot run __bool__
		return false, a.wrongType(i, "bool", v)
	}
	return vm.Truth(a.th, v)
}

// Value returns positional argument i converted to Go as ToGo does.
func (a Args) Value(i int) (any, error) {
	v, err := a.arg(i)
	if err != nil {
		return nil, err
	}
	return a.in.toGo(v, 0)
}

// Kwarg returns keyword argument name converted to Go; ok is false when
// it was not passed.
func (a Args) Kwarg(name string) (v any, ok bool, err error) {
	base := a.Len()
	for j, k := range a.kwnames {
		if k == name {
			v, err = a.in.toGo(a.args[base+j], 0)
			return v, true, err
		}
	}
	return nil, false, nil
}

// NoKwargs returns a TypeError when keyword arguments were passed.
func (a Args) NoKwargs() error {
	if len(a.kwnames) > 0 {
		return vm.NewError(vm.TypeErrorType, "%s() takes no keyword arguments", a.name)
	}
	return nil
}

// Check returns a TypeError unless min <= Len() <= max.
func (a Args) Check(min, max int) error {
	n := a.Len()
	switch {
	case n < min:
		return vm.NewError(vm.TypeErrorType, "%s() takes at least %d positional argument%s (%d given)", a.name, min, plural(min), n)
	case n > max:
		return vm.NewError(vm.TypeErrorType, "%s() takes at most %d positional argument%s (%d given)", a.name, max, plural(max), n)
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
