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

// TestObjectScripts runs the programs in testdata/objects through the whole
// pipeline and compares their output with python3's (the .out files are
// regenerated with: for f in *.py; do python3 $f > ${f%.py}.out 2>&1; done).
func TestObjectScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/objects/*.py")
	if len(files) == 0 {
		t.Fatal("no scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(f, ".py") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			got := objRunScript(t, f, src)
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) || i < len(wl); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Errorf("line %d:\n got: %s\nwant: %s", i+1, g, w)
					}
				}
			}
		})
	}
}

func objCompile(filename string, src []byte, mode compile.Mode) (*compile.Code, error) {
	mod, err := parser.ParseFile(filename, src)
	if err != nil {
		return nil, err
	}
	return compile.Compile(mod, mode)
}

func objRunScript(t *testing.T, filename string, src []byte) string {
	code, err := objCompile(filename, src, compile.ModeExec)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	var out bytes.Buffer
	in := NewInterpreter(Config{Stdout: &out, Stderr: &out, Compile: objCompile})
	if err := in.ExecMain(code, src); err != nil {
		in.ReportError(err)
	}
	return out.String()
}
