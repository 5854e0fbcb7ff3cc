// Package lexer turns pya source into tokens for the participle grammar in
// package parser. Python's layout rules cannot be expressed with participle's
// own lexers, so this is a hand-written scanner that tracks an indentation
// stack (INDENT/DEDENT tokens) and a bracket stack (no layout tokens inside
// brackets; CPython's messages for unbalanced brackets).
//
// Operators have kinds by role (binary, comparison, augmented assignment,
// other) so that the grammar matches an operator class with one token kind
// instead of trying one alternative per operator: participle allocates a
// branch for each alternative it tries.
//
// Token values are the raw source text (string literals keep their prefix
// and quotes), so that a token's end position can always be recomputed from
// its start and its value; see End.
package lexer

import (
	"io"
	"unicode/utf8"

	plex "github.com/alecthomas/participle/v2/lexer"
)

// Token kinds. EOF must be participle's own EOF kind.
const (
	EOF                    = plex.EOF
	Name    plex.TokenType = iota + 1 // identifier (never a keyword)
	Keyword                           // other hard keyword: `None`, `not`, `in`, `else`, ...
	StmtKw                            // keyword starting a simple statement: `pass`, `return`, ...
	BlockKw                           // keyword starting a compound statement: `if`, `def`, `async`, ...
	Int                               // integer literal, underscores kept
	Float                             // float literal
	Imag                              // imaginary literal (`1j`)
	String                            // string/bytes/f-string literal, prefix and quotes kept
	Op                                // delimiter or other operator
	BinOp                             // binary operator: | ^ & << >> + - * / // % @
	CmpOp                             // comparison operator: == != < <= > >=
	AugOp                             // augmented assignment: += -= ... >>=
	Newline                           // end of a logical line
	Indent                            // indentation increased
	Dedent                            // indentation decreased
)

var symbols = map[string]plex.TokenType{
	"EOF":     EOF,
	"Name":    Name,
	"Keyword": Keyword,
	"StmtKw":  StmtKw,
	"BlockKw": BlockKw,
	"Int":     Int,
	"Float":   Float,
	"Imag":    Imag,
	"String":  String,
	"Op":      Op,
	"BinOp":   BinOp,
	"CmpOp":   CmpOp,
	"AugOp":   AugOp,
	"NEWLINE": Newline,
	"INDENT":  Indent,
	"DEDENT":  Dedent,
}

// KindName returns the symbolic name of a token kind, for messages and tests.
func KindName(t plex.TokenType) string {
	for k, v := range symbols {
		if v == t {
			return k
		}
	}
	return "?"
}

// keywords are Python 3.11's hard keywords. `match`, `case` and `_` are soft
// keywords in CPython and plain names here.
var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true,
	"assert": true, "async": true, "await": true, "break": true, "class": true,
	"continue": true, "def": true, "del": true, "elif": true, "else": true,
	"except": true, "finally": true, "for": true, "from": true, "global": true,
	"if": true, "import": true, "in": true, "is": true, "lambda": true,
	"nonlocal": true, "not": true, "or": true, "pass": true, "raise": true,
	"return": true, "try": true, "while": true, "with": true, "yield": true,
}

// IsKeyword reports whether s is a hard keyword.
func IsKeyword(s string) bool { return keywords[s] }

// IsKeywordToken reports whether t is a keyword token, of any kind.
func IsKeywordToken(t Token) bool { return t.Type == Keyword || t.Type == StmtKw || t.Type == BlockKw }

// keywordKind gives statement keywords their own kinds, so that the
// grammar can dispatch on a statement's first token with one lookahead.
func keywordKind(w string) TokenType {
	switch w {
	case "pass", "break", "continue", "return", "raise", "global", "nonlocal", "del", "assert", "import", "from":
		return StmtKw
	case "if", "for", "while", "def", "class", "with", "try", "async":
		return BlockKw
	}
	return Keyword
}

// Definition is the participle lexer definition for pya.
type Definition struct{}

var _ plex.Definition = Definition{}
var _ plex.StringDefinition = Definition{}
var _ plex.BytesDefinition = Definition{}

// Symbols maps the kind names used in grammar tags to token kinds.
func (Definition) Symbols() map[string]plex.TokenType { return symbols }

// Lex reads all of r and tokenizes it.
func (d Definition) Lex(filename string, r io.Reader) (plex.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexBytes(filename, b)
}

// LexString tokenizes s.
func (d Definition) LexString(filename string, s string) (plex.Lexer, error) {
	return d.LexBytes(filename, []byte(s))
}

// LexBytes tokenizes b. A lexical error is returned at once (as an
// *ast.SyntaxError), before any token is handed out.
func (Definition) LexBytes(filename string, b []byte) (plex.Lexer, error) {
	toks, err := Tokenize(filename, b)
	if err != nil {
		return nil, err
	}
	return &SliceLexer{Tokens: toks}, nil
}

// SliceLexer hands out pre-scanned tokens; the last one must be EOF.
type SliceLexer struct {
	Tokens []plex.Token
	i      int
}

// Next returns the next token, repeating EOF at the end.
func (l *SliceLexer) Next() (plex.Token, error) {
	if l.i >= len(l.Tokens) {
		return l.Tokens[len(l.Tokens)-1], nil
	}
	t := l.Tokens[l.i]
	l.i++
	return t, nil
}

// End returns the position just past token t, computed from its raw value
// (which may span lines, as triple-quoted strings do).
func End(t plex.Token) plex.Position {
	p := t.Pos
	if t.Type == Newline || t.Type == Indent || t.Type == Dedent || t.Type == EOF {
		return p
	}
	s := t.Value
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			p.Offset++
			if c == '\n' {
				p.Line++
				p.Column = 1
			} else {
				p.Column++
			}
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
		p.Offset += n
		p.Column++
	}
	return p
}

// Aliases of participle's lexer types, so that users of this package need
// not import participle's lexer under a second name.
type (
	Token     = plex.Token
	Position  = plex.Position
	TokenType = plex.TokenType
)
