package vm

import "fmt"

// BaseExceptionGroup and ExceptionGroup (PEP 654) as CPython 3.11's
// Objects/exceptions.c has them: the constructor's validation and class
// selection, message/exceptions, split/subgroup/derive. The except*
// opcodes built on them are in exception_star.go.

// groupData is the state of an exception group fixed at construction:
// the message and the tuple of sub-exceptions. args may be reassigned
// later, .message and .exceptions cannot.
type groupData struct {
	msg  Value  // a str
	excs *Tuple // of *Exception, never empty
}

// isGroup reports whether e is a BaseExceptionGroup instance.
func isGroup(e *Exception) bool { return e.group != nil }

// egExceptions returns the sub-exceptions of a group (nil for a leaf).
func egExceptions(e *Exception) []*Exception {
	if e.group == nil {
		return nil
	}
	out := make([]*Exception, len(e.group.excs.Items))
	for i, x := range e.group.excs.Items {
		out[i] = x.o.(*Exception)
	}
	return out
}

// isSequence is PySequence_Check: the type supports indexing and is not a
// mapping (dict).
func isSequence(v Value) bool {
	switch v.o.(type) {
	case *List, *Tuple, *Str, *Bytes:
		return true
	case *Dict, *Type:
		return false
	}
	t := v.Type()
	if t.IsSubtype(DictType) {
		return false
	}
	return !t.Lookup("__getitem__").IsNull()
}

// egNew is BaseExceptionGroup.__new__(cls, message, exceptions): keyword
// arguments are left to __init__ (which rejects them).
func egNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	pos := args[:len(args)-len(kwnames)]
	if len(pos) != 2 {
		return NULL, NewError(TypeErrorType, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(pos))
	}
	msg, seq := pos[0], pos[1]
	if _, ok := msg.o.(*Str); !ok {
		return NULL, NewError(TypeErrorType, "BaseExceptionGroup.__new__() argument 1 must be str, not %s", TypeName(msg))
	}
	if !isSequence(seq) {
		return NULL, NewError(TypeErrorType, "second argument (exceptions) must be a sequence")
	}
	items, err := ToSlice(th, seq)
	if err != nil {
		return NULL, err
	}
	if len(items) == 0 {
		return NULL, NewError(ValueErrorType, "second argument (exceptions) must be a non-empty sequence")
	}
	nestedBase := false
	for i, x := range items {
		xe, ok := x.o.(*Exception)
		if !ok {
			return NULL, NewError(ValueErrorType, "Item %d of second argument (exceptions) is not an exception", i)
		}
		if !xe.typ.IsSubtype(ExceptionType) {
			nestedBase = true
		}
	}
	switch {
	case t == ExceptionGroupType:
		if nestedBase {
			return NULL, NewError(TypeErrorType, "Cannot nest BaseExceptions in an ExceptionGroup")
		}
	case t == BaseExceptionGroupType:
		if !nestedBase {
			t = ExceptionGroupType
		}
	case nestedBase && t.IsSubtype(ExceptionType):
		return NULL, NewError(TypeErrorType, "Cannot nest BaseExceptions in '%s'", t.Name)
	}
	e := &Exception{typ: t, Args: append([]Value(nil), pos...)}
	e.group = &groupData{msg: msg, excs: &Tuple{Items: items}}
	if t.Flags&TypeHeap != 0 {
		e.Dict = NewDict()
	}
	return Value{o: e}, nil
}

// newGroup calls BaseExceptionGroup(msg, excs) (CPython's
// _PyExc_CreateExceptionGroup): ExceptionGroup when every member is an
// Exception. excs (a list or a tuple) shows in the group's args.
func newGroup(th *Thread, msg string, excs Value) (*Exception, error) {
	r, err := egNew(th, BaseExceptionGroupType, []Value{NewStr(msg), excs}, nil)
	if err != nil {
		return nil, err
	}
	return r.o.(*Exception), nil
}

// egInit is BaseExceptionGroup.__init__: no keywords; args are all the
// positional arguments.
func egInit(th *Thread, self Value, args []Value, kwnames []string) error {
	e := self.o.(*Exception)
	if len(kwnames) > 0 {
		return NewError(TypeErrorType, "%s() takes no keyword arguments", e.typ.Name)
	}
	e.Args = append([]Value(nil), args...)
	return nil
}

// egStr is "message (N sub-exception[s])".
func egStr(th *Thread, v Value) (string, error) {
	e := v.o.(*Exception)
	if e.group == nil {
		return excStr(th, v)
	}
	n := len(e.group.excs.Items)
	s := "s"
	if n == 1 {
		s = ""
	}
	return fmt.Sprintf("%s (%d sub-exception%s)", e.group.msg.o.(*Str).s, n, s), nil
}

// egMatcher decides which members a split keeps: exception types (a type
// or a tuple of them), a Python function used as a predicate, or
// (internally, for except*) the identities of leaf exceptions.
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
		r, err := th.Call(m.pred, []Value{{o: e}}, nil)
		if err != nil {
			return false, err
		}
		return Truth(th, r)
	}
	return excMatches(Value{o: e}, m.typ)
}

// newMatcher is get_matcher_type: only true functions count as predicates
// (not builtins or callable objects).
func newMatcher(cond Value) (*egMatcher, error) {
	switch o := cond.o.(type) {
	case *Function:
		return &egMatcher{pred: cond}, nil
	case *Type:
		if o.IsSubtype(BaseExceptionType) {
			return &egMatcher{typ: cond}, nil
		}
	case *Tuple:
		if o.ext == nil && allExceptionClasses(o.Items) {
			return &egMatcher{typ: cond}, nil
		}
	}
	return nil, NewError(TypeErrorType, "expected a function, exception type or tuple of exception types")
}

func allExceptionClasses(items []Value) bool {
	for _, x := range items {
		if t, ok := x.o.(*Type); !ok || !t.IsSubtype(BaseExceptionType) {
			return false
		}
	}
	return true
}

// egSubset is exceptiongroup_subset: orig.derive(excs) with orig's
// traceback, cause, context and a copy of its notes; nil for no excs.
func egSubset(th *Thread, orig *Exception, excs []*Exception) (*Exception, error) {
	if len(excs) == 0 {
		return nil, nil
	}
	vals := make([]Value, len(excs))
	for i, x := range excs {
		vals[i] = Value{o: x}
	}
	derive, err := GetAttr(th, Value{o: orig}, "derive")
	if err != nil {
		return nil, err
	}
	r, err := th.Call(derive, []Value{NewList(vals)}, nil)
	if err != nil {
		return nil, err
	}
	eg, ok := r.o.(*Exception)
	if !ok || !isGroup(eg) {
		return nil, NewError(TypeErrorType, "derive must return an instance of BaseExceptionGroup")
	}
	egCopyTraceback(eg, orig)
	eg.Context = orig.Context
	eg.Cause, eg.Suppress = orig.Cause, true
	notes, err := LookupAttr(th, Value{o: orig}, "__notes__")
	if err != nil {
		return nil, err
	}
	if !notes.IsNull() && isSequence(notes) {
		items, err := ToSlice(th, notes)
		if err != nil {
			return nil, err
		}
		if err := SetAttr(th, r, "__notes__", NewList(items)); err != nil {
			return nil, err
		}
	}
	return eg, nil
}

// egCopyTraceback gives a split part the traceback of the group it comes
// from: the same traceback (part.__traceback__ is orig.__traceback__),
// which except* compares by identity; both must copy it to grow it.
func egCopyTraceback(part, orig *Exception) {
	if orig.Traceback == nil {
		return
	}
	tracebackValue(orig)
	part.Traceback, part.tbObj, part.tbShared = orig.Traceback, orig.tbObj, true
}

// egSplit is exceptiongroup_split_recursive: it splits e by m into
// (match, rest), either nil; rest is only built when withRest is set.
func egSplit(th *Thread, e *Exception, m *egMatcher, withRest bool) (match, rest *Exception, err error) {
	ok, err := m.match(th, e)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		return e, nil, nil
	}
	if !isGroup(e) {
		if withRest {
			rest = e
		}
		return nil, rest, nil
	}
	if err := th.enter(); err != nil {
		return nil, nil, err
	}
	defer func() { th.depth-- }()
	var ms, rs []*Exception
	for _, x := range egExceptions(e) {
		xm, xr, err := egSplit(th, x, m, withRest)
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
	if match, err = egSubset(th, e, ms); err != nil {
		return nil, nil, err
	}
	if withRest {
		if rest, err = egSubset(th, e, rs); err != nil {
			return nil, nil, err
		}
	}
	return match, rest, nil
}

func excOrNone(e *Exception) Value {
	if e == nil {
		return None
	}
	return Value{o: e}
}

// egSelf checks the receiver of a BaseExceptionGroup method.
func egSelf(args []Value, name string) (*Exception, error) {
	if len(args) > 0 {
		if e, ok := args[0].o.(*Exception); ok && isGroup(e) {
			return e, nil
		}
	}
	return nil, NewError(TypeErrorType, "descriptor '%s' requires a 'BaseExceptionGroup' object", name)
}

// egSplitMethod serves split (withRest) and subgroup.
func egSplitMethod(name string, withRest bool) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		e, err := egSelf(args, name)
		if err != nil {
			return NULL, err
		}
		if len(kwnames) > 0 {
			return NULL, NewError(TypeErrorType, "BaseExceptionGroup.%s() takes no keyword arguments", name)
		}
		if len(args) != 2 {
			return NULL, NewError(TypeErrorType, "%s expected 1 argument, got %d", name, len(args)-1)
		}
		m, err := newMatcher(args[1])
		if err != nil {
			return NULL, err
		}
		match, rest, err := egSplit(th, e, m, withRest)
		if err != nil {
			return NULL, err
		}
		if !withRest {
			return excOrNone(match), nil
		}
		return NewTuple([]Value{excOrNone(match), excOrNone(rest)}), nil
	}
}

// setupGroupTypes installs the slots and methods of the group types (run
// after the generic exception slots are set).
func setupGroupTypes() {
	for _, t := range []*Type{BaseExceptionGroupType, ExceptionGroupType} {
		t.New = egNew
		t.Init = egInit
		t.Str = egStr
	}
	BaseExceptionGroupType.Doc = NewStr("A combination of multiple unrelated exceptions.")
	BaseExceptionGroupType.AddMethods(map[string]NativeFunc{
		"split":    egSplitMethod("split", true),
		"subgroup": egSplitMethod("subgroup", false),
		"derive": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			e, err := egSelf(args, "derive")
			if err != nil {
				return NULL, err
			}
			if len(kwnames) > 0 {
				return NULL, NewError(TypeErrorType, "BaseExceptionGroup.derive() takes no keyword arguments")
			}
			if len(args) != 2 {
				return NULL, NewError(TypeErrorType, "function takes exactly 1 argument (%d given)", len(args)-1)
			}
			return th.Call(Value{o: BaseExceptionGroupType}, []Value{e.group.msg, args[1]}, nil)
		},
		"__str__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if _, err := egSelf(args, "__str__"); err != nil {
				return NULL, err
			}
			s, err := egStr(th, args[0])
			return NewStr(s), err
		},
		"__init__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if _, err := egSelf(args, "__init__"); err != nil {
				return NULL, err
			}
			return None, egInit(th, args[0], args[1:], kwnames)
		},
	})
	BaseExceptionGroupType.Dict.SetStr("__new__", NewBuiltin("__new__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) == 0 {
			return NULL, NewError(TypeErrorType, "BaseExceptionGroup.__new__(): not enough arguments")
		}
		t, ok := typeArg(args, "BaseExceptionGroup")
		if !ok {
			return NULL, NewError(TypeErrorType, "BaseExceptionGroup.__new__(X): X is not a type object (%s)", TypeName(args[0]))
		}
		if !t.IsSubtype(BaseExceptionGroupType) {
			return NULL, NewError(TypeErrorType, "BaseExceptionGroup.__new__(%s): %s is not a subtype of BaseExceptionGroup", t.Name, t.Name)
		}
		return egNew(th, t, args[1:], kwnames)
	}))
}
