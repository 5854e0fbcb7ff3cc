package asyncio

import (
	"math/big"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// parse binds args to names (see vm.ParseArgs) and returns the values.
func parse(fname string, args []vm.Value, kwnames []string, names ...string) ([]vm.Value, error) {
	vals := make([]vm.Value, len(names))
	if err := vm.ParseArgsInto(fname, args, kwnames, names, vals); err != nil {
		return nil, err
	}
	return vals, nil
}

// orNone returns v, or None when v is NULL (an absent optional argument).
func orNone(v vm.Value) vm.Value {
	if v.IsNull() {
		return vm.None
	}
	return v
}

// descrError is CPython's error for a method called on the wrong object.
func descrError(name string, t *vm.Type, v vm.Value) error {
	return vm.NewError(vm.TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, qualified(t), v.Type().Name)
}

func qualified(t *vm.Type) string {
	name := t.QualName
	if name == "" {
		name = t.Name
	}
	if t.Module == "" || t.Module == "builtins" {
		return name
	}
	return t.Module + "." + name
}

// selfOf extracts args[0] as a T (the receiver of a method of type t).
func selfOf[T any](name string, t *vm.Type, args []vm.Value) (T, []vm.Value, error) {
	var zero T
	if len(args) == 0 {
		return zero, nil, vm.NewError(vm.TypeErrorType, "descriptor '%s' of '%s' object needs an argument", name, qualified(t))
	}
	s, ok := args[0].Object().(T)
	if !ok {
		return zero, nil, descrError(name, t, args[0])
	}
	return s, args[1:], nil
}

// futureSelf extracts a Future or Task receiver.
func futureSelf(name string, args []vm.Value) (*runtime.Future, []vm.Value, error) {
	if len(args) == 0 {
		return nil, nil, vm.NewError(vm.TypeErrorType, "descriptor '%s' of '_asyncio.Future' object needs an argument", name)
	}
	f := runtime.AsFuture(args[0])
	if f == nil {
		return nil, nil, descrError(name, runtime.FutureType, args[0])
	}
	return f, args[1:], nil
}

// seconds converts an int or float argument.
func seconds(v vm.Value) (float64, error) {
	v = vm.NumPayload(v) // int and float subclasses by value
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
	return 0, vm.NewError(vm.TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// toInt converts an int argument.
func toInt(v vm.Value) (int64, error) {
	if v.IsInt() || v.IsBool() {
		return v.AsInt(), nil
	}
	return 0, vm.NewError(vm.TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// asException converts an exception instance or class to an instance.
func asException(th *vm.Thread, v vm.Value) (*vm.Exception, error) {
	if e, ok := v.Object().(*vm.Exception); ok {
		return e, nil
	}
	if t, ok := v.Object().(*vm.Type); ok && t.IsSubtype(vm.BaseExceptionType) {
		r, err := th.Call(v, nil, nil)
		if err != nil {
			return nil, err
		}
		if e, ok := r.Object().(*vm.Exception); ok {
			return e, nil
		}
	}
	return nil, vm.NewError(vm.TypeErrorType, "exceptions must derive from BaseException")
}

// stopIteration makes StopIteration(value) for a finished send().
func stopIteration(v vm.Value) error {
	if v.IsNone() {
		return vm.NewException(vm.StopIterationType)
	}
	return vm.NewException(vm.StopIterationType, v)
}

// methods installs methods on t.
func methods(t *vm.Type, m map[string]vm.NativeFunc) { t.AddMethods(m) }

// classGetitem is classmethod(GenericAlias), the __class_getitem__ of
// Future, Task and the queues: asyncio.Queue[int] in annotations.
var classGetitem = vm.ObjectValue(&vm.ClassMethod{Func: vm.NewBuiltin("__class_getitem__",
	func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		if len(args) != 2 || len(kw) != 0 {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "__class_getitem__() takes exactly one argument (%d given)", len(args)-1)
		}
		if vm.GenericAliasHook != nil {
			return vm.GenericAliasHook(th, args[0], args[1])
		}
		items := []vm.Value{args[1]}
		if t, ok := args[1].Object().(*vm.Tuple); ok {
			items = t.Items
		}
		return vm.ObjectValue(&vm.GenericAlias{Origin: args[0], Args: items}), nil
	})})

func init() {
	for _, t := range []*vm.Type{runtime.FutureType, runtime.TaskType, runtime.QueueType} {
		if t.Dict == nil {
			t.Dict = vm.NewDict()
		}
		t.Dict.SetStr("__class_getitem__", classGetitem)
	}
}

// holding wraps an asyncio function that CPython writes in Python: when it
// fails, the unstarted coroutines among its arguments stay alive with the
// exception, as the Python function's frame would (vm.HoldUntilHandled).
func holding(fn vm.NativeFunc) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		r, err := fn(th, args, kw)
		if err != nil {
			th.HoldUntilHandled(err, args)
		}
		return r, err
	}
}
