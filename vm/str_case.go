package vm

import (
	"strings"
	"unicode"
)

// Case mapping and character classes of str, following CPython's
// definitions (Unicode properties as Go's unicode tables know them).

//go:generate python3 gen_casing.py

// isCased is Unicode's Cased property (Lowercase, Uppercase or Lt, with the
// Other_Lowercase/Other_Uppercase letters such as ª and ⓐ).
func isCased(r rune) bool { return isUpperRune(r) || isLowerRune(r) || unicode.IsTitle(r) }

// isLowerRune and isUpperRune are the Lowercase and Uppercase properties
// (the letter categories plus Other_Lowercase/Other_Uppercase: ª, ʰ, Ⅰ, ⓐ).
func isLowerRune(r rune) bool {
	return unicode.IsLower(r) || r >= 0xaa && unicode.Is(unicode.Other_Lowercase, r)
}

func isUpperRune(r rune) bool {
	return unicode.IsUpper(r) || r >= 0x2160 && unicode.Is(unicode.Other_Uppercase, r)
}

// isCaseIgnorable is Unicode's Case_Ignorable property: marks, format
// characters, modifiers and the word-internal punctuation (apostrophes,
// periods, colons) that the Final_Sigma rule looks through.
func isCaseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '^', '`', 0xb7, 0x387, 0x55f, 0x5f4, 0x2018, 0x2019, 0x2024, 0x2027,
		0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// The case mappings are CPython's full ones: a code point with an entry in
// the generated special tables (SpecialCasing.txt, CaseFolding.txt) maps to
// that string, any other to Go's simple mapping.

// writeUpper, writeTitle and writeFold append the full mapping of r.
func writeUpper(sb *strings.Builder, r rune) {
	if m, ok := specialUpper[r]; ok {
		sb.WriteString(m)
		return
	}
	sb.WriteRune(unicode.ToUpper(r))
}

func writeTitle(sb *strings.Builder, r rune) {
	if m, ok := specialTitle[r]; ok {
		sb.WriteString(m)
		return
	}
	sb.WriteRune(unicode.ToTitle(r))
}

func writeFold(sb *strings.Builder, r rune) {
	if m, ok := foldDiff[r]; ok {
		sb.WriteString(m)
		return
	}
	if m, ok := specialLower[r]; ok {
		sb.WriteString(m)
		return
	}
	sb.WriteRune(unicode.ToLower(r))
}

// writeLower appends the full lower-case mapping of rs[i]; a capital sigma
// becomes the final form ς at the end of a word (Final_Sigma: preceded by a
// cased letter and not followed by one, ignoring case-ignorable ones).
func writeLower(sb *strings.Builder, rs []rune, i int) {
	r := rs[i]
	if r == 0x3a3 {
		sb.WriteRune(finalSigma(rs, i))
		return
	}
	if m, ok := specialLower[r]; ok {
		sb.WriteString(m)
		return
	}
	sb.WriteRune(unicode.ToLower(r))
}

func finalSigma(rs []rune, i int) rune {
	j := i - 1
	for j >= 0 && isCaseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !isCased(rs[j]) {
		return 0x3c3
	}
	j = i + 1
	for j < len(rs) && isCaseIgnorable(rs[j]) {
		j++
	}
	if j < len(rs) && isCased(rs[j]) {
		return 0x3c3
	}
	return 0x3c2
}

// upperStr is str.upper.
func upperStr(s string) string {
	if isASCIIStr(s) {
		return strings.ToUpper(s)
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for _, r := range s {
		writeUpper(&sb, r)
	}
	return sb.String()
}

// lowerStr is str.lower.
func lowerStr(s string) string {
	if isASCIIStr(s) {
		return strings.ToLower(s)
	}
	rs := []rune(s)
	var sb strings.Builder
	sb.Grow(len(s))
	for i := range rs {
		writeLower(&sb, rs, i)
	}
	return sb.String()
}

// casefoldStr is str.casefold (full case folding).
func casefoldStr(s string) string {
	if isASCIIStr(s) {
		return strings.ToLower(s)
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for _, r := range s {
		writeFold(&sb, r)
	}
	return sb.String()
}

// swapcaseStr is str.swapcase: upper-case letters lower-cased and
// lower-case ones upper-cased, with the full mappings.
func swapcaseStr(s string) string {
	rs := []rune(s)
	var sb strings.Builder
	sb.Grow(len(s))
	for i, r := range rs {
		switch {
		case isUpperRune(r):
			writeLower(&sb, rs, i)
		case isLowerRune(r):
			writeUpper(&sb, r)
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// titleStr is str.title: a character following a cased one is lower-cased,
// any other title-cased.
func titleStr(s string) string {
	rs := []rune(s)
	var sb strings.Builder
	sb.Grow(len(s))
	prev := false
	for i, r := range rs {
		if prev {
			writeLower(&sb, rs, i)
		} else {
			writeTitle(&sb, r)
		}
		prev = isCased(r)
	}
	return sb.String()
}

// capitalizeStr is str.capitalize: the first character title-cased, the
// rest lower-cased.
func capitalizeStr(s string) string {
	if s == "" {
		return s
	}
	rs := []rune(s)
	var sb strings.Builder
	sb.Grow(len(s))
	writeTitle(&sb, rs[0])
	for i := 1; i < len(rs); i++ {
		writeLower(&sb, rs, i)
	}
	return sb.String()
}

// allRunes reports whether s is non-empty and every rune satisfies f.
func allRunes(s string, f func(rune) bool) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !f(r) {
			return false
		}
	}
	return true
}

func isDecimalRune(r rune) bool { return unicode.Is(unicode.Nd, r) }

// isDigitRune: decimals plus digits with a numeric type of Digit
// (superscripts, circled digits), approximated by No characters that have a
// digit value 0-9 in their name range.
func isDigitRune(r rune) bool {
	if isDecimalRune(r) {
		return true
	}
	switch {
	case r == 0xb2 || r == 0xb3 || r == 0xb9, r >= 0x2070 && r <= 0x2079, r >= 0x2080 && r <= 0x2089,
		r >= 0x2460 && r <= 0x2468, r >= 0x2474 && r <= 0x247c, r >= 0x2488 && r <= 0x2490,
		r >= 0x24f5 && r <= 0x24fd, r == 0x24ea, r == 0x24ff, r >= 0x2776 && r <= 0x277e,
		r >= 0x2780 && r <= 0x2788, r >= 0x278a && r <= 0x2792, r >= 0x1369 && r <= 0x1371:
		return true
	}
	return false
}

// cjkNumerals are the Lo ideographs CPython's isnumeric accepts.
const cjkNumerals = "〇一二三四五六七八九十百千万亿兆零壹贰叁肆伍陆柒捌玖拾佰仟萬億"

func isNumericRune(r rune) bool {
	return unicode.IsNumber(r) || strings.ContainsRune(cjkNumerals, r)
}

func isAlnumRune(r rune) bool { return unicode.IsLetter(r) || isNumericRune(r) }

func isPrintableRune(r rune) bool { return r == ' ' || unicode.IsPrint(r) }

func isUpperStr(s string) bool {
	cased := false
	for _, r := range s {
		if isLowerRune(r) || unicode.IsTitle(r) {
			return false
		}
		if isUpperRune(r) {
			cased = true
		}
	}
	return cased
}

func isLowerStr(s string) bool {
	cased := false
	for _, r := range s {
		if isUpperRune(r) || unicode.IsTitle(r) {
			return false
		}
		if isLowerRune(r) {
			cased = true
		}
	}
	return cased
}

func isTitleStr(s string) bool {
	cased, prev := false, false
	for _, r := range s {
		switch {
		case isUpperRune(r) || unicode.IsTitle(r):
			if prev {
				return false
			}
			prev, cased = true, true
		case isLowerRune(r):
			if !prev {
				return false
			}
			prev, cased = true, true
		default:
			prev = false
		}
	}
	return cased
}

// IsIdentifier is str.isidentifier (XID_Start/XID_Continue, approximated
// with letters, marks, digits and connector punctuation).
func IsIdentifier(s string) bool {
	for i, r := range s {
		if i == 0 {
			if r != '_' && !unicode.IsLetter(r) && !unicode.Is(unicode.Nl, r) {
				return false
			}
			continue
		}
		if r != '_' && !unicode.IsLetter(r) && !unicode.Is(unicode.Nl, r) && !unicode.Is(unicode.Mn, r) &&
			!unicode.Is(unicode.Mc, r) && !unicode.Is(unicode.Nd, r) && !unicode.Is(unicode.Pc, r) {
			return false
		}
	}
	return s != ""
}

func isASCIIStr(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
