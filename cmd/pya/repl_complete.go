package main

import (
	"sort"
	"strings"
	"unicode"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// Tab completion, after CPython's rlcompleter: keywords, then names in
// scope (globals, builtins), or attributes after a dot. Callables get "(",
// keywords that start a clause get " " (try/finally ":"). The dotted prefix
// is resolved by name and attribute lookups only; nothing is evaluated.

// keywords is keyword.kwlist of Python 3.11.
var keywords = []string{"False", "None", "True", "and", "as", "assert", "async", "await",
	"break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
	"from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
	"raise", "return", "try", "while", "with", "yield"}

// indentUnit is what Tab inserts at the start of a line (CPython inserts a
// tab character there, for indenting blocks).
const indentUnit = "    "

// completeWord is liner's WordCompleter. It runs on the reader goroutine
// and takes the GIL (the loop releases it while waiting for input).
func (r *repl) completeWord(line string, pos int) (head string, completions []string, tail string) {
	rs := []rune(line)
	if pos > len(rs) {
		pos = len(rs)
	}
	start := pos
	for start > 0 && (isIdentRune(rs[start-1]) || rs[start-1] == '.') {
		start--
	}
	head, word, tail := string(rs[:start]), string(rs[start:pos]), string(rs[pos:])
	if word == "" {
		if strings.TrimSpace(head) == "" {
			return head, []string{indentUnit}, tail
		}
		return head, nil, tail
	}
	gil := runtime.CurrentGIL(r.th)
	gil.Acquire()
	defer gil.Release()
	return head, completeText(r.compTh, r.main.Dict, r.in.Builtins(), word), tail
}

// completeText returns the completions of text: global names, or
// attributes when text is a dotted name.
func completeText(th *vm.Thread, globals, builtins *vm.Dict, text string) []string {
	if i := strings.LastIndexByte(text, '.'); i >= 0 {
		return attrMatches(th, globals, builtins, text[:i], text[i+1:])
	}
	return globalMatches(globals, builtins, text)
}

func isIdentRune(c rune) bool { return c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c) }

func isIdentifier(s string) bool {
	for i, c := range s {
		if !isIdentRune(c) || (i == 0 && unicode.IsDigit(c)) {
			return false
		}
	}
	return s != ""
}

// globalMatches is rlcompleter.global_matches.
func globalMatches(globals, builtins *vm.Dict, text string) []string {
	var matches []string
	seen := map[string]bool{}
	for _, w := range keywords {
		if !strings.HasPrefix(w, text) {
			continue
		}
		seen[w] = true
		switch w {
		case "finally", "try":
			w += ":"
		case "False", "None", "True", "break", "continue", "pass", "else":
		default:
			w += " "
		}
		matches = append(matches, w)
	}
	for _, ns := range []*vm.Dict{globals, builtins} {
		for _, k := range ns.Keys() {
			s := vm.AsStr(k)
			if s == nil {
				continue
			}
			w := s.String()
			if !strings.HasPrefix(w, text) || seen[w] {
				continue
			}
			seen[w] = true
			v, _ := ns.GetStr(w)
			matches = append(matches, callablePostfix(v, w))
		}
	}
	sort.Strings(matches)
	return matches
}

func callablePostfix(v vm.Value, w string) string {
	if !v.IsNull() && vm.IsCallable(v) {
		return w + "("
	}
	return w
}

// attrMatches is rlcompleter.attr_matches for a plain dotted name expr:
// attribute names of its value starting with attr, hiding _private names
// unless attr asks for them.
func attrMatches(th *vm.Thread, globals, builtins *vm.Dict, expr, attr string) []string {
	obj, ok := resolveDotted(th, globals, builtins, expr)
	if !ok {
		return nil
	}
	words := attrNames(th, obj)
	noprefix := ""
	switch attr {
	case "":
		noprefix = "_"
	case "_":
		noprefix = "__"
	}
	var matches []string
	for {
		for _, w := range words {
			if !strings.HasPrefix(w, attr) || (noprefix != "" && strings.HasPrefix(w, noprefix)) {
				continue
			}
			matches = append(matches, attrCompletion(th, obj, expr+"."+w, w))
		}
		if len(matches) > 0 || noprefix == "" {
			break
		}
		if noprefix == "_" {
			noprefix = "__"
		} else {
			noprefix = ""
		}
	}
	sort.Strings(matches)
	return matches
}

// resolveDotted looks up a.b.c: a in globals then builtins, then attributes.
func resolveDotted(th *vm.Thread, globals, builtins *vm.Dict, expr string) (vm.Value, bool) {
	parts := strings.Split(expr, ".")
	for _, p := range parts {
		if !isIdentifier(p) {
			return vm.NULL, false
		}
	}
	v, ok := globals.GetStr(parts[0])
	if !ok {
		if v, ok = builtins.GetStr(parts[0]); !ok {
			return vm.NULL, false
		}
	}
	for _, p := range parts[1:] {
		next, err := vm.LookupAttr(th, v, p)
		if err != nil || next.IsNull() {
			return vm.NULL, false
		}
		v = next
	}
	return v, true
}

// attrNames is a dir() that runs no user code: a module's namespace, a
// class's MRO dicts, or an instance's __dict__ plus its class's.
func attrNames(th *vm.Thread, obj vm.Value) []string {
	seen := map[string]bool{"__class__": true}
	add := func(d *vm.Dict) {
		if d == nil {
			return
		}
		for _, k := range d.Keys() {
			if s := vm.AsStr(k); s != nil {
				seen[s.String()] = true
			}
		}
	}
	switch o := obj.Object().(type) {
	case *vm.Module:
		add(o.Dict)
	case *vm.Type:
		for _, t := range o.MRO {
			add(t.Dict)
		}
	default:
		if d, err := vm.LookupAttr(th, obj, "__dict__"); err == nil {
			if dd, ok := d.Object().(*vm.Dict); ok {
				add(dd)
			}
		}
	}
	for _, t := range obj.Type().MRO {
		add(t.Dict)
	}
	delete(seen, "__builtins__")
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// attrCompletion adds "(" to a callable attribute; properties are not
// evaluated.
func attrCompletion(th *vm.Thread, obj vm.Value, match, name string) string {
	for _, t := range obj.Type().MRO {
		if t.Dict == nil {
			continue
		}
		if v, ok := t.Dict.GetStr(name); ok {
			if v.Type() == vm.PropertyType {
				return match
			}
			break
		}
	}
	var v vm.Value
	if m, ok := obj.Object().(*vm.Module); ok {
		v, _ = m.Dict.GetStr(name)
	} else if r, err := vm.LookupAttr(th, obj, name); err == nil {
		v = r
	}
	return callablePostfix(v, match)
}
