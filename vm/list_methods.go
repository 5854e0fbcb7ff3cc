package vm

import "slices"

func addListMethods() {
	ListType.AddMethods(map[string]NativeFunc{
		"__init__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return None, listInit(th, args[0].o.(*List), args[1:], kwnames)
		},
		"append": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("list.append", args, kwnames); err != nil {
				return NULL, err
			}
			l := args[0].o.(*List)
			l.Items = appendValue(l.Items, args[1])
			return None, nil
		},
		"extend": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("list.extend", args, kwnames); err != nil {
				return NULL, err
			}
			return None, listExtend(th, args[0].o.(*List), args[1])
		},
		"insert": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("insert", "list.insert", args, kwnames, 2, 2); err != nil {
				return NULL, err
			}
			l := args[0].o.(*List)
			i, err := indexArg(th, args[1])
			if err != nil {
				return NULL, err
			}
			n := int64(len(l.Items))
			if i < 0 {
				i += n
				if i < 0 {
					i = 0
				}
			} else if i > n {
				i = n
			}
			l.Items = slices.Insert(l.Items, int(i), args[2])
			return None, nil
		},
		"pop": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("pop", "list.pop", args, kwnames, 0, 1); err != nil {
				return NULL, err
			}
			l := args[0].o.(*List)
			i := int64(-1)
			if len(args) > 1 {
				var err error
				if i, err = indexArg(th, args[1]); err != nil {
					return NULL, err
				}
			}
			if len(l.Items) == 0 {
				return NULL, NewError(IndexErrorType, "pop from empty list")
			}
			j, ok := seqIndex(i, len(l.Items))
			if !ok {
				return NULL, NewError(IndexErrorType, "pop index out of range")
			}
			x := l.Items[j]
			l.Items = slices.Delete(l.Items, j, j+1)
			return x, nil
		},
		"remove": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("list.remove", args, kwnames); err != nil {
				return NULL, err
			}
			l := args[0].o.(*List)
			for i := 0; i < len(l.Items); i++ {
				eq, err := Equal(th, l.Items[i], args[1])
				if err != nil {
					return NULL, err
				}
				if eq {
					l.Items = slices.Delete(l.Items, i, i+1)
					return None, nil
				}
			}
			return NULL, NewError(ValueErrorType, "list.remove(x): x not in list")
		},
		"index": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("index", "list.index", args, kwnames, 1, 3); err != nil {
				return NULL, err
			}
			l := args[0].o.(*List)
			start, end, err := searchBounds(th, len(l.Items), optArg(args, 2), optArg(args, 3))
			if err != nil {
				return NULL, err
			}
			for i := start; i < end && i < len(l.Items); i++ {
				eq, err := Equal(th, l.Items[i], args[1])
				if err != nil {
					return NULL, err
				}
				if eq {
					return Int(int64(i)), nil
				}
			}
			r, err := Repr(th, args[1])
			if err != nil {
				return NULL, err
			}
			return NULL, NewError(ValueErrorType, "%s is not in list", r)
		},
		"count": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("list.count", args, kwnames); err != nil {
				return NULL, err
			}
			n, err := countItems(th, args[0].o.(*List).Items, args[1])
			return Int(int64(n)), err
		},
		"reverse": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("list.reverse", args, kwnames); err != nil {
				return NULL, err
			}
			slices.Reverse(args[0].o.(*List).Items)
			return None, nil
		},
		"copy": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("list.copy", args, kwnames); err != nil {
				return NULL, err
			}
			return NewList(cloneValues(args[0].o.(*List).Items)), nil
		},
		"clear": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("list.clear", args, kwnames); err != nil {
				return NULL, err
			}
			args[0].o.(*List).Items = nil
			return None, nil
		},
		"sort": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args)-len(kwnames) > 1 {
				return NULL, NewError(TypeErrorType, "sort() takes no positional arguments")
			}
			key, reverse := None, False
			if err := ParseArgs("sort", args[1:], kwnames, []string{"$key?", "$reverse?"}, &key, &reverse); err != nil {
				return NULL, err
			}
			rev, err := Truth(th, reverse)
			if err != nil {
				return NULL, err
			}
			l := args[0].o.(*List)
			items := l.Items
			l.Items = nil
			err = SortValues(th, items, key, rev)
			modified := len(l.Items) != 0
			l.Items = items
			if err == nil && modified {
				err = NewError(ValueErrorType, "list modified during sort")
			}
			return None, err
		},
		"__reversed__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("list.__reversed__", args, kwnames); err != nil {
				return NULL, err
			}
			l := args[0].o.(*List)
			return Value{o: &listRevIterator{l: l, i: len(l.Items) - 1}}, nil
		},
	})
}

// ReversedList returns reversed(l) (the list_reverseiterator).
func ReversedList(l *List) Value { return Value{o: &listRevIterator{l: l, i: len(l.Items) - 1}} }

// countItems counts the items equal to x.
func countItems(th *Thread, items []Value, x Value) (int, error) {
	n := 0
	for i := 0; i < len(items); i++ {
		eq, err := Equal(th, items[i], x)
		if err != nil {
			return 0, err
		}
		if eq {
			n++
		}
	}
	return n, nil
}
