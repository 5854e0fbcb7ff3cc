package vm

import (
	"math/big"
	"sync"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/vm/compile"
)

// CodeObject is a compile.Code loaded into the VM: its constants converted
// to Values once, plus per-code caches used by the dispatch loop. It is the
// value of a code constant (type code) and of a function's __code__.
type CodeObject struct {
	Code *compile.Code
	// code is what the dispatch loop runs: Code.Code with superinstructions
	// substituted (quicken.go); the same length and the same instruction at
	// every pc but the first of a fused pair.
	code   []compile.Instr
	Consts []Value
	// nlocals, ncells and size give the layout of a frame's slots:
	// [locals | cells | value stack].
	nlocals, ncells, size int
	// simple is true when calls can bind positional arguments by a plain copy
	// (no *args, **kwargs, keyword-only parameters or cells from arguments).
	simple bool
	// kind is 0 for plain functions, else the generator-like kind.
	kind genKind
	// nameCache holds LOAD_GLOBAL's caches: two per name (globals, builtins).
	nameCache []nameCache
}

func (*CodeObject) Type() *Type { return CodeType }

// CodeType is the type of code objects.
var CodeType = &Type{Name: "code", QualName: "code", Module: "builtins"}

var (
	codeCacheMu sync.Mutex
	codeCache   = map[*compile.Code]*CodeObject{}
)

// LoadCode converts a compiled code object (and, recursively, the code
// objects among its constants) into a CodeObject; the result is cached per
// *compile.Code, so loading the same code twice is cheap.
func LoadCode(c *compile.Code) *CodeObject {
	codeCacheMu.Lock()
	defer codeCacheMu.Unlock()
	return loadCodeLocked(c)
}

func loadCodeLocked(c *compile.Code) *CodeObject {
	if co, ok := codeCache[c]; ok {
		return co
	}
	co := &CodeObject{Code: c, code: quicken(c.Code)}
	codeCache[c] = co
	co.nlocals = len(c.LocalNames)
	co.ncells = c.NumCells()
	co.size = co.nlocals + co.ncells + c.MaxStack + 1
	co.simple = c.Flags&(compile.FlagVarArgs|compile.FlagVarKeywords) == 0 && c.KwOnlyArgCount == 0
	for _, a := range c.CellArgs {
		if a >= 0 {
			co.simple = false
		}
	}
	switch {
	case c.Flags&compile.FlagGenerator != 0:
		co.kind = kindGenerator
	case c.Flags&compile.FlagCoroutine != 0:
		co.kind = kindCoroutine
	case c.Flags&compile.FlagAsyncGenerator != 0:
		co.kind = kindAsyncGenerator
	}
	co.nameCache = make([]nameCache, 2*len(c.Names))
	co.Consts = make([]Value, len(c.Consts))
	for i, k := range c.Consts {
		co.Consts[i] = constValue(k)
	}
	return co
}

// constValue converts one compile-time constant.
func constValue(k any) Value {
	switch k := k.(type) {
	case nil:
		return None
	case bool:
		return Bool(k)
	case int64:
		return Int(k)
	case int:
		return Int(int64(k))
	case *big.Int:
		return NewBigInt(k)
	case float64:
		return Float(k)
	case complex128:
		return newComplexConst(k)
	case string:
		return NewStr(k)
	case ast.Bytes:
		return NewBytes([]byte(k))
	case ast.EllipsisType:
		return Ellipsis
	case *compile.Code:
		return Value{o: loadCodeLocked(k)}
	case []any:
		items := make([]Value, len(k))
		for i, x := range k {
			items[i] = constValue(x)
		}
		return NewTuple(items)
	case compile.FrozenSetConst:
		items := make([]Value, len(k))
		for i, x := range k {
			items[i] = constValue(x)
		}
		return Value{o: frozenSetConstant(items)}
	}
	panic("vm: unknown constant type")
}

// newComplexConst converts a complex literal. There is no complex type
// yet: NewComplexHook builds one when set; otherwise the real part is used
// only if the imaginary part is zero, else a float NaN marks the gap.
func newComplexConst(c complex128) Value {
	if NewComplexHook != nil {
		return NewComplexHook(c)
	}
	return Float(real(c))
}

// NewComplexHook makes a complex value (set by the owner of a complex type).
var NewComplexHook func(c complex128) Value
