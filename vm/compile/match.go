package compile

import (
	"fmt"
	"math"

	"github.com/pya-lang/pya/ast"
)

// The match statement, compiled as CPython 3.11's compiler does
// (compiler_match and the compiler_pattern_* family), so that evaluation
// order, name binding and the compile-time SyntaxErrors are the same.
//
// A pattern consumes the subject on top of the stack. The values it
// captures stay on the stack, below whatever the pattern still needs
// (onTop items), and are stored into their names only when the whole
// pattern has matched: a failed pattern binds nothing. A failure jumps to
// failPop[n], where n is the number of items to pop (captures plus onTop);
// the failPop labels are a chain of POP_TOPs emitted after the case body.

type patternCtx struct {
	stores           []string // names captured so far; stores[0] is nearest the top
	allowIrrefutable bool     // a capture or wildcard here may match anything
	failPop          []label
	onTop            int // items above the captures that a failure must pop
}

// matchStmt compiles `match subject: case ...`.
func (c *compiler) matchStmt(s *ast.Match) {
	c.expr(s.Subject)
	end := c.newLabel()
	cases := len(s.Cases)
	last := s.Cases[cases-1]
	hasDefault := 0
	if isWildcard(last.Pattern) && cases > 1 {
		hasDefault = 1
	}
	pc := &patternCtx{}
	for i := 0; i < cases-hasDefault; i++ {
		m := s.Cases[i]
		c.at(m.Pattern)
		// Only copy the subject if this is not the last case to try.
		if i != cases-hasDefault-1 {
			c.op2(COPY, 1)
		}
		pc.stores = nil
		// Irrefutable cases must be guarded, last, or both.
		pc.allowIrrefutable = m.Guard != nil || i == cases-1
		pc.failPop = nil
		pc.onTop = 0
		c.pattern(m.Pattern, pc)
		// A match: store the captured names (they are on the stack).
		for _, name := range pc.stores {
			c.nameOp(name, ctxStore)
		}
		if m.Guard != nil {
			c.ensureFailPop(pc, 0)
			c.jumpIf(m.Guard, false, pc.failPop[0])
		}
		// Done with the subject.
		if i != cases-hasDefault-1 {
			c.op(POP_TOP)
		}
		c.stmts(m.Body)
		c.jump(JUMP, end)
		// A failed match's cleanup belongs to the pattern's line, not to
		// the body's last line.
		c.at(m.Pattern)
		c.emitAndResetFailPop(pc)
	}
	if hasDefault == 1 {
		// A trailing `case _:` needs no pattern code.
		c.at(last.Pattern)
		if cases == 1 {
			c.op(POP_TOP)
		} else {
			c.op(NOP) // line coverage of the default case
		}
		if last.Guard != nil {
			c.jumpIf(last.Guard, false, end)
		}
		c.stmts(last.Body)
	}
	c.place(end)
}

// isWildcard reports a bare `_` pattern.
func isWildcard(p ast.Pattern) bool {
	a, ok := p.(*ast.MatchAs)
	return ok && a.Pattern == nil && a.Name == ""
}

func (c *compiler) ensureFailPop(pc *patternCtx, n int) {
	for len(pc.failPop) <= n {
		pc.failPop = append(pc.failPop, c.newLabel())
	}
}

// jumpToFailPop emits a conditional or plain jump to the failure label
// that pops what the pattern has pushed so far.
func (c *compiler) jumpToFailPop(pc *patternCtx, op Opcode) {
	pops := pc.onTop + len(pc.stores)
	c.ensureFailPop(pc, pops)
	c.jump(op, pc.failPop[pops])
}

// emitAndResetFailPop places the failure labels: failPop[n] pops n items.
func (c *compiler) emitAndResetFailPop(pc *patternCtx) {
	if len(pc.failPop) == 0 {
		return
	}
	for i := len(pc.failPop) - 1; i > 0; i-- {
		c.place(pc.failPop[i])
		c.op(POP_TOP)
	}
	c.place(pc.failPop[0])
	pc.failPop = nil
}

// rotate moves TOS down to the count-th position from the top.
func (c *compiler) rotate(count int) {
	for ; count > 1; count-- {
		c.op2(SWAP, count)
	}
}

// storeCapture records that TOS is to be stored into name, moving it below
// the items the pattern still needs; name "" discards it.
func (c *compiler) storeCapture(name string, pc *patternCtx) {
	if name == "" {
		c.op(POP_TOP)
		return
	}
	if name == "__debug__" {
		c.errorHere("cannot assign to __debug__")
	}
	for _, s := range pc.stores {
		if s == name {
			c.errorHere(fmt.Sprintf("multiple assignments to name '%s' in pattern", name))
		}
	}
	c.rotate(pc.onTop + len(pc.stores) + 1)
	pc.stores = append(pc.stores, name)
}

// pattern compiles p, which consumes the subject on TOS. Like CPython, the
// position of the last pattern entered stays current (errors found after
// sub-patterns point at the last of them).
func (c *compiler) pattern(p ast.Pattern, pc *patternCtx) {
	c.at(p)
	switch p := p.(type) {
	case *ast.MatchValue:
		c.expr(p.Value)
		c.op2(COMPARE_OP, int(CmpEq))
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	case *ast.MatchSingleton:
		c.loadConst(p.Value)
		c.op2(IS_OP, 0)
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	case *ast.MatchSequence:
		c.sequencePattern(p, pc)
	case *ast.MatchMapping:
		c.mappingPattern(p, pc)
	case *ast.MatchClass:
		c.classPattern(p, pc)
	case *ast.MatchStar:
		c.storeCapture(p.Name, pc)
	case *ast.MatchAs:
		c.asPattern(p, pc)
	case *ast.MatchOr:
		c.orPattern(p, pc)
	}
}

// subpattern compiles a pattern nested in another: captures and wildcards
// are allowed there whatever the enclosing case.
func (c *compiler) subpattern(p ast.Pattern, pc *patternCtx) {
	allow := pc.allowIrrefutable
	pc.allowIrrefutable = true
	c.pattern(p, pc)
	pc.allowIrrefutable = allow
}

func (c *compiler) asPattern(p *ast.MatchAs, pc *patternCtx) {
	if p.Pattern == nil {
		// An irrefutable match.
		if !pc.allowIrrefutable {
			if p.Name != "" {
				c.errorHere(fmt.Sprintf("name capture '%s' makes remaining patterns unreachable", p.Name))
			}
			c.errorHere("wildcard makes remaining patterns unreachable")
		}
		c.storeCapture(p.Name, pc)
		return
	}
	// Keep a copy to store when the inner pattern matches.
	pc.onTop++
	c.op2(COPY, 1)
	c.pattern(p.Pattern, pc)
	pc.onTop--
	c.storeCapture(p.Name, pc)
}

func isStarWildcard(p ast.Pattern) bool {
	s, ok := p.(*ast.MatchStar)
	return ok && s.Name == ""
}

func (c *compiler) sequencePattern(p *ast.MatchSequence, pc *patternCtx) {
	pats := p.Patterns
	size := len(pats)
	star := -1
	onlyWildcard, starWildcard := true, false
	for i, sp := range pats {
		if _, ok := sp.(*ast.MatchStar); ok {
			if star >= 0 {
				c.errorHere("multiple starred names in sequence pattern")
			}
			starWildcard = isStarWildcard(sp)
			onlyWildcard = onlyWildcard && starWildcard
			star = i
			continue
		}
		onlyWildcard = onlyWildcard && isWildcard(sp)
	}
	// Keep the subject on top during the type and length checks.
	pc.onTop++
	c.op(MATCH_SEQUENCE)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	if star < 0 {
		c.op(GET_LEN)
		c.loadConst(int64(size))
		c.op2(COMPARE_OP, int(CmpEq))
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	} else if !starWildcard || size > 1 {
		c.op(GET_LEN)
		c.loadConst(int64(size - 1))
		c.op2(COMPARE_OP, int(CmpGe))
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	}
	// What comes next consumes the subject.
	pc.onTop--
	switch {
	case onlyWildcard:
		c.op(POP_TOP)
	case starWildcard:
		c.sequenceSubscr(pats, star, pc)
	default:
		c.sequenceUnpack(pats, star, pc)
	}
}

// sequenceUnpack unpacks the subject onto the stack and matches each item.
func (c *compiler) sequenceUnpack(pats []ast.Pattern, star int, pc *patternCtx) {
	size := len(pats)
	if star < 0 {
		c.op2(UNPACK_SEQUENCE, size)
	} else {
		c.op2(UNPACK_EX, star|(size-star-1)<<8)
	}
	pc.onTop += size
	for _, sp := range pats {
		pc.onTop--
		c.subpattern(sp, pc)
	}
}

// sequenceSubscr matches items by index when the star is a wildcard
// (`[a, *_, b]`), without iterating over the middle.
func (c *compiler) sequenceSubscr(pats []ast.Pattern, star int, pc *patternCtx) {
	size := len(pats)
	pc.onTop++
	for i, sp := range pats {
		if isWildcard(sp) || i == star {
			continue
		}
		c.op2(COPY, 1)
		if i < star {
			c.loadConst(int64(i))
		} else {
			// The subject may not support negative indexes.
			c.op(GET_LEN)
			c.loadConst(int64(size - i))
			c.op2(BINARY_OP, int(BinSub))
		}
		c.op(BINARY_SUBSCR)
		c.subpattern(sp, pc)
	}
	pc.onTop--
	c.op(POP_TOP)
}

func (c *compiler) mappingPattern(p *ast.MatchMapping, pc *patternCtx) {
	size := len(p.Keys)
	// Keep the subject on top during the type and length checks.
	pc.onTop++
	c.op(MATCH_MAPPING)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	if size == 0 && p.Rest == "" {
		// `{}` matches any mapping.
		pc.onTop--
		c.op(POP_TOP)
		return
	}
	if size > 0 {
		c.op(GET_LEN)
		c.loadConst(int64(size))
		c.op2(COMPARE_OP, int(CmpGe))
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	}
	seen := map[any]bool{}
	for _, k := range p.Keys {
		if _, ok := k.(*ast.Attribute); !ok {
			v, ok := foldConst(k)
			if !ok {
				c.errorHere("mapping pattern keys may only match literals and attribute lookups")
			}
			key := constSetKey(v)
			if seen[key] {
				c.errorHere(fmt.Sprintf("mapping pattern checks duplicate key (%s)", constSource(v)))
			}
			seen[key] = true
		}
		c.expr(k)
	}
	c.op2(BUILD_TUPLE, size)
	c.op(MATCH_KEYS)
	// A tuple of keys and a tuple of values (or None) are on the subject.
	pc.onTop += 2
	c.op2(COPY, 1)
	c.loadConst(nil)
	c.op2(IS_OP, 1)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	c.op2(UNPACK_SEQUENCE, size)
	pc.onTop += size - 1
	for _, sp := range p.Patterns {
		pc.onTop--
		c.subpattern(sp, pc)
	}
	// A match: what follows consumes the keys and the subject.
	pc.onTop -= 2
	if p.Rest == "" {
		c.op(POP_TOP) // keys
		c.op(POP_TOP) // subject
		return
	}
	// rest = dict(subject); del rest[key] for each key.
	c.op2(BUILD_MAP, 0)          // [subject, keys, empty]
	c.op2(SWAP, 3)               // [empty, keys, subject]
	c.op2(DICT_UPDATE, 2)        // [copy, keys]
	c.op2(UNPACK_SEQUENCE, size) // [copy, keys...]
	for n := size; n > 0; n-- {
		c.op2(COPY, 1+n) // [copy, keys..., copy]
		c.op2(SWAP, 2)   // [copy, keys..., copy, key]
		c.op(DELETE_SUBSCR)
	}
	c.storeCapture(p.Rest, pc)
}

// foldConst returns the value of a literal key: a constant, a negated
// number or a complex literal, which CPython's AST optimizer folds into a
// constant before its compiler checks keys.
func foldConst(e ast.Expr) (any, bool) {
	switch e := e.(type) {
	case *ast.Constant:
		return e.Value, true
	case *ast.UnaryOp:
		v, ok := foldConst(e.Operand)
		if !ok || e.Op != ast.USub {
			return nil, false
		}
		switch x := v.(type) {
		case int64:
			if x != math.MinInt64 {
				return -x, true
			}
		case float64:
			return -x, true
		case complex128:
			return -x, true
		}
		return e, true // a big int: never a duplicate of another key
	case *ast.BinOp:
		l, ok1 := foldConst(e.Left)
		r, ok2 := foldConst(e.Right)
		im, ok3 := r.(complex128)
		if !ok1 || !ok2 || !ok3 {
			return nil, false
		}
		var re float64
		switch x := l.(type) {
		case int64:
			re = float64(x)
		case float64:
			re = x
		default:
			return e, true
		}
		if e.Op == ast.Sub {
			im = -im
		}
		return complex(re, 0) + im, true
	}
	return nil, false
}

// constSetKey maps a constant to a key under which equal Python values
// (1, 1.0, True) collide, as in the set CPython checks duplicates with.
func constSetKey(v any) any {
	switch x := v.(type) {
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<62 {
			return int64(x)
		}
	case ast.Bytes:
		return "b" + string(x)
	case string:
		return "s" + x
	}
	if b, ok := v.(*ast.BigInt); ok {
		return "i" + b.String()
	}
	return v
}

func (c *compiler) classPattern(p *ast.MatchClass, pc *patternCtx) {
	nargs := len(p.Patterns)
	nattrs := len(p.KwdAttrs)
	for i, name := range p.KwdAttrs {
		if name == "__debug__" {
			c.at(p.KwdPatterns[i])
			c.errorHere("cannot assign to __debug__")
		}
		for j := i + 1; j < nattrs; j++ {
			if p.KwdAttrs[j] == name {
				c.at(p.KwdPatterns[j])
				c.errorHere("attribute name repeated in class pattern: " + name)
			}
		}
	}
	c.expr(p.Cls)
	names := make([]any, nattrs)
	for i, n := range p.KwdAttrs {
		names[i] = n
	}
	c.loadConst(names)
	c.op2(MATCH_CLASS, nargs)
	c.op2(COPY, 1)
	c.loadConst(nil)
	c.op2(IS_OP, 1)
	// TOS is a tuple of nargs+nattrs attributes, or None.
	pc.onTop++
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	c.op2(UNPACK_SEQUENCE, nargs+nattrs)
	pc.onTop += nargs + nattrs - 1
	for i := 0; i < nargs+nattrs; i++ {
		pc.onTop--
		var sp ast.Pattern
		if i < nargs {
			sp = p.Patterns[i]
		} else {
			sp = p.KwdPatterns[i-nargs]
		}
		if isWildcard(sp) {
			c.op(POP_TOP)
			continue
		}
		c.subpattern(sp, pc)
	}
}

// orPattern tries each alternative on a copy of the subject. Every
// alternative must capture the same names; their values are reordered to
// the first alternative's order, then moved below the enclosing pattern's
// items as one capture each.
func (c *compiler) orPattern(p *ast.MatchOr, pc *patternCtx) {
	end := c.newLabel()
	old := *pc
	var control []string
	for i, alt := range p.Patterns {
		c.at(alt)
		c.op2(COPY, 1)
		pc.stores = nil
		// Only the last alternative may be irrefutable.
		pc.allowIrrefutable = i == len(p.Patterns)-1 && old.allowIrrefutable
		pc.failPop = nil
		pc.onTop = 0
		c.pattern(alt, pc)
		switch {
		case i == 0:
			control = pc.stores
		case len(pc.stores) != len(control):
			c.errorHere("alternative patterns bind different names")
		default:
			c.reorderCaptures(pc, control)
		}
		c.jump(JUMP, end)
		c.emitAndResetFailPop(pc)
	}
	*pc = old
	// No alternative matched: pop the subject and fail.
	c.op(POP_TOP)
	c.jumpToFailPop(pc, JUMP)
	c.place(end)
	// Below the new captures: the subject's copy, the enclosing pattern's
	// items and its earlier captures.
	nrots := len(control) + 1 + pc.onTop + len(pc.stores)
	for _, name := range control {
		c.rotate(nrots)
		for _, s := range pc.stores {
			if s == name {
				c.errorHere(fmt.Sprintf("multiple assignments to name '%s' in pattern", name))
			}
		}
		pc.stores = append(pc.stores, name)
	}
	// Pop the subject's copy.
	c.op(POP_TOP)
}

// reorderCaptures permutes the captures on top of the stack (pc.stores[0]
// nearest the top) into control's order, failing when the names differ.
func (c *compiler) reorderCaptures(pc *patternCtx, control []string) {
	cur := append([]string(nil), pc.stores...)
	for _, name := range control {
		found := false
		for _, s := range cur {
			if s == name {
				found = true
			}
		}
		if !found {
			c.errorHere("alternative patterns bind different names")
		}
	}
	for k, name := range control {
		j := k
		for cur[j] != name {
			j++
		}
		if j == k {
			continue
		}
		// Swap the items at depths k+1 and j+1 (depth 1 is TOS).
		if k == 0 {
			c.op2(SWAP, j+1)
		} else {
			c.op2(SWAP, k+1)
			c.op2(SWAP, j+1)
			c.op2(SWAP, k+1)
		}
		cur[k], cur[j] = cur[j], cur[k]
	}
	pc.stores = cur
}
