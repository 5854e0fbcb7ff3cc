package parser

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/lexer"
)

// TestMutations (PYA_MUTATE=1) deletes or duplicates single tokens of the
// snippets and compares the resulting syntax errors with python3's,
// reporting the most frequent disagreements.
func TestMutations(t *testing.T) {
	if os.Getenv("PYA_MUTATE") == "" {
		t.Skip("set PYA_MUTATE=1")
	}
	var srcs []string
	files := []string{"testdata/basic.py", "testdata/exprs.py", "testdata/stmts.py"}
	if os.Getenv("PYA_MUTATE") == "pya" {
		files = pyaFiles()
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, s := range splitRE.Split(string(b), -1) {
			toks, err := lexer.Tokenize("m.py", []byte(s))
			if err != nil {
				continue
			}
			for i, tk := range toks {
				if tk.Type == lexer.EOF || tk.Type == lexer.Indent || tk.Type == lexer.Dedent || tk.Type == lexer.Newline {
					continue
				}
				end := lexer.End(tk).Offset
				srcs = append(srcs, s[:tk.Pos.Offset]+s[end:])
				srcs = append(srcs, s[:end]+" "+s[tk.Pos.Offset:])
				_ = i
			}
		}
	}
	in, _ := json.Marshal(srcs)
	script := `
import json, sys
out = []
for src in json.load(sys.stdin):
    try:
        compile(src, "f.py", "exec", dont_inherit=True)
        out.append("")
    except SyntaxError as e:
        out.append("%s: %s @%d:%d" % (type(e).__name__, e.msg, e.lineno or 0, e.offset or 0))
    except Exception as e:
        out.append("")
json.dump(out, sys.stdout)
`
	cmd := exec.Command("python3", "-c", script)
	cmd.Stdin = strings.NewReader(string(in))
	b, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	json.Unmarshal(b, &want)
	counts := map[string]int{}
	examples := map[string]string{}
	same, total := 0, 0
	for i, src := range srcs {
		if want[i] == "" || strings.Contains(want[i], "outside") || strings.Contains(want[i], "duplicate argument") || strings.Contains(want[i], "nonlocal") {
			continue
		}
		total++
		_, err := ParseFile("f.py", []byte(src))
		var se *ast.SyntaxError
		got := "<nil>"
		if errors.As(err, &se) {
			got = fmt.Sprintf("%s: %s @%d:%d", se.Kind, se.Msg, se.Line, se.Col)
		}
		if got == want[i] {
			same++
			continue
		}
		key := want[i][:strings.Index(want[i], " @")] + " | " + strings.Split(got, " @")[0]
		counts[key]++
		var wl int
		fmt.Sscanf(want[i][strings.LastIndex(want[i], "@")+1:], "%d", &wl)
		lines := strings.Split(src, "\n")
		ctx := ""
		for l := wl - 2; l <= wl; l++ {
			if l >= 1 && l <= len(lines) {
				ctx += fmt.Sprintf("\n      %d| %s", l, lines[l-1])
			}
		}
		examples[key] = fmt.Sprintf("%s\n      got %s\n     want %s", ctx, got, want[i])
	}
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return counts[keys[i]] > counts[keys[j]] })
	for _, k := range keys {
		t.Logf("%4d  %s\n    %s", counts[k], k, examples[k])
	}
	t.Logf("%d of %d errors identical", same, total)
}
