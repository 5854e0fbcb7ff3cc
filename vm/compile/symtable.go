package compile

import (
	"fmt"
	"strings"

	"github.com/pya-lang/pya/ast"
)

// symFlag records how a name is used inside one scope (CPython's DEF_* flags).
type symFlag uint16

const (
	defLocal     symFlag = 1 << iota // assigned to (or bound by def, class, for, with, except)
	defGlobal                        // declared global
	defNonlocal                      // declared nonlocal
	defParam                         // a parameter
	symUse                           // read
	defImport                        // bound by import
	defFreeClass                     // a class-scope name that methods also need from an outer function
	defCompIter                      // a comprehension iteration variable
	defAnnot                         // annotated

	defBound = defLocal | defParam | defImport
)

// symScope is where a name lives once analysis is done.
type symScope uint8

const (
	scopeGlobalImplicit symScope = iota // not bound anywhere visible: globals, then builtins
	scopeGlobalExplicit                 // declared global
	scopeLocal
	scopeFree
	scopeCell
)

type scopeKind uint8

const (
	moduleScope scopeKind = iota
	functionScope
	classScope
)

// compKind tells comprehension scopes apart (for names and error messages).
type compKind uint8

const (
	notComp compKind = iota
	compList
	compSet
	compDict
	compGen
)

var compNames = [...]string{"", "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"}
var compDescr = [...]string{"", "list comprehension", "set comprehension", "dict comprehension", "generator expression"}

// scope is one block of the symbol table: a module, a class body, a function,
// a lambda or a comprehension.
type scope struct {
	kind     scopeKind
	comp     compKind
	name     string
	parent   *scope
	children []*scope

	flags map[string]symFlag
	order []string // names in order of first appearance
	where map[string]ast.Span
	res   map[string]symScope

	params  []string // parameter names in LocalNames order
	isAsync bool     // async def (or a top-level-await module)
	lambda  bool

	generator   bool // contains yield
	coroutine   bool // awaits (async def, async comprehension)
	returnValue *ast.Span

	needsClassClosure bool // a class whose methods use __class__ or super()

	private string // the enclosing class's name, for private-name mangling

	annotation bool // a detached scope for a postponed annotation

	own *ownUse // how generators made into locals are used (ownedlocal.go)
}

func (s *scope) isFunction() bool { return s.kind == functionScope }

func (s *scope) add(name string, f symFlag, at ast.Span) {
	name = mangle(s.private, name)
	old, ok := s.flags[name]
	if !ok {
		s.order = append(s.order, name)
		s.where[name] = at
	}
	s.flags[name] = old | f
	if f&defLocal != 0 && s.own != nil {
		s.own.stores[name]++
	}
}

// symtable holds the scopes of a module, keyed by the node that opens them.
type symtable struct {
	top    *scope
	scopes map[ast.Node]*scope
	cur    *scope
	mode   Mode
	err    *ast.SyntaxError
	file   string
	// postponed: `from __future__ import annotations`, annotations are
	// strings and their names are not uses.
	postponed bool
	// safe are the name loads that cannot hand a generator on (ownedlocal.go);
	// loops counts the loops around the statement being visited.
	safe  map[*ast.Name]bool
	loops int
}

func newScope(kind scopeKind, name string, parent *scope) *scope {
	s := &scope{kind: kind, name: name, parent: parent,
		flags: map[string]symFlag{}, where: map[string]ast.Span{}, res: map[string]symScope{}}
	if parent != nil {
		parent.children = append(parent.children, s)
	}
	return s
}

// buildSymtable runs the symbol-table pass over mod and resolves every name.
func buildSymtable(mod *ast.Module, mode Mode, fut *future) (*symtable, error) {
	st := &symtable{scopes: map[ast.Node]*scope{}, mode: mode, file: mod.File}
	st.postponed = fut != nil && fut.annotations
	st.top = newScope(moduleScope, "top", nil)
	if mode == ModeExec {
		st.top.own = newOwnUse()
	}
	st.cur = st.top
	st.stmts(mod.Body)
	if st.err != nil {
		return nil, st.err
	}
	if _, err := st.analyze(st.top, map[string]bool{}, map[string]bool{}); err != nil {
		return nil, err
	}
	return st, nil
}

func (st *symtable) errorf(at ast.Span, format string, args ...any) {
	if st.err == nil {
		st.err = newSyntaxError(st.file, at, fmt.Sprintf(format, args...))
	}
}

// toLineEnd marks an error range that continues past its first line: CPython
// underlines to the end of that line.
const toLineEnd = -1

func newSyntaxError(file string, at ast.Span, msg string) *ast.SyntaxError {
	e := &ast.SyntaxError{Kind: "SyntaxError", Msg: msg, File: file, Line: at.Pos.Line, Col: at.Pos.Col}
	if at.End.Line == at.Pos.Line && at.End.Col > at.Pos.Col {
		e.EndCol = at.End.Col
	} else if at.End.Line > at.Pos.Line {
		e.EndCol = toLineEnd // resolved by withSourceLine
	}
	return e
}

func (st *symtable) enter(kind scopeKind, name string, node ast.Node) *scope {
	s := newScope(kind, name, st.cur)
	s.private = st.cur.private
	if kind == classScope {
		s.private = name
	}
	st.scopes[node] = s
	st.cur = s
	return s
}

func (st *symtable) leave() {
	s := st.cur
	if s.isAsync && s.generator && s.returnValue != nil {
		st.errorf(*s.returnValue, "'return' with value in async generator")
	}
	st.cur = s.parent
}

func (st *symtable) stmts(body []ast.Stmt) {
	for _, s := range body {
		st.stmt(s)
	}
}

func (st *symtable) stmt(n ast.Stmt) {
	switch n := n.(type) {
	case *ast.FunctionDef:
		st.cur.add(n.Name, defLocal, n.Span)
		st.exprs(n.Args.Defaults)
		for _, d := range n.Args.KwDefaults {
			if d != nil {
				st.expr(d)
			}
		}
		st.annotations(n.Args, n.Returns)
		st.exprs(n.Decorators)
		s := st.enter(functionScope, n.Name, n)
		s.isAsync = n.IsAsync
		s.coroutine = n.IsAsync
		s.own = newOwnUse()
		st.params(n.Args)
		loops := st.loops
		st.loops = 0
		st.stmts(n.Body)
		st.loops = loops
		st.leave()
	case *ast.ClassDef:
		st.cur.add(n.Name, defLocal, n.Span)
		st.exprs(n.Bases)
		for _, k := range n.Keywords {
			st.expr(k.Value)
		}
		st.exprs(n.Decorators)
		st.enter(classScope, n.Name, n)
		st.stmts(n.Body)
		st.leave()
	case *ast.Return:
		if n.Value != nil {
			st.expr(n.Value)
			if st.cur.returnValue == nil {
				sp := n.Span
				st.cur.returnValue = &sp
			}
		}
	case *ast.Delete:
		for _, t := range n.Targets {
			st.target(t)
			st.deleted(t)
		}
	case *ast.Assign:
		st.expr(n.Value)
		st.freshAssign(n)
		for _, t := range n.Targets {
			st.target(t)
		}
	case *ast.AugAssign:
		st.expr(n.Value)
		if name, ok := n.Target.(*ast.Name); ok {
			st.cur.add(name.Id, defLocal|symUse, name.Span)
		} else {
			st.target(n.Target)
		}
	case *ast.AnnAssign:
		if name, ok := n.Target.(*ast.Name); ok {
			cur := st.cur.flags[name.Id]
			if cur&(defGlobal|defNonlocal) != 0 && st.cur != st.top && n.Simple {
				what := "nonlocal"
				if cur&defGlobal != 0 {
					what = "global"
				}
				st.errorf(n.Span, "annotated name '%s' can't be %s", name.Id, what)
			}
			if n.Simple {
				st.cur.add(name.Id, defAnnot|defLocal, name.Span)
			} else if n.Value != nil {
				st.cur.add(name.Id, defLocal, name.Span)
			}
		} else {
			st.expr(n.Target)
		}
		st.annotation(n.Annotation)
		if n.Value != nil {
			st.expr(n.Value)
		}
	case *ast.For:
		st.markSafe(n.Iter)
		st.expr(n.Iter)
		st.target(n.Target)
		st.loops++
		st.stmts(n.Body)
		st.stmts(n.Orelse)
		st.loops--
	case *ast.While:
		st.expr(n.Test)
		st.loops++
		st.stmts(n.Body)
		st.stmts(n.Orelse)
		st.loops--
	case *ast.If:
		st.expr(n.Test)
		st.stmts(n.Body)
		st.stmts(n.Orelse)
	case *ast.With:
		for _, it := range n.Items {
			st.expr(it.Context)
			if it.Vars != nil {
				st.target(it.Vars)
			}
		}
		st.stmts(n.Body)
	case *ast.Raise:
		if n.Exc != nil {
			st.expr(n.Exc)
		}
		if n.Cause != nil {
			st.expr(n.Cause)
		}
	case *ast.Try:
		st.stmts(n.Body)
		for _, h := range n.Handlers {
			if h.Type != nil {
				st.expr(h.Type)
			}
			if h.Name != "" {
				st.cur.add(h.Name, defLocal, h.Span)
			}
			st.stmts(h.Body)
		}
		st.stmts(n.Orelse)
		st.stmts(n.Finalbody)
	case *ast.Match:
		st.expr(n.Subject)
		for _, mc := range n.Cases {
			st.pattern(mc.Pattern)
			if mc.Guard != nil {
				st.expr(mc.Guard)
			}
			st.stmts(mc.Body)
		}
	case *ast.Assert:
		st.expr(n.Test)
		if n.Msg != nil {
			st.expr(n.Msg)
		}
	case *ast.Import:
		for _, a := range n.Names {
			st.cur.add(importBinding(a), defImport, a.Span)
		}
	case *ast.ImportFrom:
		for _, a := range n.Names {
			if a.Name == "*" {
				if st.cur.kind != moduleScope {
					st.errorf(a.Span, "import * only allowed at module level")
				}
				continue
			}
			name := a.Name
			if a.AsName != "" {
				name = a.AsName
			}
			st.cur.add(name, defImport, a.Span)
		}
	case *ast.Global:
		st.declare(n.Span, n.Names, defGlobal, "global")
	case *ast.Nonlocal:
		if st.cur.kind == moduleScope {
			st.errorf(n.Span, "nonlocal declaration not allowed at module level")
			return
		}
		st.declare(n.Span, n.Names, defNonlocal, "nonlocal")
	case *ast.ExprStmt:
		st.expr(n.Value)
	case *ast.Pass, *ast.Break, *ast.Continue:
	}
}

// importBinding is the name an `import` alias binds: the alias, else the
// first component of a dotted module name.
func importBinding(a *ast.Alias) string {
	if a.AsName != "" {
		return a.AsName
	}
	for i := 0; i < len(a.Name); i++ {
		if a.Name[i] == '.' {
			return a.Name[:i]
		}
	}
	return a.Name
}

func (st *symtable) declare(at ast.Span, names []string, f symFlag, what string) {
	for _, name := range names {
		name = mangle(st.cur.private, name)
		cur := st.cur.flags[name]
		if cur&(defParam|defLocal|symUse|defAnnot) != 0 {
			switch {
			case cur&defParam != 0:
				st.errorf(at, "name '%s' is parameter and %s", name, what)
			case cur&symUse != 0:
				st.errorf(at, "name '%s' is used prior to %s declaration", name, what)
			case cur&defAnnot != 0:
				st.errorf(at, "annotated name '%s' can't be %s", name, what)
			default:
				st.errorf(at, "name '%s' is assigned to before %s declaration", name, what)
			}
			return
		}
		other := defNonlocal
		if f == defNonlocal {
			other = defGlobal
		}
		if cur&other != 0 {
			st.errorf(st.cur.where[name], "name '%s' is nonlocal and global", name)
			return
		}
		if _, ok := st.cur.flags[name]; !ok {
			st.cur.order = append(st.cur.order, name)
		}
		st.cur.flags[name] |= f
		st.cur.where[name] = at
	}
}

func (st *symtable) annotations(a *ast.Arguments, returns ast.Expr) {
	for _, list := range [][]*ast.Arg{a.PosOnly, a.Args, {a.Vararg}, a.KwOnly, {a.Kwarg}} {
		for _, arg := range list {
			if arg != nil && arg.Annotation != nil {
				st.annotation(arg.Annotation)
			}
		}
	}
	if returns != nil {
		st.annotation(returns)
	}
}

// annotation visits an annotation. A postponed one (a string at run time)
// is visited in a detached scope, only to report what CPython rejects in
// annotation blocks; its names are not uses.
func (st *symtable) annotation(e ast.Expr) {
	if !st.postponed {
		st.expr(e)
		return
	}
	s := &scope{kind: functionScope, name: "_annotation", parent: st.cur, annotation: true, private: st.cur.private,
		flags: map[string]symFlag{}, where: map[string]ast.Span{}, res: map[string]symScope{}}
	saved := st.cur
	st.cur = s
	st.expr(e)
	st.cur = saved
}

// notInAnnotation reports await, yield and walrus in a postponed annotation.
func (st *symtable) notInAnnotation(at ast.Span, what string) bool {
	if st.cur.annotation {
		st.errorf(at, "'%s' can not be used within an annotation", what)
		return false
	}
	return true
}

func (st *symtable) params(a *ast.Arguments) {
	add := func(arg *ast.Arg) {
		if arg == nil {
			return
		}
		name := mangle(st.cur.private, arg.Name)
		if st.cur.flags[name]&defParam != 0 {
			st.errorf(arg.Span, "duplicate argument '%s' in function definition", arg.Name)
			return
		}
		st.cur.add(arg.Name, defParam, arg.Span)
		st.cur.params = append(st.cur.params, name)
	}
	for _, list := range [][]*ast.Arg{a.PosOnly, a.Args, a.KwOnly} {
		for _, arg := range list {
			add(arg)
		}
	}
	add(a.Vararg)
	add(a.Kwarg)
}

func (st *symtable) exprs(es []ast.Expr) {
	for _, e := range es {
		st.expr(e)
	}
}

// target records the names bound by an assignment target.
func (st *symtable) target(t ast.Expr) {
	switch t := t.(type) {
	case *ast.Name:
		st.cur.add(t.Id, defLocal, t.Span)
	case *ast.Tuple:
		for _, e := range t.Elts {
			st.target(e)
		}
	case *ast.List:
		for _, e := range t.Elts {
			st.target(e)
		}
	case *ast.Starred:
		st.target(t.Value)
	default:
		st.expr(t)
	}
}

func (st *symtable) expr(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Name:
		st.cur.add(e.Id, symUse, e.Span)
		st.use(e)
		if e.Id == "super" && st.cur.kind == functionScope {
			st.cur.add("__class__", symUse, e.Span)
		}
	case *ast.BoolOp:
		st.exprs(e.Values)
	case *ast.NamedExpr:
		if !st.notInAnnotation(e.Span, "named expression") {
			return
		}
		st.expr(e.Value)
		st.namedTarget(e.Target)
	case *ast.BinOp:
		st.expr(e.Left)
		st.expr(e.Right)
	case *ast.UnaryOp:
		st.expr(e.Operand)
	case *ast.Lambda:
		st.exprs(e.Args.Defaults)
		for _, d := range e.Args.KwDefaults {
			if d != nil {
				st.expr(d)
			}
		}
		s := st.enter(functionScope, "<lambda>", e)
		s.lambda = true
		st.params(e.Args)
		st.expr(e.Body)
		st.leave()
	case *ast.IfExp:
		st.expr(e.Test)
		st.expr(e.Body)
		st.expr(e.Orelse)
	case *ast.Dict:
		for i, k := range e.Keys {
			if k != nil {
				st.expr(k)
			}
			st.expr(e.Values[i])
		}
	case *ast.Set:
		st.exprs(e.Elts)
	case *ast.ListComp:
		st.comprehension(e, compList, e.Generators, e.Elt, nil)
	case *ast.SetComp:
		st.comprehension(e, compSet, e.Generators, e.Elt, nil)
	case *ast.DictComp:
		st.comprehension(e, compDict, e.Generators, e.Key, e.Value)
	case *ast.GeneratorExp:
		st.comprehension(e, compGen, e.Generators, e.Elt, nil)
	case *ast.Await:
		if !st.notInAnnotation(e.Span, "await expression") {
			return
		}
		st.expr(e.Value)
		st.cur.coroutine = true
	case *ast.Yield:
		if !st.notInAnnotation(e.Span, "yield expression") {
			return
		}
		if e.Value != nil {
			st.expr(e.Value)
		}
		st.yield(e.Span)
	case *ast.YieldFrom:
		if !st.notInAnnotation(e.Span, "yield expression") {
			return
		}
		st.expr(e.Value)
		st.yield(e.Span)
	case *ast.Compare:
		st.expr(e.Left)
		st.exprs(e.Comparators)
	case *ast.Call:
		st.safeCall(e)
		st.expr(e.Func)
		st.exprs(e.Args)
		for _, k := range e.Keywords {
			st.expr(k.Value)
		}
	case *ast.FormattedValue:
		st.expr(e.Value)
		if e.FormatSpec != nil {
			st.expr(e.FormatSpec)
		}
	case *ast.JoinedStr:
		st.exprs(e.Values)
	case *ast.Constant:
	case *ast.Attribute:
		st.dynamicAttr(e.Attr)
		st.expr(e.Value)
	case *ast.Subscript:
		st.expr(e.Value)
		st.expr(e.Slice)
	case *ast.Starred:
		st.expr(e.Value)
	case *ast.List:
		st.exprs(e.Elts)
	case *ast.Tuple:
		st.exprs(e.Elts)
	case *ast.Slice:
		for _, x := range []ast.Expr{e.Lower, e.Upper, e.Step} {
			if x != nil {
				st.expr(x)
			}
		}
	}
}

func (st *symtable) yield(at ast.Span) {
	if st.cur.comp != notComp {
		st.errorf(at, "'yield' inside %s", compDescr[st.cur.comp])
		return
	}
	st.cur.generator = true
	if st.cur.isAsync && st.cur.returnValue != nil {
		st.errorf(*st.cur.returnValue, "'return' with value in async generator")
	}
}

// namedTarget binds a walrus target: inside comprehensions, in the nearest
// enclosing function (or module) scope, as CPython does.
func (st *symtable) namedTarget(t *ast.Name) {
	if st.cur.comp == notComp {
		st.cur.add(t.Id, defLocal, t.Span)
		return
	}
	for s := st.cur; s != nil; s = s.parent {
		if s.comp != notComp {
			if s.flags[mangle(s.private, t.Id)]&defCompIter != 0 {
				st.errorf(t.Span, "assignment expression cannot rebind comprehension iteration variable '%s'", t.Id)
				return
			}
			continue
		}
		switch s.kind {
		case functionScope:
			if s.flags[mangle(s.private, t.Id)]&defGlobal != 0 {
				st.cur.add(t.Id, defGlobal, t.Span)
			} else {
				st.cur.add(t.Id, defNonlocal, t.Span)
			}
			s.add(t.Id, defLocal, t.Span)
		case moduleScope:
			st.cur.add(t.Id, defGlobal, t.Span)
			s.add(t.Id, defLocal, t.Span)
		case classScope:
			st.errorf(t.Span, "assignment expression within a comprehension cannot be used in a class body")
		}
		return
	}
}

// comprehension: the outermost iterable is evaluated in the enclosing scope;
// everything else runs in a nested function scope with the parameter ".0".
func (st *symtable) comprehension(node ast.Expr, kind compKind, gens []*ast.Comprehension, elt, value ast.Expr) {
	if kind != compGen {
		st.markSafe(gens[0].Iter) // iterated to the end or the exception
	}
	st.expr(gens[0].Iter)
	s := st.enter(functionScope, compNames[kind], node)
	s.comp = kind
	s.add(".0", defParam, node.Range())
	s.params = append(s.params, ".0")
	for i, g := range gens {
		if i > 0 {
			st.expr(g.Iter)
		}
		st.compTarget(g.Target)
		st.exprs(g.Ifs)
		if g.IsAsync {
			s.coroutine = true
		}
	}
	st.expr(elt)
	if value != nil {
		st.expr(value)
	}
	if kind == compGen && s.coroutine {
		// An async generator expression is an async generator: creating it
		// does not await.
		s.generator = true
	}
	st.leave()
	// A list/set/dict comprehension that awaits is itself awaited, which
	// makes an enclosing comprehension asynchronous too.
	if kind != compGen && s.coroutine && st.cur.comp != notComp {
		st.cur.coroutine = true
	}
}

func (st *symtable) compTarget(t ast.Expr) {
	switch t := t.(type) {
	case *ast.Name:
		st.cur.add(t.Id, defLocal|defCompIter, t.Span)
	case *ast.Tuple:
		for _, e := range t.Elts {
			st.compTarget(e)
		}
	case *ast.List:
		for _, e := range t.Elts {
			st.compTarget(e)
		}
	case *ast.Starred:
		st.compTarget(t.Value)
	default:
		st.expr(t)
	}
}

func copySet(s map[string]bool) map[string]bool {
	c := make(map[string]bool, len(s))
	for k := range s {
		c[k] = true
	}
	return c
}

// analyze resolves the names of s given the names bound in enclosing
// function scopes (bound) and declared global there (global); it returns the
// names s needs from enclosing scopes. This is CPython's analyze_block.
func (st *symtable) analyze(s *scope, bound, global map[string]bool) (map[string]bool, error) {
	local := map[string]bool{}
	free := map[string]bool{}
	newBound := map[string]bool{}
	newGlobal := map[string]bool{}
	if s.kind == classScope {
		newGlobal = copySet(global)
		newBound = copySet(bound)
	}
	for _, name := range s.order {
		f := s.flags[name]
		switch {
		case f&defGlobal != 0:
			if f&defNonlocal != 0 {
				return nil, newSyntaxError(st.file, s.where[name], fmt.Sprintf("name '%s' is nonlocal and global", name))
			}
			s.res[name] = scopeGlobalExplicit
			global[name] = true
			delete(bound, name)
		case f&defNonlocal != 0:
			if !bound[name] {
				return nil, newSyntaxError(st.file, s.where[name], fmt.Sprintf("no binding for nonlocal '%s' found", name))
			}
			s.res[name] = scopeFree
			free[name] = true
		case f&defBound != 0:
			s.res[name] = scopeLocal
			local[name] = true
			delete(global, name)
		case bound[name]:
			s.res[name] = scopeFree
			free[name] = true
		default:
			s.res[name] = scopeGlobalImplicit
		}
	}
	if s.kind != classScope {
		if s.kind == functionScope {
			for k := range local {
				newBound[k] = true
			}
		}
		for k := range bound {
			newBound[k] = true
		}
		for k := range global {
			newGlobal[k] = true
		}
	} else {
		newBound["__class__"] = true
	}
	newFree := map[string]bool{}
	for _, c := range s.children {
		cf, err := st.analyze(c, copySet(newBound), copySet(newGlobal))
		if err != nil {
			return nil, err
		}
		for k := range cf {
			newFree[k] = true
		}
	}
	switch s.kind {
	case functionScope:
		for name := range newFree {
			if s.res[name] == scopeLocal {
				if _, ok := s.flags[name]; ok {
					s.res[name] = scopeCell
					delete(newFree, name)
				}
			}
		}
	case classScope:
		if newFree["__class__"] {
			delete(newFree, "__class__")
			s.needsClassClosure = true
		}
	}
	for name := range newFree {
		if f, ok := s.flags[name]; ok {
			if s.kind == classScope && f&(defBound|defGlobal) != 0 {
				s.flags[name] = f | defFreeClass
			}
			continue
		}
		if !bound[name] {
			delete(newFree, name) // a global
			continue
		}
		s.order = append(s.order, name)
		s.flags[name] = 0
		s.res[name] = scopeFree
	}
	for k := range newFree {
		free[k] = true
	}
	return free, nil
}

// mangle returns a name as seen inside class private: __x becomes _Class__x
// (CPython's _Py_Mangle); dunder names and names with dots are left alone.
func mangle(private, name string) string {
	if private == "" || len(name) < 3 || name[0] != '_' || name[1] != '_' {
		return name
	}
	if strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	p := strings.TrimLeft(private, "_")
	if p == "" {
		return name
	}
	return "_" + p + name
}

// pattern records the names a case pattern captures and visits the
// expressions it evaluates (values, classes, mapping keys).
func (st *symtable) pattern(p ast.Pattern) {
	switch p := p.(type) {
	case *ast.MatchValue:
		st.expr(p.Value)
	case *ast.MatchSequence:
		for _, x := range p.Patterns {
			st.pattern(x)
		}
	case *ast.MatchMapping:
		st.exprs(p.Keys)
		for _, x := range p.Patterns {
			st.pattern(x)
		}
		if p.Rest != "" {
			st.cur.add(p.Rest, defLocal, p.Span)
		}
	case *ast.MatchClass:
		st.expr(p.Cls)
		for _, x := range p.Patterns {
			st.pattern(x)
		}
		for _, x := range p.KwdPatterns {
			st.pattern(x)
		}
	case *ast.MatchStar:
		if p.Name != "" {
			st.cur.add(p.Name, defLocal, p.Span)
		}
	case *ast.MatchAs:
		if p.Pattern != nil {
			st.pattern(p.Pattern)
		}
		if p.Name != "" {
			st.cur.add(p.Name, defLocal, p.Span)
		}
	case *ast.MatchOr:
		for _, x := range p.Patterns {
			st.pattern(x)
		}
	}
}
