package vm

import (
	"strings"

	"github.com/pya-lang/pya/vm/compile"
)

// UnionType is `int | str` (types.UnionType): what type.__or__ builds from
// classes, None, generic aliases and other unions. isinstance and
// issubclass accept it (biUnionArgs); typing's Union handles the rest.
type UnionType struct {
	Args []Value // flattened, deduplicated; None is stored as NoneType
}

func (*UnionType) Type() *Type { return UnionTypeType }

// UnionTypeType is types.UnionType.
var UnionTypeType = &Type{Name: "UnionType", QualName: "UnionType", Module: "types"}

// unionable reports whether v may be an operand of a union built by
// type.__or__ (CPython's is_unionable): None, a class, a generic alias
// or a union. Anything else (typing's forms) gets NotImplemented so that its
// own __ror__ runs.
func unionable(v Value) bool {
	if v.IsNone() {
		return true
	}
	switch v.o.(type) {
	case *Type, *GenericAlias, *UnionType:
		return true
	}
	return false
}

// unionOr is the __or__ (and __ror__) of classes, generic aliases and
// unions: the union of a and b, flattened and deduplicated; a single
// remaining member is returned as itself (int | int is int).
func unionOr(th *Thread, op compile.BinaryOp, a, b Value, reflected bool) (Value, error) {
	if op != compile.BinOr || !unionable(a) || !unionable(b) {
		return NotImplemented, nil
	}
	if reflected {
		a, b = b, a
	}
	var args []Value
	add := func(v Value) error {
		if v.IsNone() {
			v = Value{o: NoneType}
		}
		for _, x := range args {
			if x.Is(v) {
				return nil
			}
			// Generic aliases compare by value (list[int] | list[int]).
			if _, ok := v.o.(*GenericAlias); ok {
				eq, err := Equal(th, x, v)
				if err != nil || eq {
					return err
				}
			}
		}
		args = append(args, v)
		return nil
	}
	for _, v := range [2]Value{a, b} {
		if u, ok := v.o.(*UnionType); ok {
			for _, x := range u.Args {
				if err := add(x); err != nil {
					return NULL, err
				}
			}
		} else if err := add(v); err != nil {
			return NULL, err
		}
	}
	if len(args) == 1 {
		return args[0], nil
	}
	return Value{o: &UnionType{Args: args}}, nil
}

// unionArgRepr is a member's repr in a union: NoneType shows as None.
func unionArgRepr(th *Thread, v Value) (string, error) {
	if t, ok := v.o.(*Type); ok && t == NoneType {
		return "None", nil
	}
	return aliasArgRepr(th, v)
}

// unionSameArgs reports whether the unions' members are the same set.
func unionSameArgs(th *Thread, a, b *UnionType) (bool, error) {
	contains := func(xs []Value, v Value) (bool, error) {
		for _, x := range xs {
			eq, err := Equal(th, x, v)
			if err != nil || eq {
				return eq, err
			}
		}
		return false, nil
	}
	for _, pair := range [2][2]*UnionType{{a, b}, {b, a}} {
		for _, v := range pair[0].Args {
			ok, err := contains(pair[1].Args, v)
			if err != nil || !ok {
				return false, err
			}
		}
	}
	return true, nil
}

func init() {
	t := UnionTypeType
	t.Bases = []*Type{ObjectType}
	t.MRO = []*Type{t, ObjectType}
	t.Dict = NewDict()
	t.Binary = unionOr
	t.Repr = func(th *Thread, v Value) (string, error) {
		u := v.o.(*UnionType)
		parts := make([]string, len(u.Args))
		for i, a := range u.Args {
			var err error
			if parts[i], err = unionArgRepr(th, a); err != nil {
				return "", err
			}
		}
		return strings.Join(parts, " | "), nil
	}
	t.GetAttr = func(th *Thread, v Value, name string) (Value, error) {
		u := v.o.(*UnionType)
		switch name {
		case "__args__":
			return NewTuple(append([]Value(nil), u.Args...)), nil
		case "__parameters__":
			return NewTuple(nil), nil
		}
		return genericGetAttr(th, v, name)
	}
	t.Hash = func(th *Thread, v Value) (int64, error) {
		// Order-independent, as hash(frozenset(args)).
		var h int64
		for _, a := range v.o.(*UnionType).Args {
			x, err := Hash(th, a)
			if err != nil {
				return 0, err
			}
			h ^= x*1000003 + 97531
		}
		return h, nil
	}
	t.Compare = func(th *Thread, v, other Value, op compile.CompareOp) (Value, error) {
		o, ok := other.o.(*UnionType)
		if !ok || (op != compile.CmpEq && op != compile.CmpNe) {
			return NotImplemented, nil
		}
		eq, err := unionSameArgs(th, v.o.(*UnionType), o)
		return Bool(eq == (op == compile.CmpEq)), err
	}
	orMethods := func(t *Type) {
		t.AddMethods(map[string]NativeFunc{
			"__or__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
				if err := argsOne("__or__", args, kwnames); err != nil {
					return NULL, err
				}
				return unionOr(th, compile.BinOr, args[0], args[1], false)
			},
			"__ror__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
				if err := argsOne("__ror__", args, kwnames); err != nil {
					return NULL, err
				}
				return unionOr(th, compile.BinOr, args[0], args[1], true)
			},
		})
	}
	// type, GenericAlias and UnionType get only __or__/__ror__ (not the
	// other arithmetic dunders addSlotWrappers would add for a Binary slot).
	for _, ty := range []*Type{TypeType, GenericAliasType, t} {
		ty.Binary = unionOr
		orMethods(ty)
	}
}
