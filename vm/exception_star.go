package vm

// The except* opcodes (CHECK_EG_MATCH, PREP_RERAISE_STAR) as CPython
// 3.11's ceval.c and Objects/exceptions.c implement them.

// checkExceptStarType is check_except_star_type_valid: the clause's type
// must be exception classes, and none of them a BaseExceptionGroup.
func checkExceptStarType(typ Value) error {
	if err := checkExceptType(typ); err != nil {
		return err
	}
	items := []Value{typ}
	if t, ok := typ.o.(*Tuple); ok {
		items = t.Items
	}
	for _, x := range items {
		if t, ok := x.o.(*Type); ok && t.IsSubtype(BaseExceptionGroupType) {
			return NewError(TypeErrorType, "catching ExceptionGroup with except* is not allowed. Use except instead.")
		}
	}
	return nil
}

// checkEGMatch implements CHECK_EG_MATCH: [exc, type] -> [rest, match].
// exc is None when an earlier clause took everything; a match sets the
// handled exception (sys.exception() in the clause body).
func (th *Thread) checkEGMatch(f *Frame) error {
	typ := f.slots[f.sp-1]
	if err := checkExceptStarType(typ); err != nil {
		return err
	}
	exc, ok := f.slots[f.sp-2].o.(*Exception)
	if !ok {
		f.slots[f.sp-2], f.slots[f.sp-1] = None, None
		return nil
	}
	var match, rest Value
	if ok, _ := excMatches(Value{o: exc}, typ); ok {
		// Full match: a group as it is, a naked exception wrapped.
		m := exc
		if !isGroup(exc) {
			w, err := newGroup(th, "", NewTuple([]Value{exc.value()}))
			if err != nil {
				return err
			}
			m = w
		}
		match, rest = Value{o: m}, None
	} else if isGroup(exc) {
		pair, err := callMethod(th, Value{o: exc}, "split", typ)
		if err != nil {
			return err
		}
		t, ok := pair.o.(*Tuple)
		if !ok || len(t.Items) != 2 {
			return NewError(TypeErrorType, "split() must return a 2-tuple")
		}
		match, rest = t.Items[0], t.Items[1]
	} else {
		match, rest = None, exc.value()
	}
	if m, ok := match.o.(*Exception); ok {
		th.handled = m
	}
	f.slots[f.sp-2], f.slots[f.sp-1] = rest, match
	return nil
}

func (e *Exception) value() Value { return Value{o: e} }

// sameMetadata is is_same_exception_metadata: a split part re-raised
// unchanged (bare raise, or not caught at all) shares the traceback,
// cause and context of the group it came from; raising it anew prepends
// a traceback entry and so makes a new traceback.
func sameMetadata(a, b *Exception) bool {
	return sameTraceback(a.Traceback, b.Traceback) && a.Cause == b.Cause && a.Context == b.Context
}

// sameTraceback compares two tracebacks by identity (addTraceback never
// changes a traceback in place).
func sameTraceback(a, b []TraceEntry) bool {
	if len(a) != len(b) {
		return false
	}
	return len(a) == 0 || &a[0] == &b[0]
}

// leafIDs collects the leaf (non-group) exceptions of e.
func leafIDs(e *Exception, into map[*Exception]bool) {
	if !isGroup(e) {
		into[e] = true
		return
	}
	for _, x := range egExceptions(e) {
		leafIDs(x, into)
	}
}

// prepReraiseStar implements PREP_RERAISE_STAR (_PyExc_PrepReraiseStar):
// from the original exception and what the clauses raised or left
// unhandled (None for nothing), the exception to re-raise, or None. The
// re-raised parts are projected back onto the original group's shape;
// newly raised exceptions come first in a new ExceptionGroup("", ...).
func (th *Thread) prepReraiseStar(orig Value, excs []Value) (Value, error) {
	if len(excs) == 0 {
		return None, nil
	}
	oe, ok := orig.o.(*Exception)
	if !ok || !isGroup(oe) {
		// A naked exception was caught and wrapped: at most one clause ran.
		return excs[0], nil
	}
	var raised []*Exception
	keep := map[*Exception]bool{}
	for _, x := range excs {
		e, ok := x.o.(*Exception)
		if !ok {
			continue
		}
		if sameMetadata(e, oe) {
			leafIDs(e, keep)
		} else {
			raised = append(raised, e)
		}
	}
	var reraised *Exception
	if len(keep) > 0 {
		m, _, err := egSplit(th, oe, &egMatcher{leafs: keep}, false)
		if err != nil {
			return NULL, err
		}
		reraised = m
	}
	if len(raised) == 0 {
		return excOrNone(reraised), nil
	}
	if reraised != nil {
		raised = append(raised, reraised)
	}
	if len(raised) == 1 {
		return raised[0].value(), nil
	}
	vals := make([]Value, len(raised))
	for i, x := range raised {
		vals[i] = x.value()
	}
	g, err := newGroup(th, "", NewList(vals))
	if err != nil {
		return NULL, err
	}
	return g.value(), nil
}
