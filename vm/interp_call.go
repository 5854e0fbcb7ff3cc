package vm

// pushCall creates the frame of a call to fn with its arguments bound and
// its cells initialized, counting one level of recursion depth. The caller
// links it (back) and makes it the running frame.
func (th *Thread) pushCall(fn *Function, args []Value, kwnames []string) (*Frame, error) {
	if th.depth >= th.recursionLimit {
		return nil, NewError(RecursionErrorType, "maximum recursion depth exceeded")
	}
	nf := th.newFrame(fn.Code, fn, fn.Globals)
	if err := th.bindFrame(nf, fn, args, kwnames); err != nil {
		return nil, err
	}
	th.depth++
	return nf, nil
}

// bindFrame binds the arguments of a call to fn into its new frame nf and
// creates its cells. On error, nf goes back to the pool.
func (th *Thread) bindFrame(nf *Frame, fn *Function, args []Value, kwnames []string) error {
	co := fn.Code
	if co.simple && len(kwnames) == 0 && len(args) == co.Code.ArgCount {
		copyValues(nf.slots, args)
	} else if err := bindArgs(th, fn, nf.slots, args, kwnames); err != nil {
		th.releaseFrame(nf)
		return err
	}
	if co.ncells != 0 {
		nf.initCells()
	}
	return nil
}

// callFunction calls a pya function from Go: a nested dispatch loop for
// plain functions; generator-like functions return their object unstarted.
func (th *Thread) callFunction(fn *Function, args []Value, kwnames []string) (Value, error) {
	if fn.Code.kind != kindPlain {
		return th.makeGenerator(fn, args, kwnames)
	}
	nf, err := th.pushCall(fn, args, kwnames)
	if err != nil {
		return NULL, err
	}
	return th.runFrame(nf)
}

// runFrame runs nf (already counted in depth) to completion in a nested
// dispatch loop on top of the current frame.
func (th *Thread) runFrame(nf *Frame) (Value, error) {
	nf.back = th.frame
	nf.base = true
	th.frame = nf
	th.nested++
	r, _, err := th.run(nil)
	th.nested--
	return r, err
}

// kwNames converts the keyword-name tuple of CALL_KW into Go strings.
func (th *Thread) kwNames(v Value) []string {
	t, ok := v.o.(*Tuple)
	if !ok {
		return nil
	}
	names := make([]string, len(t.Items))
	for i, x := range t.Items {
		if s, ok := x.o.(*Str); ok {
			names[i] = s.s
		}
	}
	return names
}

// callEx implements f(*args, **kwargs): posargs is a tuple (or any
// iterable), kw a dict or NULL.
func (th *Thread) callEx(fn, posargs, kw Value) (Value, error) {
	var args []Value
	if t, ok := posargs.o.(*Tuple); ok {
		args = t.Items
	} else {
		items, err := ToSlice(th, posargs)
		if err != nil {
			return NULL, err
		}
		args = items
	}
	if kw.IsNull() {
		return th.Call(fn, args, nil)
	}
	d, ok := kw.o.(*Dict)
	if !ok {
		return NULL, NewError(TypeErrorType, "%s argument after ** must be a mapping, not %s", funcStr(fn), TypeName(kw))
	}
	if d.Len() == 0 {
		return th.Call(fn, args, nil)
	}
	all := make([]Value, 0, len(args)+d.Len())
	all = append(all, args...)
	kwnames := make([]string, 0, d.Len())
	var err error
	d.Items(func(k, v Value) bool {
		s, ok := k.o.(*Str)
		if !ok {
			err = NewError(TypeErrorType, "keywords must be strings")
			return false
		}
		kwnames = append(kwnames, s.s)
		all = append(all, v)
		return true
	})
	if err != nil {
		return NULL, err
	}
	return th.Call(fn, all, kwnames)
}

// funcStr names a callable in call error messages, like CPython's
// _PyObject_FunctionStr: "f()", "A.m()", "print()".
func funcStr(fn Value) string {
	switch f := fn.o.(type) {
	case *Function:
		if m, ok := f.Module.o.(*Str); ok && m.s != "builtins" {
			return m.s + "." + f.QualName + "()"
		}
		return f.QualName + "()"
	case *BoundMethod:
		return funcStr(f.Func)
	case *Builtin:
		return f.Name + "()"
	case *Type:
		return f.Name + "()"
	}
	return TypeName(fn) + " object"
}
