package pya

import (
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
)

// Code ownership. vm.LoadCode caches one CodeObject per *compile.Code for
// the whole process, and a CodeObject carries LOAD_GLOBAL's inline
// caches: interpreters running the same *compile.Code would write each
// other's caches (a data race). So each interpreter runs its own shallow
// copy of a Program's code (instructions and constants are shared, only
// the Code structs are new), and Close removes from the cache every code
// the interpreter loaded (its copies, evals and imported modules), which
// the cache would otherwise keep for ever.

// cloneCode copies c and its nested code objects.
func cloneCode(c *compile.Code) *compile.Code {
	c2 := *c
	c2.Consts = make([]any, len(c.Consts))
	for i, k := range c.Consts {
		if sub, ok := k.(*compile.Code); ok {
			k = cloneCode(sub)
		}
		c2.Consts[i] = k
	}
	return &c2
}

// own records code to forget at Close.
func (in *Interpreter) own(c *compile.Code) *compile.Code {
	in.codes = append(in.codes, c)
	return c
}

// programCode returns this interpreter's copy of p's code.
func (in *Interpreter) programCode(p *Program) (*compile.Code, error) {
	if c, ok := in.programs[p]; ok {
		return c, nil
	}
	code, err := p.codeFor(in.maxSteps > 0)
	if err != nil {
		return nil, err
	}
	c := in.own(cloneCode(code))
	in.programs[p] = c
	return c, nil
}

// forgetCodes empties the process-wide cache of this interpreter's code.
func (in *Interpreter) forgetCodes() {
	for _, c := range in.codes {
		vm.ForgetCode(c)
	}
	in.codes = nil
	in.programs = nil
}
