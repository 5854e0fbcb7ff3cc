package vm

import "fmt"

// osFields are OSError's members (CPython's errno, strerror, filename,
// filename2): set from OSError(errno, strerror[, filename[, winerror[,
// filename2]]]), whose args then keep only (errno, strerror).
type osFields struct {
	errno, strerror, filename, filename2 Value
	// parsed records that the constructor set errno and strerror (even to
	// None), which str() then shows.
	parsed bool
}

// osInit parses OSError's constructor arguments into e.osf as CPython's
// oserror_parse_args does: with 2 to 5 positional arguments the members are
// set and args is cut to (errno, strerror); otherwise the members are None.
func osInit(e *Exception, args []Value) {
	if len(args) < 2 || len(args) > 5 {
		e.osf = nil
		e.Args = append([]Value(nil), args...)
		return
	}
	f := &osFields{errno: args[0], strerror: args[1], filename: None, filename2: None, parsed: true}
	if len(args) >= 3 {
		f.filename = args[2]
	}
	if len(args) == 5 {
		f.filename2 = args[4]
	}
	e.osf = f
	e.Args = append([]Value(nil), args[:2]...)
}

// NewOSError is the OSError of type t for errno with strerror msg and
// filename (None for none), as OSError(errno, msg, filename) builds it.
func NewOSError(t *Type, errno int64, msg string, filename Value) *Exception {
	e := &Exception{typ: t}
	osInit(e, []Value{Int(errno), NewStr(msg), filename})
	return e
}

// osField returns the member name of an OSError (None when unset), or NULL
// when name is not one of them.
func osField(e *Exception, name string) Value {
	f := e.osf
	if f == nil {
		f = &osFields{errno: None, strerror: None, filename: None, filename2: None}
	}
	switch name {
	case "errno":
		return f.errno
	case "strerror":
		return f.strerror
	case "filename":
		return f.filename
	case "filename2":
		return f.filename2
	}
	return NULL
}

// osSetField assigns an OSError member; false when name is not one.
func osSetField(e *Exception, name string, val Value) bool {
	if val.IsNull() {
		val = None
	}
	if e.osf == nil {
		e.osf = &osFields{errno: None, strerror: None, filename: None, filename2: None}
	}
	switch name {
	case "errno":
		e.osf.errno = val
	case "strerror":
		e.osf.strerror = val
	case "filename":
		e.osf.filename = val
	case "filename2":
		e.osf.filename2 = val
	default:
		return false
	}
	return true
}

// osStr is CPython's OSError_str: "[Errno 2] msg: 'file'" (-> 'file2'),
// "[Errno 2] msg", or ok false for BaseException's str.
func osStr(th *Thread, e *Exception) (s string, ok bool, err error) {
	f := e.osf
	if f == nil {
		return "", false, nil
	}
	errno, err := ToStr(th, f.errno)
	if err != nil {
		return "", true, err
	}
	msg, err := ToStr(th, f.strerror)
	if err != nil {
		return "", true, err
	}
	if f.filename.IsNone() {
		if !f.parsed && (f.errno.IsNone() || f.strerror.IsNone()) {
			return "", false, nil
		}
		return fmt.Sprintf("[Errno %s] %s", errno, msg), true, nil
	}
	fn, err := Repr(th, f.filename)
	if err != nil {
		return "", true, err
	}
	if f.filename2.IsNone() {
		return fmt.Sprintf("[Errno %s] %s: %s", errno, msg, fn), true, nil
	}
	fn2, err := Repr(th, f.filename2)
	if err != nil {
		return "", true, err
	}
	return fmt.Sprintf("[Errno %s] %s: %s -> %s", errno, msg, fn, fn2), true, nil
}
