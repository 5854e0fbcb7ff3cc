package parser

import "github.com/alecthomas/participle/v2/lexer"

// The match statement's grammar (PEP 634). `match` is a soft keyword: the
// token pass in softkw.go gives it the BlockKw kind only where it starts a
// match statement, so `'match':BlockKw` never takes a name. `case` stays a
// Name token and is matched by value inside a match block only.
//
// Patterns are parsed in a general LL(1) shape and checked in conversion
// (convert_match.go): class-pattern keywords are parsed as a pattern
// followed by `=`, mapping keys as closed patterns.

type gMatch struct {
	Tokens []lexer.Token
	First  *gElem        `parser:"'match':BlockKw @@"`
	Rest   []*gElemComma `parser:"@@* ':'"`
	Cases  []*gCase      `parser:"NEWLINE INDENT @@+ DEDENT"`
}

type gCase struct {
	Tokens  []lexer.Token
	Pattern *gPatterns  `parser:"'case' @@"`
	Guard   *gNamedExpr `parser:"( 'if' @@ )?"`
	Body    *gBlock     `parser:"':' @@"`
}

// gPatterns is a pattern or an open sequence pattern (`case a, *b:`).
type gPatterns struct {
	Tokens []lexer.Token
	First  *gStarPattern `parser:"@@"`
	Rest   []*gPatComma  `parser:"@@*"`
}

type gPatComma struct {
	Tokens []lexer.Token
	Item   *gStarPattern `parser:"',' @@?"`
}

// gStarPattern is a sequence item: `*name` or a pattern.
type gStarPattern struct {
	Tokens  []lexer.Token
	Star    string      `parser:"  '*' @Name"`
	Pattern *gAsPattern `parser:"| @@"`
}

type gAsPattern struct {
	Tokens []lexer.Token
	Or     *gOrPattern `parser:"@@"`
	As     *gPatName   `parser:"( 'as' @@ )?"`
}

type gPatName struct {
	Tokens []lexer.Token
	Name   string `parser:"@Name"`
}

type gOrPattern struct {
	Tokens []lexer.Token
	First  *gClosedPattern   `parser:"@@"`
	Rest   []*gClosedPattern `parser:"( '|' @@ )*"`
}

// gClosedPattern is a literal (a signed number, optionally `± imaginary`;
// strings; None, True, False), a name or dotted name (a capture, the
// wildcard, a value or, with arguments, a class pattern), or a group or
// sequence in parentheses or brackets, or a mapping.
type gClosedPattern struct {
	Tokens []lexer.Token
	Minus  bool           `parser:"  ( @'-'?"`
	Num    string         `parser:"    @( Int | Float | Imag )"`
	CSign  string         `parser:"    ( @( '+' | '-' )"`
	CNum   string         `parser:"      @( Int | Float | Imag ) )? )"`
	Strs   []string       `parser:"| @String+"`
	Const  string         `parser:"| @( 'None' | 'True' | 'False' )"`
	Names  []string       `parser:"| ( @Name ( '.' @Name )*"`
	Call   bool           `parser:"    ( @'('"`
	First  *gClassArg     `parser:"      ( @@"`
	Args   []*gClassComma `parser:"        @@* )? ')' )? )"`
	Paren  bool           `parser:"| ( @'('"`
	PFirst *gStarPattern  `parser:"    ( @@"`
	PRest  []*gPatComma   `parser:"      @@* )? ')' )"`
	List   bool           `parser:"| ( @'['"`
	LFirst *gStarPattern  `parser:"    ( @@"`
	LRest  []*gPatComma   `parser:"      @@* )? ']' )"`
	Map    bool           `parser:"| ( @'{'"`
	MFirst *gMapItem      `parser:"    ( @@"`
	MRest  []*gMapComma   `parser:"      @@* )? '}' )"`
}

// gClassArg is a positional pattern or `name=pattern` (the name parsed
// as a pattern and checked in conversion).
type gClassArg struct {
	Tokens  []lexer.Token
	Pattern *gAsPattern `parser:"@@"`
	Value   *gAsPattern `parser:"( '=' @@ )?"`
}

type gClassComma struct {
	Tokens []lexer.Token
	Arg    *gClassArg `parser:"',' @@?"`
}

// gMapItem is `key: pattern` (the key checked in conversion) or `**name`.
type gMapItem struct {
	Tokens []lexer.Token
	Rest   *gPatName       `parser:"  '**' @@"`
	Key    *gClosedPattern `parser:"| @@"`
	Value  *gAsPattern     `parser:"  ':' @@"`
}

type gMapComma struct {
	Tokens []lexer.Token
	Item   *gMapItem `parser:"',' @@?"`
}
