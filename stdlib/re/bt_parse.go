package re

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/pya-lang/pya/vm"
)

// A backtracking matcher for the patterns RE2 cannot run: backreferences
// (\1, (?P=name)), lookahead and lookbehind, atomic groups, possessive
// quantifiers and conditionals (?(1)yes|no). This file parses Python's
// syntax (sre_parse) into nodes; bt_match.go runs them. Only patterns that
// use one of those features come here (see needsBacktrack).

type nodeKind uint8

const (
	nLit nodeKind = iota
	nAny
	nClass
	nBol       // ^
	nEol       // $
	nStrStart  // \A
	nStrEnd    // \Z
	nWordB     // \b
	nNotWordB  // \B
	nConcat    // subs in sequence
	nAlt       // subs as alternatives
	nGroup     // capturing group
	nRepeat    // subs[0] repeated min..max
	nBackref   // group's text again
	nLook      // lookahead/lookbehind
	nAtomic    // (?>...)
	nCond      // (?(group)yes|no)
	nEmptyNode // matches the empty string
)

type node struct {
	kind       nodeKind
	r          rune
	fold       bool // IGNORECASE at this point
	ascii      bool // ASCII flag: \w, \d, \s, \b are ASCII-only
	dotall     bool
	multiline  bool
	cls        *charClass
	subs       []*node
	min, max   int // max < 0: unbounded
	greedy     bool
	possessive bool
	group      int
	behind     bool // lookbehind
	neg        bool // negative lookaround
	width      int  // lookbehind: the fixed width
}

// charClass is a set: ranges, class escapes (\d, \w, \s and negations),
// possibly negated as a whole.
type charClass struct {
	neg    bool
	ranges []rune // pairs lo, hi
	escs   []byte // 'd', 'D', 'w', 'W', 's', 'S'
	ascii  bool
}

func (c *charClass) has(r rune) bool {
	in := false
	for i := 0; i < len(c.ranges); i += 2 {
		if r >= c.ranges[i] && r <= c.ranges[i+1] {
			in = true
			break
		}
	}
	if !in {
		for _, e := range c.escs {
			if escMatches(e, r, c.ascii) {
				in = true
				break
			}
		}
	}
	return in != c.neg
}

// escMatches reports whether r is in the class escape e (\d, \w, \s, ...).
func escMatches(e byte, r rune, ascii bool) bool {
	var in bool
	switch e | 0x20 {
	case 'd':
		in = r >= '0' && r <= '9' || !ascii && unicode.Is(unicode.Nd, r)
	case 'w':
		in = isWordRune(r, ascii)
	case 's':
		in = r == ' ' || r >= '\t' && r <= '\r' || !ascii && r > 127 && (unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f)
		if r >= 0x1c && r <= 0x1f {
			in = !ascii
		}
	}
	if e >= 'A' && e <= 'Z' {
		return !in
	}
	return in
}

func isWordRune(r rune, ascii bool) bool {
	if r < 128 {
		return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return !ascii && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r))
}

// btProg is a parsed pattern.
type btProg struct {
	src     string
	root    *node
	ngroups int
	names   map[string]int
}

type btParser struct {
	src                                 []rune
	pos                                 int
	fold, ascii, dotall, multi, verbose bool
	ngroups                             int
	names                               map[string]int
	open                                map[int]bool // groups not yet closed (no backrefs into them)
}

func btError(msg string, pos int) error {
	return vm.NewError(ErrorType, "%s at position %d", msg, pos)
}

// parseBacktrack parses src with the given flags.
func parseBacktrack(src string, flags int64) (*btProg, error) {
	p := &btParser{src: []rune(src), fold: flags&flagI != 0, ascii: flags&flagA != 0, dotall: flags&flagS != 0,
		multi: flags&flagM != 0, verbose: flags&flagX != 0, names: map[string]int{}, open: map[int]bool{}}
	root, err := p.alt()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.src) {
		if p.src[p.pos] == ')' {
			return nil, btError("unbalanced parenthesis", p.pos)
		}
		return nil, btError("unexpected character", p.pos)
	}
	return &btProg{src: src, root: root, ngroups: p.ngroups, names: p.names}, nil
}

func (p *btParser) more() bool { return p.pos < len(p.src) }
func (p *btParser) peek() rune { return p.src[p.pos] }
func (p *btParser) hasPrefix(s string) bool {
	return strings.HasPrefix(string(p.src[p.pos:min(len(p.src), p.pos+len(s))]), s)
}

func (p *btParser) alt() (*node, error) {
	var alts []*node
	for {
		seq, err := p.seq()
		if err != nil {
			return nil, err
		}
		alts = append(alts, seq)
		if p.more() && p.peek() == '|' {
			p.pos++
			continue
		}
		break
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &node{kind: nAlt, subs: alts}, nil
}

func (p *btParser) seq() (*node, error) {
	var items []*node
	for p.more() {
		c := p.peek()
		if c == '|' || c == ')' {
			break
		}
		if p.verbose && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			p.pos++
			continue
		}
		if p.verbose && c == '#' {
			for p.more() && p.peek() != '\n' {
				p.pos++
			}
			continue
		}
		start := p.pos
		atom, err := p.atom()
		if err != nil {
			return nil, err
		}
		if atom == nil {
			continue // a flag group such as (?i) or a comment
		}
		atom, err = p.quantifiers(atom, start)
		if err != nil {
			return nil, err
		}
		items = append(items, atom)
	}
	if len(items) == 1 {
		return items[0], nil
	}
	return &node{kind: nConcat, subs: items}, nil
}

// quantifiers applies the repeat operators that follow an atom.
func (p *btParser) quantifiers(atom *node, start int) (*node, error) {
	repeated := false
	for p.more() {
		c := p.peek()
		qpos := p.pos
		lo, hi := -1, -1
		switch c {
		case '*':
			lo, hi = 0, -1
			p.pos++
		case '+':
			lo, hi = 1, -1
			p.pos++
		case '?':
			lo, hi = 0, 1
			p.pos++
		case '{':
			l, h, ok := p.braces()
			if !ok {
				return atom, nil
			}
			if h >= 0 && l > h {
				return nil, btError("min repeat greater than max repeat", qpos+1)
			}
			lo, hi = l, h
		default:
			return atom, nil
		}
		if repeated {
			return nil, btError("multiple repeat", qpos)
		}
		switch atom.kind {
		case nBol, nEol, nStrStart, nStrEnd, nWordB, nNotWordB, nLook:
			if atom.kind != nLook {
				return nil, btError("nothing to repeat", start)
			}
		}
		rep := &node{kind: nRepeat, subs: []*node{atom}, min: lo, max: hi, greedy: true}
		if p.more() && p.peek() == '?' {
			rep.greedy = false
			p.pos++
		} else if p.more() && p.peek() == '+' {
			rep.possessive = true
			p.pos++
		}
		atom = rep
		repeated = true
	}
	return atom, nil
}

// braces parses {m}, {m,}, {,n}, {m,n}; not ok (a literal '{') otherwise.
func (p *btParser) braces() (int, int, bool) {
	i := p.pos + 1
	num := func() (int, bool) {
		j := i
		for i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
			i++
		}
		if i == j {
			return 0, false
		}
		n, _ := strconv.Atoi(string(p.src[j:i]))
		return n, true
	}
	lo, hasLo := num()
	hi := lo
	if i < len(p.src) && p.src[i] == ',' {
		i++
		h, hasHi := num()
		if hasHi {
			hi = h
		} else {
			hi = -1
		}
		if !hasLo {
			lo = 0
		}
	} else if !hasLo {
		return 0, 0, false
	}
	if i >= len(p.src) || p.src[i] != '}' {
		return 0, 0, false
	}
	p.pos = i + 1
	return lo, hi, true
}

func (p *btParser) lit(r rune) *node { return &node{kind: nLit, r: r, fold: p.fold} }

func (p *btParser) atom() (*node, error) {
	c := p.peek()
	start := p.pos
	switch c {
	case '(':
		return p.group()
	case '[':
		cls, err := p.class()
		if err != nil {
			return nil, err
		}
		return &node{kind: nClass, cls: cls, fold: p.fold}, nil
	case '.':
		p.pos++
		return &node{kind: nAny, dotall: p.dotall}, nil
	case '^':
		p.pos++
		return &node{kind: nBol, multiline: p.multi}, nil
	case '$':
		p.pos++
		return &node{kind: nEol, multiline: p.multi}, nil
	case '\\':
		return p.escape(false)
	case '*', '+', '?':
		return nil, btError("nothing to repeat", start)
	case '{':
		if _, _, ok := p.braces(); ok {
			p.pos = start
			return nil, btError("nothing to repeat", start)
		}
	}
	p.pos++
	return p.lit(c), nil
}

// group parses (...) in all its forms.
func (p *btParser) group() (*node, error) {
	start := p.pos
	p.pos++
	capture, name := true, ""
	var kind nodeKind = nGroup
	var look *node
	if p.more() && p.peek() == '?' {
		p.pos++
		if !p.more() {
			return nil, btError("unexpected end of pattern", p.pos)
		}
		switch c := p.peek(); {
		case c == ':':
			p.pos++
			capture = false
		case c == '>':
			p.pos++
			capture, kind = false, nAtomic
		case c == '=' || c == '!':
			p.pos++
			capture, kind = false, nLook
			look = &node{kind: nLook, neg: c == '!'}
		case c == '<' && p.pos+1 < len(p.src) && (p.src[p.pos+1] == '=' || p.src[p.pos+1] == '!'):
			look = &node{kind: nLook, behind: true, neg: p.src[p.pos+1] == '!'}
			p.pos += 2
			capture, kind = false, nLook
		case c == 'P' || c == '<':
			if c == 'P' {
				p.pos++
			}
			if p.more() && p.peek() == '=' && c == 'P' {
				p.pos++
				n, err := p.name(')')
				if err != nil {
					return nil, err
				}
				g, ok := p.names[n]
				if !ok {
					return nil, btError("unknown group name '"+n+"'", p.pos-len([]rune(n))-1)
				}
				if p.open[g] {
					return nil, btError("cannot refer to an open group", start)
				}
				return &node{kind: nBackref, group: g, fold: p.fold}, nil
			}
			if !p.more() || p.peek() != '<' {
				if !p.more() {
					return nil, btError("unexpected end of pattern", p.pos)
				}
				return nil, btError("unknown extension ?P"+string(p.peek()), start+1)
			}
			p.pos++
			namePos := p.pos
			n, err := p.name('>')
			if err != nil {
				return nil, err
			}
			if !vm.IsIdentifier(n) {
				return nil, btError("bad character in group name '"+n+"'", namePos)
			}
			if _, dup := p.names[n]; dup {
				return nil, btError("redefinition of group name '"+n+"' as group "+strconv.Itoa(p.ngroups+1)+"; was group "+strconv.Itoa(p.names[n]), start+4)
			}
			name = n
		case c == '#':
			for p.more() && p.peek() != ')' {
				p.pos++
			}
			if !p.more() {
				return nil, btError("missing ), unterminated comment", start)
			}
			p.pos++
			return nil, nil
		case c == '(':
			return p.conditional(start)
		default:
			return p.flagGroup(start)
		}
	}
	g := 0
	if capture {
		p.ngroups++
		g = p.ngroups
		if name != "" {
			p.names[name] = g
		}
		p.open[g] = true
	}
	sub, err := p.alt()
	if err != nil {
		return nil, err
	}
	if !p.more() || p.peek() != ')' {
		return nil, btError("missing ), unterminated subpattern", start)
	}
	p.pos++
	if capture {
		delete(p.open, g)
		return &node{kind: nGroup, group: g, subs: []*node{sub}}, nil
	}
	switch kind {
	case nAtomic:
		return &node{kind: nAtomic, subs: []*node{sub}}, nil
	case nLook:
		look.subs = []*node{sub}
		if look.behind {
			w, ok := fixedWidth(sub)
			if !ok {
				return nil, vm.NewError(ErrorType, "look-behind requires fixed-width pattern")
			}
			look.width = w
		}
		return look, nil
	}
	return sub, nil
}

// conditional parses (?(group)yes|no).
func (p *btParser) conditional(start int) (*node, error) {
	p.pos++ // the '('
	ref, err := p.name(')')
	if err != nil {
		return nil, err
	}
	g, ok := p.names[ref]
	if !ok {
		n, err := strconv.Atoi(ref)
		if err != nil || n < 1 {
			return nil, btError("bad character in group name '"+ref+"'", start+3)
		}
		g = n
	}
	sub, err := p.alt()
	if err != nil {
		return nil, err
	}
	if !p.more() || p.peek() != ')' {
		return nil, btError("missing ), unterminated subpattern", start)
	}
	p.pos++
	yes, no := sub, &node{kind: nEmptyNode}
	if sub.kind == nAlt {
		if len(sub.subs) > 2 {
			return nil, btError("conditional backref with more than two branches", start)
		}
		yes, no = sub.subs[0], sub.subs[1]
	}
	if g > p.ngroups {
		return nil, btError("invalid group reference "+strconv.Itoa(g), start+3)
	}
	return &node{kind: nCond, group: g, subs: []*node{yes, no}}, nil
}

// flagGroup parses (?aiLmsux) and the scoped (?i-s:...).
func (p *btParser) flagGroup(start int) (*node, error) {
	save := [4]bool{p.fold, p.ascii, p.dotall, p.multi}
	on := true
	for p.more() {
		c := p.peek()
		switch c {
		case 'i':
			p.fold = on
		case 'a':
			p.ascii = on
		case 's':
			p.dotall = on
		case 'm':
			p.multi = on
		case 'x':
			p.verbose = on
		case 'u', 'L':
		case '-':
			on = false
		case ')':
			p.pos++
			return nil, nil
		case ':':
			p.pos++
			sub, err := p.alt()
			if err != nil {
				return nil, err
			}
			if !p.more() || p.peek() != ')' {
				return nil, btError("missing ), unterminated subpattern", start)
			}
			p.pos++
			p.fold, p.ascii, p.dotall, p.multi = save[0], save[1], save[2], save[3]
			return sub, nil
		default:
			return nil, btError("unknown extension ?"+string(c), start+1)
		}
		p.pos++
	}
	return nil, btError("missing -, : or )", p.pos)
}

func (p *btParser) name(end rune) (string, error) {
	j := p.pos
	for p.more() && p.peek() != end {
		p.pos++
	}
	if !p.more() {
		return "", btError("missing "+string(end)+", unterminated name", j)
	}
	n := string(p.src[j:p.pos])
	p.pos++
	if n == "" {
		return "", btError("missing group name", j)
	}
	return n, nil
}

// escape parses a backslash sequence outside (inClass false) or inside a class.
func (p *btParser) escape(inClass bool) (*node, error) {
	start := p.pos
	p.pos++
	if !p.more() {
		return nil, btError("bad escape (end of pattern)", start)
	}
	c := p.peek()
	p.pos++
	switch c {
	case 'd', 'D', 'w', 'W', 's', 'S':
		return &node{kind: nClass, cls: &charClass{escs: []byte{byte(c)}, ascii: p.ascii}}, nil
	case 'b':
		if inClass {
			return p.lit('\b'), nil
		}
		return &node{kind: nWordB, ascii: p.ascii}, nil
	case 'B':
		return &node{kind: nNotWordB, ascii: p.ascii}, nil
	case 'A':
		return &node{kind: nStrStart}, nil
	case 'Z':
		return &node{kind: nStrEnd}, nil
	case 'n':
		return p.lit('\n'), nil
	case 't':
		return p.lit('\t'), nil
	case 'r':
		return p.lit('\r'), nil
	case 'f':
		return p.lit('\f'), nil
	case 'v':
		return p.lit('\v'), nil
	case 'a':
		return p.lit('\a'), nil
	case 'x', 'u', 'U':
		n := map[rune]int{'x': 2, 'u': 4, 'U': 8}[c]
		if p.pos+n > len(p.src) {
			return nil, btError("incomplete escape \\"+string(c)+string(p.src[p.pos:]), start)
		}
		v, err := strconv.ParseUint(string(p.src[p.pos:p.pos+n]), 16, 32)
		if err != nil {
			return nil, btError("incomplete escape \\"+string(c)+string(p.src[p.pos:p.pos+n]), start)
		}
		p.pos += n
		return p.lit(rune(v)), nil
	case '0':
		v := 0
		for k := 0; k < 2 && p.more() && p.peek() >= '0' && p.peek() <= '7'; k++ {
			v = v*8 + int(p.peek()-'0')
			p.pos++
		}
		return p.lit(rune(v)), nil
	}
	if c >= '1' && c <= '9' {
		j := p.pos - 1
		for p.more() && p.peek() >= '0' && p.peek() <= '9' && p.pos-j < 2 {
			p.pos++
		}
		if inClass {
			return nil, btError("bad escape \\"+string(p.src[j:p.pos]), start)
		}
		g, _ := strconv.Atoi(string(p.src[j:p.pos]))
		if g > p.ngroups || p.open[g] {
			if p.open[g] {
				return nil, btError("cannot refer to an open group", start)
			}
			return nil, btError("invalid group reference "+strconv.Itoa(g), start+1)
		}
		return &node{kind: nBackref, group: g, fold: p.fold}, nil
	}
	if c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return nil, btError("bad escape \\"+string(c), start)
	}
	return p.lit(c), nil
}

// class parses [...].
func (p *btParser) class() (*charClass, error) {
	start := p.pos
	p.pos++
	cls := &charClass{ascii: p.ascii}
	if p.more() && p.peek() == '^' {
		cls.neg = true
		p.pos++
	}
	first := true
	for {
		if !p.more() {
			return nil, btError("unterminated character set", start)
		}
		c := p.peek()
		if c == ']' && !first {
			p.pos++
			return cls, nil
		}
		first = false
		itemPos := p.pos
		var lo rune
		if c == '\\' {
			n, err := p.escape(true)
			if err != nil {
				return nil, err
			}
			if n.kind == nClass {
				cls.escs = append(cls.escs, n.cls.escs...)
				continue
			}
			lo = n.r
		} else {
			lo = c
			p.pos++
		}
		hi := lo
		if p.pos+1 < len(p.src) && p.peek() == '-' && p.src[p.pos+1] != ']' {
			p.pos++
			if p.peek() == '\\' {
				n, err := p.escape(true)
				if err != nil {
					return nil, err
				}
				if n.kind == nClass {
					return nil, btError("bad character range "+string(p.src[itemPos:p.pos]), itemPos)
				}
				hi = n.r
			} else {
				hi = p.peek()
				p.pos++
			}
			if hi < lo {
				return nil, btError("bad character range "+string(p.src[itemPos:p.pos]), itemPos)
			}
		}
		cls.ranges = append(cls.ranges, lo, hi)
	}
}

// fixedWidth is the number of characters every match of n spans, when
// that is fixed (lookbehind requires it).
func fixedWidth(n *node) (int, bool) {
	switch n.kind {
	case nLit, nAny, nClass:
		return 1, true
	case nBol, nEol, nStrStart, nStrEnd, nWordB, nNotWordB, nLook, nEmptyNode:
		return 0, true
	case nGroup, nAtomic:
		return fixedWidth(n.subs[0])
	case nConcat:
		t := 0
		for _, s := range n.subs {
			w, ok := fixedWidth(s)
			if !ok {
				return 0, false
			}
			t += w
		}
		return t, true
	case nAlt, nCond:
		w0 := -1
		for _, s := range n.subs {
			w, ok := fixedWidth(s)
			if !ok || w0 >= 0 && w != w0 {
				return 0, false
			}
			w0 = w
		}
		return w0, true
	case nRepeat:
		if n.min != n.max {
			return 0, false
		}
		w, ok := fixedWidth(n.subs[0])
		return w * n.min, ok
	}
	return 0, false
}

// needsBacktrack reports whether src uses syntax only the backtracking
// matcher runs: backreferences, lookaround, atomic groups, possessive
// repeats, conditionals.
func needsBacktrack(src string) bool {
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			if !inClass && src[i+1] >= '1' && src[i+1] <= '9' {
				return true
			}
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			if i+1 < len(src) && src[i+1] == '^' {
				i++
			}
			if i+1 < len(src) && src[i+1] == ']' {
				i++
			}
		case c == '(':
			rest := src[i:]
			for _, pre := range []string{"(?P=", "(?=", "(?!", "(?<=", "(?<!", "(?>", "(?("} {
				if strings.HasPrefix(rest, pre) {
					return true
				}
			}
		case c == '*' || c == '+' || c == '?' || c == '}':
			if i+1 < len(src) && src[i+1] == '+' {
				return true
			}
		}
	}
	return false
}

// usesClassEscapes reports whether src uses \w, \d, \s, \b or their
// negations, which RE2 gives ASCII meanings only.
func usesClassEscapes(src string) bool {
	for i := 0; i+1 < len(src); i++ {
		if src[i] == '\\' {
			if strings.IndexByte("wWdDsSbB", src[i+1]) >= 0 {
				return true
			}
			i++
		}
	}
	return false
}

// isASCII reports whether s has only ASCII characters.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// minWidth is the fewest characters a match of n spans.
func minWidth(n *node) int {
	switch n.kind {
	case nLit, nAny, nClass:
		return 1
	case nGroup, nAtomic:
		return minWidth(n.subs[0])
	case nConcat:
		t := 0
		for _, s := range n.subs {
			t += minWidth(s)
		}
		return t
	case nAlt, nCond:
		m := -1
		for _, s := range n.subs {
			if w := minWidth(s); m < 0 || w < m {
				m = w
			}
		}
		return max(m, 0)
	case nRepeat:
		return n.min * minWidth(n.subs[0])
	case nBackref:
		return 0
	}
	return 0
}
