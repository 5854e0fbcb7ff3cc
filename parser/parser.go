// Package parser parses pya source into package ast's syntax tree. The
// grammar (grammar.go) is a participle grammar over package lexer's tokens;
// the conversion step (convert*.go) turns participle's raw structs into ast
// nodes, checks what the LL(1) grammar cannot (assignment targets, argument
// order) and produces CPython 3.11's syntax error messages (errors.go).
package parser

import (
	"errors"
	"sync"

	"github.com/alecthomas/participle/v2"
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/lexer"
)

var (
	buildOnce   sync.Once
	fileParser  *participle.Parser[gFile]
	inputParser *participle.Parser[gInput]
)

// build compiles the grammars once, on first use.
func build() {
	buildOnce.Do(func() {
		opts := []participle.Option{participle.Lexer(lexer.Definition{}), participle.UseLookahead(0)}
		fileParser = participle.MustBuild[gFile](opts...)
		inputParser = participle.MustBuild[gInput](opts...)
	})
}

// ParseFile parses a whole module. The error, if any, is an *ast.SyntaxError.
func ParseFile(filename string, src []byte) (mod *ast.Module, err error) {
	build()
	if err := checkEncoding(filename, src); err != nil {
		return nil, err
	}
	toks, lexErr := lexer.Tokenize(filename, src)
	markSoftKeywords(toks)
	p := newSource(filename, src)
	if lexErr != nil {
		return nil, p.lexFailure(toks, lexErr)
	}
	peek, err := plex.Upgrade(&lexer.SliceLexer{Tokens: toks})
	if err != nil {
		return nil, err
	}
	g, err := fileParser.ParseFromLexer(peek)
	if err != nil {
		return nil, p.parseFailure(toks, err)
	}
	c := &converter{src: p}
	defer c.recover(&err)
	mod = &ast.Module{File: filename, Body: c.stmts(g.Stmts)}
	return mod, nil
}

// ParseExpr parses an expression list (or a yield expression), as found in
// an f-string field or typed at a tool's prompt.
func ParseExpr(filename string, src []byte) (ast.Expr, error) {
	return parseExprAt(newSource(filename, src), src, 1, 1)
}

// parseExprAt parses text as an expression whose first character is at the
// given line and column of file p, shifting all positions.
func parseExprAt(p *source, text []byte, line, col int) (e ast.Expr, err error) {
	build()
	toks, lexErr := lexer.Tokenize(p.file, text)
	// Leading whitespace is not indentation in an expression.
	kept := toks[:0]
	for _, t := range toks {
		if t.Type != lexer.Indent && t.Type != lexer.Dedent {
			kept = append(kept, t)
		}
	}
	toks = kept
	shift(toks, line, col)
	if lexErr != nil {
		var se *ast.SyntaxError
		if errors.As(lexErr, &se) {
			se.Line += line - 1
			if se.Line == line {
				se.Col += col - 1
				if se.EndCol > 0 {
					se.EndCol += col - 1
				}
			}
			se.Text = p.line(se.Line)
		}
		return nil, lexErr
	}
	peek, err := plex.Upgrade(&lexer.SliceLexer{Tokens: toks})
	if err != nil {
		return nil, err
	}
	g, err := inputParser.ParseFromLexer(peek)
	if err != nil {
		return nil, p.parseFailure(toks, err)
	}
	c := &converter{src: p}
	defer c.recover(&err)
	return c.rhs(g.Value), nil
}

// shift moves token positions so that line 1, column 1 lands on (line, col).
func shift(toks []plex.Token, line, col int) {
	if line == 1 && col == 1 {
		return
	}
	for i := range toks {
		if toks[i].Pos.Line == 1 {
			toks[i].Pos.Column += col - 1
		}
		toks[i].Pos.Line += line - 1
	}
}
