package vm

import (
	"cmp"
	"math"
	"slices"

	"github.com/pya-lang/pya/vm/compile"
)

// SortValues sorts items in place, stably, comparing with < only (as
// CPython's list.sort), through key (None for no key) and reversed when rev
// (a reversed sort keeps equal items in their original order).
//
// Lists of unboxed ints, and of floats without NaN or -0.0, sorted without
// a key, take a native sort of their numbers: equal items of such a list
// are indistinguishable, so stability does not matter (the `containers`
// benchmark). Every other list is merge-sorted through an index array.
func SortValues(th *Thread, items []Value, key Value, rev bool) error {
	noKey := key.IsNone() || key.IsNull()
	if noKey && len(items) > 1 && sortNumbers(items, rev) {
		return nil
	}
	keys := items
	if !noKey {
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

// sortNumbers sorts items natively when they are all unboxed ints, or all
// floats that are neither NaN nor -0.0 (so that equal items have equal
// bits), and reports whether it did.
func sortNumbers(items []Value, rev bool) bool {
	switch items[0].o {
	case intKind:
		ns := make([]int64, len(items))
		for i := range items {
			if !fastIsInt(&items[i]) {
				return false
			}
			ns[i] = int64(items[i].n)
		}
		slices.Sort(ns)
		if rev {
			slices.Reverse(ns)
		}
		for i, n := range ns {
			items[i] = Value{o: intKind, n: uint64(n)}
		}
		return true
	case floatKind:
		fs := make([]float64, len(items))
		for i := range items {
			f := items[i].AsFloat()
			if !fastIsFloat(&items[i]) || f != f || (f == 0 && math.Signbit(f)) {
				return false
			}
			fs[i] = f
		}
		slices.Sort(fs)
		if rev {
			slices.Reverse(fs)
		}
		for i, f := range fs {
			items[i] = Float(f)
		}
		return true
	}
	return false
}

// sortIndexes sorts idx by keys[idx[i]] with a stable merge sort using only
// "<" (homogeneous ints, floats and strs take a native comparison).
func sortIndexes(th *Thread, keys []Value, idx []int) error {
	if len(idx) < 2 {
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
	if c := nativeCompare(keys); c != nil {
		less = func(a, b Value) bool { return c(a, b) < 0 }
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
// unboxed int, or every key a float without NaN, or every key an exact str.
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
	if s, ok := first.o.(*Str); ok && s.ext == nil {
		for _, k := range keys {
			if s, ok := k.o.(*Str); !ok || s.ext != nil { // a subclass may define __lt__
				return nil
			}
		}
		return func(a, b Value) int { return cmpStrings(a.o.(*Str).s, b.o.(*Str).s) }
	}
	return nil
}
