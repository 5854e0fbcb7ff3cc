package parser

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pythonDumps runs python3's ast.dump over each source (contexts removed
// to match Dump); it returns nil if python3 is not available.
func pythonDumps(t *testing.T, srcs []string) []string {
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
        s = ast.dump(ast.parse(src))
        s = re.sub(r", ctx=(Load|Store|Del)\(\)", "", s)
        s = re.sub(r", kind='u'", "", s)
        out.append(s)
    except SyntaxError as e:
        out.append("SyntaxError: %s" % e.msg)
json.dump(out, sys.stdout)
`
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
func TestAgainstPython(t *testing.T) {
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
	want := pythonDumps(t, srcs)
	if want == nil {
		t.Skip("python3 not found")
	}
	for i, src := range srcs {
		if strings.HasPrefix(want[i], "SyntaxError") {
			continue
		}
		m, err := ParseFile(names[i], []byte(src))
		if err != nil {
			t.Errorf("%s: %v\n%s", names[i], err, firstLines(src, 5))
			continue
		}
		if got := Dump(m); got != want[i] {
			t.Errorf("%s:\n%s\n got %s\nwant %s", names[i], firstLines(src, 5), got, want[i])
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
