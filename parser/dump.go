package parser

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"github.com/pya-lang/pya/ast"
)

// Dump renders a syntax tree in the format of CPython's ast.dump (without
// expression contexts), so that trees can be compared with python3's own.
func Dump(n any) string {
	var d dumper
	d.node(n)
	return d.b.String()
}

// DumpWithPositions is Dump with ast.dump(include_attributes=True)'s
// positions; columns are printed 0-based, which equals CPython's byte
// offsets for ASCII sources.
func DumpWithPositions(n any) string {
	d := dumper{pos: true}
	d.node(n)
	return d.b.String()
}

type dumper struct {
	b    strings.Builder
	pos  bool
	span *ast.Span // span of the node being written, for fields
}

func (d *dumper) w(s string) { d.b.WriteString(s) }

// fields writes Name(k=v, ...), skipping optional fields that are nil.
func (d *dumper) fields(name string, kv ...any) {
	sp := d.span
	d.span = nil
	d.w(name)
	d.w("(")
	first := true
	for i := 0; i < len(kv); i += 2 {
		v := kv[i+1]
		if isNil(v) {
			continue
		}
		if !first {
			d.w(", ")
		}
		first = false
		d.w(kv[i].(string))
		d.w("=")
		d.value(v)
	}
	if sp != nil {
		if !first {
			d.w(", ")
		}
		fmt.Fprintf(&d.b, "lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
			sp.Pos.Line, sp.Pos.Col-1, sp.End.Line, sp.End.Col-1)
	}
	d.w(")")
}

// rawRepr is text written as is.
type rawRepr string

// optional marks a field that ast.dump omits when it is None.
type optional struct{ v any }

func isNil(v any) bool {
	o, ok := v.(optional)
	if !ok {
		return false
	}
	switch x := o.v.(type) {
	case nil:
		return true
	case ast.Expr:
		return x == nil || isNilPtr(x)
	case *ast.Arg:
		return x == nil
	case ast.Pattern:
		return x == nil
	case string:
		return x == ""
	}
	return false
}

func isNilPtr(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.JoinedStr:
		return x == nil
	case *ast.Name:
		return x == nil
	}
	return false
}

func (d *dumper) value(v any) {
	if o, ok := v.(optional); ok {
		v = o.v
	}
	switch x := v.(type) {
	case string:
		d.w(pyRepr(x))
	case int:
		d.w(strconv.Itoa(x))
	case bool:
		if x {
			d.w("1")
		} else {
			d.w("0")
		}
	case rawRepr:
		d.w(string(x))
	case ast.Op:
		d.w(opName(x) + "()")
	case []ast.Op:
		d.w("[")
		for i, op := range x {
			if i > 0 {
				d.w(", ")
			}
			d.w(opName(op) + "()")
		}
		d.w("]")
	case []ast.Stmt:
		d.list(len(x), func(i int) { d.node(x[i]) })
	case []ast.Expr:
		d.list(len(x), func(i int) {
			if x[i] == nil {
				d.w("None")
			} else {
				d.node(x[i])
			}
		})
	case []string:
		d.list(len(x), func(i int) { d.w(pyRepr(x[i])) })
	case []*ast.Keyword:
		d.list(len(x), func(i int) { d.node(x[i]) })
	case []*ast.Arg:
		d.list(len(x), func(i int) { d.node(x[i]) })
	case []*ast.Alias:
		d.list(len(x), func(i int) { d.node(x[i]) })
	case []*ast.WithItem:
		d.list(len(x), func(i int) { d.node(x[i]) })
	case []*ast.ExceptHandler:
		d.list(len(x), func(i int) { d.node(x[i]) })
	case []*ast.Comprehension:
		d.list(len(x), func(i int) { d.node(x[i]) })
	case []*ast.MatchCase:
		d.list(len(x), func(i int) { d.node(x[i]) })
	case []ast.Pattern:
		d.list(len(x), func(i int) { d.node(x[i]) })
	default:
		d.node(v)
	}
}

func (d *dumper) list(n int, f func(int)) {
	d.w("[")
	for i := 0; i < n; i++ {
		if i > 0 {
			d.w(", ")
		}
		f(i)
	}
	d.w("]")
}

func opName(op ast.Op) string {
	return [...]string{"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift",
		"BitOr", "BitXor", "BitAnd", "FloorDiv", "Invert", "Not", "UAdd", "USub", "And", "Or",
		"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"}[op]
}

func (d *dumper) node(n any) {
	type o = optional
	if r, ok := n.(interface{ Range() ast.Span }); ok && d.pos {
		sp := r.Range()
		d.span = &sp
	}
	switch x := n.(type) {
	case *ast.Module:
		d.fields("Module", "body", x.Body, "type_ignores", []string{})
	case *ast.FunctionDef:
		name := "FunctionDef"
		if x.IsAsync {
			name = "AsyncFunctionDef"
		}
		d.fields(name, "name", x.Name, "args", x.Args, "body", x.Body, "decorator_list", nonNil(x.Decorators), "returns", o{x.Returns})
	case *ast.ClassDef:
		d.fields("ClassDef", "name", x.Name, "bases", nonNil(x.Bases), "keywords", x.Keywords, "body", x.Body, "decorator_list", nonNil(x.Decorators))
	case *ast.Return:
		d.fields("Return", "value", o{x.Value})
	case *ast.Delete:
		d.fields("Delete", "targets", x.Targets)
	case *ast.Assign:
		d.fields("Assign", "targets", x.Targets, "value", x.Value)
	case *ast.AugAssign:
		d.fields("AugAssign", "target", x.Target, "op", x.Op, "value", x.Value)
	case *ast.AnnAssign:
		d.fields("AnnAssign", "target", x.Target, "annotation", x.Annotation, "value", o{x.Value}, "simple", x.Simple)
	case *ast.For:
		name := "For"
		if x.IsAsync {
			name = "AsyncFor"
		}
		d.fields(name, "target", x.Target, "iter", x.Iter, "body", x.Body, "orelse", nonNilS(x.Orelse))
	case *ast.While:
		d.fields("While", "test", x.Test, "body", x.Body, "orelse", nonNilS(x.Orelse))
	case *ast.If:
		d.fields("If", "test", x.Test, "body", x.Body, "orelse", nonNilS(x.Orelse))
	case *ast.With:
		name := "With"
		if x.IsAsync {
			name = "AsyncWith"
		}
		d.fields(name, "items", x.Items, "body", x.Body)
	case *ast.WithItem:
		d.fields("withitem", "context_expr", x.Context, "optional_vars", o{x.Vars})
	case *ast.Raise:
		d.fields("Raise", "exc", o{x.Exc}, "cause", o{x.Cause})
	case *ast.Try:
		name := "Try"
		if x.Star {
			name = "TryStar"
		}
		d.fields(name, "body", x.Body, "handlers", x.Handlers, "orelse", nonNilS(x.Orelse), "finalbody", nonNilS(x.Finalbody))
	case *ast.ExceptHandler:
		d.fields("ExceptHandler", "type", o{x.Type}, "name", o{x.Name}, "body", x.Body)
	case *ast.Assert:
		d.fields("Assert", "test", x.Test, "msg", o{x.Msg})
	case *ast.Import:
		d.fields("Import", "names", x.Names)
	case *ast.ImportFrom:
		d.fields("ImportFrom", "module", o{x.Module}, "names", x.Names, "level", x.Level)
	case *ast.Alias:
		d.fields("alias", "name", x.Name, "asname", o{x.AsName})
	case *ast.Global:
		d.fields("Global", "names", x.Names)
	case *ast.Nonlocal:
		d.fields("Nonlocal", "names", x.Names)
	case *ast.ExprStmt:
		d.fields("Expr", "value", x.Value)
	case *ast.Pass:
		d.fields("Pass")
	case *ast.Break:
		d.fields("Break")
	case *ast.Continue:
		d.fields("Continue")
	case *ast.Match:
		d.fields("Match", "subject", x.Subject, "cases", x.Cases)
	case *ast.MatchCase:
		d.fields("match_case", "pattern", x.Pattern, "guard", o{x.Guard}, "body", x.Body)
	case *ast.MatchValue:
		d.fields("MatchValue", "value", x.Value)
	case *ast.MatchSingleton:
		d.fields("MatchSingleton", "value", rawRepr(constRepr(x.Value)))
	case *ast.MatchSequence:
		d.fields("MatchSequence", "patterns", x.Patterns)
	case *ast.MatchMapping:
		d.fields("MatchMapping", "keys", nonNil(x.Keys), "patterns", x.Patterns, "rest", o{x.Rest})
	case *ast.MatchClass:
		d.fields("MatchClass", "cls", x.Cls, "patterns", x.Patterns, "kwd_attrs", x.KwdAttrs, "kwd_patterns", x.KwdPatterns)
	case *ast.MatchStar:
		d.fields("MatchStar", "name", o{x.Name})
	case *ast.MatchAs:
		d.fields("MatchAs", "pattern", o{x.Pattern}, "name", o{x.Name})
	case *ast.MatchOr:
		d.fields("MatchOr", "patterns", x.Patterns)
	case *ast.BoolOp:
		d.fields("BoolOp", "op", x.Op, "values", x.Values)
	case *ast.NamedExpr:
		d.fields("NamedExpr", "target", x.Target, "value", x.Value)
	case *ast.BinOp:
		d.fields("BinOp", "left", x.Left, "op", x.Op, "right", x.Right)
	case *ast.UnaryOp:
		d.fields("UnaryOp", "op", x.Op, "operand", x.Operand)
	case *ast.Lambda:
		d.fields("Lambda", "args", x.Args, "body", x.Body)
	case *ast.IfExp:
		d.fields("IfExp", "test", x.Test, "body", x.Body, "orelse", x.Orelse)
	case *ast.Dict:
		d.fields("Dict", "keys", nonNil(x.Keys), "values", nonNil(x.Values))
	case *ast.Set:
		d.fields("Set", "elts", nonNil(x.Elts))
	case *ast.ListComp:
		d.fields("ListComp", "elt", x.Elt, "generators", x.Generators)
	case *ast.SetComp:
		d.fields("SetComp", "elt", x.Elt, "generators", x.Generators)
	case *ast.DictComp:
		d.fields("DictComp", "key", x.Key, "value", x.Value, "generators", x.Generators)
	case *ast.GeneratorExp:
		d.fields("GeneratorExp", "elt", x.Elt, "generators", x.Generators)
	case *ast.Comprehension:
		d.fields("comprehension", "target", x.Target, "iter", x.Iter, "ifs", nonNil(x.Ifs), "is_async", x.IsAsync)
	case *ast.Await:
		d.fields("Await", "value", x.Value)
	case *ast.Yield:
		d.fields("Yield", "value", o{x.Value})
	case *ast.YieldFrom:
		d.fields("YieldFrom", "value", x.Value)
	case *ast.Compare:
		d.fields("Compare", "left", x.Left, "ops", x.Ops, "comparators", x.Comparators)
	case *ast.Call:
		d.fields("Call", "func", x.Func, "args", nonNil(x.Args), "keywords", x.Keywords)
	case *ast.Keyword:
		d.fields("keyword", "arg", o{x.Arg}, "value", x.Value)
	case *ast.FormattedValue:
		conv := -1
		if x.Conversion != 0 {
			conv = int(x.Conversion)
		}
		var spec ast.Expr
		if x.FormatSpec != nil {
			spec = x.FormatSpec
		}
		d.fields("FormattedValue", "value", x.Value, "conversion", conv, "format_spec", o{spec})
	case *ast.JoinedStr:
		d.fields("JoinedStr", "values", nonNil(x.Values))
	case *ast.Constant:
		d.fields("Constant", "value", rawRepr(constRepr(x.Value)))
	case *ast.Attribute:
		d.fields("Attribute", "value", x.Value, "attr", x.Attr)
	case *ast.Subscript:
		d.fields("Subscript", "value", x.Value, "slice", x.Slice)
	case *ast.Starred:
		d.fields("Starred", "value", x.Value)
	case *ast.Name:
		d.fields("Name", "id", x.Id)
	case *ast.List:
		d.fields("List", "elts", nonNil(x.Elts))
	case *ast.Tuple:
		d.fields("Tuple", "elts", nonNil(x.Elts))
	case *ast.Slice:
		d.fields("Slice", "lower", o{x.Lower}, "upper", o{x.Upper}, "step", o{x.Step})
	case *ast.Arguments:
		d.fields("arguments", "posonlyargs", nonNilA(x.PosOnly), "args", nonNilA(x.Args), "vararg", o{x.Vararg},
			"kwonlyargs", nonNilA(x.KwOnly), "kw_defaults", nonNil(x.KwDefaults), "kwarg", o{x.Kwarg}, "defaults", nonNil(x.Defaults))
	case *ast.Arg:
		d.fields("arg", "arg", x.Name, "annotation", o{x.Annotation})
	default:
		fmt.Fprintf(&d.b, "<%T>", n)
	}
}

func nonNil(x []ast.Expr) []ast.Expr {
	if x == nil {
		return []ast.Expr{}
	}
	return x
}

func nonNilS(x []ast.Stmt) []ast.Stmt {
	if x == nil {
		return []ast.Stmt{}
	}
	return x
}

func nonNilA(x []*ast.Arg) []*ast.Arg {
	if x == nil {
		return []*ast.Arg{}
	}
	return x
}

func constRepr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(x, 10)
	case *big.Int:
		return x.String()
	case float64:
		return floatRepr(x)
	case complex128:
		im := floatRepr(imag(x))
		im = strings.TrimSuffix(im, ".0")
		return im + "j"
	case string:
		return pyRepr(x)
	case ast.Bytes:
		return "b" + bytesRepr(x)
	case ast.EllipsisType:
		return "Ellipsis"
	}
	return fmt.Sprintf("%v", v)
}

// floatRepr formats like Python's float repr.
func floatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expS, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expS)
	if exp < -4 || exp >= 16 {
		if !strings.Contains(mant, ".") {
			return fmt.Sprintf("%se%+03d", mant, exp)
		}
		return fmt.Sprintf("%se%+03d", mant, exp)
	}
	s = strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

// pyRepr quotes s as Python's repr of a str does.
func pyRepr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x80 || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

func bytesRepr(x []byte) string {
	q := byte('\'')
	if strings.IndexByte(string(x), '\'') >= 0 && strings.IndexByte(string(x), '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, c := range x {
		switch {
		case c == q || c == '\\':
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
	b.WriteByte(q)
	return b.String()
}
