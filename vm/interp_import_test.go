package vm

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestImports covers packages, relative imports, submodule attributes,
// `from m import *`, caching in sys.modules and import errors.
func TestImports(t *testing.T) {
	files := map[string]string{
		"util/__init__.pya":    "from .delay import delay\nNAME = 'util'\n",
		"util/delay.pya":       "from . import helpers\ndef delay(n):\n    return helpers.twice(n)\n",
		"util/helpers.pya":     "print('helpers loaded')\ndef twice(n):\n    return 2 * n\n",
		"star.pya":             "__all__ = ['a']\na = 1\nb = 2\n",
		"cyc_a.pya":            "from cyc_b import g\ndef f(): return 1\n",
		"cyc_b.pya":            "from cyc_a import f\ndef g(): return 2\n",
		"pkg/__init__.pya":     "",
		"pkg/sub/__init__.pya": "",
		"pkg/sub/mod.pya":      "from ..sibling import VALUE\nX = VALUE + 1\n",
		"pkg/sibling.pya":      "VALUE = 41\n",
	}
	src := `import util
import util.helpers as d
from util import delay
from util.helpers import twice
print(util.NAME, delay(2), d.twice(3), twice(4), util.helpers.twice(5))
import util
from star import *
print(a, 'b' in dir())
import pkg.sub.mod
print(pkg.sub.mod.X)
print(repr(util).startswith("<module 'util' from '"))
try:
    import nosuch
except ModuleNotFoundError as e:
    print(e)
try:
    from util import nothing
except ImportError as e:
    print(str(e).startswith("cannot import name 'nothing' from 'util' ("))
try:
    import cyc_a
except ImportError as e:
    print(str(e).startswith("cannot import name 'f' from partially initialized module 'cyc_a' (most likely due to a circular import)"))
`
	out, errs, status := runSource(t, src, files)
	want := `helpers loaded
util 4 6 8 10
1 False
42
True
No module named 'nosuch'
True
True
`
	if out != want || errs != "" || status != 0 {
		t.Errorf("got:\n%s\nstderr:\n%s\nwant:\n%s", out, errs, want)
	}
}

// TestKeyboardInterrupt interrupts an endless loop from another goroutine.
func TestKeyboardInterrupt(t *testing.T) {
	code, err := compileSource("main.pya", []byte("try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('interrupted')\n"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	in := NewInterpreter(Config{Stdout: &out})
	go func() {
		time.Sleep(20 * time.Millisecond)
		in.Interrupt()
	}()
	if err := in.ExecMain(code, nil); err != nil {
		t.Fatal(err)
	}
	if out.String() != "interrupted\n" {
		t.Errorf("got %q", out.String())
	}
}

// TestRecursionLimit checks the settable limit and the error's message.
func TestRecursionLimit(t *testing.T) {
	code, err := compileSource("main.pya", []byte("def f(n):\n    return f(n + 1) if n < 150 else n\nprint(f(0))\n"))
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	in := NewInterpreter(Config{Stdout: &out, Stderr: &errb})
	in.Thread().SetRecursionLimit(100)
	err = in.ExecMain(code, nil)
	if err == nil || !strings.Contains(err.Error(), "RecursionError: maximum recursion depth exceeded") {
		t.Fatalf("got %v", err)
	}
	in.Thread().SetRecursionLimit(1000)
	if err := in.ExecMain(code, nil); err != nil || out.String() != "150\n" {
		t.Fatalf("got %v, %q", err, out.String())
	}
	if in.Thread().depth != 0 {
		t.Errorf("depth %d after the runs, want 0", in.Thread().depth)
	}
}

// TestPanicIsInternalError: a Go panic inside a native is recovered at
// ExecMain and reported as an internal error with status 1.
func TestPanicIsInternalError(t *testing.T) {
	code, err := compileSource("main.pya", []byte("boom()\n"))
	if err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	in := NewInterpreter(Config{Stderr: &errb})
	in.Builtins().SetStr("boom", NewBuiltin("boom", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		panic("deliberate")
	}))
	err = in.ExecMain(code, nil)
	if status := in.ReportError(err); status != 1 || !strings.Contains(errb.String(), "internal error: deliberate") {
		t.Errorf("status %d, stderr %q", status, errb.String())
	}
}

// TestImportFromSubmoduleError: `from . import sub` whose sub fails on a
// missing module reports that module, not "cannot import name 'sub'"
// (only the submodule itself missing falls back to the name lookup).
func TestImportFromSubmoduleError(t *testing.T) {
	files := map[string]string{
		"pk/__init__.pya": "",
		"pk/bad.pya":      "import no_such_dependency\n",
	}
	src := `try:
    from pk import bad
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from pk import absent
except ImportError as e:
    print(type(e).__name__, str(e).startswith("cannot import name 'absent' from 'pk'"))
`
	out, errs, status := runSource(t, src, files)
	want := "No module named 'no_such_dependency' no_such_dependency\nImportError True\n"
	if out != want || errs != "" || status != 0 {
		t.Errorf("got:\n%s\nstderr:\n%s\nwant:\n%s", out, errs, want)
	}
}
