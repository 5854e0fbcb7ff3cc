package compile

import "testing"

// TestUnparse compares postponed annotations with the strings CPython 3.11
// stores under `from __future__ import annotations`.
func TestUnparse(t *testing.T) {
	f := loadFixtures(t)
	if len(f.Unparse) == 0 {
		t.Fatal("no cases")
	}
	for _, u := range f.Unparse {
		if got := unparse(jExpr(u.AST)); got != u.Want {
			t.Errorf("%s: got %q, want %q", u.Src, got, u.Want)
		}
	}
}
