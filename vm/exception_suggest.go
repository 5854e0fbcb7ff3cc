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

// nameSuggestion computes the suggestion of a NameError raised in f: the
// frame's locals, then its globals, then the builtins.
func nameSuggestion(f *Frame, name string) string {
	var locals []string
	if f.ns != nil && f.ns != f.globals {
		locals = dictKeys(f.ns)
	} else if f.fn != nil || f.ns == nil {
		c := f.co.Code
		for i, n := range c.LocalNames {
			if !f.slots[i].IsNull() {
				locals = append(locals, n)
			}
		}
		for i := 0; i < f.co.ncells; i++ {
			if cell, ok := f.slots[f.co.nlocals+i].o.(*Cell); ok && !cell.V.IsNull() {
				locals = append(locals, cellName(f.co, i))
			}
		}
		sort.Strings(locals)
	}
	if s := suggest(locals, name); s != "" {
		return s
	}
	if s := suggest(dictKeys(f.globals), name); s != "" {
		return s
	}
	return suggest(dictKeys(f.builtins), name)
}

// nameError makes NameError "name 'x' is not defined" with its suggestion.
func nameError(f *Frame, name string) error {
	e := NewError(NameErrorType, "name '%s' is not defined", name).(*Exception)
	e.suggestion = nameSuggestion(f, name)
	return e
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
