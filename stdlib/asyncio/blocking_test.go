package asyncio_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestThreadBlockedInReadReleasesGIL proves that a to_thread worker
// blocked in open() and read() of a FIFO does not stall the event loop
// (the interpreter lock is released around the blocking calls, as in
// CPython): a ticker task keeps ticking every 10 ms while the writer, a
// goroutine here, takes 300 ms to open the FIFO and 200 ms more to finish
// writing (so the read blocks at least 200 ms, whenever the program
// starts). Holding the lock while blocked would leave the ticker at 0.
func TestThreadBlockedInReadReleasesGIL(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	go func() {
		time.Sleep(300 * time.Millisecond)
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			t.Error(err)
			return
		}
		f.WriteString("hello")
		time.Sleep(200 * time.Millisecond)
		f.WriteString(" world\n")
		f.Close()
	}()
	src := strings.ReplaceAll(`
import asyncio, time

def reader():
    with open(FIFO) as f:
        return f.read()

async def main():
    ticks = 0
    async def ticker():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1
    t = asyncio.create_task(ticker())
    start = time.monotonic()
    data = await asyncio.to_thread(reader)
    elapsed = time.monotonic() - start
    t.cancel()
    print(repr(data), elapsed >= 0.19, ticks >= 10, ticks)

asyncio.run(main())
`, "FIFO", "'"+fifo+"'")
	out, err := runPya(t, "fifo.pya", src)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "'hello world\\n' True True ") {
		t.Errorf("got %q, want the data, >= 0.19 s and >= 10 ticks", out)
	}
}
