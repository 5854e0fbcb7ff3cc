package vm

import "github.com/pya-lang/pya/vm/compile"

func boolRepr(th *Thread, v Value) (string, error) {
	if v.n != 0 {
		return "True", nil
	}
	return "False", nil
}

func init() {
	t := BoolType
	t.Repr = boolRepr
	t.Hash = intHash
	t.Bool = intBool
	t.Binary = intBinarySlot
	t.Unary = intUnary
	t.Compare = func(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
		return intCompare(th, v, w, op)
	}
	t.New = func(th *Thread, _ *Type, args []Value, kwnames []string) (Value, error) {
		if len(kwnames) > 0 {
			return NULL, NewError(TypeErrorType, "bool() takes no keyword arguments")
		}
		switch len(args) {
		case 0:
			return False, nil
		case 1:
			b, err := Truth(th, args[0])
			return Bool(b), err
		}
		return NULL, NewError(TypeErrorType, "bool expected at most 1 argument, got %d", len(args))
	}
}
