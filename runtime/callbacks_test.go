package runtime

import (
	"testing"

	"github.com/pya-lang/pya/vm"
)

func cbA(any, vm.Value) error { return nil }
func cbB(any, vm.Value) error { return nil }

// TestCallbackList: order is kept across the inline first entry and the
// rest, and removal keeps the others in order.
func TestCallbackList(t *testing.T) {
	var c callbackList
	args := []string{"a", "b", "c", "d"}
	for i, a := range args {
		fn := cbA
		if i%2 == 1 {
			fn = cbB
		}
		c.add(futCallback{fn, a})
	}
	order := func() (s string) {
		for _, cb := range c.slice() {
			s += cb.arg.(string)
		}
		return s
	}
	if c.len() != 4 || order() != "abcd" || !c.has(cbB, "d") || c.has(cbA, "d") {
		t.Fatalf("len %d order %q", c.len(), order())
	}
	if n := c.removeIf(func(cb futCallback) bool { return cb.arg == "a" || cb.arg == "c" }); n != 2 || order() != "bd" {
		t.Fatalf("removed %d, left %q", n, order())
	}
	c.removeIf(func(cb futCallback) bool { return cb.arg == "d" })
	if c.len() != 1 || c.rest != nil {
		t.Fatalf("len %d rest %v", c.len(), c.rest)
	}
	if c.removeIf(func(cb futCallback) bool { return true }) != 1 || c.len() != 0 || c.has(cbB, "b") {
		t.Fatal("not emptied")
	}
}

// TestWaiterListFront: dropping the front keeps the order and reuses the
// array once empty.
func TestWaiterListFront(t *testing.T) {
	fs := []*Future{{}, {}, {}}
	var w waiterList
	for _, f := range fs {
		w.push(f)
	}
	if !w.remove(fs[0]) || w.popFront() != fs[1] || len(w) != 1 || w[0] != fs[2] {
		t.Fatal("front removal")
	}
	w.push(fs[0])
	if !w.remove(fs[0]) || len(w) != 1 || w.popFront() != fs[2] || len(w) != 0 || w.remove(fs[2]) {
		t.Fatal("middle removal")
	}
}
