package vm

// globals, locals, __import__, exit/quit, aiter, anext.

// QuitterType is the type of exit and quit (_sitebuiltins.Quitter).
var QuitterType = MakeNativeType("Quitter", "_sitebuiltins", nil)

type quitter struct{ name string }

func (*quitter) Type() *Type { return QuitterType }

func init() {
	QuitterType.Repr = func(th *Thread, v Value) (string, error) {
		return "Use " + v.o.(*quitter).name + "() or Ctrl-D (i.e. EOF) to exit", nil
	}
	QuitterType.Call = func(th *Thread, callee Value, args []Value, kwnames []string) (Value, error) {
		var code Value
		if err := ParseArgs("Quitter.__call__", args, kwnames, []string{"code?"}, &code); err != nil {
			return NULL, err
		}
		if code.IsNull() {
			return NULL, NewException(SystemExitType)
		}
		return NULL, NewException(SystemExitType, code)
	}
}

func biQuitter(name string) Value { return Value{o: &quitter{name: name}} }

// biCurrentGlobals is the globals of the calling Python frame (natives push
// no frame), nil outside any frame.
func biCurrentGlobals(th *Thread) *Dict {
	if f := th.frame; f != nil {
		return f.globals
	}
	return nil
}

// biCurrentLocals is locals() of the calling frame (natives push no frame).
func biCurrentLocals(th *Thread) *Dict {
	if f := th.frame; f != nil {
		return f.localsDict()
	}
	return nil
}

func biGlobals(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("globals", args, kwnames, 0, 0); err != nil {
		return NULL, err
	}
	g := biCurrentGlobals(th)
	if g == nil {
		return ObjectValue(NewDict()), nil
	}
	return ObjectValue(g), nil
}

func biLocals(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("locals", args, kwnames, 0, 0); err != nil {
		return NULL, err
	}
	l := biCurrentLocals(th)
	if l == nil {
		return ObjectValue(NewDict()), nil
	}
	return ObjectValue(l), nil
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
func biImport(th *Thread, args []Value, kwnames []string) (Value, error) {
	var name, globals, locals, fromlist, level Value
	if err := ParseArgs("__import__", args, kwnames, []string{"name", "globals?", "locals?", "fromlist?", "level?"},
		&name, &globals, &locals, &fromlist, &level); err != nil {
		return NULL, err
	}
	s, ok := name.o.(*Str)
	if !ok {
		return NULL, NewError(TypeErrorType, "__import__() argument 1 must be str, not %s", biTypeName(name))
	}
	var g *Dict
	if d, ok := globals.o.(*Dict); ok {
		g = d
	}
	if fromlist.IsNull() {
		fromlist = None
	}
	lvl := int64(0)
	if !level.IsNull() {
		n, err := biIndexInt(th, level)
		if err != nil {
			return NULL, err
		}
		if n < 0 {
			return NULL, NewError(ValueErrorType, "level must be >= 0")
		}
		lvl = n
	}
	return th.Import(s.s, g, fromlist, int(lvl))
}

func biAiter(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biExactlyOne("aiter", args, kwnames); err != nil {
		return NULL, err
	}
	r, found, err := biCallDunder(th, args[0], "__aiter__")
	if !found {
		return NULL, NewError(TypeErrorType, "'%s' object is not an async iterable", biTypeName(args[0]))
	}
	return r, err
}

// AnextAwaitableType is the awaitable anext(it, default) returns: it awaits
// it.__anext__() and turns StopAsyncIteration into the default.
var AnextAwaitableType = MakeNativeType("anext_awaitable", "builtins", nil)

type anextAwaitable struct {
	inner Value // the awaitable from __anext__
	it    Resumable
	dflt  Value
}

func (*anextAwaitable) Type() *Type { return AnextAwaitableType }

func init() {
	AnextAwaitableType.AddMethods(map[string]NativeFunc{
		"__await__": func(th *Thread, args []Value, kw []string) (Value, error) { return args[0], nil },
	})
	IteratorMethods(AnextAwaitableType)
	AnextAwaitableType.Next = func(th *Thread, v Value) (Value, error) {
		y, done, err := v.o.(*anextAwaitable).Resume(th, None, nil)
		if err != nil {
			return NULL, err
		}
		if done {
			return NULL, NewException(StopIterationType, y)
		}
		return y, nil
	}
}

// Resume implements Resumable by delegating to the inner awaitable.
func (a *anextAwaitable) Resume(th *Thread, v Value, exc *Exception) (Value, bool, error) {
	if a.it == nil {
		it := a.inner
		if _, ok := it.o.(Resumable); !ok {
			r, found, err := biCallDunder(th, it, "__await__")
			if err != nil {
				return NULL, false, err
			}
			if !found {
				return NULL, false, NewError(TypeErrorType, "'%s' object can't be awaited", biTypeName(it))
			}
			it = r
		}
		res, ok := it.o.(Resumable)
		if !ok {
			return NULL, false, NewError(TypeErrorType, "__await__() returned a non-iterator of type '%s'", biTypeName(it))
		}
		a.it = res
	}
	y, done, err := a.it.Resume(th, v, exc)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.IsInstance(StopAsyncIterationType) {
			return a.dflt, true, nil
		}
	}
	return y, done, err
}

func biAnext(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("anext", args, kwnames, 1, 2); err != nil {
		return NULL, err
	}
	r, found, err := biCallDunder(th, args[0], "__anext__")
	if !found {
		return NULL, NewError(TypeErrorType, "'%s' object is not an async iterator", biTypeName(args[0]))
	}
	if err != nil || len(args) == 1 {
		return r, err
	}
	return Value{o: &anextAwaitable{inner: r, dflt: args[1]}}, nil
}
