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
	if !lexer.IsOperator(t) {
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
		case isLayout(t), isOp(t, ",", ":", "=", ";", ":=", "->") || t.Type == lexer.AugOp:
			return k + 1
		case isOp(t, "*", "**") && (k == 0 || isLayout(toks[k-1]) || isOp(toks[k-1], "(", "[", "{", ",")):
			// A star in unary position: unpacking, not multiplication.
			return k + 1
		case lexer.IsKeywordToken(t) && !inExpr(t):
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
		case lexer.IsKeywordToken(t) && !inExpr(t) && k > i:
			return k - 1
		case k > i && startsOperand(t) && endsOperand(toks[k-1]) && !lexer.IsKeywordToken(t):
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

// afterAugAssign reports whether an augmented assignment operator comes
// before toks[i], outside brackets, in its logical line: `x += 1 = 2` is plain "invalid
// syntax" at the '=' in CPython (an augmented assignment's value is no
// place for its named-expression hints).
func afterAugAssign(toks []plex.Token, i int) bool {
	if bracketDepth(toks, i) > 0 {
		return false
	}
	for k := lineStart(toks, i); k < i; k++ {
		if isOp(toks[k], "+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=") {
			return true
		}
	}
	return false
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
				l := t.Pos.Line - 1
				return &ast.SyntaxError{Kind: "IndentationError", Msg: msg, File: p.file, Line: l, Col: len([]rune(p.line(l))) + 1, Text: p.line(l)}
			}
			return &ast.SyntaxError{Kind: "IndentationError", Msg: msg, File: p.file, Line: nl.Line, Col: nl.Col, Text: p.line(nl.Line)}
		}
		e := p.errSpan("IndentationError", t, t, "%s", msg)
		if t.Type == lexer.Dedent {
			// A dedent to an outer block: CPython gives no column.
			e.Col, e.EndCol = 0, 0
		}
		return e

	case t.Type == lexer.Newline && toks[lineStart(toks, i)].Type == lexer.BlockKw && toks[lineStart(toks, i)].Value == "match":
		// `match subject` without its colon.
		e := p.errSpan("SyntaxError", t, t, "expected ':'")
		e.EndCol = 0
		return e

	case strings.HasPrefix(expect, `":" GBlock`):
		j := lineStart(toks, i)
		forced := false
		switch toks[j].Value {
		case "def", "try", "finally", "else":
			// CPython forces ':' after these (&&':'); elsewhere it only
			// says "expected ':'" at the end of the line.
			forced = true
		case "async":
			forced = j+1 < len(toks) && toks[j+1].Value == "def"
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
		for k > 0 && !(toks[k].Value == "if" && lexer.IsKeywordToken(toks[k])) {
			k--
		}
		return p.errSpan("SyntaxError", toks[exprStart(toks, k-1)], toks[i-1], "expected 'else' after 'if' expression")
	}

	if e := p.specialCases(toks, i, expect); e != nil {
		return e
	}

	if isOp(t, "=") && i > 0 && i+1 < len(toks) && startsBitOr(toks[i+1]) && endsOperand(toks[i-1]) && !isDisplayStart(toks, exprStart(toks, i-1), i-1) && !afterAugAssign(toks, i) {
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
		// `print x`: a legacy print statement, wherever an expression starts.
		if j := i - 1; toks[j].Type == lexer.Name && (toks[j].Value == "print" || toks[j].Value == "exec") &&
			(j == 0 || isLayout(toks[j-1]) || isOp(toks[j-1], ";", "(", ",", "[", "=")) {
			end := i
			if j == lineStart(toks, i) || isOp(toks[j-1], ";") {
				for end+1 < len(toks) && !isLayout(toks[end+1]) && !isOp(toks[end+1], ";") {
					end++
				}
			} else {
				end = exprEnd(toks, i)
			}
			return p.errSpan("SyntaxError", toks[j], toks[end], "Missing parentheses in call to '%s'. Did you mean %s(...)?", toks[j].Value, toks[j].Value)
		}
		if k := returnArrow(toks, i); k >= 0 {
			// A bad return annotation: CPython drops it and wants ':'.
			return p.errSpan("SyntaxError", toks[k], toks[k], "expected ':'")
		}
		if bracketDepth(toks, i) > 0 && !(inParams(toks, i) && isParamName(toks, i-1)) && !inComprehension(toks, i) && !inTarget(toks, i) {
			a := exprStart(toks, i-1)
			if !(toks[a].Type == lexer.Name && a+1 < len(toks) && toks[a+1].Type == lexer.String) && !isSoftKeyword(toks[a]) {
				if enclosing(toks, i) == "{" && a > 0 && isOp(toks[a-1], "{", ",") && isDict(toks, i) {
					end := astPos(lexer.End(toks[i-1]))
					return p.errorAt("SyntaxError", ast.Pos{Line: end.Line, Col: end.Col - 1}, ast.Pos{}, "':' expected after dictionary key")
				}
				return p.errSpan("SyntaxError", toks[a], toks[exprEnd(toks, i)], "invalid syntax. Perhaps you forgot a comma?")
			}
		}
	}
	if isOp(t, "]") && i >= 2 && isOp(toks[i-1], "[") && endsOperand(toks[i-2]) && bracketDepth(toks, i-1) > 0 {
		// `f(x[])`: CPython reads `[]` as a list after a missing comma.
		return p.errSpan("SyntaxError", toks[exprStart(toks, i-2)], t, "invalid syntax. Perhaps you forgot a comma?")
	}
	if k := namedHint(toks, i); k >= 0 {
		// `a, b c = f()`: CPython's second pass finds `c = f()`.
		b := exprEnd(toks, k+2)
		return p.errSpan("SyntaxError", toks[k], toks[b], "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	if t.Type == lexer.Keyword && t.Value == "for" {
		// `x [y for y in z]` inside brackets: a list after a missing comma.
		if o := openerOf(toks, i); o > 0 && isOp(toks[o], "[") && endsOperand(toks[o-1]) && bracketDepth(toks, o) > 0 {
			if k := closing(toks, o); k > 0 {
				return p.errSpan("SyntaxError", toks[exprStart(toks, o-1)], toks[k], "invalid syntax. Perhaps you forgot a comma?")
			}
		}
	}
	if k := ternaryIf(toks, i); k >= 0 && t.Value != "else" {
		return p.errSpan("SyntaxError", toks[exprStart(toks, k-1)], toks[k+1], "expected 'else' after 'if' expression")
	}
	if k := strayAs(toks, i); k >= 0 {
		return p.errSpan("SyntaxError", toks[k], toks[k], "invalid syntax")
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
// the file, as CPython does. CPython tokenizes lazily, but after any syntax
// error it tokenizes the rest of the file, and a tokenizer error that
// carries a message (strings, numbers, characters, brackets) replaces the
// syntax error. Indentation errors and stray characters do not; an unclosed
// bracket does when the syntax error is on a later line than the bracket,
// or when the parser had to look at the end of input.
func (p *source) lexFailure(toks []plex.Token, lexErr error) error {
	var le *ast.SyntaxError
	if !errors.As(lexErr, &le) {
		return lexErr
	}
	neverClosed := strings.HasSuffix(le.Msg, "was never closed")
	weak := le.Kind != "SyntaxError" || le.Msg == "invalid syntax"
	end := plex.Position{Filename: p.file, Line: le.Line, Column: le.Col, Offset: len(p.src)}
	if n := len(toks); n > 0 && lexer.End(toks[n-1]).Line > end.Line {
		end = lexer.End(toks[n-1])
	}
	partial := append(toks[:len(toks):len(toks)], plex.Token{Type: lexer.EOF, Pos: end})
	peek, err := plex.Upgrade(&lexer.SliceLexer{Tokens: partial})
	if err != nil {
		return lexErr
	}
	_, err = fileParser.ParseFromLexer(peek)
	if err == nil {
		return lexErr
	}
	var ute *participle.UnexpectedTokenError
	if errors.As(err, &ute) && ute.Unexpected.Type == lexer.EOF && ute.Unexpected.Pos == end {
		return lexErr
	}
	pe, ok := p.parseFailure(partial, err).(*ast.SyntaxError)
	if !ok {
		return lexErr
	}
	if weak || pe.Msg == "unexpected indent" {
		// The parser reports an unexpected indent before looking further.
		return pe
	}
	if !neverClosed {
		return lexErr
	}
	// Where the parser stopped decides, not where the message points.
	stop := pe.Line
	if ute != nil {
		stop = ute.Unexpected.Pos.Line
	}
	hint := strings.Contains(pe.Msg, "Perhaps you forgot") || strings.Contains(pe.Msg, "Maybe you meant")
	switch {
	case stop < le.Line || pe.Line == le.Line && pe.Col < le.Col:
		return pe
	case stop > le.Line:
		return lexErr
	case !hint:
		return pe
	case closerFollows(partial, pe):
		// "forgot a comma" or "Maybe you meant '=='": CPython's rule
		// stopped at a comma or bracket without reading further.
		return pe
	}
	return lexErr
}

// closerFollows reports whether the range an error marks is followed by a
// comma or a closing bracket, so that CPython never looked past it.
func closerFollows(toks []plex.Token, pe *ast.SyntaxError) bool {
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
	case se.Msg == "invalid syntax":
		// Decorators waiting for their def or class: the error is at the
		// end of a decorator line.
		text := strings.TrimRight(se.Text, " \t")
		return strings.HasPrefix(strings.TrimSpace(text), "@") && se.Col > len([]rune(text))
	}
	return false
}

func isSoftKeyword(t plex.Token) bool {
	return t.Type == lexer.Name && (t.Value == "match" || t.Value == "case" || t.Value == "_")
}

// isDisplayStart reports whether toks[a..b] is a list or tuple display, a
// generator expression, True, None or False, which CPython exempts from
// the "Maybe you meant '=='" hint.
func isDisplayStart(toks []plex.Token, a, b int) bool {
	t := toks[a]
	if lexer.IsKeywordToken(t) && (t.Value == "True" || t.Value == "None" || t.Value == "False") {
		return a == b
	}
	if !isOp(t, "[", "(") || !isOp(toks[b], "]", ")") {
		return false
	}
	// The bracket at a must close at b.
	depth := 0
	for k := a; k <= b; k++ {
		if isOp(toks[k], "(", "[", "{") {
			depth++
		} else if isOp(toks[k], ")", "]", "}") {
			depth--
			if depth == 0 && k != b {
				return false
			}
		}
	}
	if isOp(t, "[") {
		// A list display, not a comprehension.
		for k := a; k <= b; k++ {
			if toks[k].Value == "for" && lexer.IsKeywordToken(toks[k]) {
				return false
			}
		}
		return true
	}
	// Parentheses: a tuple (a comma at depth 1), () or a generator.
	depth = 0
	for k := a; k <= b; k++ {
		if isOp(toks[k], "(", "[", "{") {
			depth++
		} else if isOp(toks[k], ")", "]", "}") {
			depth--
		} else if depth == 1 && (isOp(toks[k], ",") || toks[k].Value == "for" && lexer.IsKeywordToken(toks[k])) {
			return true
		}
	}
	return b == a+1
}

// specialCases recognizes the mistakes for which CPython has a dedicated
// message that depends on the surrounding statement.
func (p *source) specialCases(toks []plex.Token, i int, expect string) *ast.SyntaxError {
	t := toks[i]
	j := lineStart(toks, i)
	head := toks[j]
	if head.Value == "async" && j+1 < len(toks) {
		head = toks[j+1]
	}
	switch {
	case strings.HasPrefix(expect, `"("`) && head.Value == "def":
		return p.errSpan("SyntaxError", t, t, "expected '('")
	case i > 0 && isOp(toks[i-1], "->") && head.Value == "def":
		return p.errSpan("SyntaxError", toks[i-1], toks[i-1], "expected ':'")
	case isOp(t, "(") && inParams(toks, i) && i > 0 && isOp(toks[i-1], "(", ","):
		if k := closing(toks, i); k > 0 && plainParams(toks[i+1:k]) {
			return p.errSpan("SyntaxError", t, toks[k], "Function parameters cannot be parenthesized")
		}
	case i > 0 && isOp(toks[i-1], "=") && isOp(t, ",", ")", ":") && (head.Value == "def" && inParams(toks, i) || inLambdaParams(toks, i-1)):
		return p.errSpan("SyntaxError", toks[i-1], toks[i-1], "expected default value expression")
	case i > 0 && isOp(toks[i-1], ":") && isOp(t, ",", "}") && enclosing(toks, i) == "{":
		return p.errSpan("SyntaxError", toks[i-1], toks[i-1], "expression expected after dictionary key and ':'")
	case strings.HasPrefix(expect, `"in"`) && head.Value == "for" && lexer.IsKeywordToken(head):
		// CPython reports an invalid for-target before the missing `in`.
		k := j + 1
		if toks[j].Value == "async" {
			k++
		}
		if k < i {
			if e, err := ParseExpr(p.file, []byte(p.text(toks[k], toks[i-1]))); err == nil {
				if bad := invalidTarget(e, forTargets); bad != nil {
					return p.errSpan("SyntaxError", toks[k], toks[i-1], "cannot assign to %s", exprName(bad))
				}
			}
		}
	}
	if h := tryBefore(toks, j); h >= 0 && j == i {
		return p.errSpan("SyntaxError", t, t, "expected 'except' or 'finally' block")
	}
	return nil
}

// inLambdaParams reports whether toks[i] is in a lambda's parameter list.
func inLambdaParams(toks []plex.Token, i int) bool {
	depth := 0
	for k := i - 1; k >= 0; k-- {
		t := toks[k]
		switch {
		case isOp(t, ")", "]", "}"):
			depth++
		case isOp(t, "(", "[", "{"):
			if depth == 0 {
				return false
			}
			depth--
		case depth > 0:
		case isOp(t, ":") || isLayout(t):
			return false
		case lexer.IsKeywordToken(t) && t.Value == "lambda":
			return true
		}
	}
	return false
}

// returnArrow returns the index of a def's `->` whose annotation the
// failure at toks[i] is in, or -1.
func returnArrow(toks []plex.Token, i int) int {
	j := lineStart(toks, i)
	if !(toks[j].Value == "def" || toks[j].Value == "async" && j+1 < len(toks) && toks[j+1].Value == "def") {
		return -1
	}
	depth := 0
	for k := i - 1; k > j; k-- {
		t := toks[k]
		switch {
		case isOp(t, ")", "]", "}"):
			depth++
		case isOp(t, "(", "[", "{"):
			depth--
		case depth == 0 && isOp(t, "->"):
			return k
		case depth == 0 && isOp(t, ":"):
			return -1
		}
	}
	return -1
}

// isDict reports whether the brace enclosing toks[i] holds a dict display
// (a ':' at its top level before toks[i]).
func isDict(toks []plex.Token, i int) bool {
	depth := 0
	for k := i - 1; k >= 0; k-- {
		t := toks[k]
		switch {
		case isOp(t, ")", "]", "}"):
			depth++
		case isOp(t, "(", "[", "{"):
			if depth == 0 {
				return false
			}
			depth--
		case depth == 0 && isOp(t, ":"):
			return true
		case depth == 0 && lexer.IsKeywordToken(t) && t.Value == "for":
			return false
		}
	}
	return false
}

// ternaryIf returns the index of a conditional expression's `if` whose
// `else` is missing at toks[i], or -1: the `if` follows an operand and
// no `else` follows it up to toks[i].
func ternaryIf(toks []plex.Token, i int) int {
	depth := 0
	for k := i - 1; k > 0; k-- {
		t := toks[k]
		switch {
		case isOp(t, ")", "]", "}"):
			depth++
		case isOp(t, "(", "[", "{"):
			if depth == 0 {
				return -1
			}
			depth--
		case depth > 0:
		case isLayout(t), isOp(t, ",", ":", "=", ";"):
			return -1
		case lexer.IsKeywordToken(t) && (t.Value == "else" || t.Value == "for" || t.Value == "lambda"):
			return -1
		case lexer.IsKeywordToken(t) && t.Value == "if":
			if endsOperand(toks[k-1]) && k+1 < i && lineStart(toks, k) != k && !inComprehension(toks, k) {
				return k
			}
			return -1
		}
	}
	return -1
}

// strayAs returns the index of an `as` inside the parentheses enclosing
// toks[i] when the statement is not a with statement (only with-items may
// have one there), or -1.
func strayAs(toks []plex.Token, i int) int {
	j := lineStart(toks, i)
	if toks[j].Value == "with" || toks[j].Value == "async" {
		return -1
	}
	depth, as := 0, -1
	for k := i - 1; k >= j; k-- {
		t := toks[k]
		switch {
		case isOp(t, ")", "]", "}"):
			depth++
		case isOp(t, "(", "[", "{"):
			if depth == 0 {
				if t.Value == "(" {
					return as
				}
				return -1
			}
			depth--
		case depth == 0 && lexer.IsKeywordToken(t) && t.Value == "as":
			as = k
		}
	}
	return -1
}

// enclosing returns the innermost bracket open before toks[i], or "".
func enclosing(toks []plex.Token, i int) string {
	depth := 0
	for k := i - 1; k >= 0; k-- {
		if isOp(toks[k], ")", "]", "}") {
			depth++
		} else if isOp(toks[k], "(", "[", "{") {
			if depth == 0 {
				return toks[k].Value
			}
			depth--
		}
	}
	return ""
}

// tryBefore returns the index of a `try` whose block ends right before
// the line starting at toks[j] and has no handler, or -1.
func tryBefore(toks []plex.Token, j int) int {
	if j == 0 || toks[j-1].Type != lexer.Dedent || toks[j].Value == "except" || toks[j].Value == "finally" {
		return -1
	}
	// Walk back to the INDENT this DEDENT closes.
	depth := 0
	for k := j - 1; k >= 0; k-- {
		switch toks[k].Type {
		case lexer.Dedent:
			depth++
		case lexer.Indent:
			depth--
			if depth == 0 {
				// toks[k-1] is NEWLINE, toks[k-2] is ':'.
				if k >= 2 {
					h := lineStart(toks, k-2)
					if toks[h].Value == "try" && lexer.IsKeywordToken(toks[h]) {
						return h
					}
				}
				return -1
			}
		}
	}
	return -1
}

// inParams reports whether toks[i] is directly inside a def's parameter
// list, where CPython gives no "forgot a comma" hint.
func inParams(toks []plex.Token, i int) bool {
	depth := 0
	for k := i - 1; k >= 0; k-- {
		if isOp(toks[k], ")", "]", "}") {
			depth++
		} else if isOp(toks[k], "(", "[", "{") {
			if depth == 0 {
				return k >= 2 && toks[k-1].Type == lexer.Name && toks[k-2].Value == "def" && lexer.IsKeywordToken(toks[k-2])
			}
			depth--
		}
	}
	return false
}

// isParamName reports whether toks[j] is a parameter's name (not part of
// an annotation or default).
func isParamName(toks []plex.Token, j int) bool {
	return j >= 1 && toks[j].Type == lexer.Name && isOp(toks[j-1], "(", ",", "*", "**")
}

// inComprehension reports whether toks[i] is in a comprehension's
// iterable or condition (after `for ... in`) inside its innermost bracket.
func inComprehension(toks []plex.Token, i int) bool {
	depth, sawIn := 0, false
	for k := i - 1; k >= 0; k-- {
		switch {
		case isOp(toks[k], ")", "]", "}"):
			depth++
		case isOp(toks[k], "(", "[", "{"):
			if depth == 0 {
				return false
			}
			depth--
		case depth == 0 && toks[k].Value == "in" && lexer.IsKeywordToken(toks[k]):
			sawIn = true
		case depth == 0 && toks[k].Value == "for" && lexer.IsKeywordToken(toks[k]):
			return sawIn
		}
	}
	return false
}

// commaBefore reports whether the statement holding toks[i] has a
// top-level comma before it.
func commaBefore(toks []plex.Token, i int) bool {
	for k := i - 1; k >= 0 && !isLayout(toks[k]) && !isOp(toks[k], ";"); k-- {
		if isOp(toks[k], ",") && bracketDepth(toks, k) == bracketDepth(toks, i) {
			return true
		}
	}
	return false
}

// inTarget reports whether the bracket enclosing toks[i] holds with-items
// or a with target (`as (a, b)`), where CPython gives no "forgot a comma"
// hint.
func inTarget(toks []plex.Token, i int) bool {
	depth := 0
	for k := i - 1; k >= 0; k-- {
		if isOp(toks[k], ")", "]", "}") {
			depth++
		} else if isOp(toks[k], "(", "[", "{") {
			if depth == 0 {
				return k > 0 && lexer.IsKeywordToken(toks[k-1]) && (toks[k-1].Value == "as" || toks[k-1].Value == "with")
			}
			depth--
		}
	}
	return false
}

// closing returns the index of the bracket closing the one at toks[i], or
// -1.
func closing(toks []plex.Token, i int) int {
	depth := 0
	for k := i; k < len(toks); k++ {
		if isOp(toks[k], "(", "[", "{") {
			depth++
		} else if isOp(toks[k], ")", "]", "}") {
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// plainParams reports whether toks are parameters without stars,
// slashes or defaults (CPython's param_no_default list).
func plainParams(toks []plex.Token) bool {
	if len(toks) == 0 || toks[0].Type != lexer.Name {
		return false
	}
	depth := 0
	for _, t := range toks {
		switch {
		case isOp(t, "(", "[", "{"):
			depth++
		case isOp(t, ")", "]", "}"):
			depth--
		case depth == 0 && isOp(t, "*", "**", "=", "/"):
			return false
		}
	}
	return true
}

// startsBitOr reports whether t can begin a bitwise-or expression.
func startsBitOr(t plex.Token) bool {
	return startsOperand(t) && !(lexer.IsKeywordToken(t) && (t.Value == "lambda" || t.Value == "not"))
}

// namedHint returns the index of the name in `name = value` that CPython's
// second pass reports after a failure at toks[i]: toks[i] itself or a
// later element of the same list, or -1.
func namedHint(toks []plex.Token, i int) int {
	if toks[i].Type != lexer.Name || inParams(toks, i) || !(bracketDepth(toks, i) > 0 || commaBefore(toks, i)) {
		return -1
	}
	depth := 0
	for k := i; k+2 < len(toks); k++ {
		t := toks[k]
		switch {
		case isLayout(t), isOp(t, ";"):
			return -1
		case isOp(t, "(", "[", "{"):
			depth++
		case isOp(t, ")", "]", "}"):
			if depth == 0 {
				return -1
			}
			depth--
		case depth == 0 && isOp(t, "="):
			return -1
		case depth == 0 && t.Type == lexer.Name && (k == i || isOp(toks[k-1], ",")) && isOp(toks[k+1], "=") && startsBitOr(toks[k+2]):
			b := exprEnd(toks, k+2)
			if b+1 < len(toks) && isOp(toks[b+1], "=", ":=") {
				return -1
			}
			return k
		}
	}
	return -1
}

// openerOf returns the index of the bracket enclosing toks[i], or -1.
func openerOf(toks []plex.Token, i int) int {
	depth := 0
	for k := i - 1; k >= 0; k-- {
		if isOp(toks[k], ")", "]", "}") {
			depth++
		} else if isOp(toks[k], "(", "[", "{") {
			if depth == 0 {
				return k
			}
			depth--
		}
	}
	return -1
}
