package parser

import "github.com/alecthomas/participle/v2/lexer"

// This file is the participle grammar: raw syntax structs that mirror
// CPython's LL(1)-era grammar. Alternatives are decided by their first token
// (lookahead 1); whatever an LL(1) grammar cannot decide is parsed in a more
// general shape and checked in the conversion step (convert*.go), which
// builds package ast's nodes. Grammar structs never leave this package.
//
// Binary operators are flat operand/operator lists; precedence climbing in
// the conversion builds the tree. Tokens fields receive the tokens a node
// matched, from which conversion computes spans.

type gFile struct {
	Stmts []*gStatement `parser:"@@* EOF"`
}

// gInput is the root of ParseExpr: an expression list or a yield, as an
// f-string field holds.
type gInput struct {
	Value *gRHS `parser:"@@ NEWLINE? EOF"`
}

// gStatement dispatches on the kind of the first token: a lookahead for
// a block keyword costs one branch where trying every compound statement
// would cost one each.
type gStatement struct {
	Simple    *gSimpleLine `parser:"  (?! BlockKw | '@' ) @@"`
	If        *gIf         `parser:"| @@"`
	Def       *gFuncDef    `parser:"| @@"`
	For       *gFor        `parser:"| @@"`
	Class     *gClassDef   `parser:"| @@"`
	While     *gWhile      `parser:"| @@"`
	Try       *gTry        `parser:"| @@"`
	With      *gWith       `parser:"| @@"`
	Decorated *gDecorated  `parser:"| @@"`
	Async     *gAsync      `parser:"| @@"`
	Match     *gMatch      `parser:"| @@"`
}

// gBlock is an indented suite or simple statements on the header's line.
type gBlock struct {
	Stmts  []*gStatement `parser:" NEWLINE INDENT @@+ DEDENT"`
	Simple *gSimpleLine  `parser:"| @@"`
}

type gSimpleLine struct {
	First *gSmall   `parser:"@@"`
	Rest  []*gSemis `parser:"@@* NEWLINE"`
}

// The grammar is strictly LL(1) (participle lookahead 0: a branch that
// consumed a token never backtracks), so that errors point at the token
// CPython blames. Separated lists are therefore parsed as a first item and
// "separator, optional item" pairs; an empty item is a trailing separator,
// and an empty item before another one is rejected in conversion.

type gSemis struct {
	Tokens []lexer.Token
	Stmt   *gSmall `parser:"';' @@?"`
}

type gSmall struct {
	Tokens   []lexer.Token
	Expr     *gExprStmt `parser:"  (?! StmtKw ) @@"`
	Return   *gReturn   `parser:"| @@"`
	Pass     bool       `parser:"| @'pass'"`
	Import   *gImport   `parser:"| @@"`
	From     *gFrom     `parser:"| @@"`
	Raise    *gRaise    `parser:"| @@"`
	Break    bool       `parser:"| @'break'"`
	Continue bool       `parser:"| @'continue'"`
	Global   *gGlobal   `parser:"| @@"`
	Del      *gDel      `parser:"| @@"`
	Assert   *gAssert   `parser:"| @@"`
}

// gExprStmt is an expression statement, an assignment chain, an augmented
// assignment or an annotated assignment: the targets are parsed as
// expressions and checked in conversion (no backtracking).
type gExprStmt struct {
	Tokens []lexer.Token
	First  *gRHS   `parser:"@@"`
	Annot  *gExpr  `parser:"( ':' @@"`
	AnnVal *gRHS   `parser:" ( '=' @@ )?"`
	AugOp  string  `parser:"| @AugOp"`
	AugVal *gRHS   `parser:" @@"`
	Values []*gRHS `parser:"| ( '=' @@ )+ )?"`
}

// gRHS is what may stand right of `=`: a yield expression or an
// expression list.
type gRHS struct {
	Exprs *gStarExprs `parser:"  @@"`
	Yield *gYield     `parser:"| @@"`
}

type gYield struct {
	Tokens []lexer.Token
	From   *gExpr      `parser:"'yield' ( 'from' @@"`
	Value  *gStarExprs `parser:"| @@ )?"`
}

// gStarExprs is a comma-separated list of possibly starred expressions; a
// single item without a trailing comma is not a tuple.
type gStarExprs struct {
	Tokens []lexer.Token
	First  *gStarExpr    `parser:"@@"`
	Rest   []*gStarComma `parser:"@@*"`
}

type gStarComma struct {
	Tokens []lexer.Token
	Item   *gStarExpr `parser:"',' @@?"`
}

type gStarExpr struct {
	Tokens []lexer.Token
	Star   *gBitOr `parser:" '*' @@"`
	Expr   *gExpr  `parser:"| @@"`
}

type gReturn struct {
	Value *gStarExprs `parser:"'return' @@?"`
}

type gRaise struct {
	Exc   *gExpr `parser:"'raise' ( @@"`
	Cause *gExpr `parser:" ( 'from' @@ )? )?"`
}

type gGlobal struct {
	Kind  string   `parser:"@( 'global' | 'nonlocal' )"`
	Names []string `parser:"@Name ( ',' @Name )*"`
}

type gDel struct {
	Targets *gStarExprs `parser:"'del' @@"`
}

type gAssert struct {
	Test *gExpr `parser:"'assert' @@"`
	Msg  *gExpr `parser:"( ',' @@ )?"`
}

type gImport struct {
	Names []*gDottedAs `parser:"'import' @@ ( ',' @@ )*"`
}

type gDottedAs struct {
	Tokens []lexer.Token
	Names  []string `parser:"@Name ( '.' @Name )*"`
	As     string   `parser:"( 'as' @Name )?"`
}

type gFrom struct {
	Tokens []lexer.Token
	Dots   []string        `parser:"'from' @( '.' | '...' )*"`
	Module []string        `parser:"( @Name ( '.' @Name )* )? 'import'"`
	Star   bool            `parser:"( @'*'"`
	Paren  bool            `parser:"| ( @'('"`
	PFirst *gImportAs      `parser:" @@"`
	PRest  []*gImportComma `parser:" @@* ')' )"`
	First  *gImportAs      `parser:"| @@"`
	Rest   []*gImportComma `parser:" @@* )"`
}

type gImportComma struct {
	Tokens []lexer.Token
	Name   *gImportAs `parser:"',' @@?"`
}

type gImportAs struct {
	Tokens []lexer.Token
	Name   string `parser:"@Name"`
	As     string `parser:"( 'as' @Name )?"`
}

// ---------------------------------------------------------------- compound

type gIf struct {
	Tokens []lexer.Token
	Test   *gNamedExpr `parser:"'if' @@ ':'"`
	Body   *gBlock     `parser:"@@"`
	Elifs  []*gElif    `parser:"@@*"`
	Else   *gBlock     `parser:"( 'else' ':' @@ )?"`
}

type gElif struct {
	Tokens []lexer.Token
	Test   *gNamedExpr `parser:"'elif' @@ ':'"`
	Body   *gBlock     `parser:"@@"`
}

type gWhile struct {
	Tokens []lexer.Token
	Test   *gNamedExpr `parser:"'while' @@ ':'"`
	Body   *gBlock     `parser:"@@"`
	Else   *gBlock     `parser:"( 'else' ':' @@ )?"`
}

type gFor struct {
	Tokens []lexer.Token
	Target *gTargets   `parser:"'for' @@ 'in'"`
	Iter   *gStarExprs `parser:"@@ ':'"`
	Body   *gBlock     `parser:"@@"`
	Else   *gBlock     `parser:"( 'else' ':' @@ )?"`
}

// gTargets is a for/comprehension target list, parsed at the bitwise-or
// level so that `in` is not read as a comparison.
type gTargets struct {
	Tokens []lexer.Token
	First  *gTarget        `parser:"@@"`
	Rest   []*gTargetComma `parser:"@@*"`
}

type gTargetComma struct {
	Tokens []lexer.Token
	Item   *gTarget `parser:"',' @@?"`
}

type gTarget struct {
	Tokens []lexer.Token
	Star   bool    `parser:"@'*'?"`
	Expr   *gBitOr `parser:"@@"`
}

type gFuncDef struct {
	Tokens  []lexer.Token
	Name    string         `parser:"'def' @Name"`
	First   *gParam        `parser:"'(' ( @@"`
	Rest    []*gParamComma `parser:"@@* )? ')'"`
	Returns *gExpr         `parser:"( '->' @@ )?"`
	Body    *gBlock        `parser:"':' @@"`
}

// gParam is one parameter or a `/` or `*` marker; order rules are checked
// in conversion.
type gParam struct {
	Tokens  []lexer.Token
	Kind    string `parser:"( @( '/' | '*' | '**' )"`
	Name    string `parser:" @Name? | @Name )"`
	Annot   *gExpr `parser:"( ':' @@ )?"`
	Default *gExpr `parser:"( '=' @@ )?"`
}

type gParamComma struct {
	Tokens []lexer.Token
	Param  *gParam `parser:"',' @@?"`
}

type gLambdaComma struct {
	Tokens []lexer.Token
	Param  *gLambdaParam `parser:"',' @@?"`
}

type gLambdaParam struct {
	Tokens  []lexer.Token
	Kind    string `parser:"( @( '/' | '*' | '**' )"`
	Name    string `parser:" @Name? | @Name )"`
	Default *gExpr `parser:"( '=' @@ )?"`
}

type gClassDef struct {
	Tokens []lexer.Token
	Name   string       `parser:"'class' @Name"`
	Paren  bool         `parser:"( @'('"`
	First  *gArg        `parser:" ( @@"`
	Rest   []*gArgComma `parser:" @@* )? ')' )?"`
	Body   *gBlock      `parser:"':' @@"`
}

type gWith struct {
	Tokens []lexer.Token
	Items  []*gWithItem `parser:"'with' @@ ( ',' @@ )*"`
	Body   *gBlock      `parser:"':' @@"`
}

type gWithItem struct {
	Tokens  []lexer.Token
	Context *gExpr  `parser:"@@"`
	Target  *gBitOr `parser:"( 'as' @@ )?"`
}

type gTry struct {
	Tokens   []lexer.Token
	Body     *gBlock    `parser:"'try' ':' @@"`
	Handlers []*gExcept `parser:"@@*"`
	Else     *gBlock    `parser:"( 'else' ':' @@ )?"`
	Finally  *gBlock    `parser:"( 'finally' ':' @@ )?"`
}

type gExcept struct {
	Tokens []lexer.Token
	Star   bool     `parser:"'except' @'*'?"`
	Type   *gExpr   `parser:"( @@"`
	More   []*gExpr `parser:" ( ',' @@ )*"`
	Name   string   `parser:" ( 'as' @Name )? )?"`
	Body   *gBlock  `parser:"':' @@"`
}

type gDecorated struct {
	Decorators []*gDecorator `parser:"@@+"`
	Def        *gFuncDef     `parser:"( @@"`
	Class      *gClassDef    `parser:"| @@"`
	Async      *gFuncDef     `parser:"| 'async' @@ )"`
}

type gDecorator struct {
	Tokens []lexer.Token
	Expr   *gNamedExpr `parser:"'@' @@ NEWLINE"`
}

type gAsync struct {
	Tokens []lexer.Token
	Def    *gFuncDef `parser:"'async' ( @@"`
	For    *gFor     `parser:"| @@"`
	With   *gWith    `parser:"| @@ )"`
}

// ---------------------------------------------------------------- expressions

// gNamedExpr is an expression optionally followed by `:= value`; the
// target must be a name (checked in conversion).
type gNamedExpr struct {
	Tokens []lexer.Token
	Expr   *gExpr `parser:"@@"`
	Value  *gExpr `parser:"( ':=' @@ )?"`
}

// gExpr is a lambda, or a disjunction with an optional conditional tail.
type gExpr struct {
	Tokens []lexer.Token
	Body   *gOr     `parser:"  @@"`
	Test   *gOr     `parser:"  ( 'if' @@"`
	Else   *gExpr   `parser:"    'else' @@ )?"`
	Lambda *gLambda `parser:"| @@"`
}

type gLambda struct {
	Tokens []lexer.Token
	First  *gLambdaParam   `parser:"'lambda' ( @@"`
	Rest   []*gLambdaComma `parser:"@@* )?"`
	Body   *gExpr          `parser:"':' @@"`
}

// gOr is a flat list of operands joined by any binary, comparison or
// boolean operator; conversion climbs precedences (`not` is an operand
// prefix). This keeps an operand four struct levels deep instead of nine.
type gOr struct {
	Tokens []lexer.Token
	First  *gOperand  `parser:"@@"`
	Rest   []*gOpTail `parser:"@@*"`
}

type gOpTail struct {
	Op    cmpOp     `parser:"@( BinOp | CmpOp | 'and' | 'or' | 'in' | 'is' 'not'? | 'not' 'in' )"`
	Right *gOperand `parser:"@@"`
}

// gBitOr is an operand list with bitwise and arithmetic operators only,
// for targets, where `in` must not be read as a comparison.
type gBitOr struct {
	Tokens []lexer.Token
	First  *gOperand   `parser:"@@"`
	Rest   []*gBinTail `parser:"@@*"`
}

type gBinTail struct {
	Op    cmpOp     `parser:"@BinOp"`
	Right *gOperand `parser:"@@"`
}

// gOperand is a primary with its prefix operators and `**` exponent.
type gOperand struct {
	Tokens   []lexer.Token
	Prefix   []string    `parser:"@( BinOp | 'not' | '~' )*"`
	Await    bool        `parser:"@'await'?"`
	Atom     *gAtom      `parser:"@@"`
	Trailers []*gTrailer `parser:"@@*"`
	Exp      *gOperand   `parser:"( '**' @@ )?"`
}

type gAtom struct {
	Tokens []lexer.Token
	Name   string      `parser:" @Name"`
	Num    string      `parser:"| @( Int | Float | Imag )"`
	Strs   []string    `parser:"| @String+"`
	Const  string      `parser:"| @( 'None' | 'True' | 'False' | '...' )"`
	Paren  *gGroup     `parser:"| '(' @@? ')'"`
	List   *gGroup     `parser:"| '[' @@? ']'"`
	Dict   *gDictGroup `parser:"| '{' @@? '}'"`
}

// gGroup is the inside of parentheses or brackets: a yield, one element
// with a comprehension, or elements with commas. `as` is accepted on
// elements only for parenthesized with-items and rejected elsewhere.
type gGroup struct {
	First *gElem        `parser:"  @@"`
	Comp  []*gComp      `parser:"  ( @@+"`
	Rest  []*gElemComma `parser:"  | @@+ )?"`
	Yield *gYield       `parser:"| @@"`
}

type gElemComma struct {
	Tokens []lexer.Token
	Elem   *gElem `parser:"',' @@?"`
}

type gElem struct {
	Tokens []lexer.Token
	Star   *gBitOr     `parser:" '*' @@"`
	Expr   *gNamedExpr `parser:"| @@"`
	As     *gBitOr     `parser:" ( 'as' @@ )?"`
}

type gDictGroup struct {
	First *gDictItem    `parser:"@@"`
	Comp  []*gComp      `parser:"( @@+"`
	Rest  []*gDictComma `parser:"| @@+ )?"`
}

type gDictComma struct {
	Tokens []lexer.Token
	Item   *gDictItem `parser:"',' @@?"`
}

type gDictItem struct {
	Tokens []lexer.Token
	DStar  *gBitOr     `parser:" '**' @@"`
	Star   *gBitOr     `parser:"| '*' @@"`
	Key    *gNamedExpr `parser:"| @@"`
	Value  *gExpr      `parser:" ( ':' @@ )?"`
}

// gComp is one clause of a comprehension: `[async] for targets in iter`
// or `if cond`, with iterables and conditions at the or-level.
type gComp struct {
	Async  bool      `parser:"( @'async'? 'for'"`
	Target *gTargets `parser:" @@ 'in'"`
	Iter   *gOr      `parser:" @@"`
	If     *gOr      `parser:"| 'if' @@ )"`
}

type gTrailer struct {
	Tokens []lexer.Token
	Call   bool         `parser:" ( @'('"`
	First  *gArg        `parser:" ( @@"`
	Rest   []*gArgComma `parser:" @@* )? ')' )"`
	Index  *gSlices     `parser:"| '[' @@ ']'"`
	Attr   string       `parser:"| '.' @Name"`
}

// gArg is a call argument: `*x`, `**x`, `name=x` (parsed as an expression
// followed by `=`, checked in conversion) or a generator expression.
type gArg struct {
	Tokens []lexer.Token
	Star   *gExpr      `parser:" '*' @@"`
	DStar  *gExpr      `parser:"| '**' @@"`
	Value  *gNamedExpr `parser:"| @@"`
	Kw     *gExpr      `parser:" ( '=' @@"`
	Comp   []*gComp    `parser:" | @@+ )?"`
}

type gArgComma struct {
	Tokens []lexer.Token
	Arg    *gArg `parser:"',' @@?"`
}

type gSlices struct {
	Tokens []lexer.Token
	First  *gSlice        `parser:"@@"`
	Rest   []*gSliceComma `parser:"@@*"`
}

type gSliceComma struct {
	Tokens []lexer.Token
	Item   *gSlice `parser:"',' @@?"`
}

type gSlice struct {
	Tokens []lexer.Token
	Star   *gBitOr     `parser:" '*' @@"`
	Lower  *gNamedExpr `parser:"| @@"`
	Rest   *gSliceRest `parser:" @@?"`
	Bare   *gSliceRest `parser:"| @@"`
}

type gSliceRest struct {
	Tokens []lexer.Token
	Upper  *gExpr `parser:"':' @@?"`
	Colon  bool   `parser:"( @':'"`
	Step   *gExpr `parser:" @@? )?"`
}
