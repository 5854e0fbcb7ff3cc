package codecache

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pya-lang/pya/parser"
	"github.com/pya-lang/pya/vm/compile"
)

// counter is a CompileFunc that counts its calls.
type counter struct{ calls int }

func (k *counter) compile(filename string, src []byte) (*compile.Code, error) {
	k.calls++
	mod, err := parser.ParseFile(filename, src)
	if err != nil {
		return nil, err
	}
	return compile.Compile(mod, compile.ModeExec)
}

const src = "def f(a, b=2):\n    return [a, b, 10**40, 1.5, b'x', {1, 2, 3}]\nprint(f(1))\n"

// entries lists the cache directory's entry files.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.pyac"))
	return files
}

func TestHitMissAndInvalidation(t *testing.T) {
	dir := t.TempDir()
	c := New(dir)
	if c == nil {
		t.Skip("no executable identity")
	}
	var k counter
	first, err := c.Compile("/x/m.pya", []byte(src), k.compile)
	if err != nil || k.calls != 1 {
		t.Fatalf("first: %v, %d calls", err, k.calls)
	}
	second, err := c.Compile("/x/m.pya", []byte(src), k.compile)
	if err != nil || k.calls != 1 {
		t.Fatalf("second: %v, %d calls (want a hit)", err, k.calls)
	}
	if !reflect.DeepEqual(first, second) || compile.Disassemble(first) != compile.Disassemble(second) {
		t.Fatal("cached code differs from compiled code")
	}
	// Another file name with the same content: its own entry, its own name.
	other, _ := c.Compile("/x/n.pya", []byte(src), k.compile)
	if k.calls != 2 || other.Filename != "/x/n.pya" {
		t.Fatalf("other name: %d calls, filename %q", k.calls, other.Filename)
	}
	// Edited content: recompiled, and the entry of that file is replaced.
	edited := []byte(src + "x = 1\n")
	c.Compile("/x/m.pya", edited, k.compile)
	c.Compile("/x/m.pya", edited, k.compile)
	if k.calls != 3 {
		t.Fatalf("edited: %d calls, want 3", k.calls)
	}
	if n := len(entries(t, dir)); n != 2 {
		t.Fatalf("%d entries, want 2", n)
	}
	// Another build (stamp) ignores the entry and rewrites it.
	c2 := &Cache{dir: dir, stamp: c.stamp}
	c2.stamp[0] ^= 1
	c2.Compile("/x/m.pya", edited, k.compile)
	c.Compile("/x/m.pya", edited, k.compile)
	if k.calls != 5 {
		t.Fatalf("stamp: %d calls, want 5", k.calls)
	}
}

// TestCorruptEntries: every truncation and a flipped byte of an entry are
// ignored (recompiled, then rewritten), never an error.
func TestCorruptEntries(t *testing.T) {
	dir := t.TempDir()
	c := New(dir)
	if c == nil {
		t.Skip("no executable identity")
	}
	var k counter
	c.Compile("/m.pya", []byte(src), k.compile)
	files := entries(t, dir)
	if len(files) != 1 {
		t.Fatalf("entries %v", files)
	}
	good, _ := os.ReadFile(files[0])
	damage := [][]byte{nil, []byte("garbage")}
	for _, n := range []int{3, headerSize - 1, headerSize, len(good) / 2, len(good) - 1} {
		damage = append(damage, good[:n])
	}
	for _, i := range []int{0, headerSize - 3, headerSize + 5, len(good) - 1} {
		b := append([]byte(nil), good...)
		b[i] ^= 0x40
		damage = append(damage, b)
	}
	for i, bad := range damage {
		os.WriteFile(files[0], bad, 0o644)
		calls := k.calls
		code, err := c.Compile("/m.pya", []byte(src), k.compile)
		if err != nil || code == nil || k.calls != calls+1 {
			t.Fatalf("damage %d: %v, %d calls", i, err, k.calls-calls)
		}
		if now, _ := os.ReadFile(files[0]); string(now) != string(good) {
			t.Fatalf("damage %d: entry not rewritten", i)
		}
	}
}

// TestUnusableDirectory: a cache directory that cannot be created or
// written only costs the caching.
func TestUnusableDirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	c := New(filepath.Join(file, "sub"))
	if c == nil {
		t.Skip("no executable identity")
	}
	var k counter
	for i := 0; i < 2; i++ {
		if code, err := c.Compile("/m.pya", []byte(src), k.compile); err != nil || code == nil {
			t.Fatal(err)
		}
	}
	if k.calls != 2 {
		t.Fatalf("%d calls", k.calls)
	}
}

// TestNotCached: pseudo-files and syntax errors leave no entry, a nil
// cache compiles every time, and errors come back unchanged.
func TestNotCached(t *testing.T) {
	dir := t.TempDir()
	c := New(dir)
	var k counter
	c.Compile("<string>", []byte(src), k.compile)
	if _, err := c.Compile("/bad.pya", []byte("def (:\n"), k.compile); err == nil {
		t.Fatal("syntax error lost")
	}
	if n := len(entries(t, dir)); n != 0 {
		t.Fatalf("%d entries", n)
	}
	var nilCache *Cache
	nilCache.Compile("/m.pya", []byte(src), k.compile)
	nilCache.Compile("/m.pya", []byte(src), k.compile)
	if k.calls != 4 {
		t.Fatalf("%d calls", k.calls)
	}
	c.Compile("<frozen typing>", []byte(src), k.compile)
	if n := len(entries(t, dir)); c != nil && n != 1 {
		t.Fatalf("frozen module: %d entries", n)
	}
}
