package vm

import (
	"fmt"
	"strconv"

	"github.com/pya-lang/pya/ast"
)

// Exception is a raised (or raisable) exception instance: an instance of
// BaseException or of any subclass, user classes included. It implements
// error, so natives return it directly. CONTRACT (owned by the interpreter
// work): the struct, NewError and the exception type variables.
type Exception struct {
	typ       *Type
	Args      []Value
	Cause     *Exception
	Context   *Exception
	Suppress  bool         // __suppress_context__
	Traceback []TraceEntry // innermost last, as printed
	Dict      *Dict        // attributes of user exception classes; may be nil
	// causeSet records an explicit `raise ... from None` (Cause nil but set),
	// which prints nothing and suppresses the context.
	causeSet bool
	// attrObj, attrName and nameInfo record a missing attribute or name for
	// the "Did you mean" suggestion computed when the exception is printed.
	attrObj  Value
	attrName string
	nameInfo *nameInfo
	// se holds the members of a SyntaxError (nil for other exceptions).
	se *syntaxFields
	// osf holds the members of an OSError (nil when not set).
	osf *osFields
	// tbObj is the __traceback__ object last handed out for Traceback, so
	// that e.__traceback__ is e.__traceback__.
	tbObj *Traceback
	// tbShared records that Traceback's array is visible elsewhere (tbObj,
	// a split part of a group): addTraceback must copy it, not shift it.
	tbShared bool
	// group is the message and members of a BaseExceptionGroup, nil for
	// other exceptions. (__notes__, as in CPython 3.11, lives in Dict.)
	group *groupData
	// deferClose are loop-owned generators whose closing waits for the
	// exception to be handled, and unstarted coroutines whose "never
	// awaited" warning waits for it (see owned.go, HoldUntilHandled).
	deferClose []*genState
}

// TraceEntry is one traceback line: the code's file and name and the line
// (with its column range, for CPython 3.11's carets).
type TraceEntry struct {
	File, Name         string
	Line, Col, EndLine int
	EndCol             int
}

func (e *Exception) Type() *Type { return e.typ }

// Error returns "TypeName: message", as the last traceback line prints it
// (just "TypeName" when the message is empty).
func (e *Exception) Error() string {
	msg := excMessage(nil, e)
	if msg == "" {
		return e.typ.Name
	}
	return e.typ.Name + ": " + msg
}

// NewError makes an exception of type t whose single argument is the
// formatted message (fmt.Sprintf rules).
func NewError(t *Type, format string, args ...any) error {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	return &Exception{typ: t, Args: []Value{NewStr(msg)}}
}

// NewException makes an exception of type t with the given arguments
// (without calling any user __init__).
func NewException(t *Type, args ...Value) *Exception {
	return &Exception{typ: t, Args: args}
}

// NewExceptionType creates a built-in-like exception class (for stdlib
// modules, e.g. asyncio.CancelledError or json.JSONDecodeError).
func NewExceptionType(name, module string, base *Type) *Type {
	t := &Type{Name: name, QualName: name, Module: module, Bases: []*Type{base}, Flags: TypeBaseType, Dict: NewDict()}
	t.MRO = append([]*Type{t}, base.MRO...)
	inheritExceptionSlots(t, base)
	return t
}

// inheritExceptionSlots copies the slots of an exception base so that a
// new exception type behaves as its base. It is replaced at init time by the
// full slot machinery (see exception_type.go); kept as a variable to avoid an
// initialization cycle.
var inheritExceptionSlots = func(t, base *Type) {}

// IsInstance reports whether e is an instance of t (or a subclass).
func (e *Exception) IsInstance(t *Type) bool { return e.typ.IsSubtype(t) }

// excMessage is str(e) for the last traceback line: "" with no args, the
// str of the single argument, or the repr of the args tuple. KeyError uses
// the repr of its single argument. th may be nil (then only simple values
// are rendered exactly).
func excMessage(th *Thread, e *Exception) string {
	if f := excStrHook; f != nil {
		if s, ok := f(th, e); ok {
			return s
		}
	}
	switch len(e.Args) {
	case 0:
		return ""
	case 1:
		if e.typ.IsSubtype(KeyErrorType) {
			return simpleRepr(e.Args[0])
		}
		return simpleStr(e.Args[0])
	}
	s := "("
	for i, a := range e.Args {
		if i > 0 {
			s += ", "
		}
		s += simpleRepr(a)
	}
	return s + ")"
}

// excStrHook, when set, renders str(e) through the full object machinery.
var excStrHook func(th *Thread, e *Exception) (string, bool)

// simpleStr renders str(v) for the values that need no Python code.
func simpleStr(v Value) string {
	if s, ok := v.o.(*Str); ok {
		return s.s
	}
	return simpleRepr(v)
}

// simpleRepr renders repr(v) for the values that need no Python code.
func simpleRepr(v Value) string {
	switch {
	case v.IsNull():
		return "<NULL>"
	case v.IsInt():
		return strconv.FormatInt(v.AsInt(), 10)
	case v.IsBool():
		if v.AsBool() {
			return "True"
		}
		return "False"
	case v.IsFloat():
		return strconv.FormatFloat(v.AsFloat(), 'g', -1, 64)
	case v.IsNone():
		return "None"
	}
	if s, ok := v.o.(*Str); ok {
		return strconv.Quote(s.s)
	}
	return "<" + v.Type().Name + " object>"
}

// excType makes a built-in exception type with the given bases (the first
// one is the "best base" whose layout it shares).
func excType(name string, bases ...*Type) *Type {
	t := &Type{Name: name, QualName: name, Module: "builtins", Bases: bases, Flags: TypeBaseType}
	if len(bases) == 1 {
		t.MRO = append([]*Type{t}, bases[0].MRO...)
	}
	return t
}

// The built-in exception types, CPython 3.11's hierarchy.
var (
	BaseExceptionType = &Type{Name: "BaseException", QualName: "BaseException", Module: "builtins", Flags: TypeBaseType}

	BaseExceptionGroupType = excType("BaseExceptionGroup", BaseExceptionType)
	GeneratorExitType      = excType("GeneratorExit", BaseExceptionType)
	KeyboardInterruptType  = excType("KeyboardInterrupt", BaseExceptionType)
	SystemExitType         = excType("SystemExit", BaseExceptionType)
	ExceptionType          = excType("Exception", BaseExceptionType)

	ArithmeticErrorType    = excType("ArithmeticError", ExceptionType)
	FloatingPointErrorType = excType("FloatingPointError", ArithmeticErrorType)
	OverflowErrorType      = excType("OverflowError", ArithmeticErrorType)
	ZeroDivisionErrorType  = excType("ZeroDivisionError", ArithmeticErrorType)
	AssertionErrorType     = excType("AssertionError", ExceptionType)
	AttributeErrorType     = excType("AttributeError", ExceptionType)
	BufferErrorType        = excType("BufferError", ExceptionType)
	EOFErrorType           = excType("EOFError", ExceptionType)
	// ExceptionGroup's MRO is set in init (two bases).
	ExceptionGroupType      = excType("ExceptionGroup", BaseExceptionGroupType, ExceptionType)
	ImportErrorType         = excType("ImportError", ExceptionType)
	ModuleNotFoundErrorType = excType("ModuleNotFoundError", ImportErrorType)
	LookupErrorType         = excType("LookupError", ExceptionType)
	IndexErrorType          = excType("IndexError", LookupErrorType)
	KeyErrorType            = excType("KeyError", LookupErrorType)
	MemoryErrorType         = excType("MemoryError", ExceptionType)
	NameErrorType           = excType("NameError", ExceptionType)
	UnboundLocalErrorType   = excType("UnboundLocalError", NameErrorType)

	OSErrorType                = excType("OSError", ExceptionType)
	BlockingIOErrorType        = excType("BlockingIOError", OSErrorType)
	ChildProcessErrorType      = excType("ChildProcessError", OSErrorType)
	ConnectionErrorType        = excType("ConnectionError", OSErrorType)
	BrokenPipeErrorType        = excType("BrokenPipeError", ConnectionErrorType)
	ConnectionAbortedErrorType = excType("ConnectionAbortedError", ConnectionErrorType)
	ConnectionRefusedErrorType = excType("ConnectionRefusedError", ConnectionErrorType)
	ConnectionResetErrorType   = excType("ConnectionResetError", ConnectionErrorType)
	FileExistsErrorType        = excType("FileExistsError", OSErrorType)
	FileNotFoundErrorType      = excType("FileNotFoundError", OSErrorType)
	InterruptedErrorType       = excType("InterruptedError", OSErrorType)
	IsADirectoryErrorType      = excType("IsADirectoryError", OSErrorType)
	NotADirectoryErrorType     = excType("NotADirectoryError", OSErrorType)
	PermissionErrorType        = excType("PermissionError", OSErrorType)
	ProcessLookupErrorType     = excType("ProcessLookupError", OSErrorType)
	TimeoutErrorType           = excType("TimeoutError", OSErrorType)

	ReferenceErrorType        = excType("ReferenceError", ExceptionType)
	RuntimeErrorType          = excType("RuntimeError", ExceptionType)
	NotImplementedErrorType   = excType("NotImplementedError", RuntimeErrorType)
	RecursionErrorType        = excType("RecursionError", RuntimeErrorType)
	StopAsyncIterationType    = excType("StopAsyncIteration", ExceptionType)
	StopIterationType         = excType("StopIteration", ExceptionType)
	SyntaxErrorType           = excType("SyntaxError", ExceptionType)
	IndentationErrorType      = excType("IndentationError", SyntaxErrorType)
	TabErrorType              = excType("TabError", IndentationErrorType)
	SystemErrorType           = excType("SystemError", ExceptionType)
	TypeErrorType             = excType("TypeError", ExceptionType)
	ValueErrorType            = excType("ValueError", ExceptionType)
	UnicodeErrorType          = excType("UnicodeError", ValueErrorType)
	UnicodeDecodeErrorType    = excType("UnicodeDecodeError", UnicodeErrorType)
	UnicodeEncodeErrorType    = excType("UnicodeEncodeError", UnicodeErrorType)
	UnicodeTranslateErrorType = excType("UnicodeTranslateError", UnicodeErrorType)

	WarningType                   = excType("Warning", ExceptionType)
	BytesWarningType              = excType("BytesWarning", WarningType)
	DeprecationWarningType        = excType("DeprecationWarning", WarningType)
	EncodingWarningType           = excType("EncodingWarning", WarningType)
	FutureWarningType             = excType("FutureWarning", WarningType)
	ImportWarningType             = excType("ImportWarning", WarningType)
	PendingDeprecationWarningType = excType("PendingDeprecationWarning", WarningType)
	ResourceWarningType           = excType("ResourceWarning", WarningType)
	RuntimeWarningType            = excType("RuntimeWarning", WarningType)
	SyntaxWarningType             = excType("SyntaxWarning", WarningType)
	UnicodeWarningType            = excType("UnicodeWarning", WarningType)
	UserWarningType               = excType("UserWarning", WarningType)
)

// BuiltinExceptionTypes lists every built-in exception type, in the order
// of CPython's hierarchy listing (for the builtins module).
var BuiltinExceptionTypes = []*Type{
	BaseExceptionType, BaseExceptionGroupType, GeneratorExitType, KeyboardInterruptType, SystemExitType,
	ExceptionType, ArithmeticErrorType, FloatingPointErrorType, OverflowErrorType, ZeroDivisionErrorType,
	AssertionErrorType, AttributeErrorType, BufferErrorType, EOFErrorType, ExceptionGroupType,
	ImportErrorType, ModuleNotFoundErrorType, LookupErrorType, IndexErrorType, KeyErrorType,
	MemoryErrorType, NameErrorType, UnboundLocalErrorType, OSErrorType, BlockingIOErrorType,
	ChildProcessErrorType, ConnectionErrorType, BrokenPipeErrorType, ConnectionAbortedErrorType,
	ConnectionRefusedErrorType, ConnectionResetErrorType, FileExistsErrorType, FileNotFoundErrorType,
	InterruptedErrorType, IsADirectoryErrorType, NotADirectoryErrorType, PermissionErrorType,
	ProcessLookupErrorType, TimeoutErrorType, ReferenceErrorType, RuntimeErrorType,
	NotImplementedErrorType, RecursionErrorType, StopAsyncIterationType, StopIterationType,
	SyntaxErrorType, IndentationErrorType, TabErrorType, SystemErrorType, TypeErrorType,
	ValueErrorType, UnicodeErrorType, UnicodeDecodeErrorType, UnicodeEncodeErrorType,
	UnicodeTranslateErrorType, WarningType, BytesWarningType, DeprecationWarningType,
	EncodingWarningType, FutureWarningType, ImportWarningType, PendingDeprecationWarningType,
	ResourceWarningType, RuntimeWarningType, SyntaxWarningType, UnicodeWarningType, UserWarningType,
}

func init() {
	BaseExceptionType.MRO = []*Type{BaseExceptionType, ObjectType}
	BaseExceptionType.Bases = []*Type{ObjectType}
	// The single-base MROs were built before BaseException's was known: rebuild in order.
	for _, t := range BuiltinExceptionTypes[1:] {
		if len(t.Bases) == 1 {
			t.MRO = append([]*Type{t}, t.Bases[0].MRO...)
		}
	}
	ExceptionGroupType.MRO = []*Type{ExceptionGroupType, BaseExceptionGroupType, ExceptionType, BaseExceptionType, ObjectType}
	for _, t := range BuiltinExceptionTypes {
		if t.Dict == nil {
			t.Dict = NewDict()
		}
	}
}

// asException converts any error returned by a native into an *Exception
// (Go errors that are not exceptions become SystemError/OSError).
func asException(err error) *Exception {
	if e, ok := err.(*Exception); ok {
		return e
	}
	return goErrorToException(err)
}

// goErrorToException converts a plain Go error (OSError for *os.PathError
// and syscall errors is done by goErrorHook when set).
func goErrorToException(err error) *Exception {
	if se, ok := err.(*ast.SyntaxError); ok {
		return syntaxErrorException(se)
	}
	if goErrorHook != nil {
		if e := goErrorHook(err); e != nil {
			return e
		}
	}
	return &Exception{typ: SystemErrorType, Args: []Value{NewStr(err.Error())}}
}

// goErrorHook lets the stdlib map Go errors (os.PathError, ...) to OSError
// subclasses with errno; nil until set.
var goErrorHook func(err error) *Exception
