package parser

import (
	"errors"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/pya-lang/pya/ast"
)

// lexFailure reports a lexical error.
func (p *source) lexFailure(toks []plex.Token, err error) error {
	return err
}

// parseFailure maps participle's error to CPython's message.
func (p *source) parseFailure(toks []plex.Token, err error) error {
	var ute *participleUnexpected
	_ = ute
	var se *ast.SyntaxError
	if errors.As(err, &se) {
		return se
	}
	return &ast.SyntaxError{Kind: "SyntaxError", Msg: "invalid syntax: " + err.Error(), File: p.file, Line: 1}
}

type participleUnexpected struct{}
