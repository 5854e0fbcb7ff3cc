package compile

// Opcode is a bytecode operation. The instruction set follows CPython 3.11's
// (see the `dis` module documentation) wherever a name is shared; the
// differences are spelled out on each opcode. Stack pictures list the top of
// the stack last: [a, b] means b is on top (TOS) and a below it (TOS1).
//
// Jump targets are absolute instruction indexes.
type Opcode uint8

const (
	NOP Opcode = iota

	// ---- stack manipulation
	POP_TOP // [x] -> []
	COPY    // arg n: push a copy of the n-th item from the top (COPY 1 duplicates TOS)
	SWAP    // arg n: swap TOS with the n-th item from the top (n >= 2)

	// ---- constants and names
	LOAD_CONST // arg k: push Consts[k]

	LOAD_FAST   // arg i: push local i; UnboundLocalError "cannot access local variable 'x' where it is not associated with a value" if unset
	STORE_FAST  // arg i: local i = pop()
	DELETE_FAST // arg i: unset local i (UnboundLocalError if unset)

	// Cells: index i < len(CellNames) names CellNames[i], else FreeVars[i-len(CellNames)].
	LOAD_DEREF      // arg i: push the cell's contents; unset cell raises NameError "cannot access free variable 'x' where it is not associated with a value in enclosing scope" (free) or UnboundLocalError (own cell)
	STORE_DEREF     // arg i: cell contents = pop()
	DELETE_DEREF    // arg i: empty the cell
	LOAD_CLOSURE    // arg i: push the cell object itself (to build a closure tuple for MAKE_FUNCTION)
	LOAD_CLASSDEREF // arg i: class bodies only: look the name up in the class namespace first, then in the cell

	LOAD_GLOBAL   // arg n: push globals[Names[n]], else builtins[Names[n]], else NameError "name 'x' is not defined"
	STORE_GLOBAL  // arg n
	DELETE_GLOBAL // arg n

	// Module and class bodies: the frame has a namespace dict (for a module, the globals).
	LOAD_NAME   // arg n: namespace, then globals, then builtins; NameError
	STORE_NAME  // arg n
	DELETE_NAME // arg n

	LOAD_ATTR   // arg n: [obj] -> [getattr(obj, Names[n])]
	STORE_ATTR  // arg n: [value, obj] -> []   (obj.name = value)
	DELETE_ATTR // arg n: [obj] -> []

	// LOAD_METHOD arg n: [obj] -> [callable, self_or_null]. When Names[n] is found
	// on type(obj) as a plain function (not shadowed by an instance attribute),
	// pushes [function, obj] without creating a bound method; otherwise
	// [getattr(obj, name), NULL]. NULL is the zero Value.
	LOAD_METHOD
	// CALL_METHOD arg argc: [callable, self_or_null, a1..argc] -> [result];
	// calls callable(self, a1..) when self_or_null is not NULL, else callable(a1..).
	CALL_METHOD

	// ---- calls
	CALL    // arg argc: [f, a1..argc] -> [f(a1..)]
	CALL_KW // arg argc: [f, a1..argc, kwnames] -> [result]; kwnames is a tuple constant of names for the last len(kwnames) of the argc arguments
	// CALL_EX arg flags: [f, args_tuple] or, with flags&1, [f, args_tuple, kwargs_dict] -> [result]
	CALL_EX

	// ---- operators
	BINARY_OP      // arg: a BinaryOp: [a, b] -> [a op b]; the Inplace* values try __iadd__ etc. first
	UNARY_NEGATIVE // [x] -> [-x]
	UNARY_POSITIVE // [x] -> [+x]
	UNARY_NOT      // [x] -> [not x]
	UNARY_INVERT   // [x] -> [~x]
	COMPARE_OP     // arg: a CompareOp: [a, b] -> [a op b]
	IS_OP          // arg invert (0/1): [a, b] -> [a is b] / [a is not b]
	CONTAINS_OP    // arg invert (0/1): [a, b] -> [a in b] / [a not in b]

	BINARY_SUBSCR // [container, key] -> [container[key]]
	STORE_SUBSCR  // [value, container, key] -> []
	DELETE_SUBSCR // [container, key] -> []
	BUILD_SLICE   // arg 2 or 3: [start, stop(, step)] -> [slice]

	// ---- control flow
	JUMP                 // arg target
	POP_JUMP_IF_FALSE    // arg target: pop; jump if falsy
	POP_JUMP_IF_TRUE     // arg target: pop; jump if truthy
	JUMP_IF_FALSE_OR_POP // arg target: if TOS is falsy jump (keeping it), else pop
	JUMP_IF_TRUE_OR_POP  // arg target: if TOS is truthy jump (keeping it), else pop
	POP_JUMP_IF_NONE     // arg target: pop; jump if None
	POP_JUMP_IF_NOT_NONE // arg target: pop; jump if not None

	GET_ITER // [x] -> [iter(x)]
	// FOR_ITER arg target: [it] -> [it, next(it)]; when it is exhausted pops it and jumps to target.
	FOR_ITER

	RETURN_VALUE // [x] -> return x from the frame

	// ---- building
	BUILD_TUPLE  // arg n: [x1..xn] -> [(x1, .., xn)]
	BUILD_LIST   // arg n
	BUILD_SET    // arg n
	BUILD_MAP    // arg n: [k1, v1, .., kn, vn] -> [{k1: v1, ..}]
	BUILD_STRING // arg n: [s1..sn] -> [s1 + .. + sn] (strs only; used by f-strings)
	LIST_APPEND  // arg i: [.., list(at depth i), .., x] -> pops x, appends to the list i items below the new TOS (as CPython: stack[-i])
	SET_ADD      // arg i: same for sets
	MAP_ADD      // arg i: [.., dict, .., k, v] -> pops k and v, dict[k] = v
	LIST_EXTEND  // arg i: pops an iterable, extends the list at stack[-i]
	SET_UPDATE   // arg i
	DICT_UPDATE  // arg i: pops a mapping, updates the dict at stack[-i] ({**a})
	DICT_MERGE   // arg i: like DICT_UPDATE but raises TypeError "f() got multiple values for keyword argument 'x'" on duplicates (call **kwargs); the function is at stack[-(i+2)]... see compiler; also TypeError when the mapping's keys are not strings
	LIST_TO_TUPLE
	// FORMAT_VALUE arg flags: flags&3: 0 none, 1 str, 2 repr, 3 ascii; flags&4: a format spec is on TOS.
	// [value(, spec)] -> [formatted str]
	FORMAT_VALUE

	UNPACK_SEQUENCE // arg n: [seq] -> [xn, .., x1] (x1 on top); ValueError "not enough values to unpack (expected 3, got 2)" / "too many values to unpack (expected 2)"
	UNPACK_EX       // arg before | after<<8: [seq] -> [after items.., list of the middle, before items..] with the first item on top

	// ---- functions and classes
	// MAKE_FUNCTION arg flags: pops, from the top: the code constant, then the
	// closure tuple (flags&8), the annotations dict (flags&4), the keyword-only
	// defaults dict (flags&2), the positional defaults tuple (flags&1) — i.e. they
	// were pushed in the order defaults, kwdefaults, annotations, closure, code.
	MAKE_FUNCTION
	LOAD_BUILD_CLASS // push the __build_class__ builtin: called as __build_class__(body_func, name, *bases, **kw)

	// ---- generators and coroutines
	// A code object flagged Generator, Coroutine or AsyncGenerator creates its
	// generator/coroutine object when called; its frame starts at instruction 0.
	YIELD_VALUE // [x] -> suspend the frame yielding x; on resume push the sent value
	// GET_YIELD_FROM_ITER: [x] -> [iter(x)] unless x is a generator/coroutine (coroutines only in a coroutine frame).
	GET_YIELD_FROM_ITER
	// GET_AWAITABLE arg where (0 await, 1 after __aenter__, 2 after __aexit__): [x] -> [awaitable iterator];
	// coroutines pass through; otherwise calls __await__; TypeError "object int can't be used in 'await' expression".
	GET_AWAITABLE
	// YIELD_FROM: [iter, sent] -> [result]: delegates to iter (a generator or
	// coroutine's frame is pushed onto the running chain; any other iterator is
	// driven with send/next) until it returns; values it yields suspend the whole
	// chain up to the outermost generator/task. Its return value replaces both
	// items. (Replaces CPython's SEND/YIELD_VALUE/JUMP_BACKWARD loop.)
	YIELD_FROM
	GET_AITER // [x] -> [x.__aiter__()]
	GET_ANEXT // [aiter] -> [aiter, awaitable of aiter.__anext__()]
	// END_ASYNC_FOR: exception handler target of `async for`: [aiter, exc] ->
	// pops both if exc is StopAsyncIteration, else re-raises exc.
	END_ASYNC_FOR
	// ASYNC_GEN_WRAP: in async generators, YIELD_VALUE's operand is wrapped so
	// that the async-generator machinery can tell a yield from an await.
	ASYNC_GEN_WRAP

	// ---- exceptions
	// Exception handling uses Code.Handlers (CPython 3.11's exception table): when
	// an exception is raised at pc, the first handler whose [Start, End) contains
	// pc is taken: the value stack is cut to Depth, (with Lasti, the pc as an int
	// is pushed,) the exception is pushed, and execution continues at Target.
	RAISE_VARARGS // arg 0: re-raise the exception being handled; 1: [exc] raise; 2: [exc, cause] raise exc from cause
	// PUSH_EXC_INFO: [exc] -> [prev_exc, exc]: saves the currently handled
	// exception (or None) and makes exc the handled one (for bare raise and __context__).
	PUSH_EXC_INFO
	POP_EXCEPT      // [prev_exc] -> []: restores prev_exc as the handled exception
	CHECK_EXC_MATCH // [exc, type] -> [exc, bool]; TypeError "catching classes that do not inherit from BaseException is not allowed"
	CHECK_EG_MATCH  // [eg, type] -> [rest, match] for except* (see CPython)
	RERAISE         // arg lasti: [.., exc] -> re-raise exc keeping its traceback (with lasti, restores the frame's pc from the int below exc)
	// BEFORE_WITH: [mgr] -> [bound __exit__, result of __enter__()];
	// TypeError "'X' object does not support the context manager protocol".
	BEFORE_WITH
	BEFORE_ASYNC_WITH // [mgr] -> [bound __aexit__, awaitable from __aenter__()]
	// WITH_EXCEPT_START: [exit, lasti, prev_exc, exc] -> [exit, lasti, prev_exc, exc, exit(type(exc), exc, exc.__traceback__)]
	// (the same layout as CPython 3.11: exit is 4th from the top before the push).
	WITH_EXCEPT_START
	LOAD_ASSERTION_ERROR // push AssertionError

	// ---- modules
	IMPORT_NAME // arg n: [level, fromlist] -> [module]; __import__(Names[n], fromlist, level)
	IMPORT_FROM // arg n: [module] -> [module, module.Names[n]]; ImportError "cannot import name 'x' from 'm' (path)"
	IMPORT_STAR // [module] -> [] (copies public names into the namespace)

	SETUP_ANNOTATIONS // ensure __annotations__ exists in the module/class namespace
	PRINT_EXPR        // [x] -> [] (REPL: echo repr(x) unless None, and bind builtins._)

	// ---- additions by COMPILER (appended; meanings above are unchanged)

	// PREP_RERAISE_STAR: [orig, list] -> [exc or None]: the end of an except*
	// block, as CPython 3.11: combines the exceptions raised or re-raised by
	// the except* clauses (list, which also holds the unhandled rest of orig)
	// into the exception group to re-raise, or None when nothing is left.
	PREP_RERAISE_STAR

	// ---- pattern matching (the match statement), as CPython 3.11; they run
	// in vm/eval_match.go.

	// MATCH_CLASS arg count: [subject, cls, names] -> [attrs or None]: when
	// subject is an instance of cls, a tuple of count positional attributes
	// (named by cls.__match_args__, or the subject itself for the
	// self-matching builtins) followed by the attributes named in the tuple
	// names; None when any is missing. TypeError "called match pattern must be
	// a type", "C() accepts 0 positional sub-patterns (1 given)", ...
	MATCH_CLASS
	MATCH_MAPPING  // [subject] -> [subject, bool]: subject is a mapping (dict, or a registered Mapping)
	MATCH_SEQUENCE // [subject] -> [subject, bool]: subject is a sequence (not str, bytes or bytearray)
	// MATCH_KEYS: [subject, keys] -> [subject, keys, values or None]: the
	// values of keys looked up with subject.get(key, <dummy>), None when one is
	// missing; ValueError "mapping pattern checks duplicate key ('k')".
	MATCH_KEYS
	GET_LEN // [x] -> [x, len(x)]

	// ---- superinstructions: never emitted by the compiler nor marshalled;
	// the vm substitutes them for the first of two instructions when it
	// loads code (see vm/quicken.go). The second instruction stays in
	// place (a jump to it still runs it alone) and is skipped after the
	// pair has run.
	LOAD_FAST_LOAD_CONST // arg i, next LOAD_CONST k: push local i (UnboundLocalError as LOAD_FAST), then Consts[k]
	LOAD_FAST_LOAD_FAST  // arg i, next LOAD_FAST j: push local i, then local j (an unset j is left to the LOAD_FAST at its own pc)
	// LOAD_FAST_CONST_ADDSUB arg i, next LOAD_CONST k, then BINARY_OP + or -
	// (or += / -=): when local i and Consts[k] are ints and the result fits
	// int64, push it and skip both; otherwise LOAD_FAST_LOAD_CONST.
	LOAD_FAST_CONST_ADDSUB

	NumOpcodes
)

// BinaryOp is the argument of BINARY_OP; the order matches ast.Op's binary
// operators, with the in-place forms after them.
type BinaryOp uint8

const (
	BinAdd BinaryOp = iota
	BinSub
	BinMul
	BinMatMul
	BinTrueDiv
	BinMod
	BinPow
	BinLShift
	BinRShift
	BinOr
	BinXor
	BinAnd
	BinFloorDiv
	NumBinaryOps

	// InplaceAdd..InplaceFloorDiv are BinAdd..BinFloorDiv + InplaceOffset.
	InplaceOffset = NumBinaryOps
)

var binaryOpSymbols = [NumBinaryOps]string{"+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"}

// Symbol returns the operator's symbol ("+", or "+=" for an in-place op).
func (op BinaryOp) Symbol() string {
	if op >= InplaceOffset {
		return binaryOpSymbols[op-InplaceOffset] + "="
	}
	return binaryOpSymbols[op]
}

// CompareOp is the argument of COMPARE_OP.
type CompareOp uint8

const (
	CmpLt CompareOp = iota
	CmpLe
	CmpEq
	CmpNe
	CmpGt
	CmpGe
)

var compareOpSymbols = [...]string{"<", "<=", "==", "!=", ">", ">="}

// Symbol returns the comparison's symbol.
func (op CompareOp) Symbol() string { return compareOpSymbols[op] }

// Swapped returns the comparison with its operands exchanged (a < b == b > a).
func (op CompareOp) Swapped() CompareOp {
	return [...]CompareOp{CmpGt, CmpGe, CmpEq, CmpNe, CmpLt, CmpLe}[op]
}
