package vm

import "github.com/pya-lang/pya/vm/compile"

// The attributes of code objects (co_*, read-only getters that dir() lists)
// and code.replace(**changes): a copy of a code object with some co_*
// fields changed. types.coroutine uses it to set CO_ITERABLE_COROUTINE on a
// generator function's code; renaming (co_name, co_qualname, co_filename,
// co_firstlineno) is supported too. The copy shares the instructions.

// cpythonFlagBits pairs compile.Flags with CPython's co_flags bits.
var cpythonFlagBits = []struct {
	f compile.Flags
	b int64
}{
	{compile.FlagVarArgs, 0x4}, {compile.FlagVarKeywords, 0x8}, {compile.FlagNested, 0x10},
	{compile.FlagGenerator, 0x20}, {compile.FlagNoFree, 0x40}, {compile.FlagCoroutine, 0x80},
	{compile.FlagIterableCoroutine, 0x100}, {compile.FlagAsyncGenerator, 0x200},
}

// codeReplace implements code.replace.
func codeReplace(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(args) != 1+len(kwnames) {
		return NULL, NewError(TypeErrorType, "replace() takes no positional arguments")
	}
	old := args[0].o.(*CodeObject)
	c := *old.Code
	for i, name := range kwnames {
		v := args[1+i]
		switch name {
		case "co_flags":
			if !v.IsInt() {
				return NULL, NewError(TypeErrorType, "replace() argument 'co_flags' must be int, not %s", TypeName(v))
			}
			c.Flags = replaceFlags(c.Flags, v.AsInt())
		case "co_firstlineno":
			if !v.IsInt() {
				return NULL, NewError(TypeErrorType, "replace() argument 'co_firstlineno' must be int, not %s", TypeName(v))
			}
			c.FirstLine = int(v.AsInt())
		case "co_name", "co_qualname", "co_filename":
			s, ok := v.o.(*Str)
			if !ok {
				return NULL, NewError(TypeErrorType, "replace() argument '%s' must be str, not %s", name, TypeName(v))
			}
			switch name {
			case "co_name":
				c.Name = s.s
			case "co_qualname":
				c.QualName = s.s
			default:
				c.Filename = s.s
			}
		default:
			return NULL, NewError(TypeErrorType, "replace() got an unexpected keyword argument '%s'", name)
		}
	}
	co := *old
	co.Code = &c
	co.nameCache = make([]nameCache, len(old.nameCache))
	return Value{o: &co}, nil
}

// replaceFlags sets the flags CPython's co_flags bits describe, keeping
// the ones it has no bit for (module and class bodies).
func replaceFlags(f compile.Flags, bits int64) compile.Flags {
	for _, m := range cpythonFlagBits {
		if bits&m.b != 0 {
			f |= m.f
		} else {
			f &^= m.f
		}
	}
	return f
}

func init() {
	CodeType.AddMethods(map[string]NativeFunc{"replace": codeReplace})
	strs := func(ss []string) Value {
		vs := make([]Value, len(ss))
		for i, s := range ss {
			vs[i] = NewStr(s)
		}
		return NewTuple(vs)
	}
	code := func(v Value) *compile.Code { return v.o.(*CodeObject).Code }
	type getter = func(th *Thread, v Value) (Value, error)
	str := func(get func(c *compile.Code) string) getter {
		return func(th *Thread, v Value) (Value, error) { return NewStr(get(code(v))), nil }
	}
	num := func(get func(c *compile.Code) int) getter {
		return func(th *Thread, v Value) (Value, error) { return Int(int64(get(code(v)))), nil }
	}
	names := func(get func(c *compile.Code) []string) getter {
		return func(th *Thread, v Value) (Value, error) { return strs(get(code(v))), nil }
	}
	CodeType.AddGetters(map[string]getter{
		"co_name":            str(func(c *compile.Code) string { return c.Name }),
		"co_qualname":        str(func(c *compile.Code) string { return c.QualName }),
		"co_filename":        str(func(c *compile.Code) string { return c.Filename }),
		"co_firstlineno":     num(func(c *compile.Code) int { return c.FirstLine }),
		"co_argcount":        num(func(c *compile.Code) int { return c.ArgCount }),
		"co_posonlyargcount": num(func(c *compile.Code) int { return c.PosOnlyArgCount }),
		"co_kwonlyargcount":  num(func(c *compile.Code) int { return c.KwOnlyArgCount }),
		"co_nlocals":         num(func(c *compile.Code) int { return len(c.LocalNames) }),
		"co_stacksize":       num(func(c *compile.Code) int { return c.MaxStack }),
		"co_flags":           func(th *Thread, v Value) (Value, error) { return Int(cpythonCodeFlags(code(v).Flags)), nil },
		"co_varnames":        names(func(c *compile.Code) []string { return c.LocalNames }),
		"co_cellvars":        names(func(c *compile.Code) []string { return c.CellNames }),
		"co_freevars":        names(func(c *compile.Code) []string { return c.FreeVars }),
		"co_names":           names(func(c *compile.Code) []string { return c.Names }),
		"co_consts": func(th *Thread, v Value) (Value, error) {
			return NewTuple(append([]Value(nil), v.o.(*CodeObject).Consts...)), nil
		},
	})
}

// cpythonCodeFlags maps compile.Flags to CPython's co_flags bits
// (CO_OPTIMIZED 0x1, CO_NEWLOCALS 0x2, CO_VARARGS 0x4, CO_VARKEYWORDS 0x8,
// CO_NESTED 0x10, CO_GENERATOR 0x20, CO_NOFREE 0x40, CO_COROUTINE 0x80,
// CO_ASYNC_GENERATOR 0x200), which inspect and asyncio test.
func cpythonCodeFlags(f compile.Flags) int64 {
	var r int64
	if f&(compile.FlagModule|compile.FlagClassBody) == 0 {
		r |= 0x1 | 0x2
	}
	for _, m := range cpythonFlagBits {
		if f&m.f != 0 {
			r |= m.b
		}
	}
	return r
}
