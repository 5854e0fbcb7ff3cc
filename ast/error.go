package ast

import (
	"fmt"
	"strings"
)

// SyntaxError is a compile-time error (from the lexer, the parser or the
// compiler), reported as CPython reports it.
type SyntaxError struct {
	Kind   string // "SyntaxError", "IndentationError" or "TabError"
	Msg    string // e.g. "expected ':'"
	File   string
	Line   int    // 1-based; 0 when unknown
	Col    int    // 1-based column of the caret (code points); 0: no caret
	EndCol int    // 1-based column just past the marked range; 0: a single caret
	Text   string // the source line, without its newline
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.File, e.Line, e.Col, e.Kind, e.Msg)
}

// Format returns what CPython 3.11 prints on stderr for an uncaught syntax
// error:
//
//	  File "x.pya", line 3
//	    if x
//	        ^
//	SyntaxError: expected ':'
func (e *SyntaxError) Format() string {
	var b strings.Builder
	if e.Line == 0 {
		// No location (e.g. undecodable source): the message says it all.
		return e.Kind + ": " + e.Msg + "\n"
	}
	fmt.Fprintf(&b, "  File \"%s\", line %d\n", e.File, e.Line)
	// An empty Text means the line is unknown (CPython's REPL prints none
	// for compile errors). The caret is omitted when it would fall inside
	// the stripped indentation (e.g. "unexpected indent").
	if e.Text != "" {
		text := strings.TrimRight(e.Text, " \t\r\n\f")
		trimmed := strings.TrimLeft(text, " \t\f")
		indent := len([]rune(text)) - len([]rune(trimmed))
		fmt.Fprintf(&b, "    %s\n", trimmed)
		if col := e.Col - 1 - indent; e.Col > 0 && col >= 0 {
			width := 1
			// CPython's printer underlines a range only for SyntaxError
			// proper; indentation errors get a single caret.
			if e.EndCol > e.Col && e.Kind == "SyntaxError" {
				width = e.EndCol - e.Col
			}
			fmt.Fprintf(&b, "    %s%s\n", strings.Repeat(" ", col), strings.Repeat("^", width))
		}
	}
	fmt.Fprintf(&b, "%s: %s\n", e.Kind, e.Msg)
	return b.String()
}
