package pya_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pya-lang/pya/pya"
)

// cancelWithin runs src under a 30 ms timeout and checks that it stops
// within 100 ms of the deadline with an error wrapping DeadlineExceeded.
func cancelWithin(t *testing.T, in *pya.Interpreter, src string) {
	t.Helper()
	cancelBefore(t, in, 100*time.Millisecond, src)
}

func cancelBefore(t *testing.T, in *pya.Interpreter, limit time.Duration, src string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	// Measure from the deadline, not from the start: how long the script took
	// to get going (imports on a loaded machine) is not what these tests are
	// about.
	deadline, _ := ctx.Deadline()
	err := in.Exec(ctx, "loop.pya", src)
	elapsed := time.Since(deadline)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v (%s), want DeadlineExceeded", err, traceback(err))
	}
	if raceEnabled {
		limit *= 3 // the race detector slows everything down
	}
	if elapsed > limit {
		t.Errorf("stopped after %v", elapsed)
	}
	var pe *pya.Error
	if errors.As(err, &pe) && pe.Type != "KeyboardInterrupt" {
		t.Errorf("Type = %q", pe.Type)
	}
}

func TestCancelInfiniteLoop(t *testing.T) {
	cancelWithin(t, newInterp(t, nil), "while True:\n    pass\n")
}

// A script that catches KeyboardInterrupt in a loop is stopped too, but
// only when the interrupt lands outside its handler: the VM clears the
// flag when it raises, and the watcher sets it again as fast as it can
// (for 10 s, then once a millisecond). It usually takes well under a
// second; a sticky interrupt in the VM would make it immediate.
func TestCancelLoopThatCatchesEverything(t *testing.T) {
	cancelBefore(t, newInterp(t, nil), 10*time.Second, `
def f():
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
        finally:
            x = 1
f()
`)
}

func TestCancelBlockedOnNative(t *testing.T) {
	block := pya.AsyncFunc("block", func(ctx context.Context, a pya.Args) (any, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	})
	in := newInterp(t, &pya.Options{Globals: map[string]any{"block": block}})
	cancelWithin(t, in, "import asyncio\nasync def main():\n    await block()\nasyncio.run(main())\n")
}

func TestCancelBlockedOnStubbornNative(t *testing.T) {
	// A native that ignores its context: the loop is woken anyway.
	never := make(chan struct{})
	t.Cleanup(func() { close(never) })
	block := pya.AsyncFunc("block", func(ctx context.Context, a pya.Args) (any, error) {
		<-never
		return nil, nil
	})
	in := newInterp(t, &pya.Options{Globals: map[string]any{"block": block}})
	cancelWithin(t, in, "import asyncio\nasync def main():\n    await block()\nasyncio.run(main())\n")
}

func TestCancelBlockedOnTimer(t *testing.T) {
	cancelWithin(t, newInterp(t, nil), "import asyncio\nasync def main():\n    await asyncio.sleep(100)\nasyncio.run(main())\n")
}

func TestCancelTimeSleep(t *testing.T) {
	cancelWithin(t, newInterp(t, nil), "import time\ntime.sleep(100)\n")
}

func TestCancelledContextBeforeRun(t *testing.T) {
	in := newInterp(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := in.Exec(ctx, "x.pya", "x = 1"); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
	// The interpreter stays usable.
	if v, err := in.Eval(context.Background(), "2 + 2"); err != nil || v != int64(4) {
		t.Errorf("after cancel: %v, %v", v, err)
	}
}

func TestStepLimit(t *testing.T) {
	in := newInterp(t, &pya.Options{MaxSteps: 10_000})
	// Within the budget (each call resets it).
	exec(t, in, "total = 0\nfor i in range(1000):\n    total += i\n")
	if v, _ := in.Global("total"); v != int64(499500) {
		t.Errorf("total = %v", v)
	}
	cases := map[string]string{
		"while":         "while True:\n    pass\n",
		"for":           "for i in range(10**9):\n    pass\n",
		"comprehension": "x = [i for i in range(10**9)]\n",
		"recursion":     "def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)\nfib(40)\n",
		"lambda":        "f = lambda n: n if n < 1 else f(n-1) + f(n-1)\nf(30)\n",
		"swallowed":     "while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			err := in.Exec(context.Background(), "steps.pya", src)
			var pe *pya.Error
			if !errors.Is(err, pya.ErrStepLimit) || !errors.As(err, &pe) || pe.Type != "StepLimitError" {
				t.Fatalf("err = %v", err)
			}
			if !strings.Contains(pe.Message, "step limit of 10000 exceeded") {
				t.Errorf("message %q", pe.Message)
			}
		})
	}
	// Docstrings stay docstrings.
	exec(t, in, "def f():\n    'doc'\n    return 1\nd = f.__doc__\n")
	if v, _ := in.Global("d"); v != "doc" {
		t.Errorf("__doc__ = %v", v)
	}
}

func TestRecursionCap(t *testing.T) {
	in := newInterp(t, &pya.Options{MaxDepth: 50, Sandbox: true})
	err := in.Exec(context.Background(), "r.pya", "def f(n):\n    return f(n + 1)\nf(0)\n")
	var pe *pya.Error
	if !errors.As(err, &pe) || pe.Type != "RecursionError" {
		t.Fatalf("err = %v", err)
	}
	exec(t, in, "def g(n):\n    return 0 if n == 0 else 1 + g(n - 1)\nok = g(30)\n")
	err = in.Exec(context.Background(), "r.pya", "import sys\nsys.setrecursionlimit(100000)\n")
	if !errors.As(err, &pe) || pe.Type != "PermissionError" {
		t.Errorf("raising the limit: %v", err)
	}
}

func TestSandbox(t *testing.T) {
	in := newInterp(t, &pya.Options{Sandbox: true})
	for src, want := range map[string]string{
		"open('/etc/passwd')":  "NameError: name 'open' is not defined",
		"import os":            "ModuleNotFoundError: import of os halted; None in sys.modules",
		"import os.path":       "ModuleNotFoundError: import of os halted; None in sys.modules",
		"import subprocess":    "ModuleNotFoundError: import of subprocess halted; None in sys.modules",
		"__import__('socket')": "ModuleNotFoundError: import of socket halted; None in sys.modules",
		"import sys\ndel sys.modules['os']\nimport os":   "ModuleNotFoundError: import of os halted; None in sys.modules",
		"import asyncio\nasyncio.open_connection":        "ModuleNotFoundError: import of asyncio.streams halted; None in sys.modules",
		"import asyncio\nasyncio.create_subprocess_exec": "ModuleNotFoundError: import of asyncio.subprocess halted; None in sys.modules",
		"import asyncio.subprocess":                      "ModuleNotFoundError: import of asyncio.subprocess halted; None in sys.modules",
	} {
		err := in.Exec(context.Background(), "s.pya", src)
		if err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", src, err, want)
		}
	}
	// The rest of the standard library still works.
	exec(t, in, "import json, math, asyncio, collections, dataclasses\nx = json.dumps({'a': math.floor(2.5)})\n@dataclasses.dataclass\nclass P:\n    x: int\np = P(1)\n")
	if v, _ := in.Global("x"); v != `{"a": 2}` {
		t.Errorf("x = %v", v)
	}
}
