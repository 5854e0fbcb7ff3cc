package re

import (
	"regexp"
	"strings"
	"sync/atomic"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

func initModule(th *vm.Thread, m *vm.Module) error {
	d := m.Dict
	for name, v := range map[string]int64{"I": flagI, "IGNORECASE": flagI, "L": flagL, "LOCALE": flagL,
		"M": flagM, "MULTILINE": flagM, "S": flagS, "DOTALL": flagS, "U": flagU, "UNICODE": flagU,
		"X": flagX, "VERBOSE": flagX, "A": flagA, "ASCII": flagA, "NOFLAG": 0} {
		d.SetStr(name, vm.Int(v))
	}
	d.SetStr("error", vm.ObjectValue(ErrorType))
	d.SetStr("Pattern", vm.ObjectValue(PatternType))
	d.SetStr("Match", vm.ObjectValue(MatchType))
	fns := map[string]vm.NativeFunc{
		"compile": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			p, _, err := patternArgs(th, "compile", args, kw, nil)
			if err != nil {
				return vm.NULL, err
			}
			return vm.ObjectValue(p), nil
		},
		"escape": escape,
		"purge": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			purgeCache()
			return vm.None, nil
		},
	}
	// Module functions take (pattern, ...rest, flags=0) and call the
	// Pattern method of the same name.
	for _, spec := range []struct {
		name string
		rest []string
	}{
		{"search", []string{"string"}}, {"match", []string{"string"}}, {"fullmatch", []string{"string"}},
		{"findall", []string{"string"}}, {"finditer", []string{"string"}}, {"split", []string{"string", "maxsplit?"}},
		{"sub", []string{"repl", "string", "count?"}}, {"subn", []string{"repl", "string", "count?"}},
	} {
		spec := spec
		fns[spec.name] = func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			rest := make([]vm.Value, len(spec.rest))
			p, _, err := patternArgs(th, spec.name, args, kw, spec.rest, rest...)
			if err != nil {
				return vm.NULL, err
			}
			call := []vm.Value{vm.ObjectValue(p)}
			for _, r := range rest {
				if r.IsNull() {
					break
				}
				call = append(call, r)
			}
			return patternMethods[spec.name](th, call, nil)
		}
	}
	pyarg.Funcs(d, fns)
	return nil
}

// patternArgs parses (pattern, rest..., flags=0) for the module functions.
func patternArgs(th *vm.Thread, fname string, args []vm.Value, kwnames []string, rest []string, out ...vm.Value) (*Pattern, int64, error) {
	names := append(append([]string{"pattern"}, rest...), "flags?")
	vals := make([]vm.Value, len(names))
	ptrs := make([]*vm.Value, len(names))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := pyarg.ParsePy(fname, 0, args, kwnames, names, ptrs...); err != nil {
		return nil, 0, err
	}
	copy(out, vals[1:len(vals)-1])
	var flags int64
	if f := vals[len(vals)-1]; !f.IsNull() {
		n, err := pyarg.Int(th, f)
		if err != nil {
			return nil, 0, err
		}
		flags = n
	}
	if p, ok := vals[0].Object().(*Pattern); ok {
		if flags != 0 {
			return nil, 0, vm.NewError(vm.ValueErrorType, "cannot process flags argument with a compiled pattern")
		}
		return p, p.flags, nil
	}
	src, ok := pyarg.Str(vals[0])
	if !ok {
		return nil, 0, vm.NewError(vm.TypeErrorType, "first argument must be string or compiled pattern")
	}
	p, err := compile(src, flags)
	return p, flags, err
}

func escape(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var s vm.Value
	if err := pyarg.ParsePy("escape", 0, args, kwnames, []string{"pattern"}, &s); err != nil {
		return vm.NULL, err
	}
	str, ok := pyarg.Str(s)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "expected str, not %s", s.Type().Name)
	}
	const special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"
	var sb strings.Builder
	for _, r := range str {
		if r < 128 && strings.ContainsRune(special, r) {
			sb.WriteByte('\\')
		}
		sb.WriteRune(r)
	}
	return vm.NewStr(sb.String()), nil
}

func pself(args []vm.Value) (*Pattern, []vm.Value, error) {
	if len(args) > 0 {
		if p, ok := args[0].Object().(*Pattern); ok {
			return p, args[1:], nil
		}
	}
	return nil, nil, vm.NewError(vm.TypeErrorType, "descriptor requires a 're.Pattern' object")
}

// strPosArgs parses (string, pos=0, endpos=maxsize) and returns the
// subject restricted to [pos, endpos) plus its byte offset.
func strPosArgs(th *vm.Thread, fname string, rest []vm.Value, kwnames []string) (string, int, error) {
	var s, pos, endpos vm.Value
	if err := vm.ParseArgs(fname, rest, kwnames, []string{"string", "pos?", "endpos?"}, &s, &pos, &endpos); err != nil {
		return "", 0, err
	}
	str, ok := pyarg.Str(s)
	if !ok {
		return "", 0, vm.NewError(vm.TypeErrorType, "expected string or bytes-like object, got '%s'", s.Type().Name)
	}
	start, end := 0, len(str)
	if !endpos.IsNull() {
		n, err := pyarg.Int(th, endpos)
		if err != nil {
			return "", 0, err
		}
		end = byteIndex(str, int(n))
	}
	if !pos.IsNull() {
		n, err := pyarg.Int(th, pos)
		if err != nil {
			return "", 0, err
		}
		start = byteIndex(str, int(n))
	}
	if start > end {
		start = end
	}
	return str[:end], start, nil
}

// find runs the pattern on s from byte offset start; anchored requires the
// match to begin there, full to end at len(s) too.
func (p *Pattern) find(s string, start int, anchored, full bool) []int {
	if p.goRE == nil || p.unicode && !isASCII(s) {
		return p.bt.find(s, start, anchored, full)
	}
	re := p.goRE
	switch {
	case full:
		re = wrapped(&p.full, re, `^(?:`, `)\z`)
	case anchored:
		re = wrapped(&p.anchored, re, `^(?:`, `)`)
	}
	loc := re.FindStringSubmatchIndex(s[start:])
	if loc == nil {
		return nil
	}
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += start
		}
	}
	return loc
}

// wrapped returns *slot, first setting it to re wrapped in prefix and
// suffix.
func wrapped(slot *atomic.Pointer[regexp.Regexp], re *regexp.Regexp, prefix, suffix string) *regexp.Regexp {
	if w := slot.Load(); w != nil {
		return w
	}
	w := regexp.MustCompile(prefix + re.String() + suffix)
	slot.Store(w)
	return w
}

func matchMethod(name string, anchored, full bool) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		p, rest, err := pself(args)
		if err != nil {
			return vm.NULL, err
		}
		s, start, err := strPosArgs(th, name, rest, kwnames)
		if err != nil {
			return vm.NULL, err
		}
		loc := p.find(s, start, anchored, full)
		if loc == nil {
			return vm.None, nil
		}
		return vm.ObjectValue(&Match{pat: p, s: s, locs: loc, pos: runeIndex(s, start), end: runeIndex(s, len(s))}), nil
	}
}

// all returns every non-overlapping match from start.
func (p *Pattern) all(s string, start, limit int) [][]int {
	if p.goRE == nil || p.empty || p.unicode && !isASCII(s) {
		return p.bt.all(s, start, limit)
	}
	var out [][]int
	for _, loc := range p.goRE.FindAllStringSubmatchIndex(s[start:], limit) {
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += start
			}
		}
		out = append(out, loc)
	}
	return out
}

var patternMethods = map[string]vm.NativeFunc{
	"search":    matchMethod("search", false, false),
	"match":     matchMethod("match", true, false),
	"fullmatch": matchMethod("fullmatch", true, true),
	"findall": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		p, rest, err := pself(args)
		if err != nil {
			return vm.NULL, err
		}
		s, start, err := strPosArgs(th, "findall", rest, kwnames)
		if err != nil {
			return vm.NULL, err
		}
		n := p.re.NumSubexp()
		var out []vm.Value
		for _, loc := range p.all(s, start, -1) {
			m := &Match{pat: p, s: s, locs: loc}
			switch n {
			case 0:
				out = append(out, m.groupValue(0, vm.NewStr("")))
			case 1:
				out = append(out, m.groupValue(1, vm.NewStr("")))
			default:
				g := make([]vm.Value, n)
				for i := range g {
					g[i] = m.groupValue(i+1, vm.NewStr(""))
				}
				out = append(out, vm.NewTuple(g))
			}
		}
		return vm.NewList(out), nil
	},
	"finditer": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		p, rest, err := pself(args)
		if err != nil {
			return vm.NULL, err
		}
		s, start, err := strPosArgs(th, "finditer", rest, kwnames)
		if err != nil {
			return vm.NULL, err
		}
		var out []vm.Value
		for _, loc := range p.all(s, start, -1) {
			out = append(out, vm.ObjectValue(&Match{pat: p, s: s, locs: loc, pos: runeIndex(s, start), end: runeIndex(s, len(s))}))
		}
		return vm.Iter(th, vm.NewList(out))
	},
	"split": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		p, rest, err := pself(args)
		if err != nil {
			return vm.NULL, err
		}
		var sv, maxv vm.Value
		if err := vm.ParseArgs("split", rest, kwnames, []string{"string", "maxsplit?"}, &sv, &maxv); err != nil {
			return vm.NULL, err
		}
		s, ok := pyarg.Str(sv)
		if !ok {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "expected string or bytes-like object, got '%s'", sv.Type().Name)
		}
		limit := -1
		if !maxv.IsNull() {
			n, err := pyarg.Int(th, maxv)
			if err != nil {
				return vm.NULL, err
			}
			if n > 0 {
				limit = int(n)
			}
		}
		var out []vm.Value
		last := 0
		for _, loc := range p.all(s, 0, limit) {
			out = append(out, vm.NewStr(s[last:loc[0]]))
			m := &Match{pat: p, s: s, locs: loc}
			for i := 1; i <= p.re.NumSubexp(); i++ {
				out = append(out, m.groupValue(i, vm.None))
			}
			last = loc[1]
		}
		out = append(out, vm.NewStr(s[last:]))
		return vm.NewList(out), nil
	},
	"sub": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		r, _, err := subn(th, "sub", args, kwnames)
		return r, err
	},
	"subn": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		r, n, err := subn(th, "subn", args, kwnames)
		if err != nil {
			return vm.NULL, err
		}
		return vm.NewTuple([]vm.Value{r, vm.Int(int64(n))}), nil
	},
}

func subn(th *vm.Thread, fname string, args []vm.Value, kwnames []string) (vm.Value, int, error) {
	p, rest, err := pself(args)
	if err != nil {
		return vm.NULL, 0, err
	}
	var repl, sv, countv vm.Value
	if err := vm.ParseArgs(fname, rest, kwnames, []string{"repl", "string", "count?"}, &repl, &sv, &countv); err != nil {
		return vm.NULL, 0, err
	}
	s, ok := pyarg.Str(sv)
	if !ok {
		return vm.NULL, 0, vm.NewError(vm.TypeErrorType, "expected string or bytes-like object, got '%s'", sv.Type().Name)
	}
	limit := -1
	if !countv.IsNull() {
		n, err := pyarg.Int(th, countv)
		if err != nil {
			return vm.NULL, 0, err
		}
		if n > 0 {
			limit = int(n)
		}
	}
	template, isStr := pyarg.Str(repl)
	var sb strings.Builder
	last, n := 0, 0
	for _, loc := range p.all(s, 0, limit) {
		sb.WriteString(s[last:loc[0]])
		m := &Match{pat: p, s: s, locs: loc}
		if isStr {
			out, err := m.expand(template)
			if err != nil {
				return vm.NULL, 0, err
			}
			sb.WriteString(out)
		} else {
			r, err := th.Call(repl, []vm.Value{vm.ObjectValue(m)}, nil)
			if err != nil {
				return vm.NULL, 0, err
			}
			rs, ok := pyarg.Str(r)
			if !ok {
				return vm.NULL, 0, vm.NewError(vm.TypeErrorType, "expected str instance, %s found", r.Type().Name)
			}
			sb.WriteString(rs)
		}
		last = loc[1]
		n++
	}
	sb.WriteString(s[last:])
	return vm.NewStr(sb.String()), n, nil
}

// expand substitutes \1, \g<1>, \g<name> and the usual escapes in a
// replacement template.
func (m *Match) expand(t string) (string, error) {
	var sb strings.Builder
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c != '\\' || i+1 >= len(t) {
			sb.WriteByte(c)
			continue
		}
		i++
		switch n := t[i]; {
		case n >= '0' && n <= '9':
			j := i
			for j < len(t) && j < i+2 && t[j] >= '0' && t[j] <= '9' {
				j++
			}
			g := 0
			for _, d := range t[i:j] {
				g = g*10 + int(d-'0')
			}
			if g > m.pat.re.NumSubexp() {
				return "", vm.NewError(ErrorType, "invalid group reference %d at position %d", g, i-1)
			}
			if v := m.groupValue(g, vm.NewStr("")); true {
				s, _ := pyarg.Str(v)
				sb.WriteString(s)
			}
			i = j - 1
		case n == 'g':
			end := strings.IndexByte(t[i:], '>')
			if i+1 >= len(t) || t[i+1] != '<' || end < 0 {
				return "", vm.NewError(ErrorType, "missing < at position %d", i)
			}
			name := t[i+2 : i+end]
			g, err := strconvAtoi(name)
			if err != nil {
				g = m.pat.re.SubexpIndex(name)
				if g < 0 {
					return "", vm.NewError(vm.IndexErrorType, "unknown group name '%s'", name)
				}
			}
			v := m.groupValue(g, vm.NewStr(""))
			s, _ := pyarg.Str(v)
			sb.WriteString(s)
			i += end
		case n == 'n':
			sb.WriteByte('\n')
		case n == 't':
			sb.WriteByte('\t')
		case n == 'r':
			sb.WriteByte('\r')
		case n == '\\':
			sb.WriteByte('\\')
		default:
			if (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') {
				return "", vm.NewError(ErrorType, "bad escape \\%c at position %d", n, i-1)
			}
			sb.WriteByte('\\')
			sb.WriteByte(n)
		}
	}
	return sb.String(), nil
}

func strconvAtoi(s string) (int, error) {
	n := 0
	if s == "" {
		return 0, vm.NewError(vm.ValueErrorType, "empty")
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, vm.NewError(vm.ValueErrorType, "not a number")
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

func mself(args []vm.Value) (*Match, []vm.Value, error) {
	if len(args) > 0 {
		if m, ok := args[0].Object().(*Match); ok {
			return m, args[1:], nil
		}
	}
	return nil, nil, vm.NewError(vm.TypeErrorType, "descriptor requires a 're.Match' object")
}

var matchMethods = map[string]vm.NativeFunc{
	"group": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		m, rest, err := mself(args)
		if err != nil {
			return vm.NULL, err
		}
		if len(rest) == 0 {
			return m.groupValue(0, vm.None), nil
		}
		if len(rest) == 1 {
			return m.group(th, rest[0])
		}
		out := make([]vm.Value, len(rest))
		for i, k := range rest {
			if out[i], err = m.group(th, k); err != nil {
				return vm.NULL, err
			}
		}
		return vm.NewTuple(out), nil
	},
	"groups": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		m, rest, err := mself(args)
		if err != nil {
			return vm.NULL, err
		}
		dflt := vm.None
		if len(rest) > 0 {
			dflt = rest[0]
		}
		out := make([]vm.Value, m.pat.re.NumSubexp())
		for i := range out {
			out[i] = m.groupValue(i+1, dflt)
		}
		return vm.NewTuple(out), nil
	},
	"groupdict": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		m, rest, err := mself(args)
		if err != nil {
			return vm.NULL, err
		}
		dflt := vm.None
		if len(rest) > 0 {
			dflt = rest[0]
		}
		d := vm.NewDict()
		for i, name := range m.pat.re.SubexpNames() {
			if name != "" {
				d.SetStr(name, m.groupValue(i, dflt))
			}
		}
		return vm.ObjectValue(d), nil
	},
	"start": spanPart(0),
	"end":   spanPart(1),
	"span": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		a, err := spanPart(0)(th, args, kwnames)
		if err != nil {
			return vm.NULL, err
		}
		b, err := spanPart(1)(th, args, kwnames)
		if err != nil {
			return vm.NULL, err
		}
		return vm.NewTuple([]vm.Value{a, b}), nil
	},
	"expand": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		m, rest, err := mself(args)
		if err != nil {
			return vm.NULL, err
		}
		if err := pyarg.One("expand", rest, kwnames); err != nil {
			return vm.NULL, err
		}
		t, _ := pyarg.Str(rest[0])
		s, err := m.expand(t)
		if err != nil {
			return vm.NULL, err
		}
		return vm.NewStr(s), nil
	},
}

func spanPart(k int) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		m, rest, err := mself(args)
		if err != nil {
			return vm.NULL, err
		}
		g := 0
		if len(rest) > 0 {
			if g, err = m.groupIndex(th, rest[0]); err != nil {
				return vm.NULL, err
			}
		}
		b := m.locs[2*g+k]
		if b < 0 {
			return vm.Int(-1), nil
		}
		return vm.Int(int64(runeIndex(m.s, b))), nil
	}
}

func (m *Match) NativeAttr(th *vm.Thread, name string) (vm.Value, error) {
	switch name {
	case "string":
		return vm.NewStr(m.s), nil
	case "re":
		return vm.ObjectValue(m.pat), nil
	case "pos":
		return vm.Int(int64(m.pos)), nil
	case "endpos":
		return vm.Int(int64(m.end)), nil
	case "lastindex":
		last := -1
		for i := 1; i <= m.pat.re.NumSubexp(); i++ {
			if m.locs[2*i] >= 0 && (last < 0 || m.locs[2*i+1] >= m.locs[2*last+1]) {
				last = i
			}
		}
		if last < 0 {
			return vm.None, nil
		}
		return vm.Int(int64(last)), nil
	}
	return vm.NULL, nil
}

func (p *Pattern) NativeAttr(th *vm.Thread, name string) (vm.Value, error) {
	switch name {
	case "pattern":
		return vm.NewStr(p.src), nil
	case "flags":
		return vm.Int(p.flags | flagU), nil
	case "groups":
		return vm.Int(int64(p.re.NumSubexp())), nil
	case "groupindex":
		d := vm.NewDict()
		for i, n := range p.re.SubexpNames() {
			if n != "" {
				d.SetStr(n, vm.Int(int64(i)))
			}
		}
		return vm.ObjectValue(d), nil
	}
	return vm.NULL, nil
}
