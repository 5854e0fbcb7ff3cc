package vm

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pya-lang/pya/parser"
	"github.com/pya-lang/pya/vm/compile"
)

// compileSource parses and compiles pya source (the real front end).
func compileSource(filename string, src []byte) (*compile.Code, error) {
	return compileMode(filename, src, compile.ModeExec)
}

// compileMode is the interpreter's compiler (vm.Config.Compile).
func compileMode(filename string, src []byte, mode compile.Mode) (*compile.Code, error) {
	mod, err := parser.ParseFile(filename, src)
	if err != nil {
		return nil, err
	}
	return compile.Compile(mod, mode)
}

// runSource runs src as __main__ and returns stdout, stderr (with the
// uncaught-exception report) and the exit status.
func runSource(t testing.TB, src string, files map[string]string) (string, string, int) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	main := filepath.Join(dir, "main.pya")
	code, err := compileSource(main, []byte(src))
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	var out, errb bytes.Buffer
	in := NewInterpreter(Config{Stdout: &out, Stderr: &errb, Compile: compileMode})
	status := 0
	if err := in.ExecMain(code, []byte(src)); err != nil {
		status = in.ReportError(err)
	}
	return out.String(), strings.ReplaceAll(errb.String(), dir+string(filepath.Separator), ""), status
}

type progTest struct {
	name, src, out string
}

func runProgTests(t *testing.T, tests []progTest) {
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, status := runSource(t, tt.src, nil)
			got := out
			if status != 0 || errs != "" {
				got += "--- stderr\n" + errs
			}
			if got != tt.out {
				t.Errorf("program:\n%s\ngot:\n%s\nwant:\n%s", tt.src, got, tt.out)
			}
		})
	}
}

func TestSmoke(t *testing.T) {
	runProgTests(t, []progTest{
		{"print", "print(1 + 2)\n", "3\n"},
		{"loop", "s = 0\nfor i in range(10):\n    s += i\nprint(s)\n", "45\n"},
		{"func", "def f(a, b=2):\n    return a * b\nprint(f(3), f(3, b=4))\n", "6 12\n"},
	})
}

// TestInterpCases runs whole programs and compares stdout, stderr (the
// uncaught-exception report) and the exit status with CPython's.
func TestInterpCases(t *testing.T) {
	for _, c := range interpCases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, status := runSource(t, c.src, nil)
			if out != c.out {
				t.Errorf("stdout:\n%s\nwant:\n%s", out, c.out)
			}
			if errs != c.err {
				t.Errorf("stderr:\n%s\nwant:\n%s", errs, c.err)
			}
			if status != c.status {
				t.Errorf("status %d, want %d", status, c.status)
			}
		})
	}
}
