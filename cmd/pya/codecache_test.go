package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCodeCacheRuns runs a script that imports a module three times: the
// first run fills the cache (TestMain's directory), the later ones run
// cached code and must behave identically, tracebacks included; editing
// the module is seen at once.
func TestCodeCacheRuns(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "main.pya")
	writeFile(t, script, "import helper\nprint(helper.f(2), {1, 2, 3}, 10**30)\nhelper.boom()\n")
	writeFile(t, filepath.Join(dir, "helper.pya"), "def f(x):\n    return [x, 1.5, b'\\x00']\n\ndef boom():\n    1/0\n")
	runOnce := func() (string, string, int) {
		var stdout, stderr bytes.Buffer
		status := run([]string{script}, strings.NewReader(""), &stdout, &stderr)
		return stdout.String(), stderr.String(), status
	}
	out, errs, status := runOnce()
	if status != 1 || !strings.Contains(errs, "helper.pya\", line 5, in boom") || !strings.HasPrefix(out, "[2, 1.5, b'\\x00'] {1, 2, 3}") {
		t.Fatalf("first run: %d %q %q", status, out, errs)
	}
	entries, _ := filepath.Glob(filepath.Join(os.Getenv("PYA_CACHE_DIR"), "*.pyac"))
	if len(entries) < 2 {
		t.Fatalf("cache entries: %v", entries)
	}
	for i := 0; i < 2; i++ {
		o, e, s := runOnce()
		if o != out || e != errs || s != status {
			t.Fatalf("cached run %d: %d %q %q, want %d %q %q", i, s, o, e, status, out, errs)
		}
	}
	writeFile(t, filepath.Join(dir, "helper.pya"), "def f(x):\n    return x\n\ndef boom():\n    pass\n")
	if o, _, s := runOnce(); s != 0 || o != "2 {1, 2, 3} 1000000000000000000000000000000\n" {
		t.Fatalf("after edit: %d %q", s, o)
	}
}
