package pya

import (
	"strings"
	"sync"

	"github.com/pya-lang/pya/vm/compile"
)

// The standard library modules written in pya ("<frozen collections>",
// ...) are compiled by Config.Compile when an interpreter first imports
// them, which costs far more than creating the interpreter. Their
// compiled code is cached here process-wide, and each interpreter gets a
// copy (cloneCode), so that no CodeObject is shared (see code.go).

type frozenKey struct {
	filename, src string
	counted       bool
}

var frozenCache sync.Map // frozenKey → *compile.Code

// compileImport compiles an imported module's source for one interpreter.
func compileImport(filename string, src []byte, counted bool) (*compile.Code, error) {
	if !strings.HasPrefix(filename, "<frozen ") {
		return compileRaw(filename, src, compile.ModeExec, counted)
	}
	k := frozenKey{filename, string(src), counted}
	if c, ok := frozenCache.Load(k); ok {
		return cloneCode(c.(*compile.Code)), nil
	}
	c, err := compileRaw(filename, src, compile.ModeExec, counted)
	if err != nil {
		return nil, err
	}
	frozenCache.Store(k, c)
	return cloneCode(c), nil
}
