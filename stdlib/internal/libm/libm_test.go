package libm

import "testing"

// Values computed by CPython 3.11 (glibc libm) where Go's math package
// rounds the other way.
func TestMatchesCPython(t *testing.T) {
	if !Cgo {
		t.Skip("pure-Go fallback")
	}
	cases := []struct {
		got, want float64
	}{
		{Cos(0x1.d21cc6977e4e2p+0), -0x1.fa98329207d7ap-3},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %x want %x", i, c.got, c.want)
		}
	}
}
