package vm

import (
	"testing"

	"github.com/pya-lang/pya/vm/compile"
)

func TestQuicken(t *testing.T) {
	I := compile.MakeInstr
	code := []compile.Instr{
		I(compile.LOAD_FAST, 0), I(compile.LOAD_FAST, 1), I(compile.LOAD_CONST, 2),
		I(compile.BINARY_OP, int(compile.BinMul)), I(compile.LOAD_FAST, 3), I(compile.RETURN_VALUE, 0),
		I(compile.LOAD_FAST, 4), I(compile.LOAD_CONST, 0), I(compile.BINARY_OP, int(compile.InplaceOffset+compile.BinSub)),
		I(compile.LOAD_FAST, 5),
	}
	orig := append([]compile.Instr(nil), code...)
	q := quicken(code)
	want := []compile.Instr{
		I(compile.LOAD_FAST_LOAD_FAST, 0), I(compile.LOAD_FAST_LOAD_CONST, 1), I(compile.LOAD_CONST, 2),
		I(compile.BINARY_OP, int(compile.BinMul)), I(compile.LOAD_FAST, 3), I(compile.RETURN_VALUE, 0),
		I(compile.LOAD_FAST_CONST_ADDSUB, 4), I(compile.LOAD_CONST, 0), I(compile.BINARY_OP, int(compile.InplaceOffset+compile.BinSub)),
		I(compile.LOAD_FAST, 5),
	}
	for i := range want {
		if q[i] != want[i] {
			t.Errorf("pc %d: %v %d, want %v %d", i, q[i].Op(), q[i].Arg(), want[i].Op(), want[i].Arg())
		}
		if code[i] != orig[i] {
			t.Errorf("pc %d: the compiled code was modified", i)
		}
	}
	plain := []compile.Instr{I(compile.LOAD_CONST, 0), I(compile.RETURN_VALUE, 0)}
	if q := quicken(plain); &q[0] != &plain[0] {
		t.Error("code without pairs was copied")
	}
}
