package parser

import (
	"errors"
	"fmt"
	"strings"

	"github.com/alecthomas/participle/v2"
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/lexer"
)

// This file maps participle's failures onto CPython 3.11's messages. The
// grammar never backtracks over a consumed token, so participle's
// unexpected token is the one CPython's parser stops at; what remains is to
// choose the message from the token, its neighbours and what was expected.

// parseFailure maps a participle error over toks to a SyntaxError.
func (p *source) parseFailure(toks []plex.Token, err error) error {
	var se *ast.SyntaxError
	if errors.As(err, &se) {
		return se
	}
	var ute *participle.UnexpectedTokenError
	if !errors.As(err, &ute) {
		var perr participle.Error
		line := 1
		if errors.As(err, &perr) {
			line = perr.Position().Line
		}
		return &ast.SyntaxError{Kind: "SyntaxError", Msg: "invalid syntax", File: p.file, Line: line, Text: p.line(line)}
	}
	i := tokenIndex(toks, ute.Unexpected)
	expect := ""
	if m := ute.Message(); strings.Contains(m, "(expected ") {
		expect = m[strings.Index(m, "(expected ")+len("(expected ") : len(m)-1]
	}
	return p.classify(toks, i, expect)
}

func tokenIndex(toks []plex.Token, t plex.Token) int {
	for i := range toks {
		if toks[i].Pos.Offset == t.Pos.Offset && toks[i].Type == t.Type && toks[i].Value == t.Value {
			return i
		}
	}
	return len(toks) - 1
}

func isLayout(t plex.Token) bool {
	return t.Type == lexer.Newline || t.Type == lexer.Indent || t.Type == lexer.Dedent || t.Type == lexer.EOF
}

func isOp(t plex.Token, ops ...string) bool {
	if t.Type != lexer.Op {
		return false
	}
	for _, op := range ops {
		if t.Value == op {
			return true
		}
	}
	return false
}

// startsOperand reports whether t can begin an expression operand.
func startsOperand(t plex.Token) bool {
	switch t.Type {
	case lexer.Name, lexer.Int, lexer.Float, lexer.Imag, lexer.String:
		return true
	case lexer.Keyword:
		switch t.Value {
		case "None", "True", "False", "lambda", "not", "await":
			return true
		}
	case lexer.Op:
		return isOp(t, "(", "[", "{", "...", "~")
	}
	return false
}

// endsOperand reports whether t can end an expression operand.
func endsOperand(t plex.Token) bool {
	switch t.Type {
	case lexer.Name, lexer.Int, lexer.Float, lexer.Imag, lexer.String:
		return true
	case lexer.Keyword:
		return t.Value == "None" || t.Value == "True" || t.Value == "False"
	case lexer.Op:
		return isOp(t, ")", "]", "}", "...")
	}
	return false
}

// inExpr reports whether keyword t may appear inside a disjunction.
func inExpr(t plex.Token) bool {
	switch t.Value {
	case "and", "or", "not", "in", "is", "await", "None", "True", "False":
		return true
	}
	return false
}

// exprStart returns the index of the first token of the expression that
// ends at toks[j] (a rough backwards scan to the nearest delimiter).
func exprStart(toks []plex.Token, j int) int {
	depth := 0
	for k := j; k >= 0; k-- {
		t := toks[k]
		switch {
		case isOp(t, ")", "]", "}"):
			depth++
		case isOp(t, "(", "[", "{"):
			if depth == 0 {
				return k + 1
			}
			depth--
		case depth > 0:
		case isLayout(t), isOp(t, ",", ":", "=", ";", ":=", "->") || strings.HasSuffix(t.Value, "=") && t.Type == lexer.Op && !isOp(t, "==", "!=", "<=", ">="):
			return k + 1
		case t.Type == lexer.Keyword && !inExpr(t):
			return k + 1
		}
	}
	return 0
}

// exprEnd returns the index of the last token of the expression starting
// at toks[i].
func exprEnd(toks []plex.Token, i int) int {
	depth := 0
	for k := i; k < len(toks); k++ {
		t := toks[k]
		switch {
		case isOp(t, "(", "[", "{"):
			if depth == 0 && k > i && endsOperand(toks[k-1]) && !isOp(toks[k-1], ")", "]", "}") && toks[k-1].Type != lexer.Name {
				return k - 1
			}
			depth++
		case isOp(t, ")", "]", "}"):
			if depth == 0 {
				return k - 1
			}
			depth--
		case depth > 0:
		case isLayout(t), isOp(t, ",", ":", "=", ";", ":="):
			return k - 1
		case t.Type == lexer.Keyword && !inExpr(t) && k > i:
			return k - 1
		case k > i && startsOperand(t) && endsOperand(toks[k-1]) && t.Type != lexer.Keyword:
			return k - 1
		}
	}
	return len(toks) - 1
}

// bracketDepth returns the number of brackets open before toks[i].
func bracketDepth(toks []plex.Token, i int) int {
	depth := 0
	for _, t := range toks[:i] {
		if isOp(t, "(", "[", "{") {
			depth++
		} else if isOp(t, ")", "]", "}") {
			depth--
		}
	}
	return depth
}

// lineStart returns the index of the first token of the logical line
// containing toks[i].
func lineStart(toks []plex.Token, i int) int {
	for i > 0 && !isLayout(toks[i-1]) {
		i--
	}
	return i
}

func (p *source) errSpan(kind string, a, b plex.Token, format string, args ...any) *ast.SyntaxError {
	return p.errorAt(kind, astPos(a.Pos), astPos(lexer.End(b)), format, args...)
}

// headerNames name block headers as CPython's "expected an indented block
// after ..." message does.
func headerName(toks []plex.Token, j int) string {
	kw := toks[j].Value
	if kw == "async" && j+1 < len(toks) {
		kw = toks[j+1].Value
	}
	switch kw {
	case "def":
		return "function definition"
	case "class":
		return "class definition"
	case "except":
		if j+1 < len(toks) && toks[j+1].Value == "*" {
			return "'except*' statement"
		}
	}
	return "'" + kw + "' statement"
}

// classify chooses CPython's message for a failure at toks[i].
func (p *source) classify(toks []plex.Token, i int, expect string) *ast.SyntaxError {
	t := toks[i]
	tp := astPos(t.Pos)
	switch {
	case t.Type == lexer.Indent:
		return &ast.SyntaxError{Kind: "IndentationError", Msg: "unexpected indent", File: p.file,
			Line: tp.Line, Col: tp.Col - 1, Text: p.line(tp.Line)}

	case i >= 2 && toks[i-1].Type == lexer.Newline && isOp(toks[i-2], ":") && strings.HasPrefix(expect, "<indent>"):
		j := lineStart(toks, i-2)
		msg := fmt.Sprintf("expected an indented block after %s on line %d", headerName(toks, j), toks[j].Pos.Line)
		if t.Type == lexer.EOF || t.Type == lexer.Dedent && atEnd(toks, i) {
			// At end of input CPython points at the header's NEWLINE, or at
			// the last (blank) line.
			nl := astPos(toks[i-1].Pos)
			if t.Pos.Line > nl.Line+1 {
				return &ast.SyntaxError{Kind: "IndentationError", Msg: msg, File: p.file, Line: t.Pos.Line - 1, Col: 1, Text: p.line(t.Pos.Line - 1)}
			}
			return &ast.SyntaxError{Kind: "IndentationError", Msg: msg, File: p.file, Line: nl.Line, Col: nl.Col, Text: p.line(nl.Line)}
		}
		e := p.errSpan("IndentationError", t, t, "%s", msg)
		return e

	case strings.HasPrefix(expect, `":" GBlock`):
		j := lineStart(toks, i)
		forced := false
		switch toks[j].Value {
		case "def", "for", "try", "finally", "else", "async", "@":
			forced = true
		}
		if t.Type == lexer.Newline || forced {
			e := p.errSpan("SyntaxError", t, t, "expected ':'")
			if t.Type == lexer.Newline {
				e.EndCol = len([]rune(p.line(tp.Line))) + 1
				if e.EndCol <= e.Col {
					e.EndCol = 0
				}
			}
			return e
		}

	case expect == `"else" GExpr`:
		k := i - 1
		for k > 0 && !(toks[k].Value == "if" && toks[k].Type == lexer.Keyword) {
			k--
		}
		return p.errSpan("SyntaxError", toks[exprStart(toks, k-1)], toks[i-1], "expected 'else' after 'if' expression")
	}

	if isOp(t, "=") && i > 0 && i+1 < len(toks) && startsOperand(toks[i+1]) && endsOperand(toks[i-1]) {
		a := exprStart(toks, i-1)
		b := exprEnd(toks, i+1)
		if a == i-1 && toks[a].Type == lexer.Name {
			return p.errSpan("SyntaxError", toks[a], toks[b], "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
		}
		if e, err := ParseExpr(p.file, []byte(p.text(toks[a], toks[i-1]))); err == nil {
			return p.errSpan("SyntaxError", toks[a], toks[i-1], "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(e))
		}
	}

	if startsOperand(t) && i > 0 && endsOperand(toks[i-1]) {
		j := lineStart(toks, i)
		if j == i-1 && toks[j].Type == lexer.Name && (toks[j].Value == "print" || toks[j].Value == "exec") {
			end := i
			for end+1 < len(toks) && !isLayout(toks[end+1]) && !isOp(toks[end+1], ";") {
				end++
			}
			return p.errSpan("SyntaxError", toks[j], toks[end], "Missing parentheses in call to '%s'. Did you mean %s(...)?", toks[j].Value, toks[j].Value)
		}
		if bracketDepth(toks, i) > 0 {
			a := exprStart(toks, i-1)
			if !(toks[a].Type == lexer.Name && a+1 < len(toks) && toks[a+1].Type == lexer.String) {
				return p.errSpan("SyntaxError", toks[a], toks[exprEnd(toks, i)], "invalid syntax. Perhaps you forgot a comma?")
			}
		}
	}
	if isLayout(t) {
		e := &ast.SyntaxError{Kind: "SyntaxError", Msg: "invalid syntax", File: p.file, Line: tp.Line, Col: tp.Col, Text: p.line(tp.Line)}
		if t.Type == lexer.EOF && i > 0 && toks[i-1].Type == lexer.Newline {
			nl := astPos(toks[i-1].Pos)
			e.Line, e.Col, e.Text = nl.Line, nl.Col, p.line(nl.Line)
		}
		if t.Type == lexer.Newline {
			// A NEWLINE token spans a trailing comment.
			if end := len([]rune(e.Text)) + 1; end > e.Col+1 {
				e.EndCol = end
			}
		}
		return e
	}
	return p.errSpan("SyntaxError", t, t, "invalid syntax")
}

// atEnd reports whether only DEDENT and EOF tokens follow toks[i].
func atEnd(toks []plex.Token, i int) bool {
	for _, t := range toks[i:] {
		if t.Type != lexer.Dedent && t.Type != lexer.EOF {
			return false
		}
	}
	return true
}

// text returns the source text from token a to the end of token b.
func (p *source) text(a, b plex.Token) string {
	end := lexer.End(b).Offset
	if a.Pos.Offset > end || end > len(p.src) {
		return ""
	}
	return string(p.src[a.Pos.Offset:end])
}

// lexFailure decides between a lexical error and a syntax error earlier in
// the file, as CPython's lazily tokenizing parser would: the tokens before
// the lexical error are parsed first.
func (p *source) lexFailure(toks []plex.Token, lexErr error) error {
	var le *ast.SyntaxError
	if !errors.As(lexErr, &le) {
		return lexErr
	}
	end := plex.Position{Filename: p.file, Line: le.Line, Column: le.Col, Offset: len(p.src)}
	if n := len(toks); n > 0 && lexer.End(toks[n-1]).Line > end.Line {
		end = lexer.End(toks[n-1])
	}
	partial := append(toks[:len(toks):len(toks)], plex.Token{Type: lexer.EOF, Pos: end})
	peek, err := plex.Upgrade(&lexer.SliceLexer{Tokens: partial})
	if err != nil {
		return lexErr
	}
	if _, err := fileParser.ParseFromLexer(peek); err != nil {
		var ute *participle.UnexpectedTokenError
		if errors.As(err, &ute) && ute.Unexpected.Type == lexer.EOF && ute.Unexpected.Pos == end {
			return lexErr
		}
		pe, ok := p.parseFailure(partial, err).(*ast.SyntaxError)
		if !ok {
			return lexErr
		}
		before := pe.Line < le.Line || pe.Line == le.Line && pe.Col < le.Col
		switch {
		case strings.HasSuffix(le.Msg, "was never closed"):
			// CPython reports the bracket unless the error precedes it,
			// or is on its line and did not need to look further.
			switch {
			case before:
				return pe
			case pe.Line > le.Line:
			case !strings.HasSuffix(pe.Msg, "forgot a comma?") || commaFollows(partial, pe):
				return pe
			}
		case le.Kind != "SyntaxError":
			if before {
				return pe
			}
		default:
			if before && pe.Msg != "invalid syntax" {
				return pe
			}
		}
	}
	return lexErr
}

// commaFollows reports whether a "forgot a comma" error's second
// expression is followed by a comma or a closing bracket, so that CPython
// never looked past it.
func commaFollows(toks []plex.Token, pe *ast.SyntaxError) bool {
	for i, t := range toks {
		if e := lexer.End(t); e.Line == pe.Line && e.Column == pe.EndCol {
			return i+1 < len(toks) && isOp(toks[i+1], ",", ")", "]", "}")
		}
	}
	return false
}

// Incomplete reports whether err means that the input ended too early: in
// an open bracket, a triple-quoted string, after a backslash, or after a
// compound statement's header. A REPL then reads more lines.
func Incomplete(err error) bool {
	var se *ast.SyntaxError
	if !errors.As(err, &se) {
		return false
	}
	switch {
	case strings.HasSuffix(se.Msg, "' was never closed"),
		strings.HasPrefix(se.Msg, "unterminated triple-quoted string literal"),
		se.Msg == "unexpected EOF while parsing":
		return true
	case strings.HasPrefix(se.Msg, "expected an indented block after"):
		var line int
		if k := strings.LastIndex(se.Msg, " on line "); k >= 0 {
			fmt.Sscanf(se.Msg[k+len(" on line "):], "%d", &line)
		}
		return se.Line == line || strings.TrimSpace(se.Text) == ""
	}
	return false
}
