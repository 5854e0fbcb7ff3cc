// Package compile turns an ast.Module into Code: scope analysis (local,
// global, nonlocal, free and cell variables), bytecode with a position per
// instruction, and an exception table. It knows nothing of runtime values:
// constants are plain Go values that the vm converts when it loads the code.
package compile

// Instr is one instruction: the opcode in the low 8 bits, the argument in the
// high 24 bits.
type Instr uint32

// MakeInstr packs an opcode and its argument (0 <= arg < 1<<24).
func MakeInstr(op Opcode, arg int) Instr { return Instr(op) | Instr(arg)<<8 }

// Op returns the instruction's opcode.
func (i Instr) Op() Opcode { return Opcode(i & 0xff) }

// Arg returns the instruction's argument.
func (i Instr) Arg() int { return int(i >> 8) }

// MaxArg is the largest instruction argument.
const MaxArg = 1<<24 - 1

// Flags describe a code object.
type Flags uint16

const (
	FlagVarArgs        Flags = 1 << iota // has *args
	FlagVarKeywords                      // has **kwargs
	FlagGenerator                        // calling it returns a generator
	FlagCoroutine                        // calling it returns a coroutine (async def)
	FlagAsyncGenerator                   // calling it returns an async generator
	FlagNested                           // defined inside another function
	FlagClassBody                        // the body of a class statement (runs with a namespace dict)
	FlagModule                           // a module body (runs with the globals as its namespace)
	FlagNoFree                           // has no free variables
	// FlagIterableCoroutine marks a generator function's code that
	// types.coroutine made awaitable (CPython's CO_ITERABLE_COROUTINE); the
	// compiler never sets it, code.replace(co_flags=...) does.
	FlagIterableCoroutine
)

// Position is the source range of an instruction (1-based lines and columns;
// zero when unknown, e.g. for synthetic instructions).
type Position struct {
	Line, Col, EndLine, EndCol int32
}

// Handler is one exception-table entry: an exception raised by an
// instruction in [Start, End) jumps to Target with the value stack cut to
// Depth. With Lasti, the raising pc is pushed (as an int) before the exception.
// Entries are ordered innermost first; the first match wins.
type Handler struct {
	Start, End, Target int32
	Depth              int32
	Lasti              bool
}

// FrozenSetConst is a frozenset constant: CPython folds a set display of
// three or more constants into one (BUILD_SET 0, LOAD_CONST, SET_UPDATE 1),
// and the resulting table layout decides the order the set prints in.
type FrozenSetConst []any

// Code is a compiled function, class body, comprehension or module.
//
// Consts hold: nil (None), bool, int64, *big.Int, float64, complex128,
// string, ast.Bytes, ast.EllipsisType, *Code, and []any for constant tuples
// (keyword-name tuples of CALL_KW, constant tuple literals), FrozenSetConst.
type Code struct {
	Name      string // function name, "<module>", "<lambda>", "<listcomp>", class name
	QualName  string // dotted qualified name, e.g. "Outer.method.<locals>.inner"
	Filename  string
	FirstLine int
	Flags     Flags

	ArgCount        int // positional parameters, including positional-only
	PosOnlyArgCount int
	KwOnlyArgCount  int

	Code      []Instr
	Positions []Position // parallel to Code
	Handlers  []Handler
	Consts    []any
	Names     []string // names for *_GLOBAL, *_NAME, *_ATTR, LOAD_METHOD, IMPORT_*

	// LocalNames are the fast locals: parameters first (positional, keyword-only,
	// then *args, then **kwargs), then other locals.
	LocalNames []string
	CellNames  []string // locals captured by inner scopes
	FreeVars   []string // variables captured from enclosing scopes
	// CellArgs maps cell i to the local (parameter) index whose initial value
	// moves into the cell at frame start, or -1.
	CellArgs []int

	MaxStack int
	Doc      any // the docstring (string) or nil

	// OwnedLocals are the locals whose generator the function's return
	// closes (see ownedlocal.go).
	OwnedLocals []int
}

// NumCells is the number of cell slots a frame needs (own cells then free variables).
func (c *Code) NumCells() int { return len(c.CellNames) + len(c.FreeVars) }

// LineAt returns the source line of the instruction at pc (0 if unknown).
func (c *Code) LineAt(pc int) int {
	if pc >= 0 && pc < len(c.Positions) {
		return int(c.Positions[pc].Line)
	}
	return 0
}
