package vm

import (
	"bytes"
	"testing"
)

// TestAwaitLocationFollowsChain checks that a suspended coroutine reports
// the innermost frame of its await chain (what the deadlock report
// prints), and that the coroutines pushed on a suspended chain are
// suspended, not running.
func TestAwaitLocationFollowsChain(t *testing.T) {
	src := `class Pause:
    def __await__(self):
        yield "paused"

async def inner():
    x = 1
    await Pause()

async def outer():
    await inner()

c = outer()
c.send(None)
`
	code, err := compileSource("chain.pya", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	in := NewInterpreter(Config{Stdout: &out, Stderr: &errb, Compile: compileMode})
	if err := in.ExecMain(code, []byte(src)); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	mainV, _ := in.Modules().GetStr("__main__")
	c, _ := mainV.o.(*Module).Dict.GetStr("c")
	co, ok := c.o.(*Coroutine)
	if !ok {
		t.Fatalf("c is %s", TypeName(c))
	}
	file, line, fn, ok := co.AwaitLocation()
	if !ok || file != "chain.pya" || line != 3 || fn != "__await__" {
		t.Errorf("AwaitLocation() = %q, %d, %q, %v; want chain.pya, 3, __await__", file, line, fn, ok)
	}
	if co.isRunning() || !co.isSuspended() {
		t.Errorf("outer: running %v suspended %v", co.isRunning(), co.isSuspended())
	}
	d := co.delegate(in.Thread())
	ic, ok := d.o.(*Coroutine)
	if !ok || ic.name != "inner" {
		t.Fatalf("cr_await = %s, want the inner coroutine", TypeName(d))
	}
	if ic.isRunning() || !ic.isSuspended() {
		t.Errorf("inner: running %v suspended %v", ic.isRunning(), ic.isSuspended())
	}
	if g, ok := ic.delegate(in.Thread()).o.(*Generator); !ok || g.name != "__await__" {
		t.Errorf("inner.cr_await is not the __await__ generator")
	}
	if file, line, _, _ := ic.AwaitLocation(); file != "chain.pya" || line != 3 {
		t.Errorf("inner AwaitLocation() = %s:%d", file, line)
	}
	if _, err := genClose(in.Thread(), &co.genState); err != nil {
		t.Fatal(err)
	}
	if _, _, _, ok := co.AwaitLocation(); ok || ic.isSuspended() {
		t.Errorf("after close: location ok %v, inner suspended %v", ok, ic.isSuspended())
	}
}
