package pya

import (
	"fmt"
	"math"
	"math/big"

	"github.com/pya-lang/pya/vm"
)

// Conversions between Go and pya values. They are explicit and
// non-reflective:
//
//	pya            Go (ToGo)            Go accepted by FromGo
//	None           nil                  nil
//	bool           bool                 bool
//	int            int64, or *big.Int   int, int8..int64, uint..uint64, *big.Int
//	               when it overflows
//	float          float64              float32, float64
//	str            string               string
//	bytes,         []byte (a copy)      []byte (copied into bytes)
//	bytearray
//	list, tuple    []any                []any, []string, []int64, []float64
//	dict with str  map[string]any       map[string]any
//	keys only
//	anything else  *Object              *Object (its value), *Function
//
// Values of subclasses (an IntEnum member, a str subclass) convert to
// *Object, so that a round trip gives back the same object.

// maxConvertDepth bounds the nesting of converted containers (a list that
// contains itself would otherwise never end).
const maxConvertDepth = 200

// Object is a pya value that has no Go counterpart (an instance, a
// function, a set, ...). It is only meaningful in the interpreter it came
// from, and like the interpreter it must not be used concurrently with it.
type Object struct {
	in *Interpreter
	v  vm.Value
}

// Type returns the name of the object's type ("Point", "set").
func (o *Object) Type() string { return vm.TypeName(o.v) }

// String returns repr(o), or "<type object>" when repr raises.
func (o *Object) String() string {
	if o.in == nil || o.in.broken {
		return "<" + o.Type() + " object>"
	}
	s, err := o.in.repr(o.v)
	if err != nil {
		return "<" + o.Type() + " object>"
	}
	return s
}

func (in *Interpreter) repr(v vm.Value) (s string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pya: panic in repr: %v", r)
		}
	}()
	return vm.Repr(in.vm.Thread(), v)
}

// ToGo converts a pya value to Go (see the table above).
func (in *Interpreter) toGo(v vm.Value, depth int) (any, error) {
	if depth > maxConvertDepth {
		return nil, Raise("ValueError", "value too deeply nested to convert to Go")
	}
	switch {
	case v.IsNull() || v.IsNone():
		return nil, nil
	case v.IsBool():
		return v.AsInt() != 0, nil
	case v.IsInt():
		return v.AsInt(), nil
	case v.IsFloat():
		return v.AsFloat(), nil
	}
	switch o := v.Object().(type) {
	case *vm.BigInt:
		if v.Type() == vm.IntType {
			return new(big.Int).Set(o.Big()), nil
		}
	case *vm.Str:
		if v.Type() == vm.StrType {
			return o.String(), nil
		}
	case *vm.Bytes:
		if t := v.Type(); t == vm.BytesType || t == vm.ByteArrayType {
			return append([]byte{}, o.B...), nil
		}
	case *vm.List:
		if v.Type() == vm.ListType {
			return in.sliceToGo(o.Items, depth)
		}
	case *vm.Tuple:
		if v.Type() == vm.TupleType {
			return in.sliceToGo(o.Items, depth)
		}
	case *vm.Dict:
		if v.Type() == vm.DictType {
			if m, ok, err := in.dictToGo(o, depth); ok || err != nil {
				return m, err
			}
		}
	}
	return &Object{in: in, v: v}, nil
}

func (in *Interpreter) sliceToGo(items []vm.Value, depth int) ([]any, error) {
	out := make([]any, len(items))
	for i, x := range items {
		g, err := in.toGo(x, depth+1)
		if err != nil {
			return nil, err
		}
		out[i] = g
	}
	return out, nil
}

// dictToGo converts a dict whose keys are all str; ok is false otherwise.
func (in *Interpreter) dictToGo(d *vm.Dict, depth int) (m map[string]any, ok bool, err error) {
	m = make(map[string]any, d.Len())
	ok = true
	d.Items(func(k, v vm.Value) bool {
		s := vm.AsStr(k)
		if s == nil || k.Type() != vm.StrType {
			ok = false
			return false
		}
		var g any
		if g, err = in.toGo(v, depth+1); err != nil {
			return false
		}
		m[s.String()] = g
		return true
	})
	if err != nil || !ok {
		return nil, false, err
	}
	return m, true, nil
}

// fromGo converts a Go value to pya (see the table above).
func (in *Interpreter) fromGo(x any, depth int) (vm.Value, error) {
	if depth > maxConvertDepth {
		return vm.NULL, Raise("ValueError", "value too deeply nested to convert from Go")
	}
	switch x := x.(type) {
	case nil:
		return vm.None, nil
	case bool:
		return vm.Bool(x), nil
	case int:
		return vm.Int(int64(x)), nil
	case int8:
		return vm.Int(int64(x)), nil
	case int16:
		return vm.Int(int64(x)), nil
	case int32:
		return vm.Int(int64(x)), nil
	case int64:
		return vm.Int(x), nil
	case uint:
		return uintValue(uint64(x)), nil
	case uint8:
		return vm.Int(int64(x)), nil
	case uint16:
		return vm.Int(int64(x)), nil
	case uint32:
		return vm.Int(int64(x)), nil
	case uint64:
		return uintValue(x), nil
	case *big.Int:
		return vm.NewBigInt(new(big.Int).Set(x)), nil
	case float32:
		return vm.Float(float64(x)), nil
	case float64:
		return vm.Float(x), nil
	case string:
		return vm.NewStr(x), nil
	case []byte:
		return vm.NewBytes(append([]byte{}, x...)), nil
	case []any:
		items := make([]vm.Value, len(x))
		for i, e := range x {
			v, err := in.fromGo(e, depth+1)
			if err != nil {
				return vm.NULL, err
			}
			items[i] = v
		}
		return vm.NewList(items), nil
	case []string:
		items := make([]vm.Value, len(x))
		for i, e := range x {
			items[i] = vm.NewStr(e)
		}
		return vm.NewList(items), nil
	case []int64:
		items := make([]vm.Value, len(x))
		for i, e := range x {
			items[i] = vm.Int(e)
		}
		return vm.NewList(items), nil
	case []float64:
		items := make([]vm.Value, len(x))
		for i, e := range x {
			items[i] = vm.Float(e)
		}
		return vm.NewList(items), nil
	case map[string]any:
		d := vm.NewDictSize(len(x))
		for k, e := range x {
			v, err := in.fromGo(e, depth+1)
			if err != nil {
				return vm.NULL, err
			}
			d.SetStr(k, v)
		}
		return vm.ObjectValue(d), nil
	case *Object:
		if x.in != in {
			return vm.NULL, Raise("ValueError", "pya.Object of another interpreter")
		}
		return x.v, nil
	case *Function:
		return in.builtin(x), nil
	}
	return vm.NULL, Raise("TypeError", "cannot convert Go value of type %T to pya", x)
}

func uintValue(u uint64) vm.Value {
	if u <= math.MaxInt64 {
		return vm.Int(int64(u))
	}
	return vm.NewBigInt(new(big.Int).SetUint64(u))
}
