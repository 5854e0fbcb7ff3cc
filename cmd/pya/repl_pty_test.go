package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// The REPL driven for real: the pya binary on a pseudo-terminal, keys
// typed as a user would (liner's editing, history, completion, SIGINT).

// pyaBinary builds pya for a terminal test (the build cache makes the
// second build cheap).
func pyaBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the pya binary")
	}
	bin := filepath.Join(t.TempDir(), "pya")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// terminal is pya running on a pty; screen accumulates what it printed.
type terminal struct {
	t    *testing.T
	f    *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
}

func startTerminal(t *testing.T, bin string, env ...string) *terminal {
	t.Helper()
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), append([]string{"TERM=xterm"}, env...)...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	term := &terminal{t: t, f: f, cmd: cmd, done: make(chan struct{})}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				close(term.done)
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		f.Close()
	})
	term.expect(">>> ")
	return term
}

func (term *terminal) screen() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.out.String()
}

// expect waits until the output contains s (counting from the start).
func (term *terminal) expect(s string) {
	term.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(term.screen(), s) {
		if time.Now().After(deadline) {
			term.t.Fatalf("timed out waiting for %q; screen:\n%s", s, term.screen())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// expectCount waits until s appears n times.
func (term *terminal) expectCount(s string, n int) {
	term.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.Count(term.screen(), s) < n {
		if time.Now().After(deadline) {
			term.t.Fatalf("timed out waiting for %d× %q; screen:\n%s", n, s, term.screen())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (term *terminal) send(keys string) {
	term.t.Helper()
	if _, err := term.f.Write([]byte(keys)); err != nil {
		term.t.Fatal(err)
	}
}

// wait waits for pya to exit and returns its status.
func (term *terminal) wait() int {
	term.t.Helper()
	select {
	case <-term.done:
	case <-time.After(10 * time.Second):
		term.t.Fatalf("pya did not exit; screen:\n%s", term.screen())
	}
	term.cmd.Wait()
	return term.cmd.ProcessState.ExitCode()
}

const (
	keyUp   = "\x1b[A"
	keyTab  = "\t"
	keyCtlC = "\x03"
	keyCtlD = "\x04"
	keyCtlR = "\x12"
)

func TestREPLTerminalSession(t *testing.T) {
	bin := pyaBinary(t)
	hist := filepath.Join(t.TempDir(), "hist")
	term := startTerminal(t, bin, "PYA_HISTORY="+hist)
	term.expect("pya 0.1.0")

	// A background task prints while the prompt waits.
	term.send("async def tick():\r    for i in range(3):\r        await asyncio.sleep(0.2)\r        print('tick', i)\r\r")
	term.expectCount(">>> ", 2)
	term.send("t = asyncio.create_task(tick())\r")
	term.expect("tick 2")

	// Completion of a module attribute.
	term.send("asyncio.cr" + keyTab)
	term.expect("asyncio.create_task(")
	term.send("\x15") // Ctrl-U: clear the line

	// Ctrl-C at the prompt discards the line; while code runs it raises.
	term.send("abc" + keyCtlC)
	term.expect("KeyboardInterrupt")
	term.send("while True: pass\r\r")
	time.Sleep(500 * time.Millisecond) // let the statement start
	term.send(keyCtlC)
	term.expect("  File \"<stdin>\", line 1, in <module>\r\nKeyboardInterrupt")
	term.send("await asyncio.sleep(30)\r")
	time.Sleep(500 * time.Millisecond) // let the statement start
	term.send(keyCtlC)
	term.expectCount("KeyboardInterrupt", 3)
	term.send("6 * 7\r")
	term.expect("42")

	// Up recalls the previous line; Ctrl-D leaves with status 0.
	term.send(keyUp + "\r")
	term.expectCount("42", 2) // both results
	term.send(keyCtlD)
	if status := term.wait(); status != 0 {
		t.Errorf("exit status %d; screen:\n%s", status, term.screen())
	}
	data, err := os.ReadFile(hist)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "t = asyncio.create_task(tick())\n") || !strings.HasSuffix(string(data), "6 * 7\n") {
		t.Errorf("history file:\n%s", data)
	}

	// The next session reads the history: Ctrl-R finds an old line.
	term = startTerminal(t, bin, "PYA_HISTORY="+hist)
	term.send(keyCtlR + "create_t")
	term.expect("t = asyncio.create_task(tick())")
	term.send("\x07") // Ctrl-G: leave the search
	term.send("exit()\r")
	if status := term.wait(); status != 0 {
		t.Errorf("exit status %d", status)
	}
}

func TestREPLTerminalUnwritableHistory(t *testing.T) {
	term := startTerminal(t, pyaBinary(t), "PYA_HISTORY=/nonexistent-dir/hist")
	term.send("1 + 1\r")
	term.expect("2\r\n")
	term.send("exit(4)\r")
	if status := term.wait(); status != 4 {
		t.Errorf("exit status %d, want 4; screen:\n%s", status, term.screen())
	}
}
