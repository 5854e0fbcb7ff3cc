package parser

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pya-lang/pya/ast"
)

// pythonDumps runs python3's ast.dump over each source (contexts removed
// to match Dump); it returns nil if python3 is not available.
func pythonDumps(t *testing.T, srcs []string, positions bool) []string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		return nil
	}
	in, _ := json.Marshal(srcs)
	script := `
import ast, json, re, sys
out = []
for src in json.load(sys.stdin):
    try:
        tree = ast.parse(src)
        for n in ast.walk(tree):
            if "ctx" in n._fields:
                del n.ctx  # Dump has no expression contexts
            if isinstance(n, ast.Constant):
                n.kind = None
        s = ast.dump(tree, include_attributes=POS)
        try:
            compile(src, "f.py", "exec", dont_inherit=True)
        except SyntaxError as e:
            # Raised by CPython's compiler: the parser may report it too.
            s = "CompileError: %s" % e.msg
        out.append(s)
    except SyntaxError as e:
        out.append("SyntaxError: %s" % e.msg)
json.dump(out, sys.stdout)
`
	script = strings.Replace(script, "POS", map[bool]string{true: "True", false: "False"}[positions], 1)
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = strings.NewReader(string(in))
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var out []string
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

var splitRE = regexp.MustCompile(`(?m)^# ---.*\n`)

// TestAgainstPython parses every snippet of testdata/*.py (snippets are
// separated by "# ---" lines) and every testdata/**/*.pya of the
// repository, and compares the tree with python3's.
func TestAgainstPython(t *testing.T) { againstPython(t, false) }

// TestPositionsAgainstPython compares node positions too, on ASCII sources.
func TestPositionsAgainstPython(t *testing.T) { againstPython(t, true) }

func againstPython(t *testing.T, positions bool) {
	var srcs, names []string
	files, _ := filepath.Glob("testdata/*.py")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range splitRE.Split(string(b), -1) {
			srcs = append(srcs, s)
			names = append(names, f+"#"+string(rune('0'+i%10)))
		}
	}
	for _, f := range pyaFiles() {
		b, _ := os.ReadFile(f)
		srcs = append(srcs, string(b))
		names = append(names, f)
	}
	if positions {
		var asciiSrcs, asciiNames []string
		for i, s := range srcs {
			if isASCII(s) {
				asciiSrcs = append(asciiSrcs, s)
				asciiNames = append(asciiNames, names[i])
			}
		}
		srcs, names = asciiSrcs, asciiNames
	}
	want := pythonDumps(t, srcs, positions)
	if want == nil {
		t.Skip("python3 not found")
	}
	if positions && *update {
		// Keep CPython's answers for the snippets, for machines without python3.
		var golden []astCase
		for i, s := range srcs {
			if strings.HasPrefix(names[i], "testdata/") && !strings.HasPrefix(want[i], "CompileError") && !strings.HasPrefix(want[i], "SyntaxError") {
				golden = append(golden, astCase{Src: s, Dump: want[i]})
			}
		}
		b, _ := json.MarshalIndent(golden, "", " ")
		if err := os.WriteFile("testdata/ast.golden", b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, src := range srcs {
		if strings.HasPrefix(want[i], "SyntaxError") || !utf8.ValidString(src) {
			// Errors are TestSyntaxErrors' business.
			continue
		}
		m, err := ParseFile(names[i], []byte(src))
		if strings.HasPrefix(want[i], "CompileError: ") {
			if se, ok := err.(*ast.SyntaxError); err != nil && (!ok || se.Msg != strings.TrimPrefix(want[i], "CompileError: ")) {
				t.Errorf("%s: %v, want nothing or %s", names[i], err, want[i])
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v\n%s", names[i], err, firstLines(src, 5))
			continue
		}
		dump := Dump
		if positions {
			dump = DumpWithPositions
		}
		if got := dump(m); got != want[i] {
			t.Errorf("%s:\n%s\n got %s\nwant %s", names[i], firstLines(src, 5), diffAt(got, want[i]), diffAt(want[i], got))
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// pyaFiles lists the repository's testdata/**/*.pya files.
func pyaFiles() []string {
	var out []string
	filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".pya") {
			out = append(out, path)
		}
		return nil
	})
	return out
}

// diffAt shows a's text around the first difference from b.
func diffAt(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo, hi := i-60, i+60
	if lo < 0 {
		lo = 0
	}
	if hi > len(a) {
		hi = len(a)
	}
	return "..." + a[lo:i] + "<<<>>>" + a[i:hi] + "..."
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

type astCase struct{ Src, Dump string }

// TestASTGolden compares the snippets' trees and positions with CPython's
// recorded in testdata/ast.golden (regenerate with -update).
func TestASTGolden(t *testing.T) {
	b, err := os.ReadFile("testdata/ast.golden")
	if err != nil {
		t.Fatal(err)
	}
	var cases []astCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		m, err := ParseFile("t.py", []byte(tc.Src))
		if err != nil {
			t.Errorf("%s: %v", firstLines(tc.Src, 3), err)
			continue
		}
		if got := DumpWithPositions(m); got != tc.Dump {
			t.Errorf("%s:\n got %s\nwant %s", firstLines(tc.Src, 3), diffAt(got, tc.Dump), diffAt(tc.Dump, got))
		}
	}
}
