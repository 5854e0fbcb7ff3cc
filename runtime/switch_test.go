package runtime

import (
	"os/exec"
	"strings"
	"testing"
)

// The switch interval (runtime.GIL, sys.setswitchinterval), on the real
// clock: a CPU-bound thread that never blocks must still hand the GIL over
// to a thread that waits for it, as CPython's eval loop drops the GIL every
// 5 ms for a waiting thread.

// runReal runs a pya program given as source on the real clock.
func runReal(t *testing.T, src string) string {
	t.Helper()
	bin := buildPya(t)
	out, err := exec.Command(bin, "--clock=real", "-c", src).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return string(out)
}

// Two CPU-bound threads both make progress, and the main thread's
// time.sleep ends on time although they never block.
func TestSwitchIntervalCPUBoundThreads(t *testing.T) {
	out := runReal(t, `
import sys, threading, time
counts = {'a': 0, 'b': 0}
stop = False
def spin(name):
    while not stop:
        counts[name] += 1
ts = [threading.Thread(target=spin, args=(n,)) for n in 'ab']
t0 = time.monotonic()
for t in ts: t.start()
time.sleep(0.2)
stop = True
slept = time.monotonic() - t0
for t in ts: t.join()
print(counts['a'] > 1000, counts['b'] > 1000, slept < 1.0, sys.getswitchinterval())
`)
	if out != "True True True 0.005\n" {
		t.Errorf("got %q", out)
	}
}

// The event loop stays responsive while a to_thread worker spins: its
// ticker keeps firing, and a wait_for on the worker times out on time.
func TestSwitchIntervalLoopResponsive(t *testing.T) {
	out := runReal(t, `
import asyncio, time
stop = False
def spin():
    n = 0
    while not stop:
        n += 1
    return n
async def main():
    global stop
    ticks = 0
    async def ticker():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1
    tk = asyncio.create_task(ticker())
    worker = asyncio.ensure_future(asyncio.to_thread(spin))
    t0 = time.monotonic()
    try:
        await asyncio.wait_for(asyncio.shield(worker), 0.3)
    except asyncio.TimeoutError:
        print("timed out", time.monotonic() - t0 < 1.0)
    stop = True
    print("worker counted", await worker > 1000, "ticks", ticks >= 5)
    tk.cancel()
asyncio.run(main())
`)
	if want := "timed out True\nworker counted True ticks True\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
	if strings.Contains(out, "False") {
		t.Error("the loop starved while a worker spun")
	}
}
