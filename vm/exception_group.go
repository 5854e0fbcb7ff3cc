package vm

import "fmt"

// BaseExceptionGroup and ExceptionGroup (PEP 654): construction rules,
// message/exceptions, split/subgroup/derive, and the except* machinery
// (CHECK_EG_MATCH, PREP_RERAISE_STAR) following CPython 3.11.

// egExceptions returns the sub-exceptions of a group.
func egExceptions(e *Exception) []*Exception {
	if len(e.Args) < 2 {
		return nil
	}
	var out []*Exception
	var items []Value
	switch s := e.Args[1].o.(type) {
	case *List:
		items = s.Items
	case *Tuple:
		items = s.Items
	}
	for _, x := range items {
		if xe, ok := x.o.(*Exception); ok {
			out = append(out, xe)
		}
	}
	return out
}

func isGroup(e *Exception) bool { return e.typ.IsSubtype(BaseExceptionGroupType) }

// egNew is BaseExceptionGroup.__new__(cls, message, exceptions).
func egNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "%s() takes no keyword arguments", t.Name)
	}
	if len(args) != 2 {
		return NULL, NewError(TypeErrorType, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(args))
	}
	if _, ok := args[0].o.(*Str); !ok {
		return NULL, NewError(TypeErrorType, "argument 1 must be str, not %s", TypeName(args[0]))
	}
	switch args[1].o.(type) {
	case *List, *Tuple:
	default:
		if _, ok := args[1].o.(*Set); ok || !isIterable(args[1]) {
			return NULL, NewError(TypeErrorType, "second argument (exceptions) must be a sequence")
		}
	}
	items, err := ToSlice(th, args[1])
	if err != nil {
		return NULL, err
	}
	if len(items) == 0 {
		return NULL, NewError(ValueErrorType, "second argument (exceptions) must be a non-empty sequence")
	}
	allExc := true
	for i, x := range items {
		xe, ok := x.o.(*Exception)
		if !ok {
			return NULL, NewError(ValueErrorType, "Item %d of second argument (exceptions) is not an exception", i)
		}
		if !xe.typ.IsSubtype(ExceptionType) {
			allExc = false
		}
	}
	if t == BaseExceptionGroupType && allExc {
		t = ExceptionGroupType
	} else if t.IsSubtype(ExceptionType) && !allExc {
		return NULL, NewError(TypeErrorType, "Cannot nest BaseExceptions in an %s", t.Name)
	}
	e := &Exception{typ: t, Args: []Value{args[0], args[1]}}
	if t.Flags&TypeHeap != 0 {
		e.Dict = NewDict()
	}
	return Value{o: e}, nil
}

func egStr(th *Thread, v Value) (string, error) {
	e := v.o.(*Exception)
	n := len(egExceptions(e))
	msg, _ := e.Args[0].o.(*Str)
	s := ""
	if msg != nil {
		s = msg.s
	}
	return fmt.Sprintf("%s (%d sub-exception%s)", s, n, plural(n)), nil
}

// egMatcher decides which leaves a split keeps: a type, a tuple of types,
// a predicate, or (internally) a set of exception identities.
type egMatcher struct {
	typ   Value
	pred  Value
	leafs map[*Exception]bool
}

func (m *egMatcher) match(th *Thread, e *Exception) (bool, error) {
	switch {
	case m.leafs != nil:
		return m.leafs[e], nil
	case !m.pred.IsNull():
		r, err := th.Call(m.pred, []Value{Value{o: e}}, nil)
		if err != nil {
			return false, err
		}
		return Truth(th, r)
	}
	return excMatches(Value{o: e}, m.typ)
}

func newMatcher(cond Value) (*egMatcher, error) {
	switch o := cond.o.(type) {
	case *Type:
		if o.IsSubtype(BaseExceptionType) {
			return &egMatcher{typ: cond}, nil
		}
	case *Tuple:
		for _, x := range o.Items {
			if t, ok := x.o.(*Type); !ok || !t.IsSubtype(BaseExceptionType) {
				return nil, NewError(TypeErrorType, "expected a function, exception type or tuple of exception types")
			}
		}
		return &egMatcher{typ: cond}, nil
	}
	if cond.Type().Call != nil {
		return &egMatcher{pred: cond}, nil
	}
	return nil, NewError(TypeErrorType, "expected a function, exception type or tuple of exception types")
}

// egDerive makes a group like e with other sub-exceptions, copying its
// metadata (traceback, cause, context, notes).
func egDerive(e *Exception, excs []*Exception) *Exception {
	vals := make([]Value, len(excs))
	for i, x := range excs {
		vals[i] = Value{o: x}
	}
	t := e.typ
	if t.Flags&TypeHeap != 0 {
		t = ExceptionGroupType
		for _, x := range excs {
			if !x.typ.IsSubtype(ExceptionType) {
				t = BaseExceptionGroupType
			}
		}
	}
	d := &Exception{typ: t, Args: []Value{e.Args[0], NewList(vals)}}
	d.Traceback, d.Cause, d.Context, d.Suppress, d.Notes = e.Traceback, e.Cause, e.Context, e.Suppress, e.Notes
	d.derivedFrom = e
	return d
}

// egSplit splits e by m into (match, rest); either may be nil.
func egSplit(th *Thread, e *Exception, m *egMatcher) (match, rest *Exception, err error) {
	ok, err := m.match(th, e)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		return e, nil, nil
	}
	if !isGroup(e) {
		return nil, e, nil
	}
	var ms, rs []*Exception
	for _, x := range egExceptions(e) {
		xm, xr, err := egSplit(th, x, m)
		if err != nil {
			return nil, nil, err
		}
		if xm != nil {
			ms = append(ms, xm)
		}
		if xr != nil {
			rs = append(rs, xr)
		}
	}
	if len(ms) > 0 {
		match = egDerive(e, ms)
	}
	if len(rs) > 0 {
		rest = egDerive(e, rs)
	}
	return match, rest, nil
}

func excOrNone(e *Exception) Value {
	if e == nil {
		return None
	}
	return Value{o: e}
}

// checkEGMatch implements CHECK_EG_MATCH: [exc, type] -> [rest, match].
func (th *Thread) checkEGMatch(f *Frame) error {
	typ := f.slots[f.sp-1]
	exc, ok := f.slots[f.sp-2].o.(*Exception)
	if !ok {
		// An earlier except* clause matched everything: nothing is left
		// (rest and match are None, as in CPython's exception_group_match).
		f.slots[f.sp-2], f.slots[f.sp-1] = None, None
		return nil
	}
	if _, err := excMatches(Value{o: exc}, typ); err != nil {
		return err
	}
	if tt, ok := typ.o.(*Type); ok && tt.IsSubtype(BaseExceptionGroupType) {
		return NewError(TypeErrorType, "catching ExceptionGroup with except* is not allowed. Use except instead.")
	}
	var match, rest *Exception
	if !isGroup(exc) {
		if ok, _ := excMatches(Value{o: exc}, typ); ok {
			match = &Exception{typ: ExceptionGroupType, Args: []Value{NewStr(""), NewList([]Value{{o: exc}})}}
			if !exc.typ.IsSubtype(ExceptionType) {
				match.typ = BaseExceptionGroupType
			}
			match.Traceback = exc.Traceback
			match.derivedFrom = exc
		} else {
			rest = exc
		}
	} else {
		var err error
		if match, rest, err = egSplit(th, exc, &egMatcher{typ: typ}); err != nil {
			return err
		}
	}
	if match != nil {
		th.handled = match
	}
	f.slots[f.sp-2] = excOrNone(rest)
	f.slots[f.sp-1] = excOrNone(match)
	return nil
}

// leaves collects the non-group exceptions of e.
func leaves(e *Exception, into map[*Exception]bool) {
	if !isGroup(e) {
		into[e] = true
		return
	}
	for _, x := range egExceptions(e) {
		leaves(x, into)
	}
}

// prepReraiseStar implements PREP_RERAISE_STAR: [orig, list] -> [exc or None].
func (th *Thread) prepReraiseStar(orig Value, excs []Value) (Value, error) {
	var live []*Exception
	for _, x := range excs {
		if e, ok := x.o.(*Exception); ok {
			live = append(live, e)
		}
	}
	if len(live) == 0 {
		return None, nil
	}
	oe, ok := orig.o.(*Exception)
	if !ok || !isGroup(oe) {
		return Value{o: live[0]}, nil
	}
	var raised []*Exception
	keep := map[*Exception]bool{}
	for _, e := range live {
		if e == oe || e.derivedFrom != nil && derivesFrom(e, oe) {
			leaves(e, keep)
		} else {
			raised = append(raised, e)
		}
	}
	var reraised *Exception
	if len(keep) > 0 {
		m, _, err := egSplit(th, oe, &egMatcher{leafs: keep})
		if err != nil {
			return NULL, err
		}
		reraised = m
	}
	if len(raised) == 0 {
		return excOrNone(reraised), nil
	}
	var all []Value
	if reraised != nil {
		all = append(all, Value{o: reraised})
	}
	for _, e := range raised {
		all = append(all, Value{o: e})
	}
	r, err := egNew(th, BaseExceptionGroupType, []Value{NewStr(""), NewList(all)}, nil)
	return r, err
}

func derivesFrom(e, orig *Exception) bool {
	for d := e; d != nil; d = d.derivedFrom {
		if d == orig {
			return true
		}
	}
	return false
}

func init() {
	for _, t := range []*Type{BaseExceptionGroupType, ExceptionGroupType} {
		t.New = egNew
		t.Str = egStr
	}
	BaseExceptionGroupType.AddMethods(map[string]NativeFunc{
		"split": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != 2 {
				return NULL, NewError(TypeErrorType, "split() takes exactly one argument (%d given)", len(args)-1)
			}
			m, err := newMatcher(args[1])
			if err != nil {
				return NULL, err
			}
			match, rest, err := egSplit(th, args[0].o.(*Exception), m)
			if err != nil {
				return NULL, err
			}
			return NewTuple([]Value{excOrNone(match), excOrNone(rest)}), nil
		},
		"subgroup": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != 2 {
				return NULL, NewError(TypeErrorType, "subgroup() takes exactly one argument (%d given)", len(args)-1)
			}
			m, err := newMatcher(args[1])
			if err != nil {
				return NULL, err
			}
			match, _, err := egSplit(th, args[0].o.(*Exception), m)
			return excOrNone(match), err
		},
		"derive": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != 2 {
				return NULL, NewError(TypeErrorType, "derive() takes exactly one argument (%d given)", len(args)-1)
			}
			e := args[0].o.(*Exception)
			return egNew(th, BaseExceptionGroupType, []Value{e.Args[0], args[1]}, nil)
		},
	})
	BaseExceptionGroupType.Dict.SetStr("__new__", NewBuiltin("__new__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		t, ok := typeArg(args, "BaseExceptionGroup")
		if !ok {
			return NULL, NewError(TypeErrorType, "BaseExceptionGroup.__new__(X): X is not a type object")
		}
		return egNew(th, t, args[1:], kwnames)
	}))
}
