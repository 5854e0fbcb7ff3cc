package vm

import "testing"

// Expected values from CPython 3.11.
func TestRoundMatchesCPython(t *testing.T) {
	th := NewThread(nil)
	cases := []struct {
		args []Value
		want string
	}{
		{[]Value{Float(2.5)}, "2"},
		{[]Value{Float(3.5)}, "4"},
		{[]Value{Float(-0.5)}, "0"},
		{[]Value{Float(2.675), Int(2)}, "2.67"},
		{[]Value{Float(1234.5678), Int(-2)}, "1200.0"},
		{[]Value{Float(-1.25), Int(1)}, "-1.2"},
		{[]Value{Int(25), Int(-1)}, "20"},
		{[]Value{Int(35), Int(-1)}, "40"},
		{[]Value{Int(12345), Int(-2)}, "12300"},
		{[]Value{Float(0.125), Int(2)}, "0.12"},
	}
	for _, c := range cases {
		r, err := biRound(th, c.args, nil)
		if err != nil {
			t.Errorf("round%v: %v", c.args, err)
			continue
		}
		if got := simpleRepr(r); got != c.want && FloatRepr(r.AsFloat()) != c.want {
			t.Errorf("round(%v) = %s, want %s", c.args, got, c.want)
		}
	}
}

func TestPowModular(t *testing.T) {
	th := NewThread(nil)
	cases := []struct {
		b, e, m int64
		want    int64
	}{
		{2, 10, 1000, 24}, {3, -1, 7, 5}, {-2, 3, 5, 2}, {2, 3, -5, -2},
	}
	for _, c := range cases {
		r, err := biPow(th, []Value{Int(c.b), Int(c.e), Int(c.m)}, nil)
		if err != nil || !r.IsInt() || r.AsInt() != c.want {
			t.Errorf("pow(%d, %d, %d) = %v, %v; want %d", c.b, c.e, c.m, r, err, c.want)
		}
	}
	if _, err := biPow(th, []Value{Int(2), Int(-1), Int(4)}, nil); err == nil {
		t.Error("pow(2, -1, 4) did not raise")
	}
}

func TestIntBaseFormatting(t *testing.T) {
	th := NewThread(nil)
	for _, c := range []struct {
		f    NativeFunc
		v    int64
		want string
	}{{biHex, 255, "0xff"}, {biHex, -255, "-0xff"}, {biOct, 8, "0o10"}, {biBin, -5, "-0b101"}, {biBin, 0, "0b0"}} {
		r, err := c.f(th, []Value{Int(c.v)}, nil)
		if err != nil || r.o.(*Str).s != c.want {
			t.Errorf("got %v, %v; want %s", r, err, c.want)
		}
	}
}
