package vm

import (
	"cmp"
	"slices"

	"github.com/pya-lang/pya/vm/compile"
)

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
			l.Items = append(l.Items, args[1])
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
			return NewList(append([]Value(nil), args[0].o.(*List).Items...)), nil
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

// SortValues sorts items in place, stably, comparing with < only (as
// CPython's list.sort), through key (None for no key) and reversed when rev
// (a reversed sort keeps equal items in their original order).
func SortValues(th *Thread, items []Value, key Value, rev bool) error {
	keys := items
	if !key.IsNone() && !key.IsNull() {
		keys = make([]Value, len(items))
		for i, x := range items {
			k, err := th.Call(key, []Value{x}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	if rev {
		// Reverse, sort stably, reverse: equal items keep their order.
		slices.Reverse(idx)
	}
	if err := sortIndexes(th, keys, idx); err != nil {
		return err
	}
	if rev {
		slices.Reverse(idx)
	}
	sorted := make([]Value, len(items))
	for i, j := range idx {
		sorted[i] = items[j]
	}
	copy(items, sorted)
	return nil
}

// sortIndexes sorts idx by keys[idx[i]] with a stable merge sort using only
// "<" (homogeneous ints, floats and strs take a native comparison).
func sortIndexes(th *Thread, keys []Value, idx []int) error {
	if len(idx) < 2 {
		return nil
	}
	if c := nativeCompare(keys); c != nil {
		slices.SortStableFunc(idx, func(i, j int) int { return c(keys[i], keys[j]) })
		return nil
	}
	var firstErr error
	less := func(a, b Value) bool {
		if firstErr != nil {
			return false
		}
		r, err := CompareOp(th, compile.CmpLt, a, b)
		if err == nil {
			var t bool
			t, err = Truth(th, r)
			if err == nil {
				return t
			}
		}
		firstErr = err
		return false
	}
	buf := make([]int, len(idx))
	var msort func(lo, hi int)
	msort = func(lo, hi int) {
		if hi-lo < 2 || firstErr != nil {
			return
		}
		if hi-lo <= 8 { // binary-free insertion sort for small runs
			for i := lo + 1; i < hi; i++ {
				x := idx[i]
				j := i
				for j > lo && less(keys[x], keys[idx[j-1]]) {
					idx[j] = idx[j-1]
					j--
				}
				idx[j] = x
			}
			return
		}
		mid := (lo + hi) / 2
		msort(lo, mid)
		msort(mid, hi)
		if !less(keys[idx[mid]], keys[idx[mid-1]]) {
			return // already in order
		}
		copy(buf[lo:hi], idx[lo:hi])
		i, j, k := lo, mid, lo
		for i < mid && j < hi {
			if less(keys[buf[j]], keys[buf[i]]) {
				idx[k] = buf[j]
				j++
			} else {
				idx[k] = buf[i]
				i++
			}
			k++
		}
		k += copy(idx[k:], buf[i:mid])
		copy(idx[k:], buf[j:hi])
	}
	msort(0, len(idx))
	return firstErr
}

// nativeCompare returns a three-way comparison when every key is an
// unboxed int, or every key a float without NaN, or every key a str.
func nativeCompare(keys []Value) func(a, b Value) int {
	first := keys[0]
	switch {
	case first.o == intKind:
		for _, k := range keys {
			if k.o != intKind {
				return nil
			}
		}
		return func(a, b Value) int { return cmp.Compare(int64(a.n), int64(b.n)) }
	case first.o == floatKind:
		for _, k := range keys {
			if k.o != floatKind || k.AsFloat() != k.AsFloat() {
				return nil
			}
		}
		return func(a, b Value) int { return cmp.Compare(a.AsFloat(), b.AsFloat()) }
	}
	if _, ok := first.o.(*Str); ok {
		for _, k := range keys {
			if _, ok := k.o.(*Str); !ok {
				return nil
			}
		}
		return func(a, b Value) int { return cmpStrings(a.o.(*Str).s, b.o.(*Str).s) }
	}
	return nil
}
