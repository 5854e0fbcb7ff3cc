package lexer

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// str scans a string literal starting at byte offset start (its prefix, if
// any, or its opening quote) and emits it whole, prefix and quotes included.
func (s *scanner) str(start int) error {
	pos := s.position()
	for s.src[s.pos] != '"' && s.src[s.pos] != '\'' {
		s.advance(1)
	}
	q := s.src[s.pos]
	triple := s.peek(1) == q && s.peek(2) == q
	if triple {
		s.advance(3)
	} else {
		s.advance(1)
	}
	for {
		if s.pos >= len(s.src) {
			line := s.line
			if s.col == 1 && line > pos.Line {
				line--
			}
			if triple {
				return s.errorAt("SyntaxError", pos.Line, pos.Column, 0, "unterminated triple-quoted string literal (detected at line %d)", line)
			}
			return s.errorAt("SyntaxError", pos.Line, pos.Column, 0, "unterminated string literal (detected at line %d)", line)
		}
		c := s.src[s.pos]
		switch {
		case c == '\\':
			s.advance(1)
			if s.pos < len(s.src) {
				if s.src[s.pos] == '\n' {
					s.newline()
				} else {
					s.advance(1)
				}
			}
		case c == '\n':
			if !triple {
				return s.errorAt("SyntaxError", pos.Line, pos.Column, 0, "unterminated string literal (detected at line %d)", s.line)
			}
			s.newline()
		case c == q:
			if !triple {
				s.advance(1)
				s.emit(String, string(s.src[start:s.pos]), pos)
				return nil
			}
			if s.peek(1) == q && s.peek(2) == q {
				s.advance(3)
				s.emit(String, string(s.src[start:s.pos]), pos)
				return nil
			}
			s.advance(1)
		default:
			s.advance(1)
		}
	}
}

// StringParts splits a raw string literal token into its prefix flags and
// its body (the text between the quotes).
func StringParts(raw string) (body string, isRaw, isBytes, isF bool, quoteLen int) {
	i := 0
	for i < len(raw) && raw[i] != '"' && raw[i] != '\'' {
		switch raw[i] | 0x20 {
		case 'r':
			isRaw = true
		case 'b':
			isBytes = true
		case 'f':
			isF = true
		}
		i++
	}
	quoteLen = 1
	if len(raw)-i >= 6 && raw[i+1] == raw[i] && raw[i+2] == raw[i] {
		quoteLen = 3
	}
	return raw[i+quoteLen : len(raw)-quoteLen], isRaw, isBytes, isF, quoteLen
}

// Unescape decodes the escapes of a string or bytes literal body. For bytes
// each result rune is one byte (0-255) and \u, \U, \N are not escapes.
func Unescape(body string, isBytes bool) (string, error) {
	if strings.IndexByte(body, '\\') < 0 {
		if isBytes {
			for i := 0; i < len(body); i++ {
				if body[i] >= 0x80 {
					return "", fmt.Errorf("bytes can only contain ASCII literal characters")
				}
			}
		}
		return body, nil
	}
	var b strings.Builder
	b.Grow(len(body))
	put := func(r rune) {
		if isBytes {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			if isBytes && c >= 0x80 {
				return "", fmt.Errorf("bytes can only contain ASCII literal characters")
			}
			b.WriteByte(c)
			i++
			continue
		}
		if i+1 >= len(body) {
			b.WriteByte('\\')
			break
		}
		e := body[i+1]
		i += 2
		switch e {
		case '\n':
		case '\\', '\'', '"':
			b.WriteByte(e)
		case 'a':
			b.WriteByte(7)
		case 'b':
			b.WriteByte(8)
		case 'f':
			b.WriteByte(12)
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte(11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := rune(e - '0')
			for n := 1; n < 3 && i < len(body) && body[i] >= '0' && body[i] <= '7'; n++ {
				v = v*8 + rune(body[i]-'0')
				i++
			}
			if isBytes {
				v &= 0xff
			}
			put(v)
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if e != 'x' && isBytes {
				b.WriteByte('\\')
				b.WriteByte(e)
				continue
			}
			if i+n > len(body) {
				return "", escapeError(e, i-2, len(body))
			}
			v, err := strconv.ParseUint(body[i:i+n], 16, 32)
			if err != nil {
				return "", escapeError(e, i-2, i+n)
			}
			if v > utf8.MaxRune {
				return "", fmt.Errorf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: illegal Unicode character", i-2, i+n-1)
			}
			i += n
			put(rune(v))
		case 'N':
			if isBytes {
				b.WriteString("\\N")
				continue
			}
			end := strings.IndexByte(body[i:], '}')
			if i >= len(body) || body[i] != '{' || end < 0 {
				return "", fmt.Errorf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: malformed \\N character escape", i-2, i-1)
			}
			r, ok := lookupName(body[i+1 : i+end])
			if !ok {
				return "", fmt.Errorf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: unknown Unicode character name", i-2, i+end)
			}
			i += end + 1
			put(r)
		default:
			// Unknown escapes are kept verbatim (CPython warns).
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String(), nil
}

func escapeError(e byte, from, to int) error {
	kind := map[byte]string{'x': "truncated \\xXX escape", 'u': "truncated \\uXXXX escape", 'U': "truncated \\UXXXXXXXX escape"}[e]
	return fmt.Errorf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s", from, to-1, kind)
}

// names is a small table for \N{...}; the full Unicode name database is
// not bundled.
var names = map[string]rune{
	"BULLET": '•', "EM DASH": '—', "EN DASH": '–', "HORIZONTAL ELLIPSIS": '…',
	"SPACE": ' ', "NO-BREAK SPACE": '\u00a0', "DEGREE SIGN": '°', "EURO SIGN": '€',
	"GREEK SMALL LETTER ALPHA": 'α', "GREEK SMALL LETTER BETA": 'β', "GREEK SMALL LETTER PI": 'π',
	"CHECK MARK": '✓', "HEAVY CHECK MARK": '✔', "BALLOT X": '✗', "RIGHTWARDS ARROW": '→',
	"LEFTWARDS ARROW": '←', "BLACK STAR": '★', "WHITE STAR": '☆', "COPYRIGHT SIGN": '©',
	"SNOWMAN": '☃', "HOURGLASS": '⌛', "WARNING SIGN": '⚠', "LATIN SMALL LETTER E WITH ACUTE": 'é',
	"NULL": 0, "LINE FEED": '\n', "CHARACTER TABULATION": '\t', "CARRIAGE RETURN": '\r',
	"MULTIPLICATION SIGN": '×', "DIVISION SIGN": '÷', "INFINITY": '∞', "PILE OF POO": '💩',
	"GRINNING FACE": '😀', "THUMBS UP SIGN": '👍', "ROCKET": '🚀', "HOT BEVERAGE": '☕',
}

func lookupName(n string) (rune, bool) {
	r, ok := names[strings.ToUpper(n)]
	return r, ok
}
