// Package pyahelp is the _pya module: the few interpreter services the
// stdlib modules written in pya need (traceback formatting, the caller's
// source position for warnings).
package pyahelp

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

func init() {
	vm.RegisterModule("_pya", func(th *vm.Thread, m *vm.Module) error {
		pyarg.Funcs(m.Dict, map[string]vm.NativeFunc{
			"format_exception":      formatException,
			"format_exception_only": formatExceptionOnly,
			"caller":                caller,
			"source_line":           sourceLine,
			"tb_entries":            tbEntries,
		})
		return nil
	})
}

// format_exception(exc) returns the list of strings
// traceback.format_exception gives for exc ("Traceback (most recent call
// last):\n", one string per frame, ...).
func formatException(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	return formatWith(th, "format_exception", args, kwnames, (*vm.Interpreter).FormatTracebackException)
}

// format_exception_only(exc) returns the list of
// traceback.format_exception_only: the last line (or SyntaxError block)
// and the notes.
func formatExceptionOnly(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	return formatWith(th, "format_exception_only", args, kwnames, (*vm.Interpreter).FormatExceptionOnly)
}

func formatWith(th *vm.Thread, name string, args []vm.Value, kwnames []string, format func(*vm.Interpreter, *vm.Exception) []string) (vm.Value, error) {
	if err := pyarg.Exactly(name, args, kwnames, 1); err != nil {
		return vm.NULL, err
	}
	e, ok := args[0].Object().(*vm.Exception)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "%s() argument must be an exception, not %s", name, args[0].Type().Name)
	}
	if th.Interp == nil {
		return vm.NewList([]vm.Value{vm.NewStr(e.Error() + "\n")}), nil
	}
	parts := format(th.Interp, e)
	items := make([]vm.Value, len(parts))
	for i, s := range parts {
		items[i] = vm.NewStr(s)
	}
	return vm.NewList(items), nil
}

// caller(level[, skip]) returns (filename, lineno, module name, function
// name) of the Python frame level steps up from the caller of the native
// (1: that caller itself). With skip, frames whose file is skip are passed
// over first (logging's findCaller ignores its own frames).
func caller(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Range("caller", args, kwnames, 1, 2); err != nil {
		return vm.NULL, err
	}
	level, err := pyarg.Int(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	f := th.Frame()
	if len(args) == 2 {
		skip, _ := pyarg.Str(args[1])
		for f != nil && f.Back() != nil && f.Code().Filename == skip {
			f = f.Back()
		}
	}
	for i := int64(1); i < level && f != nil && f.Back() != nil; i++ {
		f = f.Back()
	}
	if f == nil {
		return vm.NewTuple([]vm.Value{vm.NewStr("sys"), vm.Int(1), vm.NewStr("sys"), vm.NewStr("<module>")}), nil
	}
	name := vm.NewStr("<string>")
	if g := f.Globals(); g != nil {
		if n, ok := g.GetStr("__name__"); ok {
			name = n
		}
	}
	file := f.Code().Filename
	if !strings.HasPrefix(file, "<") {
		// CPython's code objects carry the script's absolute path.
		if abs, err := filepath.Abs(file); err == nil {
			file = abs
		}
	}
	return vm.NewTuple([]vm.Value{vm.NewStr(file), vm.Int(int64(f.Line())), name, vm.NewStr(f.Code().Name)}), nil
}

// source_line(filename, lineno) returns the stripped source line, or "".
func sourceLine(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("source_line", args, kwnames, 2); err != nil {
		return vm.NULL, err
	}
	name, _ := pyarg.Str(args[0])
	n, err := pyarg.Int(th, args[1])
	if err != nil {
		return vm.NULL, err
	}
	src, err := os.ReadFile(name)
	if err != nil {
		return vm.NewStr(""), nil
	}
	lines := strings.Split(string(src), "\n")
	if n < 1 || int(n) > len(lines) {
		return vm.NewStr(""), nil
	}
	return vm.NewStr(strings.TrimSpace(lines[n-1])), nil
}
