package jsonscan

import (
	"strings"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// Quote returns s as a JSON string literal, as json.dumps writes it: with
// ensureASCII every character outside ' '..'~' is a \uXXXX escape (UTF-16
// surrogate pairs above U+FFFF); otherwise only '"', '\\' and control
// characters are escaped.
func Quote(s string, ensureASCII bool) string {
	var sb strings.Builder
	sb.Grow(len(s) + 2)
	sb.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case '"':
				sb.WriteString(`\"`)
			case '\\':
				sb.WriteString(`\\`)
			case '\n':
				sb.WriteString(`\n`)
			case '\r':
				sb.WriteString(`\r`)
			case '\t':
				sb.WriteString(`\t`)
			case '\b':
				sb.WriteString(`\b`)
			case '\f':
				sb.WriteString(`\f`)
			default:
				if c < 0x20 || (ensureASCII && c == 0x7f) {
					writeU(&sb, rune(c))
				} else {
					sb.WriteByte(c)
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !ensureASCII {
			sb.WriteString(s[i : i+size])
		} else if r >= 0x10000 {
			r -= 0x10000
			writeU(&sb, 0xd800|(r>>10)&0x3ff)
			writeU(&sb, 0xdc00|r&0x3ff)
		} else {
			writeU(&sb, r)
		}
		i += size
	}
	sb.WriteByte('"')
	return sb.String()
}

func writeU(sb *strings.Builder, r rune) {
	sb.WriteString(`\u`)
	sb.WriteByte(hexDigits[r>>12&15])
	sb.WriteByte(hexDigits[r>>8&15])
	sb.WriteByte(hexDigits[r>>4&15])
	sb.WriteByte(hexDigits[r&15])
}
