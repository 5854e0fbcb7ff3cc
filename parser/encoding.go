package parser

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/pya-lang/pya/ast"
)

// checkEncoding rejects what CPython refuses before tokenizing: NUL bytes
// and source that is not UTF-8 (pya knows no coding declarations).
func checkEncoding(filename string, src []byte) error {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		start := bytes.LastIndexByte(src[:i], '\n') + 1
		return &ast.SyntaxError{
			Kind: "SyntaxError", Msg: "source code cannot contain null bytes", File: filename,
			Line: bytes.Count(src[:i], []byte("\n")) + 1, Text: string(src[start:i]),
		}
	}
	if utf8.Valid(src) {
		return nil
	}
	i := 0
	for i < len(src) {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
	}
	// Line 0: CPython's report for this error has no location header.
	return &ast.SyntaxError{
		Kind: "SyntaxError", File: filename,
		Msg: fmt.Sprintf("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
			src[i], filename, bytes.Count(src[:i], []byte("\n"))+1),
	}
}
