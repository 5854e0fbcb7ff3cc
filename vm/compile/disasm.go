package compile

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/pya-lang/pya/ast"
)

var opcodeNames = [...]string{
	NOP: "NOP", POP_TOP: "POP_TOP", COPY: "COPY", SWAP: "SWAP", LOAD_CONST: "LOAD_CONST",
	LOAD_FAST: "LOAD_FAST", STORE_FAST: "STORE_FAST", DELETE_FAST: "DELETE_FAST",
	LOAD_DEREF: "LOAD_DEREF", STORE_DEREF: "STORE_DEREF", DELETE_DEREF: "DELETE_DEREF",
	LOAD_CLOSURE: "LOAD_CLOSURE", LOAD_CLASSDEREF: "LOAD_CLASSDEREF",
	LOAD_GLOBAL: "LOAD_GLOBAL", STORE_GLOBAL: "STORE_GLOBAL", DELETE_GLOBAL: "DELETE_GLOBAL",
	LOAD_NAME: "LOAD_NAME", STORE_NAME: "STORE_NAME", DELETE_NAME: "DELETE_NAME",
	LOAD_ATTR: "LOAD_ATTR", STORE_ATTR: "STORE_ATTR", DELETE_ATTR: "DELETE_ATTR",
	LOAD_METHOD: "LOAD_METHOD", CALL_METHOD: "CALL_METHOD", CALL: "CALL", CALL_KW: "CALL_KW",
	CALL_EX: "CALL_EX", BINARY_OP: "BINARY_OP", UNARY_NEGATIVE: "UNARY_NEGATIVE",
	UNARY_POSITIVE: "UNARY_POSITIVE", UNARY_NOT: "UNARY_NOT", UNARY_INVERT: "UNARY_INVERT",
	COMPARE_OP: "COMPARE_OP", IS_OP: "IS_OP", CONTAINS_OP: "CONTAINS_OP",
	BINARY_SUBSCR: "BINARY_SUBSCR", STORE_SUBSCR: "STORE_SUBSCR", DELETE_SUBSCR: "DELETE_SUBSCR",
	BUILD_SLICE: "BUILD_SLICE", JUMP: "JUMP", POP_JUMP_IF_FALSE: "POP_JUMP_IF_FALSE",
	POP_JUMP_IF_TRUE: "POP_JUMP_IF_TRUE", JUMP_IF_FALSE_OR_POP: "JUMP_IF_FALSE_OR_POP",
	JUMP_IF_TRUE_OR_POP: "JUMP_IF_TRUE_OR_POP", POP_JUMP_IF_NONE: "POP_JUMP_IF_NONE",
	POP_JUMP_IF_NOT_NONE: "POP_JUMP_IF_NOT_NONE", GET_ITER: "GET_ITER", FOR_ITER: "FOR_ITER",
	RETURN_VALUE: "RETURN_VALUE", BUILD_TUPLE: "BUILD_TUPLE", BUILD_LIST: "BUILD_LIST",
	BUILD_SET: "BUILD_SET", BUILD_MAP: "BUILD_MAP", BUILD_STRING: "BUILD_STRING",
	LIST_APPEND: "LIST_APPEND", SET_ADD: "SET_ADD", MAP_ADD: "MAP_ADD", LIST_EXTEND: "LIST_EXTEND",
	SET_UPDATE: "SET_UPDATE", DICT_UPDATE: "DICT_UPDATE", DICT_MERGE: "DICT_MERGE",
	LIST_TO_TUPLE: "LIST_TO_TUPLE", FORMAT_VALUE: "FORMAT_VALUE", UNPACK_SEQUENCE: "UNPACK_SEQUENCE",
	UNPACK_EX: "UNPACK_EX", MAKE_FUNCTION: "MAKE_FUNCTION", LOAD_BUILD_CLASS: "LOAD_BUILD_CLASS",
	YIELD_VALUE: "YIELD_VALUE", GET_YIELD_FROM_ITER: "GET_YIELD_FROM_ITER",
	GET_AWAITABLE: "GET_AWAITABLE", YIELD_FROM: "YIELD_FROM", GET_AITER: "GET_AITER",
	GET_ANEXT: "GET_ANEXT", END_ASYNC_FOR: "END_ASYNC_FOR", ASYNC_GEN_WRAP: "ASYNC_GEN_WRAP",
	RAISE_VARARGS: "RAISE_VARARGS", PUSH_EXC_INFO: "PUSH_EXC_INFO", POP_EXCEPT: "POP_EXCEPT",
	CHECK_EXC_MATCH: "CHECK_EXC_MATCH", CHECK_EG_MATCH: "CHECK_EG_MATCH", RERAISE: "RERAISE",
	BEFORE_WITH: "BEFORE_WITH", BEFORE_ASYNC_WITH: "BEFORE_ASYNC_WITH",
	WITH_EXCEPT_START: "WITH_EXCEPT_START", LOAD_ASSERTION_ERROR: "LOAD_ASSERTION_ERROR",
	IMPORT_NAME: "IMPORT_NAME", IMPORT_FROM: "IMPORT_FROM", IMPORT_STAR: "IMPORT_STAR",
	SETUP_ANNOTATIONS: "SETUP_ANNOTATIONS", PRINT_EXPR: "PRINT_EXPR",
	PREP_RERAISE_STAR: "PREP_RERAISE_STAR", MATCH_CLASS: "MATCH_CLASS", MATCH_MAPPING: "MATCH_MAPPING",
	MATCH_SEQUENCE: "MATCH_SEQUENCE", MATCH_KEYS: "MATCH_KEYS", GET_LEN: "GET_LEN",
	LOAD_FAST_LOAD_CONST: "LOAD_FAST_LOAD_CONST", LOAD_FAST_LOAD_FAST: "LOAD_FAST_LOAD_FAST",
	LOAD_FAST_CONST_ADDSUB: "LOAD_FAST_CONST_ADDSUB",
}

// String returns the opcode's name.
func (op Opcode) String() string {
	if int(op) < len(opcodeNames) && opcodeNames[op] != "" {
		return opcodeNames[op]
	}
	return fmt.Sprintf("OPCODE_%d", uint8(op))
}

// hasArg reports whether the opcode uses its argument.
func hasArg(op Opcode) bool {
	switch op {
	case NOP, POP_TOP, UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_NOT, UNARY_INVERT, BINARY_SUBSCR,
		STORE_SUBSCR, DELETE_SUBSCR, GET_ITER, RETURN_VALUE, LIST_TO_TUPLE, LOAD_BUILD_CLASS,
		YIELD_VALUE, GET_YIELD_FROM_ITER, YIELD_FROM, GET_AITER, GET_ANEXT, END_ASYNC_FOR,
		ASYNC_GEN_WRAP, PUSH_EXC_INFO, POP_EXCEPT, CHECK_EXC_MATCH, CHECK_EG_MATCH, BEFORE_WITH,
		BEFORE_ASYNC_WITH, WITH_EXCEPT_START, LOAD_ASSERTION_ERROR, IMPORT_STAR, SETUP_ANNOTATIONS,
		PRINT_EXPR, PREP_RERAISE_STAR, MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS, GET_LEN:
		return false
	}
	return true
}

// Disassemble renders code like Python's dis module: one line per
// instruction (source line when it changes, pc, opcode, argument and its
// meaning), the exception table, then every nested code object.
func Disassemble(code *Code) string {
	var b strings.Builder
	disassemble(&b, code)
	return b.String()
}

func disassemble(b *strings.Builder, code *Code) {
	fmt.Fprintf(b, "Disassembly of %s (%s, line %d, flags %#x, stack %d):\n", code.QualName, code.Filename, code.FirstLine, uint16(code.Flags), code.MaxStack)
	targets := map[int]bool{}
	for _, in := range code.Code {
		if isJump(in.Op()) {
			targets[in.Arg()] = true
		}
	}
	for _, h := range code.Handlers {
		targets[int(h.Target)] = true
	}
	line := int32(-1)
	for pc, in := range code.Code {
		ln := "    "
		if pc < len(code.Positions) && code.Positions[pc].Line != line {
			line = code.Positions[pc].Line
			ln = fmt.Sprintf("%4d", line)
		}
		mark := "  "
		if targets[pc] {
			mark = ">>"
		}
		op := in.Op()
		if !hasArg(op) {
			fmt.Fprintf(b, "%s %s %4d %s\n", ln, mark, pc, op)
			continue
		}
		fmt.Fprintf(b, "%s %s %4d %-20s %d%s\n", ln, mark, pc, op, in.Arg(), argInfo(code, in))
	}
	if len(code.Handlers) > 0 {
		b.WriteString("ExceptionTable:\n")
		for _, h := range code.Handlers {
			lasti := ""
			if h.Lasti {
				lasti = " lasti"
			}
			fmt.Fprintf(b, "  %d to %d -> %d [%d]%s\n", h.Start, h.End, h.Target, h.Depth, lasti)
		}
	}
	for _, k := range code.Consts {
		if sub, ok := k.(*Code); ok {
			b.WriteString("\n")
			disassemble(b, sub)
		}
	}
}

func argInfo(code *Code, in Instr) string {
	arg := in.Arg()
	name := func(list []string, i int) string {
		if i >= 0 && i < len(list) {
			return " (" + list[i] + ")"
		}
		return " (?)"
	}
	switch in.Op() {
	case LOAD_CONST:
		if arg < len(code.Consts) {
			return " (" + ConstRepr(code.Consts[arg]) + ")"
		}
	case LOAD_FAST, STORE_FAST, DELETE_FAST:
		return name(code.LocalNames, arg)
	case LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLOSURE, LOAD_CLASSDEREF:
		if arg < len(code.CellNames) {
			return name(code.CellNames, arg)
		}
		return name(code.FreeVars, arg-len(code.CellNames))
	case LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL, LOAD_NAME, STORE_NAME, DELETE_NAME,
		LOAD_ATTR, STORE_ATTR, DELETE_ATTR, LOAD_METHOD, IMPORT_NAME, IMPORT_FROM:
		return name(code.Names, arg)
	case BINARY_OP:
		if arg < int(NumBinaryOps)*2 {
			return " (" + BinaryOp(arg).Symbol() + ")"
		}
	case COMPARE_OP:
		if arg < len(compareOpSymbols) {
			return " (" + CompareOp(arg).Symbol() + ")"
		}
	case JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP,
		POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, FOR_ITER:
		return fmt.Sprintf(" (to %d)", arg)
	case FORMAT_VALUE:
		s := [...]string{"", " (str)", " (repr)", " (ascii)"}[arg&3]
		if arg&4 != 0 {
			s += " (with format)"
		}
		return s
	}
	return ""
}

// ConstRepr renders a constant as Python's repr would.
func ConstRepr(k any) string {
	switch v := k.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(v, 10)
	case *big.Int:
		return v.String()
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case complex128:
		return fmt.Sprintf("(%vj)", v)
	case string:
		return strconv.Quote(v)
	case ast.Bytes:
		return "b" + strconv.Quote(string(v))
	case ast.EllipsisType:
		return "Ellipsis"
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = ConstRepr(x)
		}
		if len(v) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	case *Code:
		return fmt.Sprintf("<code object %s, line %d>", v.Name, v.FirstLine)
	}
	return fmt.Sprintf("%v", k)
}
