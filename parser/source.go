package parser

import (
	"bytes"
	"fmt"

	"github.com/pya-lang/pya/ast"
)

// source is the text being parsed, for the source lines that syntax errors
// quote.
type source struct {
	file  string
	src   []byte
	lines []string
}

// newSource wraps a file's text.
func newSource(file string, src []byte) *source {
	return &source{file: file, src: src}
}

// line returns 1-based line n without its newline, or "".
func (p *source) line(n int) string {
	if p.lines == nil {
		src := bytes.ReplaceAll(p.src, []byte("\r\n"), []byte("\n"))
		for _, l := range bytes.Split(src, []byte("\n")) {
			p.lines = append(p.lines, string(l))
		}
	}
	if n < 1 || n > len(p.lines) {
		return ""
	}
	return p.lines[n-1]
}

// lastLine is the number of the file's last line (a final line without a
// newline counts; the empty string after a final newline does not).
func (p *source) lastLine() int {
	p.line(1)
	n := len(p.lines)
	if n > 1 && p.lines[n-1] == "" {
		n--
	}
	return n
}

// errorAt builds a SyntaxError marking [pos, end) (end may be zero).
func (p *source) errorAt(kind string, pos, end ast.Pos, format string, args ...any) *ast.SyntaxError {
	e := &ast.SyntaxError{Kind: kind, Msg: fmt.Sprintf(format, args...), File: p.file,
		Line: pos.Line, Col: pos.Col, Text: p.line(pos.Line)}
	if end.Line == pos.Line && end.Col > pos.Col {
		e.EndCol = end.Col
	}
	return e
}

// convError carries a conversion-time syntax error up to ParseFile.
type convError struct{ err *ast.SyntaxError }

// converter turns grammar structs into ast nodes.
type converter struct {
	src *source
}

// fail aborts the conversion with a SyntaxError over span.
func (c *converter) fail(span ast.Span, format string, args ...any) {
	panic(convError{c.src.errorAt("SyntaxError", span.Pos, span.End, format, args...)})
}

// recover turns a conversion failure into the returned error; other panics
// are bugs and propagate.
func (c *converter) recover(err *error) {
	if r := recover(); r != nil {
		ce, ok := r.(convError)
		if !ok {
			panic(r)
		}
		*err = ce.err
	}
}
