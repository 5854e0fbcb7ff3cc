package vm

// Instances of user subclasses of int, float and complex (class
// Celsius(float), class Level(int), IntEnum members). Plain ints and floats
// are unboxed in Value and have no room for a class or an attribute dict,
// so an instance of a subclass is a heap object, numSub, carrying the plain
// value (complex, boxed anyway, shares the scheme).
//
// The rule that keeps this sound: everything outside this file and the
// slots and methods of int and float sees a numSub as an ordinary object.
// The generic operations reach int's or float's slots through the
// subclass's type (its slots are inherited from the built-in base), and
// those slots, the slot wrappers (int.__add__, ...) and the methods of int
// and float unwrap their operands first with numPayload: the single unwrap
// step. Helpers such as isInt, toBig and toFloat keep meaning "a plain
// int/float", so natives that accept ints through __index__, __int__ or
// __float__ get the plain value from int's or float's method, and results
// are of the base type, as in CPython (Level(3) + 1 is an int).

// numSub is an instance of a user subclass of int or float.
type numSub struct {
	val Value // a plain int (unboxed or *BigInt), float or *Complex, never a numSub
	ext subExt
}

func (n *numSub) Type() *Type { return n.ext.typ }

// newNumSub returns an instance of t (a user subclass of int or float)
// holding the plain value val; t == nil or the base type itself returns val.
func newNumSub(t *Type, val Value) Value {
	if t == nil || t.Flags&TypeHeap == 0 {
		return val
	}
	return Value{o: &numSub{val: val, ext: subExt{typ: t, dict: NewDict()}}}
}

// numPayload is the unwrap step: the plain int or float of an instance of a
// subclass of int or float, or v itself.
func numPayload(v Value) Value {
	if n, ok := v.o.(*numSub); ok {
		return n.val
	}
	return v
}

// NumPayload is numPayload for the stdlib: the plain int or float value of
// an instance of a subclass of int or float (json, struct, ...), else v.
func NumPayload(v Value) Value { return numPayload(v) }

// numSelfMethods wraps the methods of int or float so that they receive
// the plain value as self (int.bit_length(Level(3)), super().__repr__()).
func numSelfMethods(m map[string]NativeFunc) map[string]NativeFunc {
	for name, fn := range m {
		m[name] = numSelf(fn)
	}
	return m
}

func numSelf(fn NativeFunc) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) > 0 {
			if n, ok := args[0].o.(*numSub); ok {
				a := make([]Value, len(args))
				copy(a, args)
				a[0] = n.val
				args = a
			}
		}
		return fn(th, args, kwnames)
	}
}

// numSelfGetters wraps getters (x.real, x.numerator) likewise.
func numSelfGetters(m map[string]func(th *Thread, v Value) (Value, error)) map[string]func(th *Thread, v Value) (Value, error) {
	for name, g := range m {
		g := g
		m[name] = func(th *Thread, v Value) (Value, error) { return g(th, numPayload(v)) }
	}
	return m
}

// numFormatMethod is int.__format__ / float.__format__: the type's own
// Format slot on self as it is (an empty spec gives str(self), the
// subclass's str), never the subclass's __format__ (super().__format__(spec)
// from an override must not recurse).
func numFormatMethod(t *Type) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if err := argsOne(t.Name+".__format__", args, kwnames); err != nil {
			return NULL, err
		}
		spec, ok := args[1].o.(*Str)
		if !ok {
			return NULL, NewError(TypeErrorType, "%s.__format__() argument must be str, not %s", t.Name, TypeName(args[1]))
		}
		s, err := t.Format(th, args[0], spec.s)
		if err != nil {
			return NULL, err
		}
		return NewStr(s), nil
	}
}

// numOperand unwraps an operand of a numeric builtin (divmod, pow with a
// modulus) unless its class overrides the dunder that builtin calls.
func numOperand(v Value, dunder string) Value {
	if n, ok := v.o.(*numSub); ok && !userDefined(n.ext.typ, dunder) {
		return n.val
	}
	return v
}

// numNew is the New slot (__new__) of int, float or complex, from the
// function computing the plain value: an instance of a user subclass wraps
// it (int.__new__(Level, 3)).
func numNew(base *Type, valueOf NativeFunc) func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	return func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		v, err := valueOf(th, args, kwnames)
		if err != nil || t == base {
			return v, err
		}
		return newNumSub(t, v), nil
	}
}
