package vm

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The codecs str.encode and bytes.decode know: utf-8, ascii and latin-1,
// with the strict, ignore, replace, backslashreplace and xmlcharrefreplace
// error handlers (encode) and strict, ignore, replace, backslashreplace
// (decode).

// normEncoding maps an encoding name to "utf-8", "ascii" or "latin-1".
func normEncoding(enc string) (string, error) {
	n := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(enc), "_", "-"))
	switch n {
	case "utf-8", "utf8", "u8", "utf":
		return "utf-8", nil
	case "ascii", "us-ascii", "646":
		return "ascii", nil
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "latin":
		return "latin-1", nil
	}
	return "", NewError(LookupErrorType, "unknown encoding: %s", enc)
}

func checkHandler(errors string) error {
	switch errors {
	case "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape":
		return nil
	}
	return NewError(LookupErrorType, "unknown error handler name '%s'", errors)
}

// encodeStr is str.encode.
func encodeStr(s, encoding, errors string) ([]byte, error) {
	enc, err := normEncoding(encoding)
	if err != nil {
		return nil, err
	}
	if enc == "utf-8" {
		return []byte(s), nil
	}
	limit := rune(0x80)
	if enc == "latin-1" {
		limit = 0x100
	}
	out := make([]byte, 0, len(s))
	pos := 0
	for _, r := range s {
		if r < limit {
			out = append(out, byte(r))
			pos++
			continue
		}
		if err := checkHandler(errors); err != nil {
			return nil, err
		}
		switch errors {
		case "ignore":
		case "replace":
			out = append(out, '?')
		case "backslashreplace":
			var sb strings.Builder
			switch {
			case r < 0x100:
				writeHexEscape(&sb, 'x', uint32(r), 2)
			case r < 0x10000:
				writeHexEscape(&sb, 'u', uint32(r), 4)
			default:
				writeHexEscape(&sb, 'U', uint32(r), 8)
			}
			out = append(out, sb.String()...)
		case "xmlcharrefreplace":
			out = append(out, fmt.Sprintf("&#%d;", r)...)
		default:
			return nil, NewError(UnicodeEncodeErrorType, "'%s' codec can't encode character '%s' in position %d: ordinal not in range(%d)",
				enc, escapeChar(r), pos, limit)
		}
		pos++
	}
	return out, nil
}

// escapeChar renders r as repr shows it inside quotes (for codec errors).
func escapeChar(r rune) string {
	var sb strings.Builder
	switch {
	case r < 0x100:
		writeHexEscape(&sb, 'x', uint32(r), 2)
	case r < 0x10000:
		writeHexEscape(&sb, 'u', uint32(r), 4)
	default:
		writeHexEscape(&sb, 'U', uint32(r), 8)
	}
	return sb.String()
}

// decodeBytes is bytes.decode.
func decodeBytes(b []byte, encoding, errors string) (string, error) {
	enc, err := normEncoding(encoding)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	switch enc {
	case "latin-1":
		for _, c := range b {
			sb.WriteRune(rune(c))
		}
		return sb.String(), nil
	case "ascii":
		for i, c := range b {
			if c < 0x80 {
				sb.WriteByte(c)
				continue
			}
			if err := decodeError(&sb, errors, enc, b, i, i+1, "ordinal not in range(128)"); err != nil {
				return "", err
			}
		}
		return sb.String(), nil
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n > 1 {
			sb.WriteString(string(b[i : i+n]))
			i += n
			continue
		}
		end, reason := utf8ErrorSpan(b, i)
		if err := decodeError(&sb, errors, enc, b, i, end, reason); err != nil {
			return "", err
		}
		i = end
	}
	return sb.String(), nil
}

// utf8ErrorSpan classifies an invalid UTF-8 sequence at b[i] as CPython
// does, returning the end of the bytes it reports.
func utf8ErrorSpan(b []byte, i int) (int, string) {
	c := b[i]
	need := 0
	switch {
	case c >= 0xc2 && c <= 0xdf:
		need = 1
	case c >= 0xe0 && c <= 0xef:
		need = 2
	case c >= 0xf0 && c <= 0xf4:
		need = 3
	default:
		return i + 1, "invalid start byte"
	}
	j := i + 1
	for k := 0; k < need; k++ {
		if j >= len(b) {
			return j, "unexpected end of data"
		}
		d := b[j]
		lo, hi := byte(0x80), byte(0xbf)
		if k == 0 {
			switch c {
			case 0xe0:
				lo = 0xa0
			case 0xed:
				hi = 0x9f
			case 0xf0:
				lo = 0x90
			case 0xf4:
				hi = 0x8f
			}
		}
		if d < lo || d > hi {
			return j, "invalid continuation byte"
		}
		j++
	}
	return j, "invalid continuation byte"
}

func decodeError(sb *strings.Builder, errors, enc string, b []byte, start, end int, reason string) error {
	if err := checkHandler(errors); err != nil {
		return err
	}
	switch errors {
	case "ignore":
		return nil
	case "replace":
		sb.WriteRune(utf8.RuneError)
		return nil
	case "backslashreplace":
		for _, c := range b[start:end] {
			writeHexEscape(sb, 'x', uint32(c), 2)
		}
		return nil
	}
	if end-start == 1 {
		return NewError(UnicodeDecodeErrorType, "'%s' codec can't decode byte 0x%02x in position %d: %s", enc, b[start], start, reason)
	}
	return NewError(UnicodeDecodeErrorType, "'%s' codec can't decode bytes in position %d-%d: %s", enc, start, end-1, reason)
}
