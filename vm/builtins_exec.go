package vm

import (
	"strings"

	"github.com/pya-lang/pya/ast"

	"github.com/pya-lang/pya/vm/compile"
)

// exec and eval compile source with the interpreter's injected compiler
// (the vm never imports the parser; eval's in ModeEval) and run it as a
// module body whose names live in the locals mapping and whose functions
// see the globals.

// biRunSource runs src with globals g and locals l (nil: same as g).
func biRunSource(th *Thread, name string, src string, g, l *Dict) (Value, error) {
	co, err := biCompile(th, name, "<string>", src, compile.ModeExec)
	if err != nil {
		return NULL, err
	}
	return biRunCode(th, co, g, l)
}

// biCompile compiles src with the interpreter's compiler.
func biCompile(th *Thread, name, filename, src string, mode compile.Mode) (*CodeObject, error) {
	in := th.Interp
	if in == nil || in.cfg.Compile == nil {
		return nil, NewError(RuntimeErrorType, "%s() needs an interpreter with a compiler", name)
	}
	code, err := in.cfg.Compile(filename, []byte(src), mode)
	if err != nil {
		return nil, err
	}
	return LoadCode(code), nil
}

// biRunCode runs a compiled module body with globals g and locals l (nil:
// g) and returns its value (an eval-mode code's expression); as CPython,
// it first puts __builtins__ into a globals dict that lacks it.
func biRunCode(th *Thread, co *CodeObject, g, l *Dict) (Value, error) {
	if _, ok := g.GetStr("__builtins__"); !ok {
		if b, ok := biBuiltinsModule(th); ok {
			g.SetStr("__builtins__", b)
		}
	}
	if l == nil {
		l = g
	}
	return th.RunCode(co, g, l)
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
		if err != nil {
			return NULL, err
		}
		return None, nil
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

func biEval(th *Thread, args []Value, kwnames []string) (Value, error) {
	var src, gv, lv Value
	if err := ParseArgs("eval", args, kwnames, []string{"source", "globals?", "locals?"}, &src, &gv, &lv); err != nil {
		return NULL, err
	}
	g, l, err := biNamespaces(th, "eval", gv, lv)
	if err != nil {
		return NULL, err
	}
	co, ok := src.o.(*CodeObject)
	if !ok {
		s, err := biSourceArg("eval", src)
		if err != nil {
			return NULL, err
		}
		src := biEvalSource(s)
		if co, err = biCompile(th, "eval", "<string>", src, compile.ModeEval); err != nil {
			return NULL, evalSyntaxError(err, src)
		}
	}
	return biRunCode(th, co, g, l)
}

// evalSyntaxError completes a syntax error in eval's source as CPython's
// parser reports it: "invalid syntax" (an input that is not an expression)
// shows its line, and the text of a last line has no newline.
func evalSyntaxError(err error, src string) error {
	se, ok := err.(*ast.SyntaxError)
	if !ok {
		return err
	}
	if se.Line <= 0 && strings.TrimSpace(src) == "" {
		// Nothing to evaluate: CPython's location is line 0, offset 0.
		exc := syntaxErrorException(se)
		s := exc.se
		s.lineno, s.offset, s.text, s.endLineno, s.endOffset = Int(0), Int(0), NewStr(""), Int(0), Int(0)
		exc.Args = []Value{s.msg, NewTuple([]Value{s.filename, s.lineno, s.offset, s.text, s.endLineno, s.endOffset})}
		return exc
	}
	if se.Line <= 0 {
		return err
	}
	lines := strings.SplitAfter(src, "\n")
	if se.Line > len(lines) {
		return err
	}
	line := lines[se.Line-1]
	if se.Text == "" && se.Msg == "invalid syntax" {
		se.Text = strings.TrimRight(line, "\r\n")
	}
	exc := syntaxErrorException(se)
	if !strings.HasSuffix(line, "\n") && se.Text != "" {
		exc.se.text = NewStr(se.Text)
		exc.Args[1].o.(*Tuple).Items[3] = exc.se.text
	}
	return exc
}

// biEvalSource is the source eval compiles: CPython's eval ignores the
// spaces and tabs that start it.
func biEvalSource(s string) string { return strings.TrimLeft(s, " \t") }

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
	cmode := compile.ModeExec
	switch {
	case m != nil && (m.s == "exec" || m.s == "single"):
	case m != nil && m.s == "eval":
		s, cmode = biEvalSource(s), compile.ModeEval
	default:
		return NULL, NewError(ValueErrorType, "compile() mode must be 'exec', 'eval' or 'single'")
	}
	co, err := biCompile(th, "compile", fn.s, s, cmode)
	if err != nil {
		return NULL, err
	}
	return ObjectValue(co), nil
}
