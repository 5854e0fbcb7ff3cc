// Package ast defines the syntax tree of a pya module: the nodes the parser
// produces and the compiler consumes. It mirrors CPython's ast module (3.11)
// closely, minus expression contexts (the compiler knows whether an
// expression is loaded, stored or deleted from where it stands).
//
// Every node records where it starts (Pos) and where it ends (End), both
// 1-based line and 1-based column counted in code points, so that errors and
// tracebacks can point at the exact source range.
package ast

import "math/big"

// Pos is a position in a source file: 1-based line, 1-based column (code points).
type Pos struct {
	Line, Col int
}

// Span is the source range of a node: Pos is its first character, End is
// just past its last character.
type Span struct {
	Pos, End Pos
}

// Range returns the node's span; embedding Span gives every node this method.
func (s Span) Range() Span { return s }

// Node is any syntax tree node.
type Node interface {
	Range() Span
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Module is a parsed source file.
type Module struct {
	File string
	Body []Stmt
}

// ---------------------------------------------------------------- statements

// FunctionDef is `def` or `async def`.
type FunctionDef struct {
	Span
	Name       string
	Args       *Arguments
	Body       []Stmt
	Decorators []Expr
	Returns    Expr // annotation or nil
	IsAsync    bool
}

// ClassDef is a class statement.
type ClassDef struct {
	Span
	Name       string
	Bases      []Expr // may contain *Starred
	Keywords   []*Keyword
	Body       []Stmt
	Decorators []Expr
}

type Return struct {
	Span
	Value Expr // nil for a bare return
}

type Delete struct {
	Span
	Targets []Expr
}

// Assign is `a = b = value`; Targets holds a and b in source order.
type Assign struct {
	Span
	Targets []Expr
	Value   Expr
}

type AugAssign struct {
	Span
	Target Expr
	Op     Op // one of the binary operators
	Value  Expr
}

// AnnAssign is `target: annotation [= value]`. Simple is true when the
// target is a plain name not in parentheses.
type AnnAssign struct {
	Span
	Target     Expr
	Annotation Expr
	Value      Expr // nil if absent
	Simple     bool
}

type For struct {
	Span
	Target  Expr
	Iter    Expr
	Body    []Stmt
	Orelse  []Stmt
	IsAsync bool
}

type While struct {
	Span
	Test   Expr
	Body   []Stmt
	Orelse []Stmt
}

// If is if/elif/else; an elif is a nested If alone in Orelse.
type If struct {
	Span
	Test   Expr
	Body   []Stmt
	Orelse []Stmt
}

type With struct {
	Span
	Items   []*WithItem
	Body    []Stmt
	IsAsync bool
}

type WithItem struct {
	Context Expr
	Vars    Expr // the `as` target, or nil
}

type Raise struct {
	Span
	Exc   Expr // nil for a bare raise
	Cause Expr // nil unless `from`
}

// Try is try/except/else/finally; Star marks `except*` handlers.
type Try struct {
	Span
	Body      []Stmt
	Handlers  []*ExceptHandler
	Orelse    []Stmt
	Finalbody []Stmt
	Star      bool
}

type ExceptHandler struct {
	Span
	Type Expr   // nil for a bare except
	Name string // "" unless `as name`
	Body []Stmt
}

type Assert struct {
	Span
	Test Expr
	Msg  Expr // nil if absent
}

type Import struct {
	Span
	Names []*Alias
}

// ImportFrom is `from [.]*module import names`; Module is "" for `from . import x`.
type ImportFrom struct {
	Span
	Module string
	Names  []*Alias // a single Alias{Name: "*"} for a star import
	Level  int      // number of leading dots
}

type Alias struct {
	Span
	Name   string // dotted for `import a.b`
	AsName string // "" if absent
}

type Global struct {
	Span
	Names []string
}

type Nonlocal struct {
	Span
	Names []string
}

// ExprStmt is an expression used as a statement.
type ExprStmt struct {
	Span
	Value Expr
}

type Pass struct{ Span }
type Break struct{ Span }
type Continue struct{ Span }

func (*FunctionDef) stmtNode() {}
func (*ClassDef) stmtNode()    {}
func (*Return) stmtNode()      {}
func (*Delete) stmtNode()      {}
func (*Assign) stmtNode()      {}
func (*AugAssign) stmtNode()   {}
func (*AnnAssign) stmtNode()   {}
func (*For) stmtNode()         {}
func (*While) stmtNode()       {}
func (*If) stmtNode()          {}
func (*With) stmtNode()        {}
func (*Raise) stmtNode()       {}
func (*Try) stmtNode()         {}
func (*Assert) stmtNode()      {}
func (*Import) stmtNode()      {}
func (*ImportFrom) stmtNode()  {}
func (*Global) stmtNode()      {}
func (*Nonlocal) stmtNode()    {}
func (*ExprStmt) stmtNode()    {}
func (*Pass) stmtNode()        {}
func (*Break) stmtNode()       {}
func (*Continue) stmtNode()    {}

// ---------------------------------------------------------------- expressions

// BoolOp is `a and b and c` (Op And) or `a or b` (Op Or), flattened.
type BoolOp struct {
	Span
	Op     Op
	Values []Expr
}

// NamedExpr is `target := value`.
type NamedExpr struct {
	Span
	Target *Name
	Value  Expr
}

type BinOp struct {
	Span
	Left  Expr
	Op    Op
	Right Expr
}

// UnaryOp: Op is Invert, Not, UAdd or USub.
type UnaryOp struct {
	Span
	Op      Op
	Operand Expr
}

type Lambda struct {
	Span
	Args *Arguments
	Body Expr
}

// IfExp is `body if test else orelse`.
type IfExp struct {
	Span
	Test, Body, Orelse Expr
}

// Dict is a dict display; a nil key marks `**value`.
type Dict struct {
	Span
	Keys   []Expr
	Values []Expr
}

type Set struct {
	Span
	Elts []Expr
}

type ListComp struct {
	Span
	Elt        Expr
	Generators []*Comprehension
}

type SetComp struct {
	Span
	Elt        Expr
	Generators []*Comprehension
}

type DictComp struct {
	Span
	Key, Value Expr
	Generators []*Comprehension
}

type GeneratorExp struct {
	Span
	Elt        Expr
	Generators []*Comprehension
}

// Comprehension is one `[async] for target in iter [if cond]*` clause.
type Comprehension struct {
	Target  Expr
	Iter    Expr
	Ifs     []Expr
	IsAsync bool
}

type Await struct {
	Span
	Value Expr
}

type Yield struct {
	Span
	Value Expr // nil for a bare yield
}

type YieldFrom struct {
	Span
	Value Expr
}

// Compare is a (possibly chained) comparison: Left Ops[0] Comparators[0] ...
type Compare struct {
	Span
	Left        Expr
	Ops         []Op
	Comparators []Expr
}

// Call: Args may contain *Starred for `*args`; a Keyword with Arg "" is `**kwargs`.
type Call struct {
	Span
	Func     Expr
	Args     []Expr
	Keywords []*Keyword
}

type Keyword struct {
	Span
	Arg   string // "" for **value
	Value Expr
}

// FormattedValue is one `{value!conv:spec}` field of an f-string.
type FormattedValue struct {
	Span
	Value      Expr
	Conversion rune // 0, 's', 'r' or 'a'
	FormatSpec Expr // *JoinedStr or nil
}

// JoinedStr is an f-string: Values are *Constant strings and *FormattedValue.
type JoinedStr struct {
	Span
	Values []Expr
}

// Constant is a literal. Value is one of: nil (None), bool, int64, *big.Int
// (only for ints that do not fit int64), float64, complex128, string, Bytes,
// EllipsisType.
type Constant struct {
	Span
	Value any
}

// Bytes is the value of a bytes literal.
type Bytes []byte

// EllipsisType is the type of the Ellipsis constant `...`.
type EllipsisType struct{}

// Ellipsis is the value of `...`.
var Ellipsis = EllipsisType{}

// BigInt is re-exported for clarity of Constant's doc.
type BigInt = big.Int

type Attribute struct {
	Span
	Value Expr
	Attr  string
}

type Subscript struct {
	Span
	Value Expr
	Slice Expr // an index, a *Slice, or a *Tuple of them
}

type Starred struct {
	Span
	Value Expr
}

type Name struct {
	Span
	Id string
}

type List struct {
	Span
	Elts []Expr
}

type Tuple struct {
	Span
	Elts []Expr
}

// Slice is `lower:upper:step` inside a subscript; any part may be nil.
type Slice struct {
	Span
	Lower, Upper, Step Expr
}

func (*BoolOp) exprNode()         {}
func (*NamedExpr) exprNode()      {}
func (*BinOp) exprNode()          {}
func (*UnaryOp) exprNode()        {}
func (*Lambda) exprNode()         {}
func (*IfExp) exprNode()          {}
func (*Dict) exprNode()           {}
func (*Set) exprNode()            {}
func (*ListComp) exprNode()       {}
func (*SetComp) exprNode()        {}
func (*DictComp) exprNode()       {}
func (*GeneratorExp) exprNode()   {}
func (*Await) exprNode()          {}
func (*Yield) exprNode()          {}
func (*YieldFrom) exprNode()      {}
func (*Compare) exprNode()        {}
func (*Call) exprNode()           {}
func (*FormattedValue) exprNode() {}
func (*JoinedStr) exprNode()      {}
func (*Constant) exprNode()       {}
func (*Attribute) exprNode()      {}
func (*Subscript) exprNode()      {}
func (*Starred) exprNode()        {}
func (*Name) exprNode()           {}
func (*List) exprNode()           {}
func (*Tuple) exprNode()          {}
func (*Slice) exprNode()          {}

// ---------------------------------------------------------------- arguments

// Arguments is a function's parameter list.
// Defaults apply to the last len(Defaults) of PosOnly+Args; KwDefaults is
// parallel to KwOnly with nil where a keyword-only parameter has no default.
type Arguments struct {
	PosOnly    []*Arg
	Args       []*Arg
	Vararg     *Arg // *args, or nil
	KwOnly     []*Arg
	KwDefaults []Expr
	Kwarg      *Arg // **kwargs, or nil
	Defaults   []Expr
}

type Arg struct {
	Span
	Name       string
	Annotation Expr // nil if absent
}

// ---------------------------------------------------------------- operators

// Op names every operator of the language.
type Op uint8

const (
	// binary operators
	Add Op = iota
	Sub
	Mult
	MatMult
	Div
	Mod
	Pow
	LShift
	RShift
	BitOr
	BitXor
	BitAnd
	FloorDiv
	// unary operators
	Invert
	Not
	UAdd
	USub
	// boolean operators
	And
	Or
	// comparison operators
	Eq
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)

var opStrings = [...]string{
	Add: "+", Sub: "-", Mult: "*", MatMult: "@", Div: "/", Mod: "%", Pow: "**",
	LShift: "<<", RShift: ">>", BitOr: "|", BitXor: "^", BitAnd: "&", FloorDiv: "//",
	Invert: "~", Not: "not", UAdd: "+", USub: "-", And: "and", Or: "or",
	Eq: "==", NotEq: "!=", Lt: "<", LtE: "<=", Gt: ">", GtE: ">=",
	Is: "is", IsNot: "is not", In: "in", NotIn: "not in",
}

// String returns the operator as written in source.
func (op Op) String() string {
	if int(op) < len(opStrings) {
		return opStrings[op]
	}
	return "?"
}
