package lexer

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/pya-lang/pya/ast"
)

// tabSize is the tab stop CPython's tokenizer uses to measure indentation;
// a second measure with tab size 1 detects inconsistent tabs and spaces.
const tabSize = 8

// CPython's tokenizer limits (MAXLEVEL and MAXINDENT), which also bound
// the parser's recursion.
const (
	maxBrackets = 200
	maxIndents  = 100
)

type bracket struct {
	ch   byte
	line int
	col  int
}

// scanner is the state of one tokenization.
type scanner struct {
	file      string
	src       []byte
	pos       int // byte offset of the next character
	line      int // 1-based line of pos
	col       int // 1-based column of pos, in code points
	lineStart int // byte offset where the current line starts

	toks       []plex.Token
	indents    []int // indentation stack (tab size 8); starts with 0
	altIndents []int // the same with tab size 1
	brackets   []bracket
}

// Tokenize scans src completely. On a lexical error it returns the tokens
// scanned before the error (so that the parser can report an earlier syntax
// error first, as CPython does) and an *ast.SyntaxError.
func Tokenize(filename string, src []byte) ([]plex.Token, error) {
	// A UTF-8 byte order mark is not part of the text (as when CPython
	// decodes a source file).
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	s := &scanner{file: filename, src: src, line: 1, col: 1,
		indents: []int{0}, altIndents: []int{0},
		toks: make([]plex.Token, 0, len(src)/4+8)}
	err := s.run()
	return s.toks, err
}

func (s *scanner) position() plex.Position {
	return plex.Position{Filename: s.file, Offset: s.pos, Line: s.line, Column: s.col}
}

// lineText returns the source line starting at byte offset start.
func (s *scanner) lineText(start int) string {
	end := bytes.IndexByte(s.src[start:], '\n')
	if end < 0 {
		return string(s.src[start:])
	}
	return string(s.src[start : start+end])
}

// lineAt returns the text of 1-based line n.
func (s *scanner) lineAt(n int) string {
	start := 0
	for l := 1; l < n; l++ {
		i := bytes.IndexByte(s.src[start:], '\n')
		if i < 0 {
			return ""
		}
		start += i + 1
	}
	return s.lineText(start)
}

func (s *scanner) errorAt(kind string, line, col, endCol int, format string, args ...any) error {
	return &ast.SyntaxError{Kind: kind, Msg: fmt.Sprintf(format, args...), File: s.file,
		Line: line, Col: col, EndCol: endCol, Text: s.lineAt(line)}
}

func (s *scanner) emit(kind plex.TokenType, value string, pos plex.Position) {
	s.toks = append(s.toks, plex.Token{Type: kind, Value: value, Pos: pos})
}

// advance moves past n bytes that contain no newline.
func (s *scanner) advance(n int) {
	for i := 0; i < n; {
		c := s.src[s.pos]
		if c < utf8.RuneSelf {
			s.pos++
			i++
		} else {
			_, w := utf8.DecodeRune(s.src[s.pos:])
			s.pos += w
			i += w
		}
		s.col++
	}
}

// newline moves past a '\n'.
func (s *scanner) newline() {
	s.pos++
	s.line++
	s.col = 1
	s.lineStart = s.pos
}

func (s *scanner) peek(off int) byte {
	if s.pos+off < len(s.src) {
		return s.src[s.pos+off]
	}
	return 0
}

func (s *scanner) lastKind() plex.TokenType {
	if len(s.toks) == 0 {
		return Newline
	}
	return s.toks[len(s.toks)-1].Type
}

func (s *scanner) run() error {
	atLineStart := true
	for {
		if atLineStart && len(s.brackets) == 0 {
			done, err := s.indentation()
			if err != nil || done {
				return err
			}
			atLineStart = false
		}
		// Skip blanks.
		for s.pos < len(s.src) && (s.src[s.pos] == ' ' || s.src[s.pos] == '\t' || s.src[s.pos] == '\f') {
			s.advance(1)
		}
		if s.pos >= len(s.src) {
			return s.finish()
		}
		c := s.src[s.pos]
		switch {
		case c == '#':
			pos := s.position()
			for s.pos < len(s.src) && s.src[s.pos] != '\n' {
				s.advance(1)
			}
			if len(s.brackets) == 0 && s.lastKind() != Newline {
				// CPython's NEWLINE token starts at the comment.
				s.emit(Newline, "", pos)
				if s.pos < len(s.src) {
					s.newline()
				}
				atLineStart = true
			}
		case c == '\n':
			if len(s.brackets) == 0 {
				if s.lastKind() != Newline {
					s.emit(Newline, "", s.position())
				}
				atLineStart = true
			}
			s.newline()
		case c == '\\':
			if s.peek(1) == '\n' {
				s.advance(1)
				s.newline()
				if s.pos >= len(s.src) {
					return s.errorAt("SyntaxError", s.line, s.col, 0, "unexpected EOF while parsing")
				}
				continue
			}
			if s.pos+1 >= len(s.src) {
				return s.errorAt("SyntaxError", s.line, s.col+1, 0, "unexpected EOF while parsing")
			}
			return s.errorAt("SyntaxError", s.line, s.col+1, 0, "unexpected character after line continuation character")
		case c >= '0' && c <= '9' || c == '.' && s.peek(1) >= '0' && s.peek(1) <= '9':
			if err := s.number(); err != nil {
				return err
			}
		case c == '"' || c == '\'':
			if err := s.str(s.pos); err != nil {
				return err
			}
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf:
			if err := s.name(); err != nil {
				return err
			}
		default:
			if err := s.operator(); err != nil {
				return err
			}
		}
	}
}

// indentation measures the indentation of a new logical line, skipping
// blank and comment-only lines, and emits INDENT/DEDENT tokens. It reports
// done at end of input.
func (s *scanner) indentation() (done bool, err error) {
	for {
		col, alt := 0, 0
		for s.pos < len(s.src) {
			c := s.src[s.pos]
			if c == ' ' {
				col++
				alt++
			} else if c == '\t' {
				col = (col/tabSize + 1) * tabSize
				alt++
			} else if c == '\f' {
				col, alt = 0, 0
			} else {
				break
			}
			s.advance(1)
		}
		if s.pos >= len(s.src) {
			return true, s.finish()
		}
		c := s.src[s.pos]
		if c == '#' {
			for s.pos < len(s.src) && s.src[s.pos] != '\n' {
				s.advance(1)
			}
			if s.pos >= len(s.src) {
				return true, s.finish()
			}
		}
		if s.src[s.pos] == '\n' {
			s.newline()
			continue
		}
		top := s.indents[len(s.indents)-1]
		altTop := s.altIndents[len(s.altIndents)-1]
		pos := s.position()
		switch {
		case col == top:
			if alt != altTop {
				return false, s.errorAt("TabError", s.line, 1, 0, "inconsistent use of tabs and spaces in indentation")
			}
		case col > top:
			if len(s.indents) >= maxIndents {
				return false, s.errorAt("IndentationError", s.line, 1, 0, "too many levels of indentation")
			}
			if alt <= altTop {
				return false, s.errorAt("TabError", s.line, 1, 0, "inconsistent use of tabs and spaces in indentation")
			}
			s.indents = append(s.indents, col)
			s.altIndents = append(s.altIndents, alt)
			s.emit(Indent, "", pos)
		default:
			for len(s.indents) > 1 && col < s.indents[len(s.indents)-1] {
				s.indents = s.indents[:len(s.indents)-1]
				s.altIndents = s.altIndents[:len(s.altIndents)-1]
				s.emit(Dedent, "", pos)
			}
			if col != s.indents[len(s.indents)-1] {
				// CPython puts the caret just past the end of the line.
				return false, s.errorAt("IndentationError", s.line, utf8.RuneCountInString(s.lineText(s.lineStart))+1, 0, "unindent does not match any outer indentation level")
			}
			if alt != s.altIndents[len(s.altIndents)-1] {
				return false, s.errorAt("TabError", s.line, 1, 0, "inconsistent use of tabs and spaces in indentation")
			}
		}
		return false, nil
	}
}

// finish handles the end of input: unclosed brackets, the final NEWLINE,
// closing DEDENTs and EOF.
func (s *scanner) finish() error {
	if n := len(s.brackets); n > 0 {
		b := s.brackets[n-1]
		return s.errorAt("SyntaxError", b.line, b.col, 0, "'%c' was never closed", b.ch)
	}
	pos := s.position()
	if s.lastKind() != Newline {
		s.emit(Newline, "", pos)
	}
	for len(s.indents) > 1 {
		s.indents = s.indents[:len(s.indents)-1]
		s.emit(Dedent, "", pos)
	}
	s.emit(EOF, "", pos)
	return nil
}

func isIDStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIDContinue(r rune) bool {
	return isIDStart(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// name scans an identifier, a keyword, or a prefixed string literal.
func (s *scanner) name() error {
	start := s.pos
	pos := s.position()
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c < utf8.RuneSelf {
			if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				s.pos++
				s.col++
				continue
			}
			break
		}
		r, w := utf8.DecodeRune(s.src[s.pos:])
		ok := isIDContinue(r)
		if s.pos == start {
			ok = isIDStart(r)
		}
		if !ok {
			if s.pos == start {
				return s.invalidChar(r)
			}
			break
		}
		s.pos += w
		s.col++
	}
	word := string(s.src[start:s.pos])
	if q := s.peek(0); (q == '"' || q == '\'') && isStringPrefix(word) {
		s.pos, s.col = start, pos.Column
		return s.str(start)
	}
	if keywords[word] {
		s.emit(keywordKind(word), word, pos)
	} else {
		s.emit(Name, word, pos)
	}
	return nil
}

func (s *scanner) invalidChar(r rune) error {
	if r == utf8.RuneError {
		return s.errorAt("SyntaxError", s.line, s.col, 0, "invalid non-printable character U+%04X", r)
	}
	if unicode.IsPrint(r) {
		return s.errorAt("SyntaxError", s.line, s.col, 0, "invalid character '%c' (U+%04X)", r, r)
	}
	return s.errorAt("SyntaxError", s.line, s.col, 0, "invalid non-printable character U+%04X", r)
}

func isStringPrefix(w string) bool {
	if len(w) > 2 {
		return false
	}
	var r, b, f, u int
	for i := 0; i < len(w); i++ {
		switch w[i] | 0x20 {
		case 'r':
			r++
		case 'b':
			b++
		case 'f':
			f++
		case 'u':
			u++
		default:
			return false
		}
	}
	switch {
	case u > 0:
		return len(w) == 1
	case r > 1 || b > 1 || f > 1 || b+f > 1:
		return false
	}
	return true
}

// operators lists every operator and delimiter, longest first within each
// leading character.
var operators = [256][]string{}

func init() {
	for _, op := range []string{
		"**=", "//=", ">>=", "<<=", "...",
		"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=",
		"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
		"+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">",
		"(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
	} {
		operators[op[0]] = append(operators[op[0]], op)
	}
}

func (s *scanner) operator() error {
	c := s.src[s.pos]
	for _, op := range operators[c] {
		if bytes.HasPrefix(s.src[s.pos:], []byte(op)) {
			pos := s.position()
			switch c {
			case '(', '[', '{':
				if len(s.brackets) >= maxBrackets {
					return s.errorAt("SyntaxError", s.line, s.col, 0, "too many nested parentheses")
				}
				s.brackets = append(s.brackets, bracket{c, s.line, s.col})
			case ')', ']', '}':
				if err := s.closeBracket(c); err != nil {
					return err
				}
			}
			s.emit(opKind(op), op, pos)
			s.advance(len(op))
			return nil
		}
	}
	if c < utf8.RuneSelf {
		// `$`, `?`, `!`, a backtick, a control character: CPython's
		// tokenizer yields an error token the parser reports as invalid.
		if c < ' ' || c == 0x7f {
			return s.errorAt("SyntaxError", s.line, s.col, 0, "invalid non-printable character U+%04X", c)
		}
		return s.errorAt("SyntaxError", s.line, s.col, s.col+1, "invalid syntax")
	}
	r, _ := utf8.DecodeRune(s.src[s.pos:])
	return s.invalidChar(r)
}

var opening = map[byte]byte{')': '(', ']': '[', '}': '{'}

func (s *scanner) closeBracket(c byte) error {
	n := len(s.brackets)
	if n == 0 {
		return s.errorAt("SyntaxError", s.line, s.col, 0, "unmatched '%c'", c)
	}
	b := s.brackets[n-1]
	if b.ch != opening[c] {
		if b.line != s.line {
			return s.errorAt("SyntaxError", s.line, s.col, 0,
				"closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, b.ch, b.line)
		}
		return s.errorAt("SyntaxError", s.line, s.col, 0,
			"closing parenthesis '%c' does not match opening parenthesis '%c'", c, b.ch)
	}
	s.brackets = s.brackets[:n-1]
	return nil
}

// opKind classifies an operator; see the kinds in token.go.
func opKind(op string) TokenType {
	switch op {
	case "|", "^", "&", "<<", ">>", "+", "-", "*", "/", "//", "%", "@":
		return BinOp
	case "==", "!=", "<", "<=", ">", ">=":
		return CmpOp
	case "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", "<<=", ">>=":
		return AugOp
	}
	return Op
}

// IsOperator reports whether t is an operator or delimiter token.
func IsOperator(t Token) bool {
	return t.Type == Op || t.Type == BinOp || t.Type == CmpOp || t.Type == AugOp
}
