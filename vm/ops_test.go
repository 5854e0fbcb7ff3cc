package vm

import (
	"fmt"
	"testing"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/vm/compile"
)

func TestBinaryOps(t *testing.T) {
	th := NewThread(nil)
	fails := 0
	for _, c := range binaryCases {
		v, err := BinaryOp(th, compile.BinaryOp(c.op), c.a, c.b)
		if got := show(th, v, err); got != c.want {
			ra, _ := Repr(th, c.a)
			rb, _ := Repr(th, c.b)
			t.Errorf("%s %s %s = %s, want %s", ra, compile.BinaryOp(c.op).Symbol(), rb, got, c.want)
			if fails++; fails > 40 {
				t.Fatal("too many failures")
			}
		}
	}
}

func TestCompareOps(t *testing.T) {
	th := NewThread(nil)
	fails := 0
	for _, c := range compareCases {
		v, err := CompareOp(th, compile.CompareOp(c.op), c.a, c.b)
		if got := show(th, v, err); got != c.want {
			ra, _ := Repr(th, c.a)
			rb, _ := Repr(th, c.b)
			t.Errorf("%s %s %s = %s, want %s", ra, compile.CompareOp(c.op).Symbol(), rb, got, c.want)
			if fails++; fails > 40 {
				t.Fatal("too many failures")
			}
		}
	}
}

func TestUnaryOps(t *testing.T) {
	th := NewThread(nil)
	ops := map[string]ast.Op{"-": ast.USub, "+": ast.UAdd, "~": ast.Invert}
	for _, c := range unaryCases {
		v, err := UnaryOp(th, ops[c.op], c.v)
		if got := show(th, v, err); got != c.want {
			r, _ := Repr(th, c.v)
			t.Errorf("%s%s = %s, want %s", c.op, r, got, c.want)
		}
	}
}

func TestHash(t *testing.T) {
	th := NewThread(nil)
	for _, c := range hashCases {
		h, err := Hash(th, c.v)
		got := fmt.Sprint(h)
		if err != nil {
			got = show(th, NULL, err)
		}
		if got != c.want {
			r, _ := Repr(th, c.v)
			t.Errorf("hash(%s) = %s, want %s", r, got, c.want)
		}
	}
}
