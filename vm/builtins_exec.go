package vm

import "strings"

// exec and eval compile source with the interpreter's injected compiler
// (the vm never imports the parser) and run it as a module body.

// biRunSource runs src with globals g and locals l (nil: same as g). When l
// differs from g, the code runs in a copy of g and the names it binds are
// stored into l afterwards, which covers exec(src, globals, ns) as used to
// generate functions.
func biRunSource(th *Thread, name string, src string, g, l *Dict) (*Dict, error) {
	co, err := biCompile(th, name, "<string>", src)
	if err != nil {
		return nil, err
	}
	return biRunCode(th, co, g, l)
}

// biCompile compiles src with the interpreter's compiler.
func biCompile(th *Thread, name, filename, src string) (*CodeObject, error) {
	in := th.Interp
	if in == nil || in.cfg.Compile == nil {
		return nil, NewError(RuntimeErrorType, "%s() needs an interpreter with a compiler", name)
	}
	code, err := in.cfg.Compile(filename, []byte(src))
	if err != nil {
		return nil, err
	}
	return LoadCode(code), nil
}

// biRunCode runs a compiled module body with globals g and locals l.
func biRunCode(th *Thread, co *CodeObject, g, l *Dict) (*Dict, error) {
	ns := g
	if l != nil && l != g {
		ns = g.Copy()
		l.Items(func(k, v Value) bool {
			if s, ok := k.o.(*Str); ok {
				ns.SetStr(s.s, v)
			}
			return true
		})
	}
	if _, ok := ns.GetStr("__builtins__"); !ok && ns == g {
		// CPython inserts __builtins__ into a globals dict that lacks it.
		if b, ok := biBuiltinsModule(th); ok {
			ns.SetStr("__builtins__", b)
		}
	}
	m := &Module{Name: "<string>", Dict: ns}
	if _, err := th.RunModule(co, m); err != nil {
		return nil, err
	}
	if l != nil && l != g {
		ns.Items(func(k, v Value) bool {
			s, ok := k.o.(*Str)
			if !ok {
				return true
			}
			if old, had := g.GetStr(s.s); !had || !old.Is(v) {
				l.SetStr(s.s, v)
			}
			return true
		})
	}
	return ns, nil
}

// biBuiltinsModule returns the builtins module, if imported.
func biBuiltinsModule(th *Thread) (Value, bool) {
	return InterpModules(th).GetStr("builtins")
}

// biNamespaces parses the globals/locals arguments of exec and eval.
func biNamespaces(th *Thread, name string, gv, lv Value) (*Dict, *Dict, error) {
	var g, l *Dict
	if gv.IsNull() || gv.IsNone() {
		g = biCurrentGlobals(th)
		if g == nil {
			g = NewDict()
		}
		if lv.IsNull() || lv.IsNone() {
			if cl := biCurrentLocals(th); cl != nil && cl != g {
				l = cl
			}
		}
	} else {
		d, ok := gv.o.(*Dict)
		if !ok {
			return nil, nil, NewError(TypeErrorType, "%s() globals must be a dict, not %s", name, biTypeName(gv))
		}
		g = d
	}
	if !lv.IsNull() && !lv.IsNone() {
		d, ok := lv.o.(*Dict)
		if !ok {
			return nil, nil, NewError(TypeErrorType, "locals must be a mapping")
		}
		l = d
	}
	return g, l, nil
}

func biSourceArg(name string, v Value) (string, error) {
	if s, ok := v.o.(*Str); ok {
		return s.s, nil
	}
	if b, ok := biBytesOf(v); ok {
		return string(b), nil
	}
	return "", NewError(TypeErrorType, "%s() arg 1 must be a string, bytes or code object", name)
}

func biExec(th *Thread, args []Value, kwnames []string) (Value, error) {
	var src, gv, lv Value
	if err := ParseArgs("exec", args, kwnames, []string{"source", "globals?", "locals?"}, &src, &gv, &lv); err != nil {
		return NULL, err
	}
	g, l, err := biNamespaces(th, "exec", gv, lv)
	if err != nil {
		return NULL, err
	}
	if co, ok := src.o.(*CodeObject); ok {
		_, err := biRunCode(th, co, g, l)
		return None, err
	}
	s, err := biSourceArg("exec", src)
	if err != nil {
		return NULL, err
	}
	if _, err := biRunSource(th, "exec", s, g, l); err != nil {
		return NULL, err
	}
	return None, nil
}

// biEvalResult is the name eval binds its result to in a scratch namespace.
const biEvalResult = "__pya_eval_result__"

func biEval(th *Thread, args []Value, kwnames []string) (Value, error) {
	var src, gv, lv Value
	if err := ParseArgs("eval", args, kwnames, []string{"source", "globals?", "locals?"}, &src, &gv, &lv); err != nil {
		return NULL, err
	}
	g, l, err := biNamespaces(th, "eval", gv, lv)
	if err != nil {
		return NULL, err
	}
	var co *CodeObject
	if c, ok := src.o.(*CodeObject); ok {
		co = c
	} else {
		s, err := biSourceArg("eval", src)
		if err != nil {
			return NULL, err
		}
		if co, err = biCompile(th, "eval", "<string>", biEvalSource(s)); err != nil {
			return NULL, err
		}
	}
	scratch := NewDict()
	if l != nil {
		l.Items(func(k, v Value) bool {
			if ks, ok := k.o.(*Str); ok {
				scratch.SetStr(ks.s, v)
			}
			return true
		})
	}
	if _, err := biRunCode(th, co, g, scratch); err != nil {
		return NULL, err
	}
	r, _ := scratch.GetStr(biEvalResult)
	if r.IsNull() {
		return None, nil
	}
	return r, nil
}

// biEvalSource wraps an expression so that running it as a module binds
// its value to biEvalResult.
func biEvalSource(s string) string {
	return biEvalResult + " = (\n" + strings.TrimLeft(s, " \t") + "\n)"
}

// compile(source, filename, mode): a code object for exec ('exec',
// 'single') or eval ('eval').
func biCompileBuiltin(th *Thread, args []Value, kwnames []string) (Value, error) {
	var src, filename, mode, flags, dontInherit, optimize Value
	if err := ParseArgs("compile", args, kwnames, []string{"source", "filename", "mode", "flags?", "dont_inherit?", "optimize?"},
		&src, &filename, &mode, &flags, &dontInherit, &optimize); err != nil {
		return NULL, err
	}
	s, err := biSourceArg("compile", src)
	if err != nil {
		return NULL, err
	}
	fn, ok := filename.o.(*Str)
	if !ok {
		return NULL, NewError(TypeErrorType, "compile() argument 'filename' must be str, not %s", biTypeName(filename))
	}
	m, _ := mode.o.(*Str)
	switch {
	case m != nil && (m.s == "exec" || m.s == "single"):
	case m != nil && m.s == "eval":
		s = biEvalSource(s)
	default:
		return NULL, NewError(ValueErrorType, "compile() mode must be 'exec', 'eval' or 'single'")
	}
	co, err := biCompile(th, "compile", fn.s, s)
	if err != nil {
		return NULL, err
	}
	return ObjectValue(co), nil
}
