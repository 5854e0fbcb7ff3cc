package vm

import (
	"strings"
	"unicode"
)

// Case mapping and character classes of str, following CPython's
// definitions (Unicode properties as Go's unicode tables know them).

func isCased(r rune) bool { return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) }

// upperStr is str.upper (with the full mapping of ß to SS).
func upperStr(s string) string {
	if strings.ContainsRune(s, 'ß') {
		s = strings.ReplaceAll(s, "ß", "SS")
	}
	return strings.ToUpper(s)
}

func lowerStr(s string) string { return strings.ToLower(s) }

func casefoldStr(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "ß", "ss")
}

func swapcaseStr(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r == 'ß':
			sb.WriteString("SS")
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			sb.WriteRune(unicode.ToLower(r))
		case unicode.IsLower(r):
			sb.WriteRune(unicode.ToUpper(r))
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// titleStr is str.title: a cased character following an uncased one is
// title-cased, others lower-cased.
func titleStr(s string) string {
	var sb strings.Builder
	prev := false
	for _, r := range s {
		if prev {
			sb.WriteRune(unicode.ToLower(r))
		} else {
			sb.WriteRune(unicode.ToTitle(r))
		}
		prev = isCased(r)
	}
	return sb.String()
}

// capitalizeStr is str.capitalize: the first character title-cased, the rest lower-cased.
func capitalizeStr(s string) string {
	for i, r := range s {
		if i == 0 {
			var sb strings.Builder
			sb.WriteRune(unicode.ToTitle(r))
			sb.WriteString(strings.ToLower(s[len(string(r)):]))
			return sb.String()
		}
	}
	return s
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
		if unicode.IsLower(r) || unicode.IsTitle(r) {
			return false
		}
		if unicode.IsUpper(r) {
			cased = true
		}
	}
	return cased
}

func isLowerStr(s string) bool {
	cased := false
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return false
		}
		if unicode.IsLower(r) {
			cased = true
		}
	}
	return cased
}

func isTitleStr(s string) bool {
	cased, prev := false, false
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			if prev {
				return false
			}
			prev, cased = true, true
		case unicode.IsLower(r):
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
