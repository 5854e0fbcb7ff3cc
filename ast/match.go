package ast

// This file holds the match statement (PEP 634) and its patterns, shaped as
// CPython 3.11's ast module has them.

// Match is `match subject:` with its case blocks.
type Match struct {
	Span
	Subject Expr
	Cases   []*MatchCase
}

// MatchCase is one `case pattern [if guard]:` block. Like CPython's
// match_case it has no position of its own.
type MatchCase struct {
	Pattern Pattern
	Guard   Expr // nil if absent
	Body    []Stmt
}

func (*Match) stmtNode() {}

// Pattern is a node of a case pattern.
type Pattern interface {
	Node
	patternNode()
}

// MatchValue matches by equality: a literal (a Constant, a negative number
// as UnaryOp, a complex literal as BinOp) or a dotted name (Attribute).
type MatchValue struct {
	Span
	Value Expr
}

// MatchSingleton matches None, True or False by identity; Value is nil,
// true or false.
type MatchSingleton struct {
	Span
	Value any
}

// MatchSequence is `[p, ...]` or `(p, ...)` or an open `p, ...`; at most
// one item is a *MatchStar.
type MatchSequence struct {
	Span
	Patterns []Pattern
}

// MatchMapping is `{key: p, ..., **rest}`; Rest is "" when absent.
type MatchMapping struct {
	Span
	Keys     []Expr
	Patterns []Pattern
	Rest     string
}

// MatchClass is `Cls(p, ..., attr=p, ...)`.
type MatchClass struct {
	Span
	Cls         Expr
	Patterns    []Pattern
	KwdAttrs    []string
	KwdPatterns []Pattern
}

// MatchStar is `*name` (or `*_`, Name "") in a sequence pattern.
type MatchStar struct {
	Span
	Name string
}

// MatchAs is `p as name`, a capture `name` (Pattern nil) or the wildcard
// `_` (both empty).
type MatchAs struct {
	Span
	Pattern Pattern // nil for a bare capture or the wildcard
	Name    string  // "" for the wildcard
}

// MatchOr is `p | q | ...`.
type MatchOr struct {
	Span
	Patterns []Pattern
}

func (*MatchValue) patternNode()     {}
func (*MatchSingleton) patternNode() {}
func (*MatchSequence) patternNode()  {}
func (*MatchMapping) patternNode()   {}
func (*MatchClass) patternNode()     {}
func (*MatchStar) patternNode()      {}
func (*MatchAs) patternNode()        {}
func (*MatchOr) patternNode()        {}
