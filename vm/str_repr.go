package vm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// StrRepr returns repr(s) as CPython writes it: single quotes unless the
// string contains a single quote and no double quote; \t \n \r \\ and the
// quote escaped; other non-printable characters as \xNN, \uNNNN or
// \UNNNNNNNN; printable non-ASCII characters kept.
func StrRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var sb strings.Builder
	sb.Grow(len(s) + 2)
	sb.WriteByte(quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == quote || c == '\\':
				sb.WriteByte('\\')
				sb.WriteByte(c)
			case c == '\t':
				sb.WriteString(`\t`)
			case c == '\n':
				sb.WriteString(`\n`)
			case c == '\r':
				sb.WriteString(`\r`)
			case c < ' ' || c == 0x7f:
				writeHexEscape(&sb, 'x', uint32(c), 2)
			default:
				sb.WriteByte(c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			writeHexEscape(&sb, 'x', uint32(s[i-1]), 2)
		case unicode.IsPrint(r):
			sb.WriteRune(r)
		case r < 0x100:
			writeHexEscape(&sb, 'x', uint32(r), 2)
		case r < 0x10000:
			writeHexEscape(&sb, 'u', uint32(r), 4)
		default:
			writeHexEscape(&sb, 'U', uint32(r), 8)
		}
	}
	sb.WriteByte(quote)
	return sb.String()
}

// ASCIIRepr is ascii(s): StrRepr with every non-ASCII character escaped.
func ASCIIRepr(s string) string { return asciiEscape(StrRepr(s)) }

const hexDigits = "0123456789abcdef"

func writeHexEscape(sb *strings.Builder, kind byte, c uint32, width int) {
	sb.WriteByte('\\')
	sb.WriteByte(kind)
	for i := width - 1; i >= 0; i-- {
		sb.WriteByte(hexDigits[(c>>(4*uint(i)))&0xf])
	}
}
