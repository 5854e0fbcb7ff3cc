package vm

import (
	"strings"

	"github.com/pya-lang/pya/vm/compile"
)

// Helpers shared by the sequence types (list, tuple, str, bytes, range).

// reprEnter reports whether o's repr is already in progress on th (the
// caller then prints the placeholder [...] or {...}); otherwise it marks it
// until reprLeave (the thread's ReprEnter, CPython's Py_ReprEnter).
func reprEnter(th *Thread, o Object) bool {
	return th != nil && !th.ReprEnter(o)
}

// reprLeave unmarks o.
func reprLeave(th *Thread, o Object) {
	if th != nil {
		th.ReprLeave(o)
	}
}

// reprItems writes open, the reprs of items separated by ", ", and close.
func reprItems(th *Thread, open string, items []Value, close string) (string, error) {
	var sb strings.Builder
	sb.WriteString(open)
	for i := 0; i < len(items); i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		r, err := Repr(th, items[i])
		if err != nil {
			return "", err
		}
		sb.WriteString(r)
	}
	sb.WriteString(close)
	return sb.String(), nil
}

// compareSeq is the lexicographic rich comparison of lists and tuples: the
// first unequal pair decides (compared with op), else the lengths.
func compareSeq(th *Thread, a, b []Value, op compile.CompareOp) (Value, error) {
	if (op == compile.CmpEq || op == compile.CmpNe) && len(a) != len(b) {
		return Bool(op == compile.CmpNe), nil
	}
	i := 0
	for ; i < len(a) && i < len(b); i++ {
		eq, err := Equal(th, a[i], b[i])
		if err != nil {
			return NULL, err
		}
		if !eq {
			break
		}
	}
	if i >= len(a) || i >= len(b) {
		return Bool(cmpResult(cmpLen(len(a), len(b)), op)), nil
	}
	switch op {
	case compile.CmpEq:
		return False, nil
	case compile.CmpNe:
		return True, nil
	}
	return CompareOp(th, op, a[i], b[i])
}

func cmpLen(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// repeatCount converts the int operand of seq * n (negative counts as 0);
// ok false when n is not an int.
func repeatCount(th *Thread, n Value, itemLen int) (int, bool, error) {
	if !isInt(n) {
		r, err := callIndex(th, n)
		if err != nil || r.IsNull() {
			return 0, false, err
		}
		n = r
	}
	if _, big := n.o.(*BigInt); big {
		return 0, true, NewError(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
	}
	c := int64(n.n)
	if c <= 0 || itemLen == 0 {
		return 0, true, nil
	}
	if c > (1<<40)/int64(itemLen) {
		return 0, true, NewError(MemoryErrorType, "")
	}
	return int(c), true, nil
}

// seqIndex normalizes an int index for a sequence of length n; ok false
// when it is out of range.
func seqIndex(i int64, n int) (int, bool) {
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, false
	}
	return int(i), true
}

// itemIndex converts a subscript that must be an int for a sequence named
// what ("list indices must be integers or slices, not str").
func itemIndex(th *Thread, k Value, what string) (int64, error) {
	i, ok, err := Index(th, k)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, NewError(TypeErrorType, "%s indices must be integers or slices, not %s", what, TypeName(k))
	}
	return i, nil
}

// sliceItems returns the items of a slice of items (a fresh slice).
func sliceItems(items []Value, start, step, count int) []Value {
	out := make([]Value, count)
	if step == 1 {
		copyFresh(out, items[start:start+count])
		return out
	}
	for i, j := 0, start; i < count; i, j = i+1, j+step {
		out[i] = items[j]
	}
	return out
}

// searchBounds converts the optional start/end arguments of index/count/find
// methods into [start, end) within n (CPython's ADJUST_INDICES).
func searchBounds(th *Thread, n int, startv, endv Value) (int, int, error) {
	start, end := int64(0), int64(n)
	conv := func(v Value, def int64) (int64, error) {
		if v.IsNull() || v.IsNone() {
			return def, nil
		}
		i, ok, err := Index(th, v)
		if err != nil {
			return 0, err
		}
		if !ok {
			return 0, NewError(TypeErrorType, "slice indices must be integers or have an __index__ method")
		}
		return i, nil
	}
	var err error
	if start, err = conv(startv, 0); err != nil {
		return 0, 0, err
	}
	if end, err = conv(endv, int64(n)); err != nil {
		return 0, 0, err
	}
	if end > int64(n) {
		end = int64(n)
	} else if end < 0 {
		end += int64(n)
		if end < 0 {
			end = 0
		}
	}
	if start < 0 {
		start += int64(n)
		if start < 0 {
			start = 0
		}
	}
	return int(start), int(end), nil
}
