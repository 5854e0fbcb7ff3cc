package parser

import (
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/pya-lang/pya/lexer"
)

// markSoftKeywords gives the soft keyword `match` the BlockKw kind where it
// starts a match statement, so that the LL(1) grammar can dispatch on it;
// everywhere else it stays a name (`match = 1`, `match(x)`, `match.x`).
//
// CPython's PEG parser tries the match statement first and falls back to
// an expression statement. Here the decision is made from the tokens: a
// logical line's first token `match` followed by a token that starts an
// expression is a match statement when that token cannot continue an
// expression whose first operand is `match` (a name, a literal, `{`, ...),
// or, when it can (`(`, `[`, `-`, `+`, `*`), when the line ends with `:`
// — no expression statement ends with a colon. `case` needs no mark: it is
// matched by value in a match block only, and `_` is a name that
// conversion reads as the wildcard.
func markSoftKeywords(toks []plex.Token) {
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if t.Type != lexer.Name || t.Value != "match" {
			continue
		}
		if i > 0 && !isLayout(toks[i-1]) {
			continue
		}
		switch subjectStart(toks[i+1]) {
		case startsNo:
			continue
		case startsMaybe:
			if !lineEndsWithColon(toks, i+1) {
				continue
			}
		}
		toks[i].Type = lexer.BlockKw
	}
}

const (
	startsNo = iota
	startsYes
	startsMaybe
)

// subjectStart tells whether t starts a match subject, and whether it
// could instead continue an expression that begins with the name `match`.
func subjectStart(t plex.Token) int {
	switch t.Type {
	case lexer.Name, lexer.Int, lexer.Float, lexer.Imag, lexer.String:
		return startsYes
	case lexer.Keyword:
		switch t.Value {
		case "None", "True", "False", "not", "lambda", "await":
			return startsYes
		}
		return startsNo
	}
	if !lexer.IsOperator(t) {
		return startsNo
	}
	switch t.Value {
	case "{", "~", "...":
		return startsYes
	case "(", "[", "-", "+", "*":
		return startsMaybe
	}
	return startsNo
}

// lineEndsWithColon reports whether the logical line holding toks[i] ends
// with `:` (the lexer emits no NEWLINE inside brackets).
func lineEndsWithColon(toks []plex.Token, i int) bool {
	for j := i; j < len(toks); j++ {
		if toks[j].Type == lexer.Newline || toks[j].Type == lexer.EOF {
			return isOp(toks[j-1], ":")
		}
	}
	return false
}
