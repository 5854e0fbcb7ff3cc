package vm

import (
	"fmt"
	"io"
	"testing"
)

// execForTest runs src as __main__ and returns the interpreter and the
// module's namespace.
func execForTest(t *testing.T, src string) (*Interpreter, *Dict) {
	t.Helper()
	code, err := compileSource("main.pya", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	in := NewInterpreter(Config{Stdout: io.Discard, Stderr: io.Discard})
	if err := in.ExecMain(code, nil); err != nil {
		t.Fatal(err)
	}
	m, _ := in.Modules().GetStr("__main__")
	return in, m.o.(*Module).Dict
}

// awaitLoopProgram awaits a coroutine that never suspends n times, driving
// the outer coroutine with send (no event loop); result is the sum.
func awaitLoopProgram(n int) string {
	return fmt.Sprintf(`
async def add_one(x):
    return x + 1
async def main():
    x = 0
    for _ in range(%d):
        x = await add_one(x)
    return x
try:
    main().send(None)
except StopIteration as e:
    result = e.value
`, n)
}

// TestAwaitedCoroutineRecycled: `await f()` of a coroutine that never
// suspends recycles its frame and coroutine object, so a loop of them
// reuses a single pair.
func TestAwaitedCoroutineRecycled(t *testing.T) {
	in, ns := execForTest(t, awaitLoopProgram(100))
	th := in.Thread()
	if len(th.coroPool) != 1 {
		t.Errorf("coroutine pool holds %d objects, want 1", len(th.coroPool))
	}
	if r, _ := ns.GetStr("result"); !r.IsInt() || r.AsInt() != 100 {
		t.Errorf("result = %v, want 100", r)
	}
	c := th.coroPool[0]
	if c.frame != nil || !c.finished || c.running {
		t.Errorf("pooled coroutine not finished: %+v", c.genState)
	}
}

// TestEscapedCoroutineNotRecycled: a coroutine whose object was handed out
// (escape) keeps its object and frame when it finishes.
func TestEscapedCoroutineNotRecycled(t *testing.T) {
	in, ns := execForTest(t, "async def f(x):\n    return x * 2\n")
	th := in.Thread()
	fv, _ := ns.GetStr("f")
	fn := fv.o.(*Function)
	nf, err := th.startAwaitedCoroutine(fn, []Value{Int(21)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	g := nf.gen
	g.escape()
	before := len(th.coroPool)
	th.depth++ // runFrame's contract: the frame is counted
	r, err := th.runFrame(nf)
	if err != nil || !r.IsInt() || r.AsInt() != 42 {
		t.Fatalf("result %v, %v", r, err)
	}
	if len(th.coroPool) != before {
		t.Errorf("an escaped coroutine was recycled")
	}
	if !g.finished || nf.co == nil {
		t.Errorf("escaped coroutine's frame was recycled or it did not finish")
	}
}
