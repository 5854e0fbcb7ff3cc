package parser

import (
	"strings"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/lexer"
)

// strings converts adjacent string literals into one Constant (str or
// bytes) or, when any of them is an f-string, one JoinedStr.
func (c *converter) strings(a *gAtom) ast.Expr {
	sp := tokSpan(a.Tokens)
	// CPython reports string errors at the end of the whole literal.
	endErr := ast.Span{Pos: sp.End}
	var (
		buf     strings.Builder
		parts   []ast.Expr
		isBytes bool
		anyF    bool
	)
	for i, raw := range a.Strs {
		tok := a.Tokens[i]
		body, isRaw, isB, isF, ql := lexer.StringParts(raw)
		if i == 0 {
			isBytes = isB
		} else if isB != isBytes {
			c.fail(endErr, "cannot mix bytes and nonbytes literals")
		}
		if isF {
			anyF = true
			start := astPos(tok.Pos)
			start.Col += len(raw) - len(body) - 2*ql + ql
			f := &fstring{c: c, body: body, raw: isRaw, pos: start, tok: tok, errEnd: sp.End, whole: sp}
			parts = f.parse(parts, &buf, 0)
			continue
		}
		if isB {
			for j := 0; j < len(body); j++ {
				if body[j] >= 0x80 {
					c.fail(tokSpan([]plex.Token{tok}), "bytes can only contain ASCII literal characters")
				}
			}
		}
		if isRaw {
			buf.WriteString(body)
			continue
		}
		s, err := lexer.Unescape(body, isB)
		if err != nil {
			c.fail(endErr, "%s", err.Error())
		}
		buf.WriteString(s)
	}
	if !anyF {
		if isBytes {
			return &ast.Constant{Span: sp, Value: ast.Bytes(buf.String())}
		}
		return &ast.Constant{Span: sp, Value: buf.String()}
	}
	parts = flushLiteral(parts, &buf, sp)
	return &ast.JoinedStr{Span: sp, Values: parts}
}

// flushLiteral appends the pending literal text of an f-string as a
// Constant, merging with a preceding Constant.
func flushLiteral(parts []ast.Expr, buf *strings.Builder, sp ast.Span) []ast.Expr {
	if buf.Len() == 0 {
		return parts
	}
	s := buf.String()
	buf.Reset()
	if n := len(parts); n > 0 {
		if k, ok := parts[n-1].(*ast.Constant); ok {
			k.Value = k.Value.(string) + s
			return parts
		}
	}
	return append(parts, &ast.Constant{Span: sp, Value: s})
}

// fstring splits the body of one f-string literal into literal text and
// {expr!conv:spec} fields (CPython 3.11 rules: quotes inside a field
// differ from the literal's own, no backslashes or comments in fields).
type fstring struct {
	c      *converter
	body   string
	raw    bool
	i      int     // byte offset in body
	pos    ast.Pos // position of body[0]
	tok    plex.Token
	errEnd ast.Pos  // f-string errors are reported at the literal's end
	whole  ast.Span // CPython 3.11 gives fields the span of the whole literal
}

func (f *fstring) fail(format string, args ...any) {
	f.c.fail(ast.Span{Pos: f.errEnd}, format, args...)
}

// posAt returns the source position of body offset off.
func (f *fstring) posAt(off int) ast.Pos {
	p := f.pos
	for j := 0; j < off; j++ {
		c := f.body[j]
		if c == '\n' {
			p.Line++
			p.Col = 1
		} else if c&0xC0 != 0x80 {
			p.Col++
		}
	}
	return p
}

// parse scans literal text and fields until the end of the body or, for
// a format spec (depth > 0), until its closing '}'.
func (f *fstring) parse(parts []ast.Expr, buf *strings.Builder, depth int) []ast.Expr {
	tokSp := f.whole
	litStart := f.i
	flushLit := func(end int) {
		text := f.body[litStart:end]
		if !f.raw {
			s, err := lexer.Unescape(text, false)
			if err != nil {
				f.fail("%s", err.Error())
			}
			text = s
		}
		buf.WriteString(text)
	}
	for f.i < len(f.body) {
		ch := f.body[f.i]
		switch {
		case ch == '\\' && !f.raw && f.i+2 < len(f.body) && f.body[f.i+1] == 'N' && f.body[f.i+2] == '{':
			if end := strings.IndexByte(f.body[f.i:], '}'); end >= 0 {
				f.i += end + 1
			} else {
				f.i += 3
			}
		case ch == '\\' && !f.raw:
			f.i += 2
		case ch == '{':
			if depth == 0 && f.i+1 < len(f.body) && f.body[f.i+1] == '{' {
				flushLit(f.i + 1)
				f.i += 2
				litStart = f.i
				continue
			}
			flushLit(f.i)
			f.i++
			fv, doc := f.field(depth)
			buf.WriteString(doc)
			parts = flushLiteral(parts, buf, tokSp)
			parts = append(parts, fv)
			litStart = f.i
		case ch == '}':
			if depth > 0 {
				flushLit(f.i)
				return parts
			}
			if f.i+1 < len(f.body) && f.body[f.i+1] == '}' {
				flushLit(f.i + 1)
				f.i += 2
				litStart = f.i
				continue
			}
			f.fail("f-string: single '}' is not allowed")
		default:
			f.i++
		}
	}
	if depth > 0 {
		f.fail("f-string: expecting '}'")
	}
	flushLit(len(f.body))
	return parts
}

// field parses one replacement field; f.i is just past its '{'. It also
// returns the literal text a self-documenting field (`{x=}`) prints first.
func (f *fstring) field(depth int) (*ast.FormattedValue, string) {
	if depth >= 2 {
		f.fail("f-string: expressions nested too deeply")
	}
	start := f.i
	var stack []byte
	var quote byte
	triple := false
	for ; f.i < len(f.body); f.i++ {
		ch := f.body[f.i]
		if quote != 0 {
			if ch == '\\' {
				f.fail("f-string expression part cannot include a backslash")
			}
			if ch == quote && (!triple || strings.HasPrefix(f.body[f.i:], strings.Repeat(string(quote), 3))) {
				if triple {
					f.i += 2
				}
				quote = 0
			}
			continue
		}
		if ch == '\\' {
			f.fail("f-string expression part cannot include a backslash")
		}
		if ch == '\'' || ch == '"' {
			quote = ch
			triple = strings.HasPrefix(f.body[f.i:], strings.Repeat(string(ch), 3))
			if triple {
				f.i += 2
			}
			continue
		}
		if ch == '(' || ch == '[' || ch == '{' {
			stack = append(stack, ch)
			continue
		}
		if ch == '#' {
			f.fail("f-string expression part cannot include '#'")
		}
		if len(stack) == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '<' || ch == '>') {
			if f.i+1 < len(f.body) {
				next := f.body[f.i+1]
				if next == '=' && ch != ':' && ch != '}' {
					f.i++
					continue
				}
			}
			if ch == '<' || ch == '>' {
				continue
			}
			break
		}
		if ch == ')' || ch == ']' || ch == '}' {
			if len(stack) == 0 {
				f.fail("f-string: unmatched '%c'", ch)
			}
			open := stack[len(stack)-1]
			if open != map[byte]byte{')': '(', ']': '[', '}': '{'}[ch] {
				f.fail("f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch, open)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if quote != 0 {
		f.fail("f-string: unterminated string")
	}
	if len(stack) > 0 {
		f.fail("f-string: unmatched '%c'", stack[len(stack)-1])
	}
	if f.i >= len(f.body) {
		f.fail("f-string: expecting '}'")
	}
	text := f.body[start:f.i]
	if strings.TrimSpace(text) == "" {
		if f.body[f.i] == '!' {
			f.fail("f-string: expression required before '!'")
		}
		f.fail("f-string: empty expression not allowed")
	}
	fv := &ast.FormattedValue{Value: f.expr(text, start)}
	var selfDoc string
	if f.body[f.i] == '=' {
		f.i++
		for f.i < len(f.body) && (f.body[f.i] == ' ' || f.body[f.i] == '\t' || f.body[f.i] == '\n') {
			f.i++
		}
		selfDoc = f.body[start:f.i]
		if f.i >= len(f.body) {
			f.fail("f-string: expecting '}'")
		}
	}
	if f.body[f.i] == '!' {
		f.i++
		if f.i >= len(f.body) {
			f.fail("f-string: expecting '}'")
		}
		switch conv := f.body[f.i]; conv {
		case 's', 'r', 'a':
			fv.Conversion = rune(conv)
			f.i++
		default:
			f.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
		if f.i >= len(f.body) {
			f.fail("f-string: expecting '}'")
		}
	}
	if f.body[f.i] == ':' {
		f.i++
		var spec strings.Builder
		specParts := f.parse(nil, &spec, depth+1)
		specParts = flushLiteral(specParts, &spec, f.whole)
		// CPython 3.11 gives a spec the span of its own literal token, and
		// a literal-only spec's text too; fields keep the whole span.
		tok := tokSpan([]plex.Token{f.tok})
		if len(specParts) == 1 {
			if k, ok := specParts[0].(*ast.Constant); ok {
				k.Span = tok
			}
		}
		fv.FormatSpec = &ast.JoinedStr{Span: tok, Values: specParts}
	}
	if f.i >= len(f.body) || f.body[f.i] != '}' {
		f.fail("f-string: expecting '}'")
	}
	f.i++
	fv.Span = f.whole
	if selfDoc != "" && fv.Conversion == 0 && fv.FormatSpec == nil {
		fv.Conversion = 'r'
	}
	return fv, selfDoc
}

// expr parses the expression text of a field found at body offset off.
func (f *fstring) expr(text string, off int) ast.Expr {
	p := f.posAt(off)
	e, err := parseExprAt(f.c.src, []byte("("+text+")"), p.Line, p.Col-1)
	if err != nil {
		se, ok := err.(*ast.SyntaxError)
		if !ok {
			panic(convError{&ast.SyntaxError{Kind: "SyntaxError", Msg: "f-string: invalid syntax", File: f.c.src.file, Line: p.Line}})
		}
		// CPython 3.11 reports positions within "(expr)" on the literal's line.
		if se.Line == p.Line {
			se.Col -= p.Col - 2
			if se.EndCol > 0 {
				se.EndCol -= p.Col - 2
			}
		}
		se.Line = astPos(f.tok.Pos).Line
		se.Text = "(" + text + ")"
		if !strings.HasPrefix(se.Msg, "f-string") {
			se.Msg = "f-string: " + se.Msg
		}
		panic(convError{se})
	}
	return e
}
