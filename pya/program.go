package pya

import (
	"sync"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/parser"
	"github.com/pya-lang/pya/vm/compile"
)

// Program is compiled pya source. It is immutable and safe for concurrent
// use: compile once, run it in any number of interpreters.
type Program struct {
	filename string
	src      []byte
	code     *compile.Code

	// counted is the code instrumented for Options.MaxSteps, compiled on
	// first use.
	countedOnce sync.Once
	counted     *compile.Code
	countedErr  error
}

// Compile parses and compiles a script. A syntax error is an *Error whose
// Traceback is CPython's report (file, line, caret).
func Compile(filename string, src []byte) (*Program, error) {
	src = append([]byte(nil), src...)
	code, err := compileSource(filename, src, compile.ModeExec, false)
	if err != nil {
		return nil, err
	}
	return &Program{filename: filename, src: src, code: code}, nil
}

// Filename returns the name the program was compiled under.
func (p *Program) Filename() string { return p.filename }

// codeFor returns the code to run, instrumented when steps are counted.
func (p *Program) codeFor(countSteps bool) (*compile.Code, error) {
	if !countSteps {
		return p.code, nil
	}
	p.countedOnce.Do(func() {
		p.counted, p.countedErr = compileSource(p.filename, p.src, compile.ModeExec, true)
	})
	return p.counted, p.countedErr
}

// compileRaw parses and compiles; errors are *ast.SyntaxError, as the
// VM expects from Config.Compile for imported modules.
func compileRaw(filename string, src []byte, mode compile.Mode, countSteps bool) (*compile.Code, error) {
	mod, err := parser.ParseFile(filename, src)
	if err != nil {
		return nil, err
	}
	if countSteps {
		instrument(mod)
	}
	return compile.Compile(mod, mode)
}

// compileSource is compileRaw with syntax errors converted to *Error.
func compileSource(filename string, src []byte, mode compile.Mode, countSteps bool) (*compile.Code, error) {
	code, err := compileRaw(filename, src, mode, countSteps)
	if err == nil {
		return code, nil
	}
	if se, ok := err.(*ast.SyntaxError); ok {
		return nil, syntaxError(se)
	}
	return nil, &Error{Type: "SyntaxError", Message: err.Error(), Traceback: err.Error() + "\n"}
}
