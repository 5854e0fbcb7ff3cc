package vm

import (
	"strings"

	"github.com/pya-lang/pya/vm/compile"
)

// GenericAlias is list[int], dict[str, int] ...: a parameterized built-in
// type (types.GenericAlias). Calling it calls the origin.
type GenericAlias struct {
	Origin Value
	Args   []Value
}

func (*GenericAlias) Type() *Type { return GenericAliasType }

// GenericAliasType is types.GenericAlias.
var GenericAliasType = &Type{Name: "GenericAlias", QualName: "GenericAlias", Module: "types"}

// genericAliasTypes are the built-in types with __class_getitem__.
func isGenericBuiltin(t *Type) bool {
	switch t {
	case ListType, DictType, TupleType, SetType, FrozenSetType, TypeType:
		return true
	}
	return t.IsSubtype(BaseExceptionGroupType)
}

func newGenericAlias(origin, key Value) Value {
	var args []Value
	if t, ok := key.o.(*Tuple); ok {
		args = append(args, t.Items...)
	} else {
		args = []Value{key}
	}
	return Value{o: &GenericAlias{Origin: origin, Args: args}}
}

// aliasArgRepr is typing's _type_repr: classes by qualified name, ... for
// Ellipsis, repr otherwise.
func aliasArgRepr(th *Thread, v Value) (string, error) {
	switch o := v.o.(type) {
	case *Type:
		return typeFullName(o), nil
	}
	if v.Is(Ellipsis) {
		return "...", nil
	}
	return Repr(th, v)
}

func init() {
	t := GenericAliasType
	t.Bases = []*Type{ObjectType}
	t.MRO = []*Type{t, ObjectType}
	t.Dict = NewDict()
	t.Repr = func(th *Thread, v Value) (string, error) {
		g := v.o.(*GenericAlias)
		o, err := aliasArgRepr(th, g.Origin)
		if err != nil {
			return "", err
		}
		parts := make([]string, len(g.Args))
		for i, a := range g.Args {
			if parts[i], err = aliasArgRepr(th, a); err != nil {
				return "", err
			}
		}
		if len(parts) == 0 {
			parts = []string{"()"}
		}
		return o + "[" + strings.Join(parts, ", ") + "]", nil
	}
	// GenericAlias(origin, args) is what classmethod(GenericAlias) calls:
	// pya-source classes (collections.abc) get their __class_getitem__ so.
	t.New = func(th *Thread, _ *Type, args []Value, kwnames []string) (Value, error) {
		if len(kwnames) > 0 {
			return NULL, NewError(TypeErrorType, "GenericAlias() takes no keyword arguments")
		}
		if len(args) != 2 {
			return NULL, NewError(TypeErrorType, "GenericAlias expected 2 arguments, got %d", len(args))
		}
		return newGenericAlias(args[0], args[1]), nil
	}
	t.Call = func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
		return th.Call(v.o.(*GenericAlias).Origin, args, kwnames)
	}
	t.GetAttr = func(th *Thread, v Value, name string) (Value, error) {
		g := v.o.(*GenericAlias)
		switch name {
		case "__origin__":
			return g.Origin, nil
		case "__args__":
			return NewTuple(append([]Value(nil), g.Args...)), nil
		case "__parameters__":
			return NewTuple(nil), nil
		case "__mro_entries__":
			// class B(list[int]) has base list (and __orig_bases__ list[int]).
			return NewBuiltin("__mro_entries__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
				return NewTuple([]Value{g.Origin}), nil
			}), nil
		}
		return LookupAttr(th, g.Origin, name)
	}
	t.Hash = func(th *Thread, v Value) (int64, error) {
		g := v.o.(*GenericAlias)
		h, err := Hash(th, g.Origin)
		if err != nil {
			return 0, err
		}
		a, err := Hash(th, NewTuple(g.Args))
		return h ^ a, err
	}
	t.Compare = func(th *Thread, v, other Value, op compile.CompareOp) (Value, error) {
		o, ok := other.o.(*GenericAlias)
		if !ok || (op != compile.CmpEq && op != compile.CmpNe) {
			return NotImplemented, nil
		}
		g := v.o.(*GenericAlias)
		eq, err := Equal(th, g.Origin, o.Origin)
		if err == nil && eq {
			eq, err = Equal(th, NewTuple(g.Args), NewTuple(o.Args))
		}
		return Bool(eq == (op == compile.CmpEq)), err
	}
}

// NewGenericAlias is the result of origin[key] for a built-in generic
// class with a __class_getitem__ (contextvars.ContextVar[int], ...).
func NewGenericAlias(th *Thread, origin, key Value) (Value, error) {
	return genericAlias(th, origin, key)
}
