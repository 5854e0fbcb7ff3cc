package vm

// The pieces of CPython's reduce protocol that the copy module (a pya
// source module) reads from built-in types: __getnewargs__ of the immutable
// sequences, so that copying an instance of a subclass (class T(tuple))
// recreates it with its contents through cls.__new__(cls, *args), and
// __reduce__ of set and frozenset.

func init() {
	// plainOf returns the built-in value (without the subclass) of a
	// tuple, str or bytes instance.
	getnewargs := func(owner *Type, plain func(v Value) (Value, bool)) NativeFunc {
		return func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone(owner.Name+".__getnewargs__", args, kwnames); err != nil {
				return NULL, err
			}
			p, ok := plain(args[0])
			if !ok {
				return NULL, NewError(TypeErrorType, "descriptor '__getnewargs__' for '%s' objects doesn't apply to a '%s' object", owner.Name, TypeName(args[0]))
			}
			return NewTuple([]Value{p}), nil
		}
	}
	TupleType.AddMethods(map[string]NativeFunc{"__getnewargs__": getnewargs(TupleType, func(v Value) (Value, bool) {
		t, ok := v.o.(*Tuple)
		if !ok {
			return NULL, false
		}
		return NewTuple(append([]Value(nil), t.Items...)), true
	})})
	StrType.AddMethods(map[string]NativeFunc{"__getnewargs__": getnewargs(StrType, func(v Value) (Value, bool) {
		s, ok := v.o.(*Str)
		if !ok {
			return NULL, false
		}
		return NewStr(s.s), true
	})})
	BytesType.AddMethods(map[string]NativeFunc{"__getnewargs__": getnewargs(BytesType, func(v Value) (Value, bool) {
		b, ok := v.o.(*Bytes)
		if !ok || b.Mutable {
			return NULL, false
		}
		return NewBytes(b.B), true
	})})
	// set.__reduce__() is (type(s), (list(s),), s.__dict__ or None).
	setReduce := func(th *Thread, args []Value, kwnames []string) (Value, error) {
		s, ok := args[0].o.(*Set)
		if !ok {
			return NULL, NewError(TypeErrorType, "descriptor '__reduce__' for 'set' objects doesn't apply to a '%s' object", TypeName(args[0]))
		}
		if err := argsNone("__reduce__", args, kwnames); err != nil {
			return NULL, err
		}
		state := None
		if d := BuiltinInstanceDict(args[0]); d != nil && d.Len() > 0 {
			state = Value{o: d}
		}
		items := NewList(append([]Value(nil), s.Items()...))
		return NewTuple([]Value{{o: args[0].Type()}, NewTuple([]Value{items}), state}), nil
	}
	SetType.AddMethods(map[string]NativeFunc{"__reduce__": setReduce})
	FrozenSetType.AddMethods(map[string]NativeFunc{"__reduce__": setReduce})
}
