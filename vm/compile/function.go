package compile

import (
	"github.com/pya-lang/pya/ast"
)

// qualName computes a nested scope's __qualname__ as CPython's
// compiler_set_qualname does.
func (c *compiler) qualName(name string) string {
	p := c.u
	if p == nil || p.scope.kind == moduleScope {
		return name
	}
	if p.scope.res[mangle(p.scope.private, name)] == scopeGlobalExplicit {
		return name
	}
	if p.scope.kind == functionScope {
		return p.code.QualName + ".<locals>." + name
	}
	return p.code.QualName + "." + name
}

// makeClosure pushes the closure tuple of code (when it has free variables)
// and code itself, then MAKE_FUNCTION with flags.
func (c *compiler) makeClosure(code *Code, flags int) {
	if len(code.FreeVars) > 0 {
		for _, name := range code.FreeVars {
			i, ok := c.u.derefs[name]
			if !ok {
				panic("compile: free variable " + name + " not found in enclosing scope")
			}
			c.op2(LOAD_CLOSURE, i)
		}
		c.op2(BUILD_TUPLE, len(code.FreeVars))
		flags |= 8
	}
	c.loadConst(code)
	c.op2(MAKE_FUNCTION, flags)
}

// defaults pushes the positional defaults tuple and keyword-only defaults
// dict, returning the MAKE_FUNCTION flags for them.
func (c *compiler) defaults(a *ast.Arguments) int {
	flags := 0
	if len(a.Defaults) > 0 {
		c.exprs(a.Defaults)
		c.op2(BUILD_TUPLE, len(a.Defaults))
		flags |= 1
	}
	n := 0
	for i, d := range a.KwDefaults {
		if d != nil {
			c.loadConst(mangle(c.u.scope.private, a.KwOnly[i].Name))
			c.expr(d)
			n++
		}
	}
	if n > 0 {
		c.op2(BUILD_MAP, n)
		flags |= 2
	}
	return flags
}

// annotations pushes the annotations dict of a def, if any annotation exists.
func (c *compiler) annotations(a *ast.Arguments, returns ast.Expr) int {
	n := 0
	for _, list := range [][]*ast.Arg{a.PosOnly, a.Args, {a.Vararg}, a.KwOnly, {a.Kwarg}} {
		for _, arg := range list {
			if arg != nil && arg.Annotation != nil {
				c.loadConst(mangle(c.u.scope.private, arg.Name))
				c.annotation(arg.Annotation)
				n++
			}
		}
	}
	if returns != nil {
		c.loadConst("return")
		c.annotation(returns)
		n++
	}
	if n == 0 {
		return 0
	}
	c.op2(BUILD_MAP, n)
	return 4
}

// checkDebugArgs rejects a parameter named __debug__.
func (c *compiler) checkDebugArgs(a *ast.Arguments) {
	for _, list := range [][]*ast.Arg{a.PosOnly, a.Args, {a.Vararg}, a.KwOnly, {a.Kwarg}} {
		for _, arg := range list {
			if arg != nil && arg.Name == "__debug__" {
				c.errorHere("cannot assign to __debug__")
			}
		}
	}
}

func argFlags(code *Code, a *ast.Arguments) {
	code.PosOnlyArgCount = len(a.PosOnly)
	code.ArgCount = len(a.PosOnly) + len(a.Args)
	code.KwOnlyArgCount = len(a.KwOnly)
	if a.Vararg != nil {
		code.Flags |= FlagVarArgs
	}
	if a.Kwarg != nil {
		code.Flags |= FlagVarKeywords
	}
}

// funcFlags returns the generator/coroutine flags of a function scope.
func funcFlags(s *scope) Flags {
	switch {
	case s.isAsync && s.generator:
		return FlagAsyncGenerator
	case s.isAsync:
		return FlagCoroutine
	case s.comp == compGen && s.coroutine:
		return FlagAsyncGenerator
	case s.generator || s.comp == compGen:
		return FlagGenerator
	case s.comp != notComp && s.coroutine:
		return FlagCoroutine
	}
	return 0
}

func (c *compiler) functionDef(s *ast.FunctionDef) {
	c.checkDebugArgs(s.Args)
	c.exprs(s.Decorators)
	c.at(s)
	flags := c.defaults(s.Args)
	flags |= c.annotations(s.Args, s.Returns)
	sc := c.st.scopes[s]
	firstLine := s.Pos.Line
	if len(s.Decorators) > 0 {
		firstLine = s.Decorators[0].Range().Pos.Line
	}
	qual := c.qualName(s.Name)
	u := c.pushUnit(sc, s.Name, firstLine, funcFlags(sc))
	u.code.QualName = qual
	argFlags(u.code, s.Args)
	body := s.Body
	if doc, ok := docstring(body); ok {
		u.code.Doc = doc
		body = body[1:]
	}
	c.at(s)
	c.stmts(body)
	c.returnNone(s.Body)
	code := c.popUnit()
	c.at(s)
	c.makeClosure(code, flags)
	for range s.Decorators {
		c.op2(CALL, 1)
	}
	c.nameOp(s.Name, ctxStore)
}

// returnNone ends a body with `return None` at its last line.
func (c *compiler) returnNone(body []ast.Stmt) {
	if len(body) > 0 {
		last := body[len(body)-1].Range()
		c.u.cur = Position{Line: int32(last.End.Line), Col: int32(last.Pos.Col), EndLine: int32(last.End.Line), EndCol: int32(last.End.Col)}
	}
	c.loadConst(nil)
	c.op(RETURN_VALUE)
}

func (c *compiler) lambda(e *ast.Lambda) {
	c.checkDebugArgs(e.Args)
	flags := c.defaults(e.Args)
	sc := c.st.scopes[e]
	qual := c.qualName("<lambda>")
	u := c.pushUnit(sc, "<lambda>", e.Pos.Line, funcFlags(sc))
	u.code.QualName = qual
	argFlags(u.code, e.Args)
	c.at(e.Body)
	c.expr(e.Body)
	c.op(RETURN_VALUE)
	code := c.popUnit()
	c.at(e)
	c.makeClosure(code, flags)
}

func (c *compiler) classDef(s *ast.ClassDef) {
	c.exprs(s.Decorators)
	c.at(s)
	sc := c.st.scopes[s]
	firstLine := s.Pos.Line
	if len(s.Decorators) > 0 {
		firstLine = s.Decorators[0].Range().Pos.Line
	}
	qual := c.qualName(s.Name)
	u := c.pushUnit(sc, s.Name, firstLine, FlagClassBody)
	u.code.QualName = qual
	c.at(s)
	c.emit(LOAD_NAME, c.nameIndex("__name__"))
	c.emit(STORE_NAME, c.nameIndex("__module__"))
	c.loadConst(qual)
	c.emit(STORE_NAME, c.nameIndex("__qualname__"))
	body := s.Body
	if findAnnotations(body) {
		c.op(SETUP_ANNOTATIONS)
	}
	if doc, ok := docstring(body); ok {
		c.at(body[0])
		c.loadConst(doc)
		c.emit(STORE_NAME, c.nameIndex("__doc__"))
		body = body[1:]
	}
	c.stmts(body)
	c.at(s)
	if sc.needsClassClosure {
		c.op2(LOAD_CLOSURE, u.derefs["__class__"])
		c.op2(COPY, 1)
		c.emit(STORE_NAME, c.nameIndex("__classcell__"))
	} else {
		c.loadConst(nil)
	}
	c.op(RETURN_VALUE)
	code := c.popUnit()

	c.at(s)
	c.op(LOAD_BUILD_CLASS)
	c.makeClosure(code, 0)
	c.loadConst(s.Name)
	c.buildClassCall(s)
	for range s.Decorators {
		c.op2(CALL, 1)
	}
	c.nameOp(s.Name, ctxStore)
}

// buildClassCall calls __build_class__(func, name, *bases, **keywords) with
// the function and the name already pushed.
func (c *compiler) buildClassCall(s *ast.ClassDef) {
	c.checkKeywords(s.Keywords)
	call := &ast.Call{Span: s.Span, Args: s.Bases, Keywords: s.Keywords}
	star := false
	for _, b := range s.Bases {
		if _, ok := b.(*ast.Starred); ok {
			star = true
		}
	}
	for _, k := range s.Keywords {
		if k.Arg == "" {
			star = true
		}
	}
	if !star {
		c.exprs(s.Bases)
		for _, k := range s.Keywords {
			c.expr(k.Value)
		}
		c.at(s)
		n := 2 + len(s.Bases) + len(s.Keywords)
		if len(s.Keywords) == 0 {
			c.op2(CALL, n)
			return
		}
		names := make([]any, len(s.Keywords))
		for i, k := range s.Keywords {
			names[i] = k.Arg
		}
		c.loadConst(names)
		c.op2(CALL_KW, n)
		return
	}
	// [build_class, func, name] -> [build_class, (func, name, *bases)]
	c.op2(BUILD_LIST, 2)
	for _, b := range s.Bases {
		if st, ok := b.(*ast.Starred); ok {
			c.expr(st.Value)
			c.op2(LIST_EXTEND, 1)
		} else {
			c.expr(b)
			c.op2(LIST_APPEND, 1)
		}
	}
	c.op(LIST_TO_TUPLE)
	flags := 0
	if len(call.Keywords) > 0 {
		flags = 1
		c.op2(BUILD_MAP, 0)
		for _, k := range call.Keywords {
			if k.Arg == "" {
				c.expr(k.Value)
			} else {
				c.loadConst(k.Arg)
				c.expr(k.Value)
				c.op2(BUILD_MAP, 1)
			}
			c.op2(DICT_MERGE, 1)
		}
	}
	c.at(s)
	c.op2(CALL_EX, flags)
}

// comprehension compiles a comprehension as CPython 3.11 does: a nested
// function taking the outermost iterator, called at once.
func (c *compiler) comprehension(node ast.Expr, kind compKind, gens []*ast.Comprehension, elt, value ast.Expr) {
	if _, ok := elt.(*ast.Starred); ok {
		c.errorAt(elt, "iterable unpacking cannot be used in comprehension")
	}
	sc := c.st.scopes[node]
	isAsync := sc.coroutine
	if isAsync && kind != compGen && !c.asyncAllowed() {
		c.errorAt(node, "asynchronous comprehension outside of an asynchronous function")
	}
	qual := c.qualName(compNames[kind])
	u := c.pushUnit(sc, compNames[kind], node.Range().Pos.Line, funcFlags(sc))
	u.code.QualName = qual
	u.code.ArgCount = 1
	c.at(node)
	switch kind {
	case compList:
		c.op2(BUILD_LIST, 0)
	case compSet:
		c.op2(BUILD_SET, 0)
	case compDict:
		c.op2(BUILD_MAP, 0)
	}
	c.compGenerator(node, kind, gens, 0, elt, value)
	c.at(node)
	if kind == compGen {
		c.loadConst(nil)
	}
	c.op(RETURN_VALUE)
	code := c.popUnit()

	c.at(node)
	c.makeClosure(code, 0)
	c.expr(gens[0].Iter)
	c.at(node)
	if gens[0].IsAsync {
		c.op(GET_AITER)
	} else {
		c.op(GET_ITER)
	}
	c.op2(CALL, 1)
	if isAsync && kind != compGen {
		c.op2(GET_AWAITABLE, 0)
		c.loadConst(nil)
		c.op(YIELD_FROM)
	}
}

func (c *compiler) compGenerator(node ast.Expr, kind compKind, gens []*ast.Comprehension, i int, elt, value ast.Expr) {
	g := gens[i]
	start, ifCleanup, anchor := c.newLabel(), c.newLabel(), c.newLabel()
	if i == 0 {
		c.op2(LOAD_FAST, 0)
	} else {
		c.expr(g.Iter)
		c.at(node)
		if g.IsAsync {
			c.op(GET_AITER)
		} else {
			c.op(GET_ITER)
		}
	}
	c.place(start)
	if g.IsAsync {
		c.setup(anchor, 0, false)
		c.op(GET_ANEXT)
		c.loadConst(nil)
		c.op(YIELD_FROM)
		c.popBlock()
	} else {
		c.jump(FOR_ITER, anchor)
	}
	c.assign(g.Target)
	for _, cond := range g.Ifs {
		c.jumpIf(cond, false, ifCleanup)
	}
	if i+1 < len(gens) {
		c.compGenerator(node, kind, gens, i+1, elt, value)
	} else {
		depth := len(gens) + 1
		switch kind {
		case compGen:
			c.expr(elt)
			c.at(elt)
			if c.u.scope.coroutine {
				c.op(ASYNC_GEN_WRAP)
			}
			c.op(YIELD_VALUE)
			c.op(POP_TOP)
		case compList:
			c.expr(elt)
			c.op2(LIST_APPEND, depth)
		case compSet:
			c.expr(elt)
			c.op2(SET_ADD, depth)
		case compDict:
			c.expr(elt)
			c.expr(value)
			c.op2(MAP_ADD, depth)
		}
	}
	c.place(ifCleanup)
	c.at(node)
	c.jump(JUMP, start)
	c.place(anchor)
	if g.IsAsync {
		c.op(END_ASYNC_FOR)
	}
}
