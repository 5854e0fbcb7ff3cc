package pya_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pya-lang/pya/pya"
)

func TestFuncArgs(t *testing.T) {
	add := pya.Func("add", func(a pya.Args) (any, error) {
		if err := a.Check(2, 2); err != nil {
			return nil, err
		}
		x, err := a.Int(0)
		if err != nil {
			return nil, err
		}
		y, err := a.Int(1)
		if err != nil {
			return nil, err
		}
		return x + y, nil
	})
	greet := pya.Func("greet", func(a pya.Args) (any, error) {
		name, err := a.String(0)
		if err != nil {
			return nil, err
		}
		punct := "!"
		if v, ok, err := a.Kwarg("punct"); err != nil {
			return nil, err
		} else if ok {
			punct, _ = v.(string)
		}
		return "hello " + name + punct, nil
	})
	fail := pya.Func("fail", func(a pya.Args) (any, error) {
		return nil, pya.Raise("ValueError", "bad value %d", 3)
	})
	goErr := pya.Func("go_err", func(a pya.Args) (any, error) { return nil, errors.New("disk on fire") })
	in := newInterp(t, &pya.Options{Globals: map[string]any{"add": add, "greet": greet, "fail": fail, "go_err": goErr}})
	exec(t, in, `
r1 = add(2, 3)
r2 = greet("bob", punct="?")
try:
    add(1, "x")
except TypeError as e:
    r3 = str(e)
try:
    fail()
except ValueError as e:
    r4 = str(e)
try:
    go_err()
except RuntimeError as e:
    r5 = str(e)
`)
	want := map[string]any{"r1": int64(5), "r2": "hello bob?", "r3": "add() argument 2 must be int, not str", "r4": "bad value 3", "r5": "disk on fire"}
	for k, w := range want {
		if g, _ := in.Global(k); g != w {
			t.Errorf("%s = %#v, want %#v", k, g, w)
		}
	}
}

func TestReflectAndModule(t *testing.T) {
	mod := &pya.Module{Name: "geometry", Members: map[string]any{
		"PI":    3.14159,
		"scale": pya.Reflect("scale", func(v []any, k float64) []any { return append(v, k) }),
		"area": pya.Reflect("area", func(w, h int) (int, error) {
			if w < 0 {
				return 0, pya.Raise("ValueError", "negative width")
			}
			return w * h, nil
		}),
		"join": pya.Reflect("join", func(ctx context.Context, parts []any, sep string) string {
			s := make([]string, len(parts))
			for i, p := range parts {
				s[i] = fmt.Sprint(p)
			}
			return strings.Join(s, sep)
		}),
	}}
	in := newInterp(t, &pya.Options{Modules: []*pya.Module{mod}})
	exec(t, in, `
import geometry
from geometry import area
a = area(3, 4)
j = geometry.join([1, "b", 2.5], "-")
s = geometry.scale([1], 2)
try:
    area(-1, 2)
except ValueError as e:
    err = str(e)
try:
    area(1)
except TypeError as e:
    err2 = str(e)
`)
	for k, w := range map[string]any{"a": int64(12), "j": "1-b-2.5", "err": "negative width", "err2": "area() takes at least 2 positional arguments (1 given)"} {
		if g, _ := in.Global(k); g != w {
			t.Errorf("%s = %#v, want %#v", k, g, w)
		}
	}
	if g, _ := in.Global("s"); fmt.Sprint(g) != "[1 2]" {
		t.Errorf("s = %v", g)
	}
}

func TestCallSyncAndAsync(t *testing.T) {
	in := newInterp(t, &pya.Options{VirtualTime: true})
	exec(t, in, `
import asyncio
def double(x):
    return x * 2
async def slow_double(x):
    await asyncio.sleep(5)
    return x * 2
def boom():
    raise ValueError("boom")
`)
	ctx := context.Background()
	if r, err := in.Call(ctx, "double", 21); err != nil || r != int64(42) {
		t.Errorf("double = %v, %v", r, err)
	}
	start := time.Now()
	if r, err := in.Call(ctx, "slow_double", "ab"); err != nil || r != "abab" {
		t.Errorf("slow_double = %v, %v", r, err)
	}
	if time.Since(start) > time.Second {
		t.Errorf("virtual sleep(5) took %v", time.Since(start))
	}
	_, err := in.Call(ctx, "boom")
	var pe *pya.Error
	if !errors.As(err, &pe) || pe.Type != "ValueError" || !strings.Contains(pe.Traceback, "in boom") {
		t.Errorf("boom: %#v", err)
	}
	if _, err := in.Call(ctx, "nope"); err == nil || err.Error() != "NameError: name 'nope' is not defined" {
		t.Errorf("nope: %v", err)
	}
}

// An async native resolves from its goroutine while pya tasks keep
// running: the ticker's lines come before the native's result.
func TestAsyncNativeInterleaving(t *testing.T) {
	release := make(chan struct{})
	fetch := pya.AsyncFunc("fetch", func(ctx context.Context, a pya.Args) (any, error) {
		n, err := a.Int(0)
		if err != nil {
			return nil, err
		}
		select {
		case <-release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return map[string]any{"n": n, "double": n * 2}, nil
	})
	releaseFn := pya.Func("release", func(pya.Args) (any, error) { close(release); return nil, nil })
	var out bytes.Buffer
	in := newInterp(t, &pya.Options{Stdout: &out, Globals: map[string]any{"fetch": fetch, "release": releaseFn}})
	exec(t, in, `
import asyncio

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)
    print("release")
    release()

async def main():
    t = asyncio.create_task(ticker())
    r = await fetch(21)
    print("fetched", r["double"])
    await t

asyncio.run(main())
`)
	want := "tick 0\ntick 1\ntick 2\nrelease\nfetched 42\n"
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

// Under virtual time, the loop waits for a pending native instead of
// jumping the clock or reporting a deadlock.
func TestAsyncNativeVirtualTime(t *testing.T) {
	work := pya.AsyncFunc("work", func(ctx context.Context, a pya.Args) (any, error) {
		time.Sleep(30 * time.Millisecond)
		return "done", nil
	})
	failing := pya.AsyncFunc("failing", func(ctx context.Context, a pya.Args) (any, error) {
		return nil, pya.Raise("KeyError", "gone")
	})
	var out bytes.Buffer
	in := newInterp(t, &pya.Options{Stdout: &out, VirtualTime: true, Globals: map[string]any{"work": work, "failing": failing}})
	exec(t, in, `
import asyncio
async def sleeper():
    await asyncio.sleep(1000)
    print("slept")
async def main():
    s = asyncio.create_task(sleeper())
    print(await work())
    try:
        await failing()
    except KeyError as e:
        print("KeyError", e)
    await s
asyncio.run(main())
`)
	if want := "done\nKeyError 'gone'\nslept\n"; out.String() != want {
		t.Errorf("output %q, want %q", out.String(), want)
	}
}

func TestAsyncNativeOutsideLoop(t *testing.T) {
	f := pya.AsyncFunc("f", func(ctx context.Context, a pya.Args) (any, error) { return nil, nil })
	in := newInterp(t, &pya.Options{Globals: map[string]any{"f": f}})
	_, err := in.Eval(context.Background(), "f()")
	if err == nil || err.Error() != "RuntimeError: no running event loop" {
		t.Errorf("err = %v", err)
	}
}

func TestNativePanicIsAnError(t *testing.T) {
	p := pya.Func("p", func(pya.Args) (any, error) { panic("oops") })
	in := newInterp(t, &pya.Options{Globals: map[string]any{"p": p}})
	err := in.Exec(context.Background(), "x.pya", "p()")
	if !errors.Is(err, pya.ErrInternal) {
		t.Fatalf("err = %v", err)
	}
	if err := in.Exec(context.Background(), "x.pya", "1"); !errors.Is(err, pya.ErrInternal) {
		t.Errorf("reuse after panic: %v", err)
	}
}

// A native may call back into the interpreter (sharing the outer call's
// context and step budget).
func TestNativeCallsBack(t *testing.T) {
	var in *pya.Interpreter
	apply := pya.Func("apply", func(a pya.Args) (any, error) {
		fn, err := a.Value(0)
		if err != nil {
			return nil, err
		}
		x, err := a.Value(1)
		if err != nil {
			return nil, err
		}
		return in.Call(a.Context(), fn, x)
	})
	in = newInterp(t, &pya.Options{Globals: map[string]any{"apply": apply}})
	exec(t, in, "r = apply(lambda v: v + 1, 41)\ntry:\n    apply(lambda v: 1 / v, 0)\nexcept ZeroDivisionError as e:\n    err = str(e)\n")
	if r, _ := in.Global("r"); r != int64(42) {
		t.Errorf("r = %v", r)
	}
	if e, _ := in.Global("err"); e != "division by zero" {
		t.Errorf("err = %v", e)
	}
}

func TestSysExit(t *testing.T) {
	in := newInterp(t, nil)
	if err := in.Exec(context.Background(), "x.pya", "import sys\nsys.exit(0)\n"); err != nil {
		t.Errorf("sys.exit(0): %v", err)
	}
	err := in.Exec(context.Background(), "x.pya", "import sys\nsys.exit(3)\n")
	var pe *pya.Error
	if !errors.As(err, &pe) || pe.Type != "SystemExit" || pe.Message != "3" {
		t.Errorf("sys.exit(3): %#v", err)
	}
}
