package vm

import (
	"github.com/pya-lang/pya/vm/compile"
	"io"
	"os"
)

// Accessors for the stdlib modules (sys, the embedded-source modules) to the
// interpreter state they expose.

// InterpModules returns sys.modules of th's interpreter.
func InterpModules(th *Thread) *Dict {
	if th.Interp == nil {
		return NewDict()
	}
	return th.Interp.Modules()
}

// InterpArgv returns the program's arguments (sys.argv).
func InterpArgv(th *Thread) []string {
	if th.Interp == nil {
		return nil
	}
	return th.Interp.Config().Argv
}

// InterpPath returns the module search path (sys.path).
func InterpPath(th *Thread) []string {
	if th.Interp == nil {
		return nil
	}
	return th.Interp.searchPath()
}

// ExecSource compiles src and runs it as the body of module m (used by
// stdlib modules written in pya and embedded in the binary).
func ExecSource(th *Thread, m *Module, filename string, src []byte) error {
	if th.Interp == nil || th.Interp.cfg.Compile == nil {
		return NewError(ImportErrorType, "no compiler configured to import %s", m.Name)
	}
	code, err := th.Interp.cfg.Compile(filename, src, compile.ModeExec)
	if err != nil {
		return err
	}
	_, err = th.RunModule(LoadCode(code), m)
	return err
}

// biStdioSource returns the interpreter's configured standard streams
// (the process's own when unset).
func biStdioSource(in *Interpreter) (io.Reader, io.Writer, io.Writer) {
	var r io.Reader = os.Stdin
	var w, e io.Writer = os.Stdout, os.Stderr
	if in != nil {
		if in.cfg.Stdin != nil {
			r = in.cfg.Stdin
		}
		if in.cfg.Stdout != nil {
			w = in.cfg.Stdout
		}
		if in.cfg.Stderr != nil {
			e = in.cfg.Stderr
		}
	}
	return r, w, e
}
