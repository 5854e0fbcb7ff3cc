package re

import (
	"unicode"
	"unicode/utf8"
)

// The backtracking matcher: continuation-passing over the nodes of
// bt_parse.go, on the code points of the subject, with CPython's semantics
// (leftmost match, greedy/lazy/possessive repeats, the last iteration's
// capture, lookbehind of fixed width, failed backreferences to unset groups).

type btMatcher struct {
	rs   []rune
	end  int   // the subject ends here (endpos)
	caps []int // rune positions, 2 per group; -1 unset
}

// NumSubexp, SubexpNames and SubexpIndex describe the groups as
// regexp.Regexp does.
func (b *btProg) NumSubexp() int { return b.ngroups }

func (b *btProg) SubexpNames() []string {
	names := make([]string, b.ngroups+1)
	for n, i := range b.names {
		names[i] = n
	}
	return names
}

func (b *btProg) SubexpIndex(name string) int {
	if i, ok := b.names[name]; ok {
		return i
	}
	return -1
}

func (b *btProg) String() string { return b.src }

// FindStringSubmatchIndex finds the leftmost match in s (byte offsets).
func (b *btProg) FindStringSubmatchIndex(s string) []int { return b.find(s, 0, false, false) }

// FindAllStringSubmatchIndex finds up to n (< 0: all) successive matches.
func (b *btProg) FindAllStringSubmatchIndex(s string, n int) [][]int { return b.all(s, 0, n) }

// subject converts s to code points and keeps the byte offset of each.
func subject(s string) ([]rune, []int) {
	rs := make([]rune, 0, len(s))
	offs := make([]int, 0, len(s)+1)
	for i, r := range s {
		rs = append(rs, r)
		offs = append(offs, i)
	}
	return rs, append(offs, len(s))
}

// find searches s from byte offset start; anchored: the match must start
// there; full: it must also end at the end of s.
func (b *btProg) find(s string, start int, anchored, full bool) []int {
	rs, offs := subject(s)
	pos := utf8.RuneCountInString(s[:start])
	caps := b.search(rs, pos, anchored, full, false)
	return toBytes(caps, offs)
}

// all returns the successive matches from start as Python's finditer does:
// after an empty match, the next match may not be empty at the same place.
func (b *btProg) all(s string, start, limit int) [][]int {
	rs, offs := subject(s)
	pos := utf8.RuneCountInString(s[:start])
	var out [][]int
	mustAdvance := false
	for pos <= len(rs) && (limit < 0 || len(out) < limit) {
		caps := b.search(rs, pos, false, false, mustAdvance)
		if caps == nil {
			break
		}
		out = append(out, toBytes(caps, offs))
		mustAdvance = caps[1] == caps[0]
		pos = caps[1]
	}
	return out
}

func toBytes(caps []int, offs []int) []int {
	if caps == nil {
		return nil
	}
	out := make([]int, len(caps))
	for i, c := range caps {
		if c < 0 {
			out[i] = -1
		} else {
			out[i] = offs[c]
		}
	}
	return out
}

// search tries each start position from pos; it returns the group spans in
// code points, or nil.
func (b *btProg) search(rs []rune, pos int, anchored, full, mustAdvance bool) []int {
	m := &btMatcher{rs: rs, end: len(rs), caps: make([]int, 2*(b.ngroups+1))}
	for st := pos; st <= len(rs); st++ {
		for i := range m.caps {
			m.caps[i] = -1
		}
		ok := m.match(b.root, st, func(e int) bool {
			if full && e != m.end || mustAdvance && st == pos && e == st {
				return false
			}
			m.caps[0], m.caps[1] = st, e
			return true
		})
		if ok {
			return m.caps
		}
		if anchored {
			break
		}
	}
	return nil
}

func foldEq(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

func (m *btMatcher) classHas(n *node, r rune) bool {
	if n.cls.has(r) {
		return true
	}
	if n.fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if n.cls.has(f) {
				return true
			}
		}
	}
	return false
}

// single reports whether n matches exactly one character, and whether it
// matches rs[i].
func (m *btMatcher) single(n *node, i int) (isSingle, ok bool) {
	switch n.kind {
	case nLit:
		return true, i < m.end && (m.rs[i] == n.r || n.fold && foldEq(m.rs[i], n.r))
	case nAny:
		return true, i < m.end && (n.dotall || m.rs[i] != '\n')
	case nClass:
		return true, i < m.end && m.classHas(n, m.rs[i])
	}
	return false, false
}

func (m *btMatcher) wordAt(i int, ascii bool) bool {
	return i >= 0 && i < m.end && isWordRune(m.rs[i], ascii)
}

// match matches n at i and calls k with the end; it reports whether k (and
// so the whole match) succeeded.
func (m *btMatcher) match(n *node, i int, k func(int) bool) bool {
	if s, ok := m.single(n, i); s {
		return ok && k(i+1)
	}
	switch n.kind {
	case nEmptyNode:
		return k(i)
	case nBol:
		return (i == 0 || n.multiline && m.rs[i-1] == '\n') && k(i)
	case nEol:
		return (i == m.end || i == m.end-1 && m.rs[i] == '\n' || n.multiline && i < m.end && m.rs[i] == '\n') && k(i)
	case nStrStart:
		return i == 0 && k(i)
	case nStrEnd:
		return i == m.end && k(i)
	case nWordB, nNotWordB:
		at := m.wordAt(i-1, n.ascii) != m.wordAt(i, n.ascii)
		return at == (n.kind == nWordB) && k(i)
	case nConcat:
		return m.seq(n.subs, i, k)
	case nAlt:
		for _, s := range n.subs {
			if m.match(s, i, k) {
				return true
			}
		}
		return false
	case nGroup:
		g := 2 * n.group
		old0, old1 := m.caps[g], m.caps[g+1]
		if m.match(n.subs[0], i, func(e int) bool {
			p0, p1 := m.caps[g], m.caps[g+1]
			m.caps[g], m.caps[g+1] = i, e
			if k(e) {
				return true
			}
			m.caps[g], m.caps[g+1] = p0, p1
			return false
		}) {
			return true
		}
		m.caps[g], m.caps[g+1] = old0, old1
		return false
	case nRepeat:
		if n.possessive {
			return m.possessive(n, i, k)
		}
		return m.repeat(n, i, 0, k)
	case nBackref:
		s, e := m.caps[2*n.group], m.caps[2*n.group+1]
		if s < 0 {
			return false
		}
		l := e - s
		if i+l > m.end {
			return false
		}
		for j := 0; j < l; j++ {
			a, b := m.rs[s+j], m.rs[i+j]
			if a != b && !(n.fold && foldEq(a, b)) {
				return false
			}
		}
		return k(i + l)
	case nAtomic:
		saved := append([]int(nil), m.caps...)
		end := -1
		if !m.match(n.subs[0], i, func(e int) bool { end = e; return true }) {
			copy(m.caps, saved)
			return false
		}
		if k(end) {
			return true
		}
		copy(m.caps, saved)
		return false
	case nLook:
		saved := append([]int(nil), m.caps...)
		at, stop := i, -1
		if n.behind {
			at, stop = i-n.width, i
		}
		found := at >= 0 && m.match(n.subs[0], at, func(e int) bool { return stop < 0 || e == stop })
		if found == n.neg {
			copy(m.caps, saved)
			return false
		}
		if n.neg {
			copy(m.caps, saved)
		}
		if k(i) {
			return true
		}
		copy(m.caps, saved)
		return false
	case nCond:
		if m.caps[2*n.group] >= 0 {
			return m.match(n.subs[0], i, k)
		}
		return m.match(n.subs[1], i, k)
	}
	return false
}

func (m *btMatcher) seq(subs []*node, i int, k func(int) bool) bool {
	if len(subs) == 0 {
		return k(i)
	}
	return m.match(subs[0], i, func(e int) bool { return m.seq(subs[1:], e, k) })
}

// repeat matches n.subs[0] repeated, count times so far; an iteration that
// matches the empty string ends the repetition (as sre does).
func (m *btMatcher) repeat(n *node, i, count int, k func(int) bool) bool {
	sub := n.subs[0]
	if s, _ := m.single(sub, i); s {
		// One character per iteration: count the run, then back off.
		j := i
		for (n.max < 0 || count+(j-i) < n.max) && j < m.end {
			if _, ok := m.single(sub, j); !ok {
				break
			}
			j++
		}
		lo := i + max(0, n.min-count)
		if j < lo {
			return false
		}
		if n.greedy {
			for e := j; e >= lo; e-- {
				if k(e) {
					return true
				}
			}
			return false
		}
		for e := lo; e <= j; e++ {
			if k(e) {
				return true
			}
		}
		return false
	}
	more := func() bool {
		return (n.max < 0 || count < n.max) && m.match(sub, i, func(e int) bool {
			if e == i && count >= n.min {
				return false
			}
			return m.repeat(n, e, count+1, k)
		})
	}
	if n.greedy {
		return more() || count >= n.min && k(i)
	}
	return count >= n.min && k(i) || more()
}

// possessive matches as many iterations as possible and never gives any
// back.
func (m *btMatcher) possessive(n *node, i int, k func(int) bool) bool {
	saved := append([]int(nil), m.caps...)
	count, j := 0, i
	for n.max < 0 || count < n.max {
		e := -1
		if !m.match(n.subs[0], j, func(x int) bool { e = x; return true }) || e == j && count >= n.min {
			break
		}
		j = e
		count++
	}
	if count < n.min || !k(j) {
		copy(m.caps, saved)
		return false
	}
	return true
}
