package vm

import "github.com/pya-lang/pya/vm/compile"

// quicken returns the instructions the dispatch loop runs for code: a copy
// in which the first of some common pairs becomes a superinstruction doing
// both (one dispatch instead of two: `n - 1`, `n < 2`, `i += 1` all start
// with LOAD_FAST, LOAD_CONST). Only the first instruction changes: the
// second stays where it was, so that a jump to it, an exception table
// range or a line lookup sees the code as compiled, and the pair's pc
// after running is the one the second instruction would leave.
func quicken(code []compile.Instr) []compile.Instr {
	var q []compile.Instr
	for i := 0; i+1 < len(code); i++ {
		if code[i].Op() != compile.LOAD_FAST {
			continue
		}
		var op compile.Opcode
		switch code[i+1].Op() {
		case compile.LOAD_CONST:
			op = compile.LOAD_FAST_LOAD_CONST
			if i+2 < len(code) && isAddSub(code[i+2]) {
				op = compile.LOAD_FAST_CONST_ADDSUB
			}
		case compile.LOAD_FAST:
			op = compile.LOAD_FAST_LOAD_FAST
		default:
			continue
		}
		if q == nil {
			q = append([]compile.Instr(nil), code...)
		}
		q[i] = compile.MakeInstr(op, code[i].Arg())
	}
	if q == nil {
		return code
	}
	return q
}

// isAddSub reports whether in is BINARY_OP +, -, += or -=.
func isAddSub(in compile.Instr) bool {
	if in.Op() != compile.BINARY_OP {
		return false
	}
	switch compile.BinaryOp(in.Arg()) {
	case compile.BinAdd, compile.BinSub, compile.InplaceOffset + compile.BinAdd, compile.InplaceOffset + compile.BinSub:
		return true
	}
	return false
}
