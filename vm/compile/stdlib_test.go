package compile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pya-lang/pya/parser"
)

// TestStdlib compiles every .py file under $PYSTDLIB (e.g. CPython's Lib
// directory) that pya's parser accepts, checking for panics and the verify
// invariants: a long stress test, skipped unless the variable is set.
func TestStdlib(t *testing.T) {
	root := os.Getenv("PYSTDLIB")
	if root == "" {
		t.Skip()
	}
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && filepath.Ext(p) == ".py" {
			files = append(files, p)
		}
		return nil
	})
	parsed, compiled := 0, 0
	for _, p := range files {
		src, _ := os.ReadFile(p)
		mod, err := parser.ParseFile(p, src)
		if err != nil {
			continue
		}
		parsed++
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: panic %v", p, r)
				}
			}()
			code, err := Compile(mod, ModeExec)
			if err != nil {
				t.Logf("%s: %v", p, err)
				return
			}
			compiled++
			if err := verify(code); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		}()
	}
	t.Logf("files %d, parsed %d, compiled %d", len(files), parsed, compiled)
}
