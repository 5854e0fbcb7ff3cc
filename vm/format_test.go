package vm

import "testing"

func TestFormatSpec(t *testing.T) {
	th := NewThread(nil)
	fails := 0
	for _, c := range formatCases {
		s, err := Format(th, c.v, c.spec)
		got := s
		if err != nil {
			got = show(th, NULL, err)
		}
		if got != c.want {
			r, _ := Repr(th, c.v)
			t.Errorf("format(%s, %q) = %q, want %q", r, c.spec, got, c.want)
			if fails++; fails > 40 {
				t.Fatal("too many failures")
			}
		}
	}
}
