package pya_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pya-lang/pya/pya"
	"github.com/pya-lang/pya/vm"
)

// FuzzRun compiles and runs arbitrary source (seeded with every golden
// program) in a sandboxed interpreter with a step limit and a deadline:
// whatever the input, the outcome is a result or a Python exception, never
// a Go panic (which the VM reports as an internal error).
func FuzzRun(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/*/*.pya")
	more, _ := filepath.Glob("../testdata/*/*/*.pya")
	for _, p := range append(seeds, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		prog, err := pya.Compile("fuzz.pya", []byte(src))
		if err != nil {
			return // a SyntaxError: the parser and compiler have their own fuzzing
		}
		in, err := pya.New(&pya.Options{
			Stdout: io.Discard, Stderr: io.Discard, VirtualTime: true,
			Sandbox: true, MaxSteps: 20_000, MaxDepth: 200,
		})
		if err != nil {
			t.Fatal(err)
		}
		defer in.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		err = in.Run(ctx, prog)
		var ie *vm.InternalError
		if errors.As(err, &ie) || (err != nil && strings.Contains(err.Error(), "internal error")) {
			t.Fatalf("internal error running %q: %v", src, err)
		}
	})
}
