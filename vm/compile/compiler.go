package compile

import (
	"math"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pya-lang/pya/ast"
)

// Mode selects how a module is compiled.
type Mode uint8

const (
	// ModeExec compiles a script or module.
	ModeExec Mode = iota
	// ModeInteractive compiles one REPL input: top-level expression
	// statements print their value (PRINT_EXPR) and top-level await is
	// allowed, which makes the module code a coroutine.
	ModeInteractive
	// ModeEval compiles a module that is a single expression statement
	// (what eval() accepts) into code that returns the expression's value.
	ModeEval
)

// Compile compiles a parsed module. Errors are *ast.SyntaxError.
//
// It runs in three passes, as CPython does: the future statements are
// checked (future.go), the symbol table resolves every name to local,
// global, free or cell (symtable.go), and code is generated in one walk per
// scope (compiler.go, stmt.go, expr.go, function.go, exc.go) into a slice of
// instructions with labels patched at the end; the stack depths, MaxStack
// and the exception table's depths come from one walk of the control-flow
// graph (stack.go).
func Compile(mod *ast.Module, mode Mode) (code *Code, err error) {
	if mode == ModeEval {
		if se := checkEvalInput(mod); se != nil {
			return nil, withSourceLine(se)
		}
	}
	fut, err := scanFuture(mod)
	if err != nil {
		return nil, withSourceLine(err.(*ast.SyntaxError))
	}
	st, err := buildSymtable(mod, mode, fut)
	if err != nil {
		return nil, withSourceLine(err.(*ast.SyntaxError))
	}
	c := &compiler{st: st, file: mod.File, mode: mode, future: fut}
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*ast.SyntaxError)
			if !ok {
				panic(r)
			}
			code, err = nil, withSourceLine(se)
		}
	}()
	code = c.module(mod)
	return code, nil
}

// withSourceLine fills in the source line of a compile-time error the way
// CPython does: by reading the file named in the error (so "<stdin>" and
// "<string>" get none, as in CPython).
func withSourceLine(se *ast.SyntaxError) *ast.SyntaxError {
	multiline := se.EndCol == toLineEnd
	if multiline {
		se.EndCol = 0
	}
	if se.Text != "" || se.Line <= 0 || se.File == "" || se.File[0] == '<' {
		return se
	}
	data, err := os.ReadFile(se.File)
	if err != nil {
		return se
	}
	lines := strings.SplitAfter(string(data), "\n")
	if se.Line <= len(lines) {
		se.Text = strings.TrimRight(lines[se.Line-1], "\r\n")
		if n := utf8.RuneCountInString(strings.TrimRight(se.Text, " \t\f")); multiline && n+1 > se.Col {
			se.EndCol = n + 1
		}
	}
	return se
}

// compiler generates code; compile errors unwind with panic(*ast.SyntaxError)
// and are recovered in Compile, which keeps every visitor free of error plumbing.
type compiler struct {
	st     *symtable
	file   string
	mode   Mode
	future *future
	u      *unit
}

// label is a forward-referenceable jump target inside one unit.
type label int

// handlerDef is one exception handler: instructions emitted while it is on
// top of the handler stack are covered by it. Its value-stack depth is the
// depth at the instruction following its setup, plus adj (-1 for `with`,
// whose handler keeps __exit__ but not __enter__'s result).
type handlerDef struct {
	target  label
	setupPC int
	adj     int
	lasti   bool
}

// unit is the code being generated for one scope.
type unit struct {
	scope  *scope
	parent *unit
	code   *Code

	instrs   []Instr
	pos      []Position
	hids     []int32 // handler id per instruction, -1 for none
	labels   []int   // label -> pc, -1 until placed
	jumps    []int   // pcs of instructions whose arg is a label
	handlers []handlerDef
	hstack   []int32

	consts   map[any]int
	names    map[string]int
	varnames map[string]int
	derefs   map[string]int

	cur     Position
	fblocks []fblock
	awaits  bool // the unit suspends (top-level await in interactive mode)
}

// ---------------------------------------------------------------- units

func (c *compiler) pushUnit(s *scope, name string, firstLine int, flags Flags) *unit {
	u := &unit{scope: s, parent: c.u,
		consts: map[any]int{}, names: map[string]int{}, varnames: map[string]int{}, derefs: map[string]int{}}
	u.code = &Code{Name: name, Filename: c.file, FirstLine: firstLine, Flags: flags}
	// Parameters first; other locals are added as code first refers to
	// them (nameOp), which gives CPython's co_varnames order (and so the
	// order of locals()).
	if s.kind == functionScope {
		for _, p := range s.params {
			u.addLocal(p)
		}
	}
	var cells, frees []string
	for _, n := range s.order {
		switch s.res[n] {
		case scopeCell:
			cells = append(cells, n)
		case scopeFree:
			frees = append(frees, n)
		case scopeLocal:
			if s.kind == classScope && s.flags[n]&defFreeClass != 0 {
				frees = append(frees, n)
			}
		}
	}
	if s.kind == classScope && s.needsClassClosure {
		cells = append(cells, "__class__")
	}
	sort.Strings(cells)
	sort.Strings(frees)
	for _, n := range cells {
		u.derefs[n] = len(u.code.CellNames)
		u.code.CellNames = append(u.code.CellNames, n)
		arg := -1
		if s.flags[n]&defParam != 0 {
			arg = u.varnames[n]
		}
		u.code.CellArgs = append(u.code.CellArgs, arg)
	}
	for i, n := range frees {
		u.derefs[n] = len(cells) + i
	}
	u.code.FreeVars = frees
	if len(frees) == 0 {
		u.code.Flags |= FlagNoFree
	}
	if c.u != nil && (c.u.scope.kind == functionScope || c.u.code.Flags&FlagNested != 0) {
		u.code.Flags |= FlagNested
	}
	c.u = u
	return u
}

func (u *unit) addLocal(name string) int {
	if i, ok := u.varnames[name]; ok {
		return i
	}
	i := len(u.code.LocalNames)
	u.varnames[name] = i
	u.code.LocalNames = append(u.code.LocalNames, name)
	return i
}

// popUnit finishes the current unit: patches jumps, builds the exception
// table and computes MaxStack.
func (c *compiler) popUnit() *Code {
	u := c.u
	code := u.code
	for _, pc := range u.jumps {
		in := u.instrs[pc]
		u.instrs[pc] = MakeInstr(in.Op(), u.labels[in.Arg()])
	}
	threadJumps(u.instrs)
	code.Code = u.instrs
	code.Positions = u.pos
	depths := stackDepths(u)
	code.MaxStack = depths.max
	code.Handlers = u.exceptionTable(depths.handler)
	code.OwnedLocals = u.ownedLocals()
	c.u = u.parent
	return code
}

// threadJumps retargets jumps whose target is an unconditional JUMP to that
// JUMP's target (a JUMP leaves the stack unchanged, so depths still agree):
// nested if/else and loops then cost one dispatch per jump, not a chain.
func threadJumps(code []Instr) {
	for pc, in := range code {
		if !isJump(in.Op()) {
			continue
		}
		t := in.Arg()
		for i := 0; i < 8 && t < len(code) && code[t].Op() == JUMP && code[t].Arg() != t; i++ {
			t = code[t].Arg()
		}
		if t != in.Arg() {
			code[pc] = MakeInstr(in.Op(), t)
		}
	}
}

func (u *unit) exceptionTable(hdepth []int) []Handler {
	var out []Handler
	start := 0
	for pc := 1; pc <= len(u.hids); pc++ {
		if pc < len(u.hids) && u.hids[pc] == u.hids[start] {
			continue
		}
		if h := u.hids[start]; h >= 0 {
			d := &u.handlers[h]
			depth := hdepth[h]
			if depth < 0 {
				depth = 0
			}
			out = append(out, Handler{Start: int32(start), End: int32(pc),
				Target: int32(u.labels[d.target]), Depth: int32(depth), Lasti: d.lasti})
		}
		start = pc
	}
	return out
}

// ---------------------------------------------------------------- emission

func (c *compiler) emit(op Opcode, arg int) int {
	u := c.u
	if arg < 0 || arg > MaxArg {
		panic("compile: instruction argument out of range")
	}
	switch op {
	case GET_AWAITABLE, GET_ANEXT, BEFORE_ASYNC_WITH:
		u.awaits = true
	}
	u.instrs = append(u.instrs, MakeInstr(op, arg))
	u.pos = append(u.pos, u.cur)
	h := int32(-1)
	if n := len(u.hstack); n > 0 {
		h = u.hstack[n-1]
	}
	u.hids = append(u.hids, h)
	return len(u.instrs) - 1
}

func (c *compiler) op(op Opcode) { c.emit(op, 0) }

func (c *compiler) newLabel() label {
	c.u.labels = append(c.u.labels, -1)
	return label(len(c.u.labels) - 1)
}

func (c *compiler) place(l label) { c.u.labels[l] = len(c.u.instrs) }

func (c *compiler) jump(op Opcode, l label) {
	pc := c.emit(op, int(l))
	c.u.jumps = append(c.u.jumps, pc)
}

// setup pushes an exception handler covering what is emitted until popBlock.
func (c *compiler) setup(target label, adj int, lasti bool) int32 {
	u := c.u
	u.handlers = append(u.handlers, handlerDef{target: target, setupPC: len(u.instrs), adj: adj, lasti: lasti})
	id := int32(len(u.handlers) - 1)
	u.hstack = append(u.hstack, id)
	return id
}

// pushHandler makes an existing handler cover the code emitted next again
// (code reached from inside its region, e.g. the next except clause).
func (c *compiler) pushHandler(id int32) { c.u.hstack = append(c.u.hstack, id) }

func (c *compiler) popBlock() { c.u.hstack = c.u.hstack[:len(c.u.hstack)-1] }

// at sets the position of the instructions emitted next and returns the
// previous one, for restoring.
func (c *compiler) at(n ast.Node) Position {
	old := c.u.cur
	sp := n.Range()
	c.u.cur = Position{Line: int32(sp.Pos.Line), Col: int32(sp.Pos.Col), EndLine: int32(sp.End.Line), EndCol: int32(sp.End.Col)}
	return old
}

// errorHere raises a SyntaxError at the position of the code being emitted.
func (c *compiler) errorHere(msg string) {
	p := c.u.cur
	panic(newSyntaxError(c.file, ast.Span{Pos: ast.Pos{Line: int(p.Line), Col: int(p.Col)},
		End: ast.Pos{Line: int(p.EndLine), Col: int(p.EndCol)}}, msg))
}

func (c *compiler) errorAt(n ast.Node, msg string) {
	panic(newSyntaxError(c.file, n.Range(), msg))
}

// ---------------------------------------------------------------- tables

type constKey struct {
	kind byte
	v    any
}

func (c *compiler) constIndex(v any) int {
	u := c.u
	var key constKey
	switch x := v.(type) {
	case nil:
		key = constKey{0, nil}
	case bool:
		key = constKey{1, x}
	case int64:
		key = constKey{2, x}
	case float64:
		key = constKey{3, math.Float64bits(x)}
	case string:
		key = constKey{4, x}
	case ast.Bytes:
		key = constKey{5, string(x)}
	case complex128:
		key = constKey{6, [2]uint64{math.Float64bits(real(x)), math.Float64bits(imag(x))}}
	case ast.EllipsisType:
		key = constKey{7, nil}
	default:
		u.code.Consts = append(u.code.Consts, v)
		return len(u.code.Consts) - 1
	}
	if i, ok := u.consts[key]; ok {
		return i
	}
	i := len(u.code.Consts)
	u.consts[key] = i
	u.code.Consts = append(u.code.Consts, v)
	return i
}

func (c *compiler) loadConst(v any) { c.emit(LOAD_CONST, c.constIndex(v)) }

// attrIndex is nameIndex for an attribute name, mangled inside classes.
func (c *compiler) attrIndex(name string) int { return c.nameIndex(mangle(c.u.scope.private, name)) }

func (c *compiler) nameIndex(name string) int {
	u := c.u
	if i, ok := u.names[name]; ok {
		return i
	}
	i := len(u.code.Names)
	u.names[name] = i
	u.code.Names = append(u.code.Names, name)
	return i
}

// ---------------------------------------------------------------- names

type nameCtx uint8

const (
	ctxLoad nameCtx = iota
	ctxStore
	ctxDel
)

// nameOp emits the load/store/delete of a variable according to its scope
// (CPython's compiler_nameop).
func (c *compiler) nameOp(name string, ctx nameCtx) {
	u := c.u
	s := u.scope
	if name == "__debug__" && ctx == ctxLoad {
		c.loadConst(true)
		return
	}
	if ctx != ctxLoad && name == "__debug__" {
		c.errorHere([...]string{"", "cannot assign to __debug__", "cannot delete __debug__"}[ctx])
	}
	name = mangle(s.private, name)
	res := s.res[name]
	if _, ok := s.res[name]; !ok {
		res = scopeGlobalImplicit
	}
	fn := s.kind == functionScope
	switch res {
	case scopeFree, scopeCell:
		i := u.derefs[name]
		switch ctx {
		case ctxLoad:
			if s.kind == classScope {
				c.emit(LOAD_CLASSDEREF, i)
			} else {
				c.emit(LOAD_DEREF, i)
			}
		case ctxStore:
			c.emit(STORE_DEREF, i)
		default:
			c.emit(DELETE_DEREF, i)
		}
		return
	case scopeLocal:
		if fn {
			i := u.addLocal(name)
			c.emit([...]Opcode{LOAD_FAST, STORE_FAST, DELETE_FAST}[ctx], i)
			return
		}
	case scopeGlobalImplicit:
		if fn {
			c.emit([...]Opcode{LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL}[ctx], c.nameIndex(name))
			return
		}
	case scopeGlobalExplicit:
		c.emit([...]Opcode{LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL}[ctx], c.nameIndex(name))
		return
	}
	c.emit([...]Opcode{LOAD_NAME, STORE_NAME, DELETE_NAME}[ctx], c.nameIndex(name))
}

// ---------------------------------------------------------------- module

func (c *compiler) module(mod *ast.Module) *Code {
	s := c.st.top
	firstLine := 1
	c.pushUnit(s, "<module>", firstLine, FlagModule)
	c.u.code.QualName = "<module>"
	body := mod.Body
	if len(body) > 0 {
		c.at(body[0])
	}
	if c.mode == ModeEval {
		es, _ := singleExpr(body) // checked by checkEvalInput
		c.expr(es.Value)
		c.op(RETURN_VALUE)
		return c.popUnit()
	}
	if findAnnotations(body) {
		c.op(SETUP_ANNOTATIONS)
	}
	// Interactive input has no docstring: a leading string is echoed.
	if doc, ok := docstring(body); ok && c.mode == ModeExec {
		c.at(body[0])
		c.loadConst(doc)
		c.nameOp("__doc__", ctxStore)
		body = body[1:]
	}
	c.stmts(body)
	c.loadConst(nil)
	c.op(RETURN_VALUE)
	awaits := c.u.awaits
	code := c.popUnit()
	if c.mode == ModeInteractive && awaits {
		code.Flags |= FlagCoroutine
	}
	return code
}

func singleExpr(body []ast.Stmt) (*ast.ExprStmt, bool) {
	if len(body) != 1 {
		return nil, false
	}
	es, ok := body[0].(*ast.ExprStmt)
	return es, ok
}

// docstring returns the docstring of a body: a leading string expression.
func docstring(body []ast.Stmt) (string, bool) {
	if len(body) == 0 {
		return "", false
	}
	if es, ok := body[0].(*ast.ExprStmt); ok {
		if k, ok := es.Value.(*ast.Constant); ok {
			if s, ok := k.Value.(string); ok {
				return s, true
			}
		}
	}
	return "", false
}

// findAnnotations reports whether a module or class body has an annotated
// assignment (outside nested functions and classes): it needs __annotations__.
func findAnnotations(body []ast.Stmt) bool {
	for _, s := range body {
		switch s := s.(type) {
		case *ast.AnnAssign:
			return true
		case *ast.For:
			if findAnnotations(s.Body) || findAnnotations(s.Orelse) {
				return true
			}
		case *ast.While:
			if findAnnotations(s.Body) || findAnnotations(s.Orelse) {
				return true
			}
		case *ast.If:
			if findAnnotations(s.Body) || findAnnotations(s.Orelse) {
				return true
			}
		case *ast.With:
			if findAnnotations(s.Body) {
				return true
			}
		case *ast.Match:
			for _, mc := range s.Cases {
				if findAnnotations(mc.Body) {
					return true
				}
			}
		case *ast.Try:
			if findAnnotations(s.Body) || findAnnotations(s.Orelse) || findAnnotations(s.Finalbody) {
				return true
			}
			for _, h := range s.Handlers {
				if findAnnotations(h.Body) {
					return true
				}
			}
		}
	}
	return false
}
