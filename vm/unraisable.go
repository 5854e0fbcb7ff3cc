package vm

// writeUnraisable reports an exception that cannot propagate (the error of
// closing a generator that its loop dropped) as CPython's default
// sys.unraisablehook does:
//
//	Exception ignored in: <generator object f at 0x...>
//	Traceback (most recent call last):
//	  File "x.py", line 3, in f
//	    raise ValueError
//	ValueError:
//
// The traceback is the exception's own; one that has none gets the entry
// of f at index at (PyErr_WriteUnraisable adds the current frame). Unlike
// an uncaught exception, neither the chained exceptions nor the notes are
// printed, and the type line keeps ": " even when the message is empty.
// Without a frame (at exit), the traceback has no source lines, as
// CPython's during shutdown.
func (th *Thread) writeUnraisable(err error, obj Value, f *Frame, at int) {
	in := th.Interp
	if in == nil || in.cfg.Stderr == nil {
		return
	}
	exc := asException(err)
	if len(exc.Traceback) == 0 && f != nil {
		exc.addTraceback(f.co, at)
	}
	p := &excPrinter{in: in, seen: map[*Exception]bool{}, noSource: f == nil}
	r, rerr := Repr(th, obj)
	if rerr != nil {
		r = "<object repr() failed>"
	}
	p.b.WriteString("Exception ignored in: " + r + "\n")
	if len(exc.Traceback) > 0 {
		p.b.WriteString("Traceback (most recent call last):\n")
		p.entries(exc.Traceback)
	}
	p.b.WriteString(excTypeName(exc.typ))
	s, serr := ToStr(th, Value{o: exc})
	if serr != nil {
		s = "<exception str() failed>"
	}
	p.b.WriteString(": " + s + "\n")
	in.writeStderr(p.b.String())
}
