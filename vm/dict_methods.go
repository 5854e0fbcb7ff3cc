package vm

import (
	"github.com/pya-lang/pya/vm/compile"
)

func addDictMethods() {
	self := func(args []Value) *Dict { return args[0].o.(*Dict) }
	DictType.AddMethods(map[string]NativeFunc{
		"__init__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return None, dictInit(th, self(args), args[1:], kwnames)
		},
		"get": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("get", "dict.get", args, kwnames, 1, 2); err != nil {
				return NULL, err
			}
			v, ok, err := self(args).Get(th, args[1])
			if err != nil {
				return NULL, err
			}
			if !ok {
				if len(args) > 2 {
					return args[2], nil
				}
				return None, nil
			}
			return v, nil
		},
		"setdefault": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("setdefault", "dict.setdefault", args, kwnames, 1, 2); err != nil {
				return NULL, err
			}
			d := self(args)
			v, ok, err := d.Get(th, args[1])
			if err != nil || ok {
				return v, err
			}
			def := None
			if len(args) > 2 {
				def = args[2]
			}
			return def, d.Set(th, args[1], def)
		},
		"pop": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("pop", "dict.pop", args, kwnames, 1, 2); err != nil {
				return NULL, err
			}
			v, ok, err := self(args).Pop(th, args[1])
			if err != nil {
				return NULL, err
			}
			if !ok {
				if len(args) > 2 {
					return args[2], nil
				}
				return NULL, newKeyError(args[1])
			}
			return v, nil
		},
		"popitem": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("dict.popitem", args, kwnames); err != nil {
				return NULL, err
			}
			k, v, ok := self(args).PopItem()
			if !ok {
				return NULL, newKeyError(NewStr("popitem(): dictionary is empty"))
			}
			return NewTuple([]Value{k, v}), nil
		},
		"update": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			d := self(args)
			npos := len(args) - len(kwnames) - 1
			if npos > 1 {
				return NULL, NewError(TypeErrorType, "update expected at most 1 argument, got %d", npos)
			}
			if npos == 1 {
				if err := dictUpdate(th, d, args[1]); err != nil {
					return NULL, err
				}
			}
			for i, k := range kwnames {
				d.SetStr(k, args[1+npos+i])
			}
			return None, nil
		},
		"keys": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("dict.keys", args, kwnames); err != nil {
				return NULL, err
			}
			return Value{o: &DictView{D: self(args), kind: viewKeys}}, nil
		},
		"values": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("dict.values", args, kwnames); err != nil {
				return NULL, err
			}
			return Value{o: &DictView{D: self(args), kind: viewValues}}, nil
		},
		"items": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("dict.items", args, kwnames); err != nil {
				return NULL, err
			}
			return Value{o: &DictView{D: self(args), kind: viewItems}}, nil
		},
		"copy": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("dict.copy", args, kwnames); err != nil {
				return NULL, err
			}
			return Value{o: self(args).Copy()}, nil
		},
		"clear": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("dict.clear", args, kwnames); err != nil {
				return NULL, err
			}
			self(args).Clear()
			return None, nil
		},
		"__reversed__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("dict.__reversed__", args, kwnames); err != nil {
				return NULL, err
			}
			return newDictIter(self(args), viewKeys, true), nil
		},
		"__getitem__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("dict.__getitem__", args, kwnames); err != nil {
				return NULL, err
			}
			return dictGetItem(th, self(args), args[1])
		},
		"__contains__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("dict.__contains__", args, kwnames); err != nil {
				return NULL, err
			}
			_, ok, err := self(args).Get(th, args[1])
			return Bool(ok), err
		},
	})
	DictType.AddClassMethods(map[string]NativeFunc{
		"fromkeys": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("fromkeys", "dict.fromkeys", args, kwnames, 1, 2); err != nil {
				return NULL, err
			}
			v := None
			if len(args) > 2 {
				v = args[2]
			}
			var d Value
			if t, ok := args[0].o.(*Type); ok && t != DictType {
				r, err := th.Call(args[0], nil, nil)
				if err != nil {
					return NULL, err
				}
				d = r
			} else {
				d = Value{o: NewDict()}
			}
			err := Iterate(th, args[1], func(k Value) error { return SetItem(th, d, k, v) })
			return d, err
		},
	})
}

// DictView is a dict's keys(), values() or items() view.
type DictView struct {
	D    *Dict
	kind dictViewKind
}

var dictViewTypes = [3]*Type{DictKeysType, DictValuesType, DictItemsType}

func (v *DictView) Type() *Type { return dictViewTypes[v.kind] }

func dictViewRepr(th *Thread, v Value) (string, error) {
	dv := v.o.(*DictView)
	name := dictViewTypes[dv.kind].Name
	if reprEnter(th, dv) {
		return "...", nil
	}
	defer reprLeave(th, dv)
	var items []Value
	switch dv.kind {
	case viewKeys:
		items = dv.D.Keys()
	case viewValues:
		items = dv.D.Values()
	default:
		dv.D.Items(func(k, x Value) bool {
			items = append(items, NewTuple([]Value{k, x}))
			return true
		})
	}
	s, err := reprItems(th, name+"([", items, "])")
	return s, err
}

// viewContains: keys test membership in the dict; items look the key up and
// compare the value; values search linearly.
func dictViewContains(th *Thread, v, x Value) (bool, error) {
	dv := v.o.(*DictView)
	switch dv.kind {
	case viewKeys:
		_, ok, err := dv.D.Get(th, x)
		return ok, err
	case viewItems:
		t, ok := x.o.(*Tuple)
		if !ok || len(t.Items) != 2 {
			return false, nil
		}
		val, ok, err := dv.D.Get(th, t.Items[0])
		if err != nil || !ok {
			return false, err
		}
		return Equal(th, val, t.Items[1])
	}
	n, err := indexOfItem(th, dv.D.Values(), x)
	return n >= 0, err
}

// dictViewBinary gives keys and items views the set operators; the result
// is a set.
func dictViewBinary(th *Thread, op compile.BinaryOp, v, w Value, reflected bool) (Value, error) {
	switch op {
	case compile.BinAnd, compile.BinOr, compile.BinSub, compile.BinXor:
	default:
		return NotImplemented, nil
	}
	if v.o.(*DictView).kind == viewValues {
		return NotImplemented, nil
	}
	if reflected {
		v, w = w, v
	}
	a, err := newSetFrom(th, SetType, v)
	if err != nil {
		return NULL, err
	}
	if _, ok, _ := setOperand(w); !ok {
		if w.Type().Iter == nil {
			return NotImplemented, nil
		}
	}
	b, err := newSetFrom(th, SetType, w)
	if err != nil {
		return NULL, err
	}
	return setBinaryOp(th, op, a, b)
}

func addDictViews() {
	for _, t := range dictViewTypes {
		t.Repr = dictViewRepr
		t.Len = func(th *Thread, v Value) (int, error) { return v.o.(*DictView).D.used, nil }
		t.Iter = func(th *Thread, v Value) (Value, error) {
			dv := v.o.(*DictView)
			return newDictIter(dv.D, dv.kind, false), nil
		}
		t.Contains = dictViewContains
		t.AddMethods(map[string]NativeFunc{
			"__reversed__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
				dv := args[0].o.(*DictView)
				return newDictIter(dv.D, dv.kind, true), nil
			},
		})
	}
	for _, t := range []*Type{DictKeysType, DictItemsType} {
		t.Binary = dictViewBinary
		t.Compare = func(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
			a, err := newSetFrom(th, SetType, v)
			if err != nil {
				return NULL, err
			}
			if _, ok := w.o.(*DictView); !ok {
				if _, _, ok := setOperand(w); !ok {
					return NotImplemented, nil
				}
			}
			b, err := newSetFrom(th, SetType, w)
			if err != nil {
				return NULL, err
			}
			return setCompare(th, Value{o: a}, Value{o: b}, op)
		}
		t.AddMethods(map[string]NativeFunc{
			"isdisjoint": func(th *Thread, args []Value, kwnames []string) (Value, error) {
				found := false
				err := Iterate(th, args[1], func(x Value) error {
					ok, err := dictViewContains(th, args[0], x)
					if err == nil && ok {
						found = true
						return errStopIteration
					}
					return err
				})
				if err == errStopIteration {
					err = nil
				}
				return Bool(!found), err
			},
		})
	}
}
