// Package re is pya's re module over Go's regexp (RE2): compile, search,
// match, fullmatch, findall, finditer, sub, subn, split, escape, with
// CPython's Match and Pattern reprs and code-point positions. Patterns using
// what RE2 lacks (backreferences, lookaround, atomic groups, possessive
// repeats, conditionals) run on a backtracking matcher (bt_*.go).
package re

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// Flags, with CPython's values.
const (
	flagI = 2
	flagL = 4
	flagM = 8
	flagS = 16
	flagU = 32
	flagX = 64
	flagA = 256
)

var (
	// PatternType is re.Pattern.
	PatternType = vm.MakeNativeType("Pattern", "re", nil)
	// MatchType is re.Match.
	MatchType = vm.MakeNativeType("Match", "re", nil)
	// ErrorType is re.error.
	ErrorType = vm.NewExceptionType("error", "re", vm.ExceptionType)
)

// groupInfo describes a compiled pattern's groups (regexp.Regexp and
// btProg both provide it).
type groupInfo interface {
	NumSubexp() int
	SubexpNames() []string
	SubexpIndex(name string) int
	String() string
}

// Pattern is a compiled regular expression. Every pattern is parsed by the
// backtracking matcher (bt), which gives CPython's syntax errors and group
// table; RE2 (goRE) runs it when it can and agrees with CPython: not for
// the features RE2 lacks (goRE nil), not on non-ASCII subjects when the
// pattern uses \w, \d, \s or \b (RE2's are ASCII-only), and not for
// successive matches of a pattern that can match empty (RE2 skips an
// empty match right after a match; Python 3.7+ keeps it).
type Pattern struct {
	src     string
	flags   int64
	re      groupInfo
	goRE    *regexp.Regexp
	bt      *btProg
	unicode bool // uses \w, \d, \s, \b or their negations
	empty   bool // can match the empty string
	// anchored and full are re wrapped for match and fullmatch, made on
	// first use. Patterns are shared through the cache by every
	// interpreter and thread, hence atomics (a lost race compiles twice).
	anchored, full atomic.Pointer[regexp.Regexp]
}

func (*Pattern) Type() *vm.Type { return PatternType }

// Match is one match of a Pattern in a string.
type Match struct {
	pat  *Pattern
	s    string
	locs []int // byte offsets, as regexp.FindStringSubmatchIndex
	pos  int   // code-point position searching started from
	end  int
}

func (*Match) Type() *vm.Type { return MatchType }

func init() {
	PatternType.Repr = patternRepr
	MatchType.Repr = matchRepr
	MatchType.GetItem = func(th *vm.Thread, v, key vm.Value) (vm.Value, error) {
		return v.Object().(*Match).group(th, key)
	}
	PatternType.AddMethods(patternMethods)
	MatchType.AddMethods(matchMethods)
	vm.RegisterModule("re", initModule)
}

// cache maps "flags:pattern" to its compiled Pattern. It is shared by all
// interpreters of the process (compiled patterns are immutable but for
// their atomic lazy fields), so it has its own lock.
var cache = struct {
	sync.Mutex
	m map[string]*Pattern
}{m: map[string]*Pattern{}}

// purgeCache empties the pattern cache (re.purge).
func purgeCache() {
	cache.Lock()
	cache.m = map[string]*Pattern{}
	cache.Unlock()
}

// compile translates Python syntax to RE2 and caches the result.
func compile(src string, flags int64) (*Pattern, error) {
	key := strconv.FormatInt(flags, 10) + ":" + src
	cache.Lock()
	p, ok := cache.m[key]
	cache.Unlock()
	if ok {
		return p, nil
	}
	bt, err := parseBacktrack(src, flags)
	if err != nil {
		return nil, err
	}
	p = &Pattern{src: src, flags: flags, re: bt, bt: bt, unicode: usesClassEscapes(src), empty: minWidth(bt.root) == 0}
	if !needsBacktrack(src) {
		if goSrc, err := translate(src, flags); err == nil {
			// A pattern RE2 rejects (a{1001}) still runs on bt.
			p.goRE, _ = regexp.Compile(goSrc)
		}
	}
	cache.Lock()
	if len(cache.m) > 512 {
		cache.m = map[string]*Pattern{}
	}
	cache.m[key] = p
	cache.Unlock()
	return p, nil
}

// translate rewrites the Python-only syntax RE2 spells differently and
// rejects what it cannot do.
func translate(src string, flags int64) (string, error) {
	var sb strings.Builder
	prefix := ""
	if flags&flagI != 0 {
		prefix += "i"
	}
	if flags&flagM != 0 {
		prefix += "m"
	}
	if flags&flagS != 0 {
		prefix += "s"
	}
	if prefix != "" {
		sb.WriteString("(?" + prefix + ")")
	}
	verbose := flags&flagX != 0
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			n := src[i+1]
			switch {
			case n == 'Z':
				sb.WriteString(`\z`)
			default:
				sb.WriteByte(c)
				sb.WriteByte(n)
			}
			i++
		case c == '[' && !inClass:
			inClass = true
			sb.WriteByte(c)
			if i+1 < len(src) && src[i+1] == '^' {
				sb.WriteByte('^')
				i++
			}
			if i+1 < len(src) && src[i+1] == ']' {
				sb.WriteString(`\]`)
				i++
			}
		case c == ']' && inClass:
			inClass = false
			sb.WriteByte(c)
		case c == '(' && !inClass && strings.HasPrefix(src[i:], "(?#"):
			j := strings.IndexByte(src[i:], ')')
			if j < 0 {
				return "", vm.NewError(ErrorType, "missing ), unterminated comment at position %d", i)
			}
			i += j
		case verbose && !inClass && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'):
		case verbose && !inClass && c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String(), nil
}

// runeIndex converts a byte offset of s to a code-point index.
func runeIndex(s string, b int) int {
	if b < 0 {
		return -1
	}
	return utf8.RuneCountInString(s[:b])
}

// byteIndex converts a code-point index of s to a byte offset.
func byteIndex(s string, r int) int {
	if r <= 0 {
		return 0
	}
	i := 0
	for b := range s {
		if i == r {
			return b
		}
		i++
	}
	return len(s)
}

func patternRepr(th *vm.Thread, v vm.Value) (string, error) {
	p := v.Object().(*Pattern)
	s := "re.compile(" + vm.StrRepr(p.src)
	if f := flagsRepr(p.flags); f != "" {
		s += ", " + f
	}
	return s + ")", nil
}

func flagsRepr(flags int64) string {
	var parts []string
	for _, f := range []struct {
		bit  int64
		name string
	}{{flagI, "re.IGNORECASE"}, {flagL, "re.LOCALE"}, {flagM, "re.MULTILINE"}, {flagS, "re.DOTALL"}, {flagX, "re.VERBOSE"}, {flagA, "re.ASCII"}} {
		if flags&f.bit != 0 {
			parts = append(parts, f.name)
		}
	}
	return strings.Join(parts, "|")
}

func matchRepr(th *vm.Thread, v vm.Value) (string, error) {
	m := v.Object().(*Match)
	start, end := runeIndex(m.s, m.locs[0]), runeIndex(m.s, m.locs[1])
	return "<re.Match object; span=(" + strconv.Itoa(start) + ", " + strconv.Itoa(end) + "), match=" +
		vm.StrRepr(m.s[m.locs[0]:m.locs[1]]) + ">", nil
}

// groupIndex resolves a group number or name.
func (m *Match) groupIndex(th *vm.Thread, key vm.Value) (int, error) {
	if name, ok := pyarg.Str(key); ok {
		i := m.pat.re.SubexpIndex(name)
		if i < 0 {
			return 0, vm.NewError(vm.IndexErrorType, "no such group")
		}
		return i, nil
	}
	n, err := pyarg.Int(th, key)
	if err != nil {
		return 0, vm.NewError(vm.IndexErrorType, "no such group")
	}
	if n < 0 || int(n) > m.pat.re.NumSubexp() {
		return 0, vm.NewError(vm.IndexErrorType, "no such group")
	}
	return int(n), nil
}

func (m *Match) groupValue(i int, dflt vm.Value) vm.Value {
	a, b := m.locs[2*i], m.locs[2*i+1]
	if a < 0 {
		return dflt
	}
	return vm.NewStr(m.s[a:b])
}

func (m *Match) group(th *vm.Thread, key vm.Value) (vm.Value, error) {
	i, err := m.groupIndex(th, key)
	if err != nil {
		return vm.NULL, err
	}
	return m.groupValue(i, vm.None), nil
}
