package vm

import "testing"

func TestPercentFormat(t *testing.T) {
	th := NewThread(nil)
	fails := 0
	for _, c := range percentCases {
		v, err := BinaryOp(th, 5, NewStr(c.format), c.arg) // %
		if got := show(th, v, err); got != c.want {
			r, _ := Repr(th, c.arg)
			t.Errorf("%q %% %s = %s, want %s", c.format, r, got, c.want)
			if fails++; fails > 40 {
				t.Fatal("too many failures")
			}
		}
	}
}
