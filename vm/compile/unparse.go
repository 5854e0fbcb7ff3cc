package compile

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"github.com/pya-lang/pya/ast"
)

// unparse renders an expression as source text the way CPython's
// ast_unparse.c does (used for postponed annotations).
func unparse(e ast.Expr) string {
	var b strings.Builder
	unparseExpr(&b, e, prTest)
	return b.String()
}

// Operator precedences, lowest first (ast_unparse.c).
const (
	prTuple = iota
	prTest
	prOr
	prAnd
	prNot
	prCmp
	prExpr // also |
	prBxor
	prBand
	prShift
	prArith
	prTerm
	prFactor
	prPower
	prAwait
	prAtom
)

var binPrec = map[ast.Op]int{
	ast.Add: prArith, ast.Sub: prArith, ast.Mult: prTerm, ast.MatMult: prTerm, ast.Div: prTerm,
	ast.Mod: prTerm, ast.FloorDiv: prTerm, ast.LShift: prShift, ast.RShift: prShift,
	ast.BitOr: prExpr, ast.BitXor: prBxor, ast.BitAnd: prBand, ast.Pow: prPower,
}

func paren(b *strings.Builder, cond bool, s string) {
	if cond {
		b.WriteString(s)
	}
}

func unparseExprs(b *strings.Builder, es []ast.Expr, level int) {
	for i, e := range es {
		if i > 0 {
			b.WriteString(", ")
		}
		unparseExpr(b, e, level)
	}
}

func unparseExpr(b *strings.Builder, e ast.Expr, level int) {
	switch e := e.(type) {
	case *ast.Name:
		b.WriteString(e.Id)
	case *ast.Constant:
		b.WriteString(constSource(e.Value))
	case *ast.BoolOp:
		pr, op := prAnd, " and "
		if e.Op == ast.Or {
			pr, op = prOr, " or "
		}
		paren(b, level > pr, "(")
		for i, v := range e.Values {
			if i > 0 {
				b.WriteString(op)
			}
			unparseExpr(b, v, pr+1)
		}
		paren(b, level > pr, ")")
	case *ast.BinOp:
		pr := binPrec[e.Op]
		rassoc := 0
		if e.Op == ast.Pow {
			rassoc = 1
		}
		paren(b, level > pr, "(")
		unparseExpr(b, e.Left, pr+rassoc)
		b.WriteString(" " + e.Op.String() + " ")
		unparseExpr(b, e.Right, pr+1-rassoc)
		paren(b, level > pr, ")")
	case *ast.UnaryOp:
		pr, op := prFactor, e.Op.String()
		if e.Op == ast.Not {
			pr, op = prNot, "not "
		}
		paren(b, level > pr, "(")
		b.WriteString(op)
		unparseExpr(b, e.Operand, pr)
		paren(b, level > pr, ")")
	case *ast.Lambda:
		paren(b, level > prTest, "(")
		args := unparseArgs(e.Args)
		if args == "" {
			b.WriteString("lambda: ")
		} else {
			b.WriteString("lambda " + args + ": ")
		}
		unparseExpr(b, e.Body, prTest)
		paren(b, level > prTest, ")")
	case *ast.IfExp:
		paren(b, level > prTest, "(")
		unparseExpr(b, e.Body, prTest+1)
		b.WriteString(" if ")
		unparseExpr(b, e.Test, prTest+1)
		b.WriteString(" else ")
		unparseExpr(b, e.Orelse, prTest)
		paren(b, level > prTest, ")")
	case *ast.Dict:
		b.WriteString("{")
		for i, k := range e.Keys {
			if i > 0 {
				b.WriteString(", ")
			}
			if k == nil {
				b.WriteString("**")
				unparseExpr(b, e.Values[i], prExpr)
				continue
			}
			unparseExpr(b, k, prTest)
			b.WriteString(": ")
			unparseExpr(b, e.Values[i], prTest)
		}
		b.WriteString("}")
	case *ast.Set:
		if len(e.Elts) == 0 {
			b.WriteString("{*()}")
			return
		}
		b.WriteString("{")
		unparseExprs(b, e.Elts, prTest)
		b.WriteString("}")
	case *ast.List:
		b.WriteString("[")
		unparseExprs(b, e.Elts, prTest)
		b.WriteString("]")
	case *ast.Tuple:
		if len(e.Elts) == 0 {
			b.WriteString("()")
			return
		}
		paren(b, level > prTuple, "(")
		unparseExprs(b, e.Elts, prTest)
		paren(b, len(e.Elts) == 1, ",")
		paren(b, level > prTuple, ")")
	case *ast.ListComp:
		unparseComp(b, "[", "]", e.Generators, e.Elt, nil)
	case *ast.SetComp:
		unparseComp(b, "{", "}", e.Generators, e.Elt, nil)
	case *ast.DictComp:
		unparseComp(b, "{", "}", e.Generators, e.Key, e.Value)
	case *ast.GeneratorExp:
		unparseComp(b, "(", ")", e.Generators, e.Elt, nil)
	case *ast.Await:
		paren(b, level > prAwait, "(")
		b.WriteString("await ")
		unparseExpr(b, e.Value, prAtom)
		paren(b, level > prAwait, ")")
	case *ast.Yield:
		b.WriteString("(yield")
		if e.Value != nil {
			b.WriteString(" ")
			unparseExpr(b, e.Value, prTest)
		}
		b.WriteString(")")
	case *ast.YieldFrom:
		b.WriteString("(yield from ")
		unparseExpr(b, e.Value, prTest)
		b.WriteString(")")
	case *ast.Compare:
		paren(b, level > prCmp, "(")
		unparseExpr(b, e.Left, prCmp+1)
		for i, op := range e.Ops {
			b.WriteString(" " + op.String() + " ")
			unparseExpr(b, e.Comparators[i], prCmp+1)
		}
		paren(b, level > prCmp, ")")
	case *ast.Call:
		unparseExpr(b, e.Func, prAtom)
		if len(e.Args) == 1 && len(e.Keywords) == 0 {
			if g, ok := e.Args[0].(*ast.GeneratorExp); ok {
				unparseExpr(b, g, prTest)
				return
			}
		}
		b.WriteString("(")
		unparseExprs(b, e.Args, prTest)
		for i, k := range e.Keywords {
			if i > 0 || len(e.Args) > 0 {
				b.WriteString(", ")
			}
			if k.Arg == "" {
				b.WriteString("**")
			} else {
				b.WriteString(k.Arg + "=")
			}
			unparseExpr(b, k.Value, prTest)
		}
		b.WriteString(")")
	case *ast.JoinedStr:
		b.WriteString(unparseFString(e))
	case *ast.FormattedValue:
		b.WriteString(unparseFString(&ast.JoinedStr{Values: []ast.Expr{e}}))
	case *ast.Attribute:
		unparseExpr(b, e.Value, prAtom)
		if k, ok := e.Value.(*ast.Constant); ok {
			switch k.Value.(type) {
			case int64, *big.Int:
				b.WriteString(" ")
			}
		}
		b.WriteString("." + e.Attr)
	case *ast.Subscript:
		unparseExpr(b, e.Value, prAtom)
		b.WriteString("[")
		unparseExpr(b, e.Slice, prTuple)
		b.WriteString("]")
	case *ast.Starred:
		b.WriteString("*")
		unparseExpr(b, e.Value, prExpr)
	case *ast.Slice:
		if e.Lower != nil {
			unparseExpr(b, e.Lower, prTest)
		}
		b.WriteString(":")
		if e.Upper != nil {
			unparseExpr(b, e.Upper, prTest)
		}
		if e.Step != nil {
			b.WriteString(":")
			unparseExpr(b, e.Step, prTest)
		}
	case *ast.NamedExpr:
		paren(b, level > prTuple, "(")
		unparseExpr(b, e.Target, prAtom)
		b.WriteString(" := ")
		unparseExpr(b, e.Value, prAtom)
		paren(b, level > prTuple, ")")
	}
}

func unparseComp(b *strings.Builder, open, close string, gens []*ast.Comprehension, elt, value ast.Expr) {
	b.WriteString(open)
	unparseExpr(b, elt, prTest)
	if value != nil {
		b.WriteString(": ")
		unparseExpr(b, value, prTest)
	}
	for _, g := range gens {
		if g.IsAsync {
			b.WriteString(" async for ")
		} else {
			b.WriteString(" for ")
		}
		unparseExpr(b, g.Target, prTuple)
		b.WriteString(" in ")
		unparseExpr(b, g.Iter, prTest+1)
		for _, cond := range g.Ifs {
			b.WriteString(" if ")
			unparseExpr(b, cond, prTest+1)
		}
	}
	b.WriteString(close)
}

func unparseArgs(a *ast.Arguments) string {
	var parts []string
	pos := append(append([]*ast.Arg(nil), a.PosOnly...), a.Args...)
	first := len(pos) - len(a.Defaults)
	for i, arg := range pos {
		s := arg.Name
		if i >= first {
			s += "=" + unparse(a.Defaults[i-first])
		}
		parts = append(parts, s)
		if len(a.PosOnly) > 0 && i == len(a.PosOnly)-1 {
			parts = append(parts, "/")
		}
	}
	if a.Vararg != nil {
		parts = append(parts, "*"+a.Vararg.Name)
	} else if len(a.KwOnly) > 0 {
		parts = append(parts, "*")
	}
	for i, arg := range a.KwOnly {
		s := arg.Name
		if i < len(a.KwDefaults) && a.KwDefaults[i] != nil {
			s += "=" + unparse(a.KwDefaults[i])
		}
		parts = append(parts, s)
	}
	if a.Kwarg != nil {
		parts = append(parts, "**"+a.Kwarg.Name)
	}
	return strings.Join(parts, ", ")
}

// unparseFString rebuilds an f-string literal.
func unparseFString(j *ast.JoinedStr) string {
	var body strings.Builder
	fstringBody(&body, j)
	return "f" + pyStrRepr(body.String())
}

func fstringBody(b *strings.Builder, j *ast.JoinedStr) {
	for _, v := range j.Values {
		switch v := v.(type) {
		case *ast.Constant:
			s, _ := v.Value.(string)
			s = strings.ReplaceAll(strings.ReplaceAll(s, "{", "{{"), "}", "}}")
			b.WriteString(s)
		case *ast.FormattedValue:
			inner := unparse(v.Value)
			if strings.HasPrefix(inner, "{") {
				inner = " " + inner
			}
			b.WriteString("{" + inner)
			if v.Conversion != 0 {
				b.WriteString("!" + string(v.Conversion))
			}
			if spec, ok := v.FormatSpec.(*ast.JoinedStr); ok {
				b.WriteString(":")
				fstringBody(b, spec)
			}
			b.WriteString("}")
		}
	}
}

// constSource renders a constant as its repr (what CPython's unparser writes).
func constSource(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(v, 10)
	case *big.Int:
		return v.String()
	case float64:
		if math.IsInf(v, 0) {
			return "1e309" // CPython writes infinities this way so they parse back
		}
		return pyFloatRepr(v)
	case complex128:
		// Complex parts are written without a forced ".0".
		part := func(f float64) string { return strings.TrimSuffix(pyFloatRepr(f), ".0") }
		if real(v) == 0 && !math.Signbit(real(v)) {
			return part(imag(v)) + "j"
		}
		sign := "+"
		if imag(v) < 0 || math.Signbit(imag(v)) {
			sign = ""
		}
		return "(" + part(real(v)) + sign + part(imag(v)) + "j)"
	case string:
		return pyStrRepr(v)
	case ast.Bytes:
		return "b" + pyBytesRepr(v)
	case ast.EllipsisType:
		return "..."
	}
	return fmt.Sprint(v)
}

// pyFloatRepr is Python's float repr: shortest round-trip digits, positional
// for exponents in [-4, 16), scientific with a two-digit exponent otherwise.
func pyFloatRepr(f float64) string {
	if math.IsNaN(f) {
		return "nan"
	}
	if math.IsInf(f, 0) {
		if f > 0 {
			return "inf"
		}
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expStr, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expStr)
	if exp < -4 || exp >= 16 {
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		return fmt.Sprintf("%se%s%02d", mant, sign, exp)
	}
	s = strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

// pyStrRepr is Python's repr of a str.
func pyStrRepr(s string) string {
	quote := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		quote = '"'
	}
	var b strings.Builder
	b.WriteRune(quote)
	for _, r := range s {
		switch {
		case r == quote || r == '\\':
			b.WriteRune('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f:
			b.WriteRune(r)
		case !unicode.IsPrint(r) || r == 0xa0 || r == 0xad:
			switch {
			case r < 0x100:
				fmt.Fprintf(&b, `\x%02x`, r)
			case r < 0x10000:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteRune(quote)
	return b.String()
}

// pyBytesRepr is Python's repr of bytes, without the b prefix.
func pyBytesRepr(v []byte) string {
	quote := byte('\'')
	if strings.ContainsRune(string(v), '\'') && !strings.ContainsRune(string(v), '"') {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for _, c := range v {
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}
