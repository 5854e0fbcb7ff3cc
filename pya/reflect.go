package pya

import (
	"context"
	"fmt"
	"reflect"
)

var (
	errorType   = reflect.TypeOf((*error)(nil)).Elem()
	contextType = reflect.TypeOf((*context.Context)(nil)).Elem()
)

// Reflect makes a native function from any Go function, converting its
// parameters and results by reflection (slower than Func; convenient for
// glue). Parameters may be bool, any integer or float kind, string,
// []byte, *big.Int, []any, map[string]any, *Object or any (a FromGo
// value); a first context.Context parameter receives the call's context.
// Results: none, one value, one error, or a value and an error. Reflect
// panics if fn is not a function.
func Reflect(name string, fn any) *Function {
	fv := reflect.ValueOf(fn)
	ft := fv.Type()
	if ft.Kind() != reflect.Func {
		panic(fmt.Sprintf("pya.Reflect: %T is not a function", fn))
	}
	withCtx := ft.NumIn() > 0 && ft.In(0) == contextType
	first := 0
	if withCtx {
		first = 1
	}
	nparams := ft.NumIn() - first
	return Func(name, func(args Args) (any, error) {
		if err := args.NoKwargs(); err != nil {
			return nil, err
		}
		if ft.IsVariadic() {
			return nil, Raise("TypeError", "%s(): variadic Go functions are not supported", name)
		}
		if err := args.Check(nparams, nparams); err != nil {
			return nil, err
		}
		in := make([]reflect.Value, ft.NumIn())
		if withCtx {
			in[0] = reflect.ValueOf(args.Context())
		}
		for i := 0; i < nparams; i++ {
			pt := ft.In(first + i)
			g, err := args.Value(i)
			if err != nil {
				return nil, err
			}
			v, err := toType(g, pt)
			if err != nil {
				return nil, Raise("TypeError", "%s() argument %d: %v", name, i+1, err)
			}
			in[first+i] = v
		}
		out := fv.Call(in)
		switch len(out) {
		case 0:
			return nil, nil
		case 1:
			if ft.Out(0) == errorType {
				err, _ := out[0].Interface().(error)
				return nil, err
			}
			return out[0].Interface(), nil
		default:
			err, _ := out[len(out)-1].Interface().(error)
			return out[0].Interface(), err
		}
	})
}

// toType converts a ToGo value to the Go parameter type t.
func toType(g any, t reflect.Type) (reflect.Value, error) {
	if g == nil {
		switch t.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Slice, reflect.Map:
			return reflect.Zero(t), nil
		}
		return reflect.Value{}, fmt.Errorf("None is not a %s", t)
	}
	v := reflect.ValueOf(g)
	if v.Type().AssignableTo(t) {
		return v, nil
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if i, ok := g.(int64); ok {
			r := reflect.New(t).Elem()
			if r.OverflowInt(i) {
				return reflect.Value{}, fmt.Errorf("%d overflows %s", i, t)
			}
			r.SetInt(i)
			return r, nil
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if i, ok := g.(int64); ok && i >= 0 {
			r := reflect.New(t).Elem()
			if r.OverflowUint(uint64(i)) {
				return reflect.Value{}, fmt.Errorf("%d overflows %s", i, t)
			}
			r.SetUint(uint64(i))
			return r, nil
		}
	case reflect.Float32, reflect.Float64:
		r := reflect.New(t).Elem()
		switch x := g.(type) {
		case float64:
			r.SetFloat(x)
			return r, nil
		case int64:
			r.SetFloat(float64(x))
			return r, nil
		}
	}
	return reflect.Value{}, fmt.Errorf("cannot use %T as %s", g, t)
}
