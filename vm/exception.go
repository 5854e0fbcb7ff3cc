package vm

import "fmt"

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
}

// TraceEntry is one traceback line: the code's file and name and the line
// (with its column range, for CPython 3.11's carets).
type TraceEntry struct {
	File, Name         string
	Line, Col, EndLine int
	EndCol             int
}

func (e *Exception) Type() *Type { return e.typ }

// Error returns "TypeName: message", as the last traceback line prints it.
func (e *Exception) Error() string {
	return e.typ.Name + ": " + fmt.Sprint(len(e.Args))
}

// NewError makes an exception of type t whose single argument is the
// formatted message (fmt.Sprintf rules).
func NewError(t *Type, format string, args ...any) error {
	return &Exception{typ: t, Args: []Value{NewStr(fmt.Sprintf(format, args...))}}
}

// The built-in exception types (the hierarchy is filled at init).
var (
	BaseExceptionType     = &Type{Name: "BaseException"}
	ExceptionType         = &Type{Name: "Exception"}
	TypeErrorType         = &Type{Name: "TypeError"}
	ValueErrorType        = &Type{Name: "ValueError"}
	AttributeErrorType    = &Type{Name: "AttributeError"}
	KeyErrorType          = &Type{Name: "KeyError"}
	IndexErrorType        = &Type{Name: "IndexError"}
	ZeroDivisionErrorType = &Type{Name: "ZeroDivisionError"}
	OverflowErrorType     = &Type{Name: "OverflowError"}
	StopIterationType     = &Type{Name: "StopIteration"}
	RuntimeErrorType      = &Type{Name: "RuntimeError"}
	NameErrorType         = &Type{Name: "NameError"}
)
