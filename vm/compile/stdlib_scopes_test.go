package compile

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"github.com/pya-lang/pya/parser"
)

// TestStdlibScopes compares, for every code object of the .py files
// directly under $PYSTDLIB and $PYSTDLIB/asyncio, the local, cell and free
// variable names, argument counts and generator/coroutine flags with
// CPython's (python3 testdata/codeattrs.py). Skipped unless PYSTDLIB is set.
func TestStdlibScopes(t *testing.T) {
	root := os.Getenv("PYSTDLIB")
	if root == "" {
		t.Skip("set PYSTDLIB to CPython's Lib directory")
	}
	paths, _ := filepath.Glob(filepath.Join(root, "*.py"))
	more, _ := filepath.Glob(filepath.Join(root, "asyncio", "*.py"))
	paths = append(paths, more...)
	data, err := exec.Command("python3", append([]string{"testdata/codeattrs.py"}, paths...)...).Output()
	if err != nil {
		t.Skip("python3:", err)
	}
	var want map[string]struct {
		Varnames, Cellvars, Freevars []string
		Argcount, Kwonly, Posonly    int
		Flags                        int
	}
	json.Unmarshal(data, &want)
	got := map[string]string{}
	for _, p := range paths {
		src, _ := os.ReadFile(p)
		mod, err := parser.ParseFile(p, src)
		if err != nil {
			continue
		}
		code, err := Compile(mod, ModeExec)
		if err != nil {
			continue
		}
		var walk func(c *Code)
		walk = func(c *Code) {
			cells := append([]string(nil), c.CellNames...)
			sort.Strings(cells)
			fl := 0
			m := map[Flags]int{FlagGenerator: 0x20, FlagCoroutine: 0x80, FlagAsyncGenerator: 0x200, FlagVarArgs: 0x04, FlagVarKeywords: 0x08}
			for f, v := range m {
				if c.Flags&f != 0 {
					fl |= v
				}
			}
			got[fmt.Sprintf("%s:%s:%d", p, c.QualName, c.FirstLine)] = fmt.Sprintf("%v|%v|%v|%d %d %d|%#x", c.LocalNames, cells, c.FreeVars, c.ArgCount, c.KwOnlyArgCount, c.PosOnlyArgCount, fl)
			for _, k := range c.Consts {
				if s, ok := k.(*Code); ok {
					walk(s)
				}
			}
		}
		walk(code)
	}
	bad := 0
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			continue
		}
		ws := fmt.Sprintf("%v|%v|%v|%d %d %d|%#x", w.Varnames, w.Cellvars, w.Freevars, w.Argcount, w.Kwonly, w.Posonly, w.Flags&^0x100)
		if g != ws {
			bad++
			if bad < 20 {
				t.Errorf("%s:\n got %s\nwant %s", k, g, ws)
			}
		}
	}
	t.Logf("compared %d of %d, %d differ", len(got), len(want), bad)
}
