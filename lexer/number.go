package lexer

import "unicode/utf8"

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isHexDigit(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// number scans an int, float or imaginary literal, reporting CPython's
// tokenizer errors. Error columns follow CPython: the character before
// the offending one.
func (s *scanner) number() error {
	start := s.pos
	pos := s.position()
	kind := Int
	bad := func(what string) error {
		return s.errorAt("SyntaxError", s.line, s.col-1, 0, "invalid %s literal", what)
	}
	// digits scans [0-9](_?[0-9])* given that the next byte is a digit of
	// the kind ok accepts; it fails on a dangling or doubled underscore.
	digits := func(ok func(byte) bool) bool {
		for {
			for s.pos < len(s.src) && ok(s.src[s.pos]) {
				s.advance(1)
			}
			if s.peek(0) != '_' {
				return true
			}
			s.advance(1)
			if !ok(s.peek(0)) {
				return false
			}
		}
	}
	c := s.src[s.pos]
	if c == '0' && (s.peek(1)|0x20 == 'x' || s.peek(1)|0x20 == 'o' || s.peek(1)|0x20 == 'b') {
		radix := s.peek(1) | 0x20
		s.advance(2)
		name := map[byte]string{'x': "hexadecimal", 'o': "octal", 'b': "binary"}[radix]
		ok := isHexDigit
		limit := byte('7')
		if radix == 'o' || radix == 'b' {
			if radix == 'b' {
				limit = '1'
			}
			ok = func(c byte) bool { return c >= '0' && c <= limit }
		}
		if s.peek(0) == '_' {
			s.advance(1)
		}
		if !ok(s.peek(0)) {
			if radix != 'x' && isDigit(s.peek(0)) {
				return s.errorAt("SyntaxError", s.line, s.col, 0, "invalid digit '%c' in %s literal", s.peek(0), name)
			}
			return bad(name)
		}
		if !digits(ok) {
			if radix != 'x' && isDigit(s.peek(0)) {
				return s.errorAt("SyntaxError", s.line, s.col, 0, "invalid digit '%c' in %s literal", s.peek(0), name)
			}
			return bad(name)
		}
		if radix != 'x' && isDigit(s.peek(0)) {
			return s.errorAt("SyntaxError", s.line, s.col, 0, "invalid digit '%c' in %s literal", s.peek(0), name)
		}
		return s.endNumber(start, pos, Int, name)
	}
	if c != '.' {
		if !digits(isDigit) {
			return bad("decimal")
		}
	}
	if s.peek(0) == '.' {
		kind = Float
		s.advance(1)
		if isDigit(s.peek(0)) {
			if !digits(isDigit) {
				return bad("decimal")
			}
		} else if s.peek(0) == '_' {
			return bad("decimal")
		}
	}
	if e := s.peek(0) | 0x20; e == 'e' {
		n := 1
		if s.peek(1) == '+' || s.peek(1) == '-' {
			n = 2
		}
		if isDigit(s.peek(n)) {
			kind = Float
			s.advance(n)
			if !digits(isDigit) {
				return bad("decimal")
			}
		} else if n == 2 {
			s.advance(n)
			return bad("decimal")
		}
	}
	if s.peek(0)|0x20 == 'j' {
		kind = Imag
		s.advance(1)
		return s.endNumber(start, pos, kind, "imaginary")
	}
	if kind == Int && c == '0' {
		// Only zeros may follow a leading zero in a decimal integer.
		for i := start; i < s.pos; i++ {
			if d := s.src[i]; d != '0' && d != '_' {
				return s.errorAt("SyntaxError", pos.Line, pos.Column, pos.Column+i-start, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
			}
		}
	}
	return s.endNumber(start, pos, kind, "decimal")
}

// softEnders are the keywords CPython 3.11 still accepts glued to a number
// (`1if x else 2`), with a deprecation warning.
var softEnders = []string{"and", "else", "for", "if", "in", "is", "not", "or"}

// endNumber checks that no identifier character is glued to the literal.
func (s *scanner) endNumber(start int, pos Position, kind TokenType, what string) error {
	if c := s.peek(0); c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 || isDigit(c) {
		rest := s.src[s.pos:]
		glued := false
		for _, kw := range softEnders {
			if len(rest) >= len(kw) && string(rest[:len(kw)]) == kw {
				glued = true
			}
		}
		if !glued && (c < 0x80 || isIDContinueAt(s.src[s.pos:])) {
			return s.errorAt("SyntaxError", s.line, s.col-1, 0, "invalid %s literal", what)
		}
	}
	s.emit(kind, string(s.src[start:s.pos]), pos)
	return nil
}

func isIDContinueAt(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return isIDContinue(r)
}
