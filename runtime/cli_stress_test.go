package runtime

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	pyaOnce sync.Once
	pyaBin  string
	pyaErr  string
)

// buildPya builds cmd/pya once per test run, for the tests that need a
// real process on the real clock (signals, threads).
func buildPya(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds cmd/pya")
	}
	pyaOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pya-runtime-test")
		if err != nil {
			pyaErr = err.Error()
			return
		}
		bin := filepath.Join(dir, "pya")
		if out, err := exec.Command("go", "build", "-o", bin, "github.com/pya-lang/pya/cmd/pya").CombinedOutput(); err != nil {
			pyaErr = err.Error() + "\n" + string(out)
			return
		}
		pyaBin = bin
		// The processes started keep their compiled-code cache next to
		// the binary, not in the user's cache directory.
		os.Setenv("PYA_CACHE_DIR", filepath.Join(dir, "cache"))
	})
	if pyaBin == "" {
		t.Skipf("cannot build cmd/pya: %s", pyaErr)
	}
	return pyaBin
}

// TestToThreadDoesNotStallLoop runs testdata/asyncio2/to_thread.pya on the
// real clock: while a worker thread blocks in time.sleep, the loop keeps
// running a ticker, and four blocking calls overlap.
func TestToThreadDoesNotStallLoop(t *testing.T) {
	bin := buildPya(t)
	out, err := exec.Command(bin, "--clock=real", "../testdata/asyncio2/to_thread.pya").CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := `result: 42
ticker ran meanwhile: True elapsed below 1s: True
concurrent: [0, 2, 4, 6] elapsed below 1.5s: True
ValueError: from the thread
`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if strings.Contains(string(out), "False") {
		t.Error("the loop stalled while a thread blocked")
	}
}
