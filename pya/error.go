package pya

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/vm"
)

// ErrStepLimit is wrapped by the *Error of a script stopped by
// Options.MaxSteps: errors.Is(err, pya.ErrStepLimit).
var ErrStepLimit = errors.New("pya: step limit exceeded")

// ErrInternal is wrapped by the *Error of a Go panic recovered inside the
// interpreter (a bug in pya). The interpreter is unusable afterwards.
var ErrInternal = errors.New("pya: internal error")

// Error is a script error: an uncaught exception, a syntax error, or a
// run stopped by its context or a limit. (sys.exit() and sys.exit(0) end a
// script normally: no error; another SystemExit is an *Error of type
// "SystemExit".) Every error returned by this
// package for a script failure is an *Error.
type Error struct {
	// Type is the exception's type name: "ZeroDivisionError",
	// "SyntaxError", "KeyboardInterrupt" (cancelled run), "StepLimitError".
	Type string
	// Message is str(exception), "" when it has none.
	Message string
	// Traceback is the full text CPython would print on stderr for the
	// uncaught exception, "Traceback (most recent call last):" included.
	Traceback string

	exc   *vm.Exception // the exception, to re-raise it when a native returns this error
	cause error         // context.Canceled, ErrStepLimit, ...
}

// Error returns "Type: message", the traceback's last line.
func (e *Error) Error() string {
	if e.Message == "" {
		return e.Type
	}
	return e.Type + ": " + e.Message
}

// Unwrap returns the context's error for a cancelled run (so errors.Is(err,
// context.DeadlineExceeded) holds), ErrStepLimit or ErrInternal.
func (e *Error) Unwrap() error { return e.cause }

// raised is a Go error a native returns to raise a given exception type.
type raised struct {
	typ string
	msg string
}

func (r *raised) Error() string { return r.typ + ": " + r.msg }

// Raise returns an error that, returned by a native function, raises the
// built-in exception type typeName ("ValueError", "KeyError", ...) with the
// formatted message. Other Go errors raise RuntimeError(err.Error()).
func Raise(typeName, format string, args ...any) error {
	return &raised{typ: typeName, msg: fmt.Sprintf(format, args...)}
}

// toException turns an error returned by Go code into the exception pya
// code sees.
func (in *Interpreter) toException(err error) error {
	var exc *vm.Exception
	var pe *Error
	var r *raised
	switch {
	case errors.As(err, &exc):
		return exc
	case errors.As(err, &pe) && pe.exc != nil:
		return pe.exc
	case errors.As(err, &r):
		if v, ok := in.vm.Builtins().GetStr(r.typ); ok {
			if t, ok := v.Object().(*vm.Type); ok && t.IsSubtype(vm.BaseExceptionType) {
				return vm.NewError(t, "%s", r.msg)
			}
		}
		return vm.NewError(vm.RuntimeErrorType, "%s", r.Error())
	}
	return vm.NewError(vm.RuntimeErrorType, "%s", err.Error())
}

// fromError converts an error coming out of the VM into an *Error.
func (in *Interpreter) fromError(err error) error {
	if err == nil {
		return nil
	}
	switch e := err.(type) {
	case *Error:
		return e
	case *raised:
		return &Error{Type: e.typ, Message: e.msg}
	case *ast.SyntaxError:
		return syntaxError(e)
	case *vm.InternalError:
		in.broken = true
		return &Error{Type: "InternalError", Message: fmt.Sprint(e.Value), Traceback: string(e.Stack), cause: ErrInternal}
	case *vm.Exception:
		if e.IsInstance(vm.SystemExitType) && (len(e.Args) == 0 || e.Args[0].IsNone() || (e.Args[0].IsInt() && e.Args[0].AsInt() == 0)) {
			return nil // sys.exit() / sys.exit(0): a normal end
		}
		pe := &Error{Type: e.Type().Name, exc: e, Traceback: in.formatException(e)}
		pe.Message = strings.TrimPrefix(strings.TrimPrefix(e.Error(), pe.Type), ": ")
		switch {
		case e.IsInstance(stepLimitType):
			pe.cause = ErrStepLimit
		case in.ctx != nil && in.ctx.Err() != nil:
			// Cancelled: KeyboardInterrupt, or whatever the script or a
			// native made of it.
			pe.cause = in.ctx.Err()
		}
		return pe
	}
	return &Error{Type: "Error", Message: err.Error(), cause: err}
}

// formatException renders a traceback, which itself runs pya code (str of
// the exception) and so must not panic out.
func (in *Interpreter) formatException(e *vm.Exception) (s string) {
	defer func() {
		if recover() != nil {
			s = e.Error() + "\n"
		}
	}()
	return in.vm.FormatException(e)
}

func syntaxError(e *ast.SyntaxError) *Error {
	kind := e.Kind
	if kind == "" {
		kind = "SyntaxError"
	}
	return &Error{Type: kind, Message: e.Msg, Traceback: e.Format()}
}

// stepLimitType is raised when Options.MaxSteps runs out. It derives from
// BaseException so that `except Exception:` does not swallow it, and it is
// raised again at every later step, so that no handler can.
var stepLimitType = vm.NewExceptionType("StepLimitError", "pya", vm.BaseExceptionType)
