package vm

import "unicode"

// CPython 3.11 marks the failing part of a binary operation or subscript
// in traceback lines: `~~^~~` under `a / b`, `~^^^^^^` under `d["key"]`.
// caretAnchors finds the operator (or the brackets) in a one-line source
// segment with a small scanner that mirrors what CPython reads from the
// segment's syntax tree (traceback.c's extract_anchors_from_expr).

type segTok struct {
	start, end int // rune offsets in the segment
	kind       byte
	text       string
	depth      int
}

const (
	tokName = iota + 1
	tokNum
	tokStr
	tokOp
	tokOpen
	tokClose
)

var binPrec = map[string]int{
	"|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5,
	"*": 6, "/": 6, "//": 6, "%": 6, "@": 6, "**": 8,
}

var bailWords = map[string]bool{
	"and": true, "or": true, "not": true, "if": true, "else": true, "lambda": true,
	"in": true, "is": true, "await": true, "yield": true, "for": true,
}

// scanSegment tokenizes a one-line expression; ok is false on anything it
// does not understand.
func scanSegment(rs []rune) ([]segTok, bool) {
	var toks []segTok
	depth := 0
	for i := 0; i < len(rs); {
		c := rs[i]
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			i++
		case c == '#':
			i = len(rs)
		case c == '\\' || c == '\n' || c == '\r':
			return nil, false
		case unicode.IsLetter(c) || c == '_':
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '_') {
				j++
			}
			if j < len(rs) && (rs[j] == '\'' || rs[j] == '"') && j-i <= 2 {
				i2, ok := scanString(rs, j)
				if !ok {
					return nil, false
				}
				toks = append(toks, segTok{i, i2, tokStr, "", depth})
				i = i2
				continue
			}
			toks = append(toks, segTok{i, j, tokName, string(rs[i:j]), depth})
			i = j
		case unicode.IsDigit(c) || c == '.' && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			j := i
			for j < len(rs) && (unicode.IsDigit(rs[j]) || unicode.IsLetter(rs[j]) || rs[j] == '.' || rs[j] == '_' ||
				(rs[j] == '+' || rs[j] == '-') && (rs[j-1] == 'e' || rs[j-1] == 'E')) {
				j++
			}
			toks = append(toks, segTok{i, j, tokNum, "", depth})
			i = j
		case c == '\'' || c == '"':
			j, ok := scanString(rs, i)
			if !ok {
				return nil, false
			}
			toks = append(toks, segTok{i, j, tokStr, "", depth})
			i = j
		case c == '(' || c == '[' || c == '{':
			toks = append(toks, segTok{i, i + 1, tokOpen, string(c), depth})
			depth++
			i++
		case c == ')' || c == ']' || c == '}':
			depth--
			if depth < 0 {
				return nil, false
			}
			toks = append(toks, segTok{i, i + 1, tokClose, string(c), depth})
			i++
		default:
			j := i + 1
			for _, op := range []string{"**=", "//=", ">>=", "<<=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="} {
				if i+len(op) <= len(rs) && string(rs[i:i+len(op)]) == op {
					j = i + len(op)
					break
				}
			}
			toks = append(toks, segTok{i, j, tokOp, string(rs[i:j]), depth})
			i = j
		}
	}
	return toks, depth == 0
}

func scanString(rs []rune, i int) (int, bool) {
	q := rs[i]
	triple := i+2 < len(rs) && rs[i+1] == q && rs[i+2] == q
	j := i + 1
	if triple {
		j = i + 3
	}
	for j < len(rs) {
		switch {
		case rs[j] == '\\':
			j += 2
		case rs[j] == q && (!triple || j+2 < len(rs) && rs[j+1] == q && rs[j+2] == q):
			if triple {
				return j + 3, true
			}
			return j + 1, true
		default:
			j++
		}
	}
	return 0, false
}

// operandEnd reports whether a token can end an operand.
func operandEnd(t segTok) bool {
	switch t.kind {
	case tokNum, tokStr, tokClose:
		return true
	case tokName:
		return !bailWords[t.text]
	}
	return false
}

// innerEnd is the end of the expression ending at toks[k], without the
// parentheses that only group it.
func innerEnd(toks []segTok, k int) int {
	for toks[k].kind == tokClose && toks[k].text == ")" {
		o := matchOpen(toks, k)
		if o < 0 || (o > 0 && operandEnd(toks[o-1])) || o+1 >= k || hasComma(toks, o, k) {
			break
		}
		k--
	}
	return toks[k].end
}

// innerStart is the start of the expression beginning at toks[k], without
// grouping parentheses.
func innerStart(toks []segTok, k int) int {
	for toks[k].kind == tokOpen && toks[k].text == "(" && k+1 < len(toks) {
		c := matchClose(toks, k)
		if c < 0 || c == k+1 || hasComma(toks, k, c) {
			break
		}
		k++
	}
	return toks[k].start
}

func matchOpen(toks []segTok, k int) int {
	for i := k - 1; i >= 0; i-- {
		if toks[i].kind == tokOpen && toks[i].depth == toks[k].depth {
			return i
		}
	}
	return -1
}

func matchClose(toks []segTok, k int) int {
	for i := k + 1; i < len(toks); i++ {
		if toks[i].kind == tokClose && toks[i].depth == toks[k].depth {
			return i
		}
	}
	return -1
}

func hasComma(toks []segTok, o, c int) bool {
	for i := o + 1; i < c; i++ {
		if toks[i].kind == tokOp && toks[i].text == "," && toks[i].depth == toks[o].depth+1 {
			return true
		}
	}
	return false
}

// caretAnchors returns the [left, right) rune range of the '^' part within
// the segment, or ok false when CPython would print plain carets.
func caretAnchors(seg []rune) (left, right int, ok bool) {
	toks, ok := scanSegment(seg)
	if !ok || len(toks) == 0 {
		return 0, 0, false
	}
	// The root binary operator: the lowest precedence at depth 0 (the last
	// one, or the first for the right-associative **).
	root, rootPrec := -1, 99
	for k, t := range toks {
		if t.depth != 0 {
			continue
		}
		switch t.kind {
		case tokName:
			if bailWords[t.text] {
				return 0, 0, false
			}
			continue
		case tokOp:
		default:
			continue
		}
		p, isBin := binPrec[t.text]
		if !isBin {
			if t.text == "." {
				continue
			}
			if t.text == "~" {
				continue
			}
			return 0, 0, false // comparisons, commas, assignments, ...
		}
		if k == 0 || !operandEnd(toks[k-1]) {
			if t.text == "-" || t.text == "+" {
				continue // unary
			}
			return 0, 0, false
		}
		if p < rootPrec || p == rootPrec && t.text != "**" {
			root, rootPrec = k, p
		}
	}
	if root > 0 && root+1 < len(toks) {
		if !operandEnd(toks[0]) && toks[0].kind != tokOpen && toks[0].kind != tokName && !(toks[0].kind == tokOp && (toks[0].text == "-" || toks[0].text == "+" || toks[0].text == "~")) {
			return 0, 0, false
		}
		leftEnd := innerEnd(toks, root-1)
		rightStart := innerStart(toks, root+1)
		// As CPython's traceback.c: the first non-space character after
		// the left operand, past closing parentheses; two characters for
		// a two-character operator.
		for i := leftEnd; i < rightStart; i++ {
			if unicode.IsSpace(seg[i]) {
				continue
			}
			left, right = i, i+1
			if i+1 < rightStart && !unicode.IsSpace(seg[i+1]) {
				right++
			}
			if i+1 < rightStart && seg[i] == ')' {
				continue
			}
			break
		}
		return left, right, true
	}
	// A subscript: the segment ends with the ']' of a postfix '[' at depth 0.
	last := toks[len(toks)-1]
	if last.kind != tokClose || last.text != "]" || last.depth != 0 {
		return 0, 0, false
	}
	o := matchOpen(toks, len(toks)-1)
	if o <= 0 || !operandEnd(toks[o-1]) {
		return 0, 0, false
	}
	return toks[o].start, last.end, true
}
