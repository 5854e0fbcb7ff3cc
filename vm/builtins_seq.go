package vm

import "github.com/pya-lang/pya/vm/compile"

// sorted(iterable, /, *, key=None, reverse=False)
func biSorted(th *Thread, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	if npos != 1 {
		return NULL, NewError(TypeErrorType, "sorted expected 1 argument, got %d", npos)
	}
	var key, rev Value
	if err := ParseArgs("sort", args[1:], kwnames, []string{"$key?", "$reverse?"}, &key, &rev); err != nil {
		return NULL, err
	}
	items, err := ToSlice(th, args[0])
	if err != nil {
		return NULL, err
	}
	reverse := false
	if !rev.IsNull() {
		if reverse, err = Truth(th, rev); err != nil {
			return NULL, err
		}
	}
	if err := SortValues(th, items, key, reverse); err != nil {
		return NULL, err
	}
	return NewList(items), nil
}

func biMin(th *Thread, args []Value, kwnames []string) (Value, error) {
	return biMinMax(th, "min", compile.CmpLt, args, kwnames)
}

func biMax(th *Thread, args []Value, kwnames []string) (Value, error) {
	return biMinMax(th, "max", compile.CmpGt, args, kwnames)
}

// biMinMax implements min and max: the first item for which no later item
// compares op-better.
func biMinMax(th *Thread, name string, op compile.CompareOp, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	var key, dflt Value
	for i, kw := range kwnames {
		switch kw {
		case "key":
			key = args[npos+i]
		case "default":
			dflt = args[npos+i]
		default:
			return NULL, NewError(TypeErrorType, "'%s' is an invalid keyword argument for %s()", kw, name)
		}
	}
	if key.IsNone() {
		key = NULL
	}
	if npos == 0 {
		return NULL, NewError(TypeErrorType, "%s expected at least 1 argument, got 0", name)
	}
	var items []Value
	if npos == 1 {
		var err error
		if items, err = ToSlice(th, args[0]); err != nil {
			return NULL, err
		}
	} else {
		if !dflt.IsNull() {
			return NULL, NewError(TypeErrorType, "Cannot specify a default for %s() with multiple positional arguments", name)
		}
		items = args[:npos]
	}
	if len(items) == 0 {
		if !dflt.IsNull() {
			return dflt, nil
		}
		return NULL, NewError(ValueErrorType, "%s() arg is an empty sequence", name)
	}
	best, bestKey := items[0], items[0]
	if !key.IsNull() {
		k, err := th.Call(key, []Value{best}, nil)
		if err != nil {
			return NULL, err
		}
		bestKey = k
	}
	for _, it := range items[1:] {
		k := it
		if !key.IsNull() {
			var err error
			if k, err = th.Call(key, []Value{it}, nil); err != nil {
				return NULL, err
			}
		}
		var better bool
		switch {
		case k.IsInt() && bestKey.IsInt():
			if op == compile.CmpLt {
				better = k.AsInt() < bestKey.AsInt()
			} else {
				better = k.AsInt() > bestKey.AsInt()
			}
		default:
			r, err := CompareOp(th, op, k, bestKey)
			if err != nil {
				return NULL, err
			}
			if better, err = Truth(th, r); err != nil {
				return NULL, err
			}
		}
		if better {
			best, bestKey = it, k
		}
	}
	return best, nil
}

// sum(iterable, /, start=0)
func biSum(th *Thread, args []Value, kwnames []string) (Value, error) {
	var it, start Value
	if err := ParseArgs("sum", args, kwnames, []string{"iterable", "start?"}, &it, &start); err != nil {
		return NULL, err
	}
	if start.IsNull() {
		start = Int(0)
	} else {
		if _, ok := start.o.(*Str); ok {
			return NULL, NewError(TypeErrorType, "sum() can't sum strings [use ''.join(seq) instead]")
		}
		if t := start.Type(); t == BytesType || t == ByteArrayType {
			return NULL, NewError(TypeErrorType, "sum() can't sum %s [use b''.join(seq) instead]", t.Name)
		}
	}
	acc := start
	err := Iterate(th, it, func(x Value) error {
		if acc.IsInt() && x.IsInt() {
			a, b := acc.AsInt(), x.AsInt()
			if s := a + b; (s > a) == (b > 0) {
				acc = Int(s)
				return nil
			}
		} else if acc.IsFloat() && x.IsFloat() {
			acc = Float(acc.AsFloat() + x.AsFloat())
			return nil
		}
		r, err := BinaryOp(th, compile.BinAdd, acc, x)
		if err != nil {
			return err
		}
		acc = r
		return nil
	})
	if err != nil {
		return NULL, err
	}
	return acc, nil
}
