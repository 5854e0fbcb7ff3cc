package compile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/parser"
)

// TestCompileTestdata parses every testdata/**/*.pya with pya's parser and
// compiles it: programs must compile (and pass verify), and programs whose
// golden .err is a compile-time SyntaxError must fail with that message.
func TestCompileTestdata(t *testing.T) {
	var files []string
	filepath.WalkDir("../../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".pya") {
			files = append(files, path)
		}
		return nil
	})
	if len(files) == 0 {
		t.Skip("no testdata")
	}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		mod, err := parser.ParseFile(path, src)
		if err != nil {
			continue // a parser test
		}
		want, _ := os.ReadFile(strings.TrimSuffix(path, ".pya") + ".err")
		code, err := Compile(mod, ModeExec)
		if err != nil {
			se, ok := err.(*ast.SyntaxError)
			if !ok || se.Kind+": "+se.Msg != strings.TrimSpace(string(want)) {
				t.Errorf("compile %s: %v, want %s", path, err, want)
			}
			continue
		}
		if strings.Contains(string(want), "SyntaxError") && strings.Contains(path, "syntax_") && isCompilerMessage(string(want)) {
			t.Errorf("%s: compiled, want %s", path, want)
		}
		if err := verify(code); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// compilerMessages start the SyntaxErrors raised after parsing (by the
// symbol table or the code generator); others are the parser's.
var compilerMessages = []string{
	"'return' outside", "'yield' outside", "'await' outside", "'async with' outside", "'async for' outside",
	"asynchronous comprehension", "'break' outside", "'continue' not", "no binding for nonlocal",
	"name '", "nonlocal declaration", "duplicate argument", "import * only", "cannot assign to __debug__",
	"cannot delete __debug__", "keyword argument repeated", "from __future__", "not a chance", "future feature",
	"multiple starred", "starred assignment", "can't use starred", "iterable unpacking cannot",
	"default 'except:'", "'break', 'continue'", "assignment expression", "annotated name", "'return' with value",
	"'yield' inside", "'yield from' inside", "cannot delete starred",
	"name capture '", "wildcard makes", "multiple assignments to name", "alternative patterns bind",
	"attribute name repeated", "mapping pattern checks", "mapping pattern keys",
}

func isCompilerMessage(err string) bool {
	msg := strings.TrimPrefix(strings.TrimSpace(err), "SyntaxError: ")
	for _, p := range compilerMessages {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}
