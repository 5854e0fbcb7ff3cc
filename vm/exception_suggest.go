package vm

import "sort"

// "Did you mean" suggestions for NameError and AttributeError, with
// CPython 3.11's algorithm (Python/suggestions.c): the closest candidate by
// a Levenshtein distance where a case change costs 1 and other edits 2, at
// most a third of the characters changed.

const (
	suggestMaxItems  = 750
	suggestMaxString = 40
	suggestMoveCost  = 2
	suggestCaseCost  = 1
)

func substitutionCost(a, b byte) int {
	if a&31 != b&31 {
		return suggestMoveCost
	}
	if a == b {
		return 0
	}
	if 'A' <= a && a <= 'Z' {
		a += 'a' - 'A'
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	if a == b {
		return suggestCaseCost
	}
	return suggestMoveCost
}

func levenshtein(a, b string, maxCost int) int {
	if len(a) > suggestMaxString || len(b) > suggestMaxString {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*suggestMoveCost > maxCost {
		return maxCost + 1
	}
	for len(a) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 {
		return len(b) * suggestMoveCost
	}
	buf := make([]int, len(a))
	for i := range buf {
		buf[i] = (i + 1) * suggestMoveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		code := b[bi]
		distance := bi * suggestMoveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for i := 0; i < len(a); i++ {
			substitute := distance + substitutionCost(code, a[i])
			distance = buf[i]
			insertDelete := min(result, distance) + suggestMoveCost
			result = min(insertDelete, substitute)
			buf[i] = result
			if result < minimum {
				minimum = result
			}
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// suggest returns the best candidate for name among dir (sorted), or "".
func suggest(dir []string, name string) string {
	if len(dir) >= suggestMaxItems {
		return ""
	}
	best, bestDist := "", int(^uint(0)>>1)
	for _, item := range dir {
		if item == name {
			continue
		}
		maxDist := (len(name) + len(item) + 3) * suggestMoveCost / 6
		maxDist = min(maxDist, bestDist-1)
		d := levenshtein(name, item, maxDist)
		if d > maxDist {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = item, d
		}
	}
	return best
}

// dictKeys returns the str keys of d, sorted (as dir() would list them).
func dictKeys(d *Dict) []string {
	if d == nil {
		return nil
	}
	var ks []string
	d.Items(func(k, _ Value) bool {
		if s, ok := k.o.(*Str); ok {
			ks = append(ks, s.s)
		}
		return true
	})
	sort.Strings(ks)
	return ks
}

// nameInfo records where a NameError was raised, for its suggestion: the
// code's variable names and the frame's globals and builtins.
type nameInfo struct {
	varnames          []string
	globals, builtins *Dict
}

// nameError makes NameError "name 'x' is not defined", remembering the
// frame's names for the "Did you mean" suggestion.
func nameError(f *Frame, name string) error {
	e := NewError(NameErrorType, "name '%s' is not defined", name).(*Exception)
	e.attrName = name
	e.nameInfo = &nameInfo{varnames: f.co.Code.LocalNames, globals: f.globals, builtins: f.builtins}
	return e
}

// dictKeysOrdered returns the str keys of d in insertion order.
func dictKeysOrdered(d *Dict) []string {
	if d == nil {
		return nil
	}
	var ks []string
	d.Items(func(k, _ Value) bool {
		if s, ok := k.o.(*Str); ok {
			ks = append(ks, s.s)
		}
		return true
	})
	return ks
}

// computeSuggestion returns e's "Did you mean" name. uncaught selects the
// interpreter's own report (code variable names, then globals, then
// builtins, as pythonrun.c); otherwise the traceback module's rule applies,
// where a finished frame has no locals (one list of globals and builtins).
func computeSuggestion(e *Exception, uncaught bool) string {
	if e.attrName == "" {
		return ""
	}
	if ni := e.nameInfo; ni != nil {
		if uncaught {
			for _, dir := range [][]string{ni.varnames, dictKeysOrdered(ni.globals), dictKeysOrdered(ni.builtins)} {
				if s := suggest(dir, e.attrName); s != "" {
					return s
				}
			}
			return ""
		}
		return suggest(append(dictKeysOrdered(ni.globals), dictKeysOrdered(ni.builtins)...), e.attrName)
	}
	if e.attrObj.IsNull() {
		return ""
	}
	return attrSuggestion(e.attrObj, e.attrName)
}

// attrSuggestion computes the suggestion of an AttributeError on obj.
func attrSuggestion(obj Value, name string) string {
	var names []string
	for _, v := range dirNames(obj) {
		if s, ok := v.o.(*Str); ok {
			names = append(names, s.s)
		}
	}
	sort.Strings(names)
	return suggest(names, name)
}
