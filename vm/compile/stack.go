package compile

import "math/bits"

// stackEffect returns how an instruction changes the value-stack height when
// it falls through (next) and when it jumps (jump); terminal reports that it
// never falls through. It is the single source of truth for MaxStack and for
// exception-handler depths.
func stackEffect(in Instr) (next, jump int, terminal bool) {
	arg := in.Arg()
	switch in.Op() {
	case NOP, SWAP, DELETE_FAST, DELETE_DEREF, DELETE_GLOBAL, DELETE_NAME, LOAD_ATTR,
		UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_NOT, UNARY_INVERT, GET_ITER, LIST_TO_TUPLE,
		YIELD_VALUE, GET_YIELD_FROM_ITER, GET_AWAITABLE, GET_AITER, ASYNC_GEN_WRAP,
		CHECK_EXC_MATCH, CHECK_EG_MATCH, SETUP_ANNOTATIONS:
		return 0, 0, false
	case COPY, LOAD_CONST, LOAD_FAST, LOAD_DEREF, LOAD_CLOSURE, LOAD_CLASSDEREF, LOAD_GLOBAL,
		LOAD_NAME, LOAD_METHOD, LOAD_BUILD_CLASS, GET_ANEXT, PUSH_EXC_INFO, BEFORE_WITH,
		BEFORE_ASYNC_WITH, WITH_EXCEPT_START, LOAD_ASSERTION_ERROR, IMPORT_FROM,
		MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS, GET_LEN:
		return 1, 0, false
	case POP_TOP, STORE_FAST, STORE_DEREF, STORE_GLOBAL, STORE_NAME, DELETE_ATTR,
		BINARY_OP, COMPARE_OP, IS_OP, CONTAINS_OP, BINARY_SUBSCR, YIELD_FROM,
		LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE,
		POP_EXCEPT, IMPORT_NAME, IMPORT_STAR, PRINT_EXPR, PREP_RERAISE_STAR:
		return -1, 0, false
	case STORE_ATTR, DELETE_SUBSCR, MAP_ADD, END_ASYNC_FOR, MATCH_CLASS:
		return -2, 0, false
	case STORE_SUBSCR:
		return -3, 0, false
	case CALL_METHOD:
		return -(arg + 1), 0, false
	case CALL:
		return -arg, 0, false
	case CALL_KW:
		return -(arg + 1), 0, false
	case CALL_EX:
		return -1 - arg&1, 0, false
	case BUILD_SLICE, BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
		return 1 - arg, 0, false
	case BUILD_MAP:
		return 1 - 2*arg, 0, false
	case FORMAT_VALUE:
		if arg&4 != 0 {
			return -1, 0, false
		}
		return 0, 0, false
	case UNPACK_SEQUENCE:
		return arg - 1, 0, false
	case UNPACK_EX:
		return arg&0xff + arg>>8, 0, false
	case MAKE_FUNCTION:
		return -bits.OnesCount(uint(arg & 15)), 0, false
	case JUMP:
		return 0, 0, true
	case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE:
		return -1, -1, false
	case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP:
		return -1, 0, false
	case FOR_ITER:
		return 1, -1, false
	case RETURN_VALUE, RERAISE:
		return -1, 0, true
	case RAISE_VARARGS:
		return -arg, 0, true
	}
	return 0, 0, false
}

// isJump reports whether an instruction's argument is a jump target.
func isJump(op Opcode) bool {
	switch op {
	case JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP,
		POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, FOR_ITER:
		return true
	}
	return false
}

type depthInfo struct {
	max     int
	handler []int // value-stack depth of each handler, -1 if unreachable
}

// stackDepths walks the control-flow graph of a finished unit (jumps
// patched) from instruction 0 and through every reachable handler. A handler
// becomes reachable when its setup point is reached, with the depth there.
func stackDepths(u *unit) depthInfo {
	n := len(u.instrs)
	depth := make([]int, n+1)
	for i := range depth {
		depth[i] = -1
	}
	info := depthInfo{handler: make([]int, len(u.handlers))}
	setups := map[int][]int{}
	for i, h := range u.handlers {
		info.handler[i] = -1
		setups[h.setupPC] = append(setups[h.setupPC], i)
	}
	var work []int
	visit := func(pc, d int) {
		if pc < 0 || pc > n || d < 0 {
			return
		}
		if d > info.max {
			info.max = d
		}
		if depth[pc] < 0 {
			depth[pc] = d
			work = append(work, pc)
		}
	}
	visit(0, 0)
	for len(work) > 0 {
		pc := work[len(work)-1]
		work = work[:len(work)-1]
		d := depth[pc]
		for pc < n {
			for _, h := range setups[pc] {
				if info.handler[h] < 0 {
					hd := u.handlers[h]
					info.handler[h] = d + hd.adj
					extra := 1
					if hd.lasti {
						extra = 2
					}
					visit(u.labels[hd.target], d+hd.adj+extra)
				}
			}
			in := u.instrs[pc]
			next, jump, terminal := stackEffect(in)
			if isJump(in.Op()) {
				visit(in.Arg(), d+jump)
			}
			if terminal {
				break
			}
			d += next
			if d > info.max {
				info.max = d
			}
			pc++
			if depth[pc] >= 0 {
				break
			}
			depth[pc] = d
		}
	}
	return info
}
