package vm

import "testing"

// TestContextVarSemantics checks the PEP 567 rules the Go API keeps: a copy
// shares values but not later sets, reset restores (or removes) the old
// value once, and a context cannot be entered twice.
func TestContextVarSemantics(t *testing.T) {
	th := NewThread(nil)
	v := &ContextVar{Name: "v", Default: NULL}
	if !v.Get(th, NULL).IsNull() {
		t.Fatal("unset variable without default has a value")
	}
	if got := v.Get(th, Int(7)); got.AsInt() != 7 {
		t.Fatalf("get(default) = %v", got)
	}
	tok := v.Set(th, Int(1))
	if !tok.Old.IsNull() || v.Get(th, NULL).AsInt() != 1 {
		t.Fatal("first set")
	}
	c := th.CopyContext()
	v.Set(th, Int(2))
	if c.Lookup(v).AsInt() != 1 {
		t.Fatal("copy saw a later set")
	}
	if err := th.EnterContext(c); err != nil {
		t.Fatal(err)
	}
	if v.Get(th, NULL).AsInt() != 1 {
		t.Fatal("entered context not current")
	}
	if err := th.EnterContext(c); err == nil {
		t.Fatal("entered twice")
	}
	if err := v.Reset(th, tok); err == nil {
		t.Fatal("reset in another context succeeded")
	}
	th.ExitContext(c)
	if v.Get(th, NULL).AsInt() != 2 {
		t.Fatal("exit did not restore the outer context")
	}
	if err := v.Reset(th, tok); err != nil {
		t.Fatal(err)
	}
	if !v.Get(th, NULL).IsNull() || th.Context().Len() != 0 {
		t.Fatal("reset to MISSING left the variable set")
	}
	if err := v.Reset(th, tok); err == nil {
		t.Fatal("token used twice")
	}
	w := &ContextVar{Name: "w", Default: Int(5)}
	if err := w.Reset(th, v.Set(th, Int(3))); err == nil {
		t.Fatal("reset with another variable's token")
	}
	vars, vals := th.Context().Items()
	if len(vars) != 1 || vars[0] != v || vals[0].AsInt() != 3 {
		t.Fatalf("items = %v %v", vars, vals)
	}
}
