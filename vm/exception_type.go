package vm

import "strings"

// The slots, methods and attributes of BaseException and its subclasses.
// Every exception instance, user classes included, is an *Exception.

func excNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	e := &Exception{typ: t, Args: append([]Value(nil), args[:npos]...)}
	if t.Flags&TypeHeap != 0 {
		e.Dict = NewDict()
	}
	if t.IsSubtype(SyntaxErrorType) {
		e.se = &syntaxFields{}
	}
	if t.IsSubtype(OSErrorType) && t == OSErrorType && npos >= 2 && args[0].IsInt() {
		// OSError(errno, ...) picks the subclass for the errno.
		if sub := osErrorSubclass(args[0].AsInt()); sub != nil {
			e.typ = sub
		}
	}
	if t.IsSubtype(OSErrorType) {
		osInit(e, args[:npos])
	}
	return Value{o: e}, nil
}

func excInit(th *Thread, self Value, args []Value, kwnames []string) error {
	e, ok := self.o.(*Exception)
	if !ok {
		return NewError(TypeErrorType, "descriptor '__init__' requires a 'BaseException' object")
	}
	npos := len(args) - len(kwnames)
	if len(kwnames) > 0 {
		t := e.typ
		allowed := t.IsSubtype(ImportErrorType) || t.IsSubtype(NameErrorType) || t.IsSubtype(AttributeErrorType) || t.Flags&TypeHeap != 0
		if !allowed {
			return NewError(TypeErrorType, "%s() takes no keyword arguments", t.Name)
		}
		for i, k := range kwnames {
			if e.Dict == nil {
				e.Dict = NewDict()
			}
			if t.Flags&TypeHeap != 0 && !t.IsSubtype(ImportErrorType) && !t.IsSubtype(NameErrorType) && !t.IsSubtype(AttributeErrorType) {
				return NewError(TypeErrorType, "%s() takes no keyword arguments", builtinBaseName(t))
			}
			e.Dict.SetStr(k, args[npos+i])
		}
	}
	e.Args = append([]Value(nil), args[:npos]...)
	if e.typ.IsSubtype(OSErrorType) {
		osInit(e, args[:npos])
	}
	if e.se != nil {
		return syntaxInit(th, e, e.Args)
	}
	return nil
}

// excInitMethod is BaseException.__init__ (and each built-in subclass's).
func excInitMethod(th *Thread, args []Value, kwnames []string) (Value, error) {
	return None, excInit(th, args[0], args[1:], kwnames)
}

// builtinBaseName is the name of the first built-in class of t's MRO.
func builtinBaseName(t *Type) string { return solidBase(t).Name }

// osErrorSubclass maps an errno to OSError's subclass (FileNotFoundError...).
func osErrorSubclass(errno int64) *Type {
	switch errno {
	case 2:
		return FileNotFoundErrorType
	case 17:
		return FileExistsErrorType
	case 13, 1:
		return PermissionErrorType
	case 21:
		return IsADirectoryErrorType
	case 20:
		return NotADirectoryErrorType
	case 32:
		return BrokenPipeErrorType
	case 111:
		return ConnectionRefusedErrorType
	case 104:
		return ConnectionResetErrorType
	case 103:
		return ConnectionAbortedErrorType
	case 110:
		return TimeoutErrorType
	case 4:
		return InterruptedErrorType
	case 3:
		return ProcessLookupErrorType
	case 10:
		return ChildProcessErrorType
	case 11:
		return BlockingIOErrorType
	}
	return nil
}

func excRepr(th *Thread, v Value) (string, error) {
	e := v.o.(*Exception)
	name := e.typ.Name
	if len(e.Args) == 1 {
		r, err := Repr(th, e.Args[0])
		if err != nil {
			return "", err
		}
		return name + "(" + r + ")", nil
	}
	r, err := Repr(th, NewTuple(e.Args))
	if err != nil {
		return "", err
	}
	if len(e.Args) == 0 {
		return name + "()", nil
	}
	return name + r, nil
}

// excStr is str(e): the single argument's str, the args tuple's repr, or
// "" — with the special forms of KeyError, OSError and friends.
func excStr(th *Thread, v Value) (string, error) {
	e := v.o.(*Exception)
	t := e.typ
	switch {
	case t.IsSubtype(KeyErrorType) && len(e.Args) == 1:
		return Repr(th, e.Args[0])
	case e.se != nil:
		return syntaxStr(th, e)
	case e.osf != nil:
		if s, ok, err := osStr(th, e); ok || err != nil {
			return s, err
		}
	}
	switch len(e.Args) {
	case 0:
		return "", nil
	case 1:
		return ToStr(th, e.Args[0])
	}
	return Repr(th, NewTuple(e.Args))
}

// excAttr serves the exception attributes that are not in the instance dict.
func excAttr(th *Thread, e *Exception, name string) (Value, error) {
	switch name {
	case "args":
		return NewTuple(append([]Value(nil), e.Args...)), nil
	case "__cause__":
		if e.Cause == nil {
			return None, nil
		}
		return Value{o: e.Cause}, nil
	case "__context__":
		if e.Context == nil {
			return None, nil
		}
		return Value{o: e.Context}, nil
	case "__suppress_context__":
		return Bool(e.Suppress), nil
	case "__traceback__":
		return tracebackValue(e), nil
	}
	if e.group != nil {
		switch name {
		case "message":
			return e.group.msg, nil
		case "exceptions":
			return Value{o: e.group.excs}, nil
		}
	}
	t := e.typ
	arg := func(i int) Value {
		if i < len(e.Args) {
			return e.Args[i]
		}
		return None
	}
	switch {
	case t.IsSubtype(StopIterationType) && name == "value":
		return arg(0), nil
	case t.IsSubtype(SystemExitType) && name == "code":
		if len(e.Args) > 1 {
			return NewTuple(e.Args), nil
		}
		return arg(0), nil
	case t.IsSubtype(OSErrorType):
		if v := osField(e, name); !v.IsNull() {
			return v, nil
		}
	case t.IsSubtype(ImportErrorType):
		switch name {
		case "msg":
			return arg(0), nil
		case "name", "path":
			return None, nil
		}
	case t.IsSubtype(NameErrorType) && name == "name", t.IsSubtype(AttributeErrorType) && (name == "name" || name == "obj"):
		return None, nil
	case e.se != nil:
		if f := e.se.field(name); f != nil {
			return orNone(*f), nil
		}
	}
	return NULL, nil
}

// excSetAttr handles assignments to the exception's own attributes.
func excSetAttr(e *Exception, name string, val Value) (bool, error) {
	switch name {
	case "args":
		if val.IsNull() {
			return true, NewError(TypeErrorType, "args may not be deleted")
		}
		if t, ok := val.o.(*Tuple); ok {
			e.Args = append([]Value(nil), t.Items...)
		} else if l, ok := val.o.(*List); ok {
			e.Args = append([]Value(nil), l.Items...)
		} else {
			e.Args = []Value{val}
		}
		return true, nil
	case "__cause__":
		e.causeSet = true
		if val.IsNone() || val.IsNull() {
			e.Cause = nil
		} else if c, ok := val.o.(*Exception); ok {
			e.Cause = c
		} else {
			return true, NewError(TypeErrorType, "exception cause must be None or derive from BaseException")
		}
		e.Suppress = true
		return true, nil
	case "__context__":
		if val.IsNone() || val.IsNull() {
			e.Context = nil
		} else if c, ok := val.o.(*Exception); ok {
			e.Context = c
		} else {
			return true, NewError(TypeErrorType, "exception context must be None or derive from BaseException")
		}
		return true, nil
	case "__suppress_context__":
		e.Suppress = val.IsBool() && val.AsBool()
		return true, nil
	case "__traceback__":
		if val.IsNone() {
			e.Traceback = nil
		} else if tb, ok := val.o.(*Traceback); ok {
			e.Traceback = append([]TraceEntry(nil), tb.Entries...)
		}
		return true, nil
	case "msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line":
		if e.se != nil {
			*e.se.field(name) = val
			return true, nil
		}
		if name == "filename" && e.typ.IsSubtype(OSErrorType) {
			return osSetField(e, name, val), nil
		}
	case "errno", "strerror", "filename2":
		if e.typ.IsSubtype(OSErrorType) {
			return osSetField(e, name, val), nil
		}
	case "message", "exceptions":
		if e.group != nil {
			return true, NewError(AttributeErrorType, "readonly attribute")
		}
	}
	return false, nil
}

// excAddNote is BaseException.add_note(note): it appends to the
// __notes__ attribute (an ordinary instance attribute in CPython 3.11),
// creating the list on first use.
func excAddNote(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "BaseException.add_note() takes no keyword arguments")
	}
	if len(args) != 2 {
		return NULL, NewError(TypeErrorType, "BaseException.add_note() takes exactly one argument (%d given)", len(args)-1)
	}
	if _, ok := args[1].o.(*Str); !ok {
		return NULL, NewError(TypeErrorType, "note must be a str, not '%s'", TypeName(args[1]))
	}
	notes, err := LookupAttr(th, args[0], "__notes__")
	if err != nil {
		return NULL, err
	}
	if notes.IsNull() {
		notes = NewList(nil)
		if err := SetAttr(th, args[0], "__notes__", notes); err != nil {
			return NULL, err
		}
		if notes, err = GetAttr(th, args[0], "__notes__"); err != nil {
			return NULL, err
		}
	}
	l, ok := notes.o.(*List)
	if !ok {
		return NULL, NewError(TypeErrorType, "Cannot add note: __notes__ is not a list")
	}
	l.Items = append(l.Items, args[1])
	return None, nil
}

// setAttrInfo records name/obj on an AttributeError (for suggestions).
func (e *Exception) setAttrInfo(obj Value, name string) {
	e.attrObj, e.attrName = obj, name
}

// Traceback is the value of __traceback__: the recorded entries.
type Traceback struct {
	Entries []TraceEntry
}

func (*Traceback) Type() *Type { return TracebackType }

// TracebackType is the type of traceback objects.
var TracebackType = &Type{Name: "traceback", QualName: "traceback", Module: "builtins"}

// tracebackValue returns e.__traceback__ (None when it has none).
func tracebackValue(e *Exception) Value {
	if len(e.Traceback) == 0 {
		return None
	}
	if e.tbObj == nil || !sameTraceback(e.tbObj.Entries, e.Traceback) {
		e.tbObj = &Traceback{Entries: e.Traceback}
	}
	e.tbShared = true
	return Value{o: e.tbObj}
}

func tracebackGetAttr(th *Thread, v Value, name string) (Value, error) {
	tb := v.o.(*Traceback)
	switch name {
	case "tb_lineno":
		return Int(int64(tb.Entries[0].Line)), nil
	case "tb_next":
		if len(tb.Entries) <= 1 {
			return None, nil
		}
		return Value{o: &Traceback{Entries: tb.Entries[1:]}}, nil
	}
	return genericGetAttr(th, v, name)
}

func init() {
	for _, t := range BuiltinExceptionTypes {
		t.New = excNew
		t.Init = excInit
		t.Repr = excRepr
		t.Str = excStr
		t.Hash = identityHashSlot
	}
	setupGroupTypes()
	// Every built-in exception class has its own __init__ in CPython, so
	// super().__init__ from a class between two of them (requests'
	// JSONDecodeError(RequestException, json.JSONDecodeError)) stops at the
	// first built-in base instead of reaching a later base's __init__.
	for _, t := range BuiltinExceptionTypes {
		if t.Dict == nil {
			t.Dict = NewDict()
		}
		if _, ok := t.Dict.GetStr("__init__"); !ok {
			t.Dict.SetStr("__init__", Value{o: newMethodDescr("__init__", t, excInitMethod)})
		}
	}
	inheritExceptionSlots = func(t, base *Type) {
		t.New, t.Init, t.Repr, t.Str, t.Hash = base.New, base.Init, base.Repr, base.Str, base.Hash
		t.GetAttr, t.SetAttr = base.GetAttr, base.SetAttr
	}
	excStrHook = func(th *Thread, e *Exception) (string, bool) {
		if th == nil {
			th = NewThread(nil)
		}
		s, err := ToStr(th, Value{o: e})
		if err != nil {
			return "", false
		}
		return s, true
	}
	TracebackType.GetAttr = tracebackGetAttr
	BaseExceptionType.AddMethods(map[string]NativeFunc{
		"__init__": excInitMethod,
		"__str__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			s, err := excStr(th, args[0])
			return NewStr(s), err
		},
		"__repr__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			s, err := excRepr(th, args[0])
			return NewStr(s), err
		},
		"with_traceback": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) == 2 {
				excSetAttr(args[0].o.(*Exception), "__traceback__", args[1])
			}
			return args[0], nil
		},
		"add_note": excAddNote,
	})
	BaseExceptionType.Dict.SetStr("__new__", NewBuiltin("__new__", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		t, ok := typeArg(args, "BaseException")
		if !ok || !t.IsSubtype(BaseExceptionType) {
			return NULL, NewError(TypeErrorType, "BaseException.__new__(X): X is not a subtype of BaseException")
		}
		return excNew(th, t, args[1:], kwnames)
	}))
}

// makeRaise builds the exception for `raise exc` / `raise exc from cause`:
// a class is instantiated; anything else must be an exception instance.
func makeRaise(th *Thread, exc, cause Value, hasCause bool) error {
	e, err := toRaisable(th, exc, "exceptions must derive from BaseException")
	if err != nil {
		return err
	}
	if hasCause {
		if cause.IsNone() {
			e.Cause = nil
		} else {
			c, err := toRaisable(th, cause, "exception causes must derive from BaseException")
			if err != nil {
				return err
			}
			e.Cause = c
		}
		e.causeSet = true
		e.Suppress = true
	}
	return e
}

// toRaisable instantiates an exception class or checks an instance.
func toRaisable(th *Thread, v Value, msg string) (*Exception, error) {
	switch o := v.o.(type) {
	case *Exception:
		return o, nil
	case *Type:
		if o.IsSubtype(BaseExceptionType) {
			r, err := th.Call(v, nil, nil)
			if err != nil {
				return nil, err
			}
			e, ok := r.o.(*Exception)
			if !ok {
				return nil, NewError(TypeErrorType, "calling %s should have returned an instance of BaseException, not %s", typeRepr0(o), TypeName(r))
			}
			return e, nil
		}
	}
	return nil, NewError(TypeErrorType, "%s", msg)
}

func typeRepr0(t *Type) string { return "<class '" + typeFullName(t) + "'>" }

// excTypeName is the name printed on the last traceback line: qualified
// with the module unless it is builtins or __main__.
func excTypeName(t *Type) string {
	q := t.QualName
	if q == "" {
		q = t.Name
	}
	if t.Module == "" || t.Module == "builtins" || t.Module == "__main__" {
		return q
	}
	return t.Module + "." + strings.TrimPrefix(q, t.Module+".")
}
