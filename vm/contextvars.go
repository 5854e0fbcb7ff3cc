package vm

// Context variables (PEP 567), the state behind the contextvars module.
//
// Every Thread has a current Context (created empty on first use, as each
// CPython thread starts with an empty one). A Context is a mutable holder
// of an immutable mapping ContextVar -> value: ContextVar.set replaces the
// current context's mapping with an updated copy, so copy_context() is O(1)
// (it shares the mapping) and a copy never sees later sets of the original.
// The asyncio runtime enters a task's context around each step of the task
// (EnterContext/ExitContext), which is what makes a variable set in one task
// invisible to the others.

// The types of the contextvars objects; their methods are installed by the
// contextvars module (stdlib/contextvars).
var (
	ContextType    = MakeNativeType("Context", "_contextvars", nil)
	ContextVarType = MakeNativeType("ContextVar", "_contextvars", nil)
	TokenType      = MakeNativeType("Token", "_contextvars", nil)
)

// ctxMap is an immutable mapping of context variables in insertion order.
// Contexts hold a handful of variables, so a linear scan beats hashing.
type ctxMap struct {
	vars []*ContextVar
	vals []Value
}

func (m *ctxMap) len() int {
	if m == nil {
		return 0
	}
	return len(m.vars)
}

func (m *ctxMap) index(v *ContextVar) int {
	if m == nil {
		return -1
	}
	for i, x := range m.vars {
		if x == v {
			return i
		}
	}
	return -1
}

// with returns a copy of m with v set to val.
func (m *ctxMap) with(v *ContextVar, val Value) *ctxMap {
	i := m.index(v)
	n := &ctxMap{}
	if m != nil {
		n.vars = append(make([]*ContextVar, 0, len(m.vars)+1), m.vars...)
		n.vals = append(make([]Value, 0, len(m.vals)+1), m.vals...)
	}
	if i >= 0 {
		n.vals[i] = val
	} else {
		n.vars = append(n.vars, v)
		n.vals = append(n.vals, val)
	}
	return n
}

// without returns a copy of m without v.
func (m *ctxMap) without(v *ContextVar) *ctxMap {
	i := m.index(v)
	if i < 0 {
		return m
	}
	n := &ctxMap{
		vars: append(append([]*ContextVar(nil), m.vars[:i]...), m.vars[i+1:]...),
		vals: append(append([]Value(nil), m.vals[:i]...), m.vals[i+1:]...),
	}
	return n
}

// Context is a contextvars.Context.
type Context struct {
	m       *ctxMap
	prev    *Context // the context current before this one was entered
	entered bool
}

func (*Context) Type() *Type { return ContextType }

// NewContext returns an empty context (contextvars.Context()).
func NewContext() *Context { return &Context{} }

// Copy is ctx.copy(): a new context with the same variables.
func (c *Context) Copy() *Context { return &Context{m: c.m} }

// Len is len(ctx).
func (c *Context) Len() int { return c.m.len() }

// Lookup returns the value of v in c, or NULL when v is not set in c.
func (c *Context) Lookup(v *ContextVar) Value {
	if i := c.m.index(v); i >= 0 {
		return c.m.vals[i]
	}
	return NULL
}

// Items returns the variables set in c and their values, in the order
// they were first set.
func (c *Context) Items() ([]*ContextVar, []Value) {
	if c.m == nil {
		return nil, nil
	}
	return c.m.vars, c.m.vals
}

// ContextVar is a contextvars.ContextVar.
type ContextVar struct {
	Name    string
	Default Value // NULL: no default
}

func (*ContextVar) Type() *Type { return ContextVarType }

// Token is what ContextVar.set returns: it lets reset restore the value
// the variable had (Old, NULL for Token.MISSING) in the context Ctx.
type Token struct {
	Ctx  *Context
	Var  *ContextVar
	Old  Value
	Used bool
}

func (*Token) Type() *Type { return TokenType }

// Context returns th's current context, creating the thread's empty base
// context on first use.
func (th *Thread) Context() *Context {
	if th.ctx == nil {
		th.ctx = NewContext()
	}
	return th.ctx
}

// CopyContext is contextvars.copy_context() on th.
func (th *Thread) CopyContext() *Context {
	if th.ctx == nil {
		return NewContext()
	}
	return th.ctx.Copy()
}

// SnapshotContext is CopyContext for a context that may never be used:
// nil when th's current context holds no variables (a nil context is an
// empty one; see EnterTaskContext), so that tasks made where no variable
// is set cost no Context.
func (th *Thread) SnapshotContext() *Context {
	if th.ctx == nil || th.ctx.m.len() == 0 {
		return nil
	}
	return th.ctx.Copy()
}

// EnterTaskContext is EnterContext for a task step whose context may be
// nil (an empty snapshot): the step then runs with no current context,
// and ExitTaskContext returns the context a variable set during the step
// created, for the task to keep.
func (th *Thread) EnterTaskContext(c *Context) (prev *Context, err error) {
	if c == nil {
		prev = th.ctx
		th.ctx = nil
		return prev, nil
	}
	return nil, th.EnterContext(c)
}

// ExitTaskContext undoes EnterTaskContext(c) (prev is what it returned)
// and returns the task's context from now on.
func (th *Thread) ExitTaskContext(c, prev *Context) *Context {
	if c == nil {
		c = th.ctx
		th.ctx = prev
		return c
	}
	th.ExitContext(c)
	return c
}

// EnterContext makes c th's current context until ExitContext(c), as
// Context.run does around its call; it fails when c is already entered
// (on any thread).
func (th *Thread) EnterContext(c *Context) error {
	if c.entered {
		r, _ := defaultObjectRepr(th, Value{o: c})
		return NewError(RuntimeErrorType, "cannot enter context: %s is already entered", r)
	}
	c.entered = true
	c.prev = th.ctx
	th.ctx = c
	return nil
}

// ExitContext undoes EnterContext(c).
func (th *Thread) ExitContext(c *Context) {
	th.ctx = c.prev
	c.prev = nil
	c.entered = false
}

// Get is var.get() on th: the value in the current context, else the
// default (def, then the variable's own); NULL when there is neither.
func (v *ContextVar) Get(th *Thread, def Value) Value {
	if th.ctx != nil {
		if r := th.ctx.Lookup(v); !r.IsNull() {
			return r
		}
	}
	if !def.IsNull() {
		return def
	}
	return v.Default
}

// Set is var.set(val) on th.
func (v *ContextVar) Set(th *Thread, val Value) *Token {
	c := th.Context()
	old := c.Lookup(v)
	c.m = c.m.with(v, val)
	return &Token{Ctx: c, Var: v, Old: old}
}

// Reset is var.reset(tok) on th.
func (v *ContextVar) Reset(th *Thread, tok *Token) error {
	if tok.Used {
		return NewError(RuntimeErrorType, "%s has already been used once", tokenRepr(th, tok))
	}
	if tok.Var != v {
		return NewError(ValueErrorType, "%s was created by a different ContextVar", tokenRepr(th, tok))
	}
	if tok.Ctx != th.Context() {
		return NewError(ValueErrorType, "%s was created in a different Context", tokenRepr(th, tok))
	}
	tok.Used = true
	if tok.Old.IsNull() {
		tok.Ctx.m = tok.Ctx.m.without(v)
	} else {
		tok.Ctx.m = tok.Ctx.m.with(v, tok.Old)
	}
	return nil
}

func tokenRepr(th *Thread, tok *Token) string {
	s, err := Repr(th, Value{o: tok})
	if err != nil {
		return "<Token>"
	}
	return s
}
