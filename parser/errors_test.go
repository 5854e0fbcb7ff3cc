package parser

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/pya-lang/pya/ast"
)

var formats = flag.Bool("formats", false, "also compare SyntaxError.Format with CPython's output")

var update = flag.Bool("update", false, "regenerate testdata/errors.golden with python3")

// errorCase is what CPython reports for one erroneous snippet.
type errorCase struct {
	Src    string
	Kind   string
	Msg    string
	Line   int
	Col    int
	EndCol int
	Format string // what CPython prints for it
}

func errorSnippets(t *testing.T) []string {
	b, err := os.ReadFile("testdata/errors.txt")
	if err != nil {
		t.Fatal(err)
	}
	return splitRE.Split(string(b), -1)
}

// TestSyntaxErrors checks message, kind, line and column of each snippet
// of testdata/errors.txt against testdata/errors.golden (CPython 3.11's
// answers; regenerate with -update).
func TestSyntaxErrors(t *testing.T) {
	if *update {
		writeGolden(t)
	}
	b, err := os.ReadFile("testdata/errors.golden")
	if err != nil {
		t.Fatal(err)
	}
	var cases []errorCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, tc := range cases {
		_, err := ParseFile("f.py", []byte(tc.Src))
		if tc.Kind == "" {
			// CPython reports this one from its compiler or accepts it.
			continue
		}
		var se *ast.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: got %v, want %s: %s", tc.Src, err, tc.Kind, tc.Msg)
			failed++
			continue
		}
		got := fmt.Sprintf("%s: %s @%d:%d", se.Kind, se.Msg, se.Line, se.Col)
		want := fmt.Sprintf("%s: %s @%d:%d", tc.Kind, tc.Msg, tc.Line, tc.Col)
		if tc.EndCol > tc.Col && se.EndCol != 0 {
			got += fmt.Sprintf("-%d", se.EndCol)
			want += fmt.Sprintf("-%d", tc.EndCol)
		}
		if got != want {
			t.Errorf("%q:\n got %s\nwant %s", tc.Src, got, want)
			failed++
		} else if f := se.Format(); f != tc.Format && *formats {
			t.Errorf("%q: Format:\n%s\nwant:\n%s", tc.Src, f, tc.Format)
		}
	}
	t.Logf("%d of %d cases differ", failed, len(cases))
}

func writeGolden(t *testing.T) {
	srcs := errorSnippets(t)
	in, _ := json.Marshal(srcs)
	script := `
import json, sys, traceback
out = []
for src in json.load(sys.stdin):
    c = {"Src": src}
    try:
        compile(src, "f.py", "exec", dont_inherit=True)
    except SyntaxError as e:
        if e.msg in ("'return' outside function", "'yield' outside function", "duplicate argument 'a' in function definition") or "outside" in e.msg:
            pass
        else:
            c.update(Kind=type(e).__name__, Msg=e.msg, Line=e.lineno, Col=e.offset or 0, EndCol=(e.end_offset or 0) if e.end_lineno == e.lineno else 0,
                     Format="".join(traceback.format_exception_only(type(e), e)))
    out.append(c)
json.dump(out, sys.stdout, indent=1)
`
	cmd := exec.Command("python3", "-c", script)
	cmd.Stdin = strings.NewReader(string(in))
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	if err := os.WriteFile("testdata/errors.golden", b, 0o644); err != nil {
		t.Fatal(err)
	}
}
