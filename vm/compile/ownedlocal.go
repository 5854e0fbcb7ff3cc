package compile

import (
	"sort"

	"github.com/pya-lang/pya/ast"
)

// Owned locals: a function's local variable that is bound once, outside
// any loop, to the result of a call, and then used only in ways that
// cannot hand the value on (`next(g)`, `g.send(...)`, `g.throw(...)`,
// `g.close()`, `for x in g`, a list/set/dict comprehension over g) holds
// the only reference to a generator that call made. CPython then closes
// the generator when `del g` or the function's return drops it (its
// finally blocks run before the next statement or the caller continues);
// Code.OwnedLocals lists these locals so that the VM can do the same
// (vm/owned.go checks that the generator was made by the call whose
// result the local stores). A function that can read its locals some
// other way (locals(), vars(), eval, exec, frame objects) has none. A
// module's global names qualify the same way when no function or class of
// the module mentions them (their OwnedLocals index Names): `del g` at the
// top level closes the generator.

// ownUse is what the symbol table learns about a function's names for it.
type ownUse struct {
	stores  map[string]int  // bindings of each name (del not counted)
	fresh   map[string]bool // bound by `name = call(...)` outside loops
	escaped map[string]bool // read some other way than the ones above
	dynamic bool            // locals()/vars()/eval/exec/frames in the body
}

func newOwnUse() *ownUse {
	return &ownUse{stores: map[string]int{}, fresh: map[string]bool{}, escaped: map[string]bool{}}
}

// freshAssign records `name = call(...)` outside loops.
func (st *symtable) freshAssign(n *ast.Assign) {
	own := st.cur.own
	if own == nil || st.loops > 0 || len(n.Targets) != 1 {
		return
	}
	if t, ok := n.Targets[0].(*ast.Name); ok {
		if _, ok := n.Value.(*ast.Call); ok {
			own.fresh[t.Id] = true
		}
	}
}

// deleted records `del name`: a drop, not a binding.
func (st *symtable) deleted(t ast.Expr) {
	if n, ok := t.(*ast.Name); ok && st.cur.own != nil {
		st.cur.own.stores[n.Id]--
	}
}

// markSafe records that e, when a name, is read without handing its value
// on (the iterable of a for loop or of a comprehension).
func (st *symtable) markSafe(e ast.Expr) {
	if n, ok := e.(*ast.Name); ok && st.cur.own != nil {
		if st.safe == nil {
			st.safe = map[*ast.Name]bool{}
		}
		st.safe[n] = true
	}
}

// safeCall marks the names that next(name, ...) and name.send/throw/close/
// __next__(...) read.
func (st *symtable) safeCall(c *ast.Call) {
	switch f := c.Func.(type) {
	case *ast.Name:
		if f.Id == "next" && len(c.Args) > 0 {
			st.markSafe(c.Args[0])
		}
	case *ast.Attribute:
		switch f.Attr {
		case "send", "throw", "close", "__next__":
			st.markSafe(f.Value)
		}
	}
}

// use records a read of a name.
func (st *symtable) use(n *ast.Name) {
	own := st.cur.own
	if own == nil {
		return
	}
	switch n.Id {
	case "locals", "vars", "eval", "exec":
		own.dynamic = true
	}
	if !st.safe[n] {
		own.escaped[n.Id] = true
	}
}

// dynamicAttr notes attribute names that reach frames (and so locals).
func (st *symtable) dynamicAttr(attr string) {
	if own := st.cur.own; own != nil {
		switch attr {
		case "_getframe", "currentframe", "f_locals", "tb_frame", "gi_frame", "cr_frame":
			own.dynamic = true
		}
	}
}

// ownedLocals lists the local indexes of u's owned locals, in index order
// (the order CPython clears them in).
func (u *unit) ownedLocals() []int {
	s := u.scope
	own := s.own
	if own == nil || own.dynamic {
		return nil
	}
	var out []int
	for name := range own.fresh {
		if own.stores[name] != 1 || own.escaped[name] {
			continue
		}
		if s.kind == moduleScope {
			if i, ok := u.names[name]; ok && !mentionedInside(s, name) {
				out = append(out, i)
			}
			continue
		}
		if i, ok := u.varnames[name]; ok && s.res[name] == scopeLocal {
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}

// mentionedInside reports whether a scope nested in s mentions name.
func mentionedInside(s *scope, name string) bool {
	for _, c := range s.children {
		if _, ok := c.flags[name]; ok || mentionedInside(c, name) {
			return true
		}
	}
	return false
}
