package compile

import (
	"encoding/json"
	"math/big"
	"os"
	"strconv"
	"testing"

	"github.com/pya-lang/pya/ast"
)

// The tests build pya ast nodes from CPython's own AST (dumped to JSON by
// testdata/astdump.py), so that they do not depend on pya's parser and the
// trees are exactly what CPython compiles.

type jsonProgram struct {
	Name string         `json:"name"`
	Src  string         `json:"src"`
	AST  map[string]any `json:"ast"`
}

type jsonError struct {
	Src  string         `json:"src"`
	AST  map[string]any `json:"ast"`
	Want struct {
		Msg     string `json:"msg"`
		Line    int    `json:"line"`
		Col     int    `json:"col"`
		EndLine int    `json:"end_line"`
		EndCol  int    `json:"end_col"`
	} `json:"want"`
}

type jsonUnparse struct {
	Src  string         `json:"src"`
	AST  map[string]any `json:"ast"`
	Want string         `json:"want"`
}

type jsonFixtures struct {
	Programs  []jsonProgram `json:"programs"`
	Errors    []jsonError   `json:"errors"`
	Unparse   []jsonUnparse `json:"unparse"`
	Positions struct {
		Src   string         `json:"src"`
		AST   map[string]any `json:"ast"`
		Codes []struct {
			Name   string  `json:"name"`
			Instrs [][]any `json:"instrs"`
		} `json:"codes"`
	} `json:"positions"`
}

func loadFixtures(t *testing.T) *jsonFixtures {
	t.Helper()
	data, err := os.ReadFile("testdata/ast.json")
	if err != nil {
		t.Fatal(err)
	}
	var f jsonFixtures
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return &f
}

func jsonModule(file string, m map[string]any) *ast.Module {
	return &ast.Module{File: file, Body: jStmts(m["body"])}
}

func jSpan(m map[string]any) ast.Span {
	p, _ := m["_pos"].([]any)
	if len(p) != 4 {
		return ast.Span{}
	}
	n := func(i int) int { return int(p[i].(float64)) }
	return ast.Span{Pos: ast.Pos{Line: n(0), Col: n(1)}, End: ast.Pos{Line: n(2), Col: n(3)}}
}

func jStmts(v any) []ast.Stmt {
	list, _ := v.([]any)
	out := make([]ast.Stmt, 0, len(list))
	for _, x := range list {
		out = append(out, jStmt(x.(map[string]any)))
	}
	return out
}

func jExprs(v any) []ast.Expr {
	list, _ := v.([]any)
	out := make([]ast.Expr, 0, len(list))
	for _, x := range list {
		out = append(out, jExpr(x))
	}
	return out
}

func jStr(v any) string {
	s, _ := v.(string)
	return s
}

func jExprOpt(v any) ast.Expr {
	if v == nil {
		return nil
	}
	return jExpr(v)
}

var jOps = map[string]ast.Op{
	"Add": ast.Add, "Sub": ast.Sub, "Mult": ast.Mult, "MatMult": ast.MatMult, "Div": ast.Div,
	"Mod": ast.Mod, "Pow": ast.Pow, "LShift": ast.LShift, "RShift": ast.RShift, "BitOr": ast.BitOr,
	"BitXor": ast.BitXor, "BitAnd": ast.BitAnd, "FloorDiv": ast.FloorDiv, "Invert": ast.Invert,
	"Not": ast.Not, "UAdd": ast.UAdd, "USub": ast.USub, "And": ast.And, "Or": ast.Or,
	"Eq": ast.Eq, "NotEq": ast.NotEq, "Lt": ast.Lt, "LtE": ast.LtE, "Gt": ast.Gt, "GtE": ast.GtE,
	"Is": ast.Is, "IsNot": ast.IsNot, "In": ast.In, "NotIn": ast.NotIn,
}

func jOp(v any) ast.Op { return jOps[v.(map[string]any)["_t"].(string)] }

func jArgs(v any) *ast.Arguments {
	m := v.(map[string]any)
	args := func(v any) []*ast.Arg {
		list, _ := v.([]any)
		var out []*ast.Arg
		for _, x := range list {
			out = append(out, jArg(x))
		}
		return out
	}
	a := &ast.Arguments{PosOnly: args(m["posonlyargs"]), Args: args(m["args"]), KwOnly: args(m["kwonlyargs"]),
		Defaults: jExprs(m["defaults"])}
	if m["vararg"] != nil {
		a.Vararg = jArg(m["vararg"])
	}
	if m["kwarg"] != nil {
		a.Kwarg = jArg(m["kwarg"])
	}
	for _, d := range m["kw_defaults"].([]any) {
		a.KwDefaults = append(a.KwDefaults, jExprOpt(d))
	}
	return a
}

func jArg(v any) *ast.Arg {
	m := v.(map[string]any)
	return &ast.Arg{Span: jSpan(m), Name: jStr(m["arg"]), Annotation: jExprOpt(m["annotation"])}
}

func jKeywords(v any) []*ast.Keyword {
	list, _ := v.([]any)
	var out []*ast.Keyword
	for _, x := range list {
		m := x.(map[string]any)
		out = append(out, &ast.Keyword{Span: jSpan(m), Arg: jStr(m["arg"]), Value: jExpr(m["value"])})
	}
	return out
}

func jAliases(v any) []*ast.Alias {
	var out []*ast.Alias
	for _, x := range v.([]any) {
		m := x.(map[string]any)
		out = append(out, &ast.Alias{Span: jSpan(m), Name: jStr(m["name"]), AsName: jStr(m["asname"])})
	}
	return out
}

func jNames(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func jStmt(m map[string]any) ast.Stmt {
	sp := jSpan(m)
	switch m["_t"] {
	case "FunctionDef", "AsyncFunctionDef":
		return &ast.FunctionDef{Span: sp, Name: jStr(m["name"]), Args: jArgs(m["args"]), Body: jStmts(m["body"]),
			Decorators: jExprs(m["decorator_list"]), Returns: jExprOpt(m["returns"]), IsAsync: m["_t"] == "AsyncFunctionDef"}
	case "ClassDef":
		return &ast.ClassDef{Span: sp, Name: jStr(m["name"]), Bases: jExprs(m["bases"]), Keywords: jKeywords(m["keywords"]),
			Body: jStmts(m["body"]), Decorators: jExprs(m["decorator_list"])}
	case "Return":
		return &ast.Return{Span: sp, Value: jExprOpt(m["value"])}
	case "Delete":
		return &ast.Delete{Span: sp, Targets: jExprs(m["targets"])}
	case "Assign":
		return &ast.Assign{Span: sp, Targets: jExprs(m["targets"]), Value: jExpr(m["value"])}
	case "AugAssign":
		return &ast.AugAssign{Span: sp, Target: jExpr(m["target"]), Op: jOp(m["op"]), Value: jExpr(m["value"])}
	case "AnnAssign":
		return &ast.AnnAssign{Span: sp, Target: jExpr(m["target"]), Annotation: jExpr(m["annotation"]),
			Value: jExprOpt(m["value"]), Simple: m["simple"].(map[string]any)["v"] == "1"}
	case "For", "AsyncFor":
		return &ast.For{Span: sp, Target: jExpr(m["target"]), Iter: jExpr(m["iter"]), Body: jStmts(m["body"]),
			Orelse: jStmts(m["orelse"]), IsAsync: m["_t"] == "AsyncFor"}
	case "While":
		return &ast.While{Span: sp, Test: jExpr(m["test"]), Body: jStmts(m["body"]), Orelse: jStmts(m["orelse"])}
	case "If":
		return &ast.If{Span: sp, Test: jExpr(m["test"]), Body: jStmts(m["body"]), Orelse: jStmts(m["orelse"])}
	case "With", "AsyncWith":
		w := &ast.With{Span: sp, Body: jStmts(m["body"]), IsAsync: m["_t"] == "AsyncWith"}
		for _, x := range m["items"].([]any) {
			im := x.(map[string]any)
			w.Items = append(w.Items, &ast.WithItem{Context: jExpr(im["context_expr"]), Vars: jExprOpt(im["optional_vars"])})
		}
		return w
	case "Raise":
		return &ast.Raise{Span: sp, Exc: jExprOpt(m["exc"]), Cause: jExprOpt(m["cause"])}
	case "Try", "TryStar":
		t := &ast.Try{Span: sp, Body: jStmts(m["body"]), Orelse: jStmts(m["orelse"]), Finalbody: jStmts(m["finalbody"]),
			Star: m["_t"] == "TryStar"}
		for _, x := range m["handlers"].([]any) {
			hm := x.(map[string]any)
			t.Handlers = append(t.Handlers, &ast.ExceptHandler{Span: jSpan(hm), Type: jExprOpt(hm["type"]),
				Name: jStr(hm["name"]), Body: jStmts(hm["body"])})
		}
		return t
	case "Assert":
		return &ast.Assert{Span: sp, Test: jExpr(m["test"]), Msg: jExprOpt(m["msg"])}
	case "Import":
		return &ast.Import{Span: sp, Names: jAliases(m["names"])}
	case "ImportFrom":
		lv, _ := strconv.Atoi(m["level"].(map[string]any)["v"].(string))
		return &ast.ImportFrom{Span: sp, Module: jStr(m["module"]), Names: jAliases(m["names"]), Level: lv}
	case "Global":
		return &ast.Global{Span: sp, Names: jNames(m["names"])}
	case "Nonlocal":
		return &ast.Nonlocal{Span: sp, Names: jNames(m["names"])}
	case "Expr":
		return &ast.ExprStmt{Span: sp, Value: jExpr(m["value"])}
	case "Pass":
		return &ast.Pass{Span: sp}
	case "Break":
		return &ast.Break{Span: sp}
	case "Continue":
		return &ast.Continue{Span: sp}
	}
	panic("unknown stmt " + m["_t"].(string))
}

func jComps(v any) []*ast.Comprehension {
	var out []*ast.Comprehension
	for _, x := range v.([]any) {
		m := x.(map[string]any)
		out = append(out, &ast.Comprehension{Target: jExpr(m["target"]), Iter: jExpr(m["iter"]), Ifs: jExprs(m["ifs"]),
			IsAsync: m["is_async"].(map[string]any)["v"] == "1"})
	}
	return out
}

func jConst(v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		return v
	case map[string]any:
		switch v["_c"] {
		case "bool":
			return v["v"].(bool)
		case "int":
			s := v["v"].(string)
			if i, err := strconv.ParseInt(s, 10, 64); err == nil {
				return i
			}
			b, _ := new(big.Int).SetString(s, 10)
			return b
		case "float":
			f, _ := strconv.ParseFloat(v["v"].(string), 64)
			return f
		case "complex":
			p := v["v"].([]any)
			r, _ := strconv.ParseFloat(p[0].(string), 64)
			i, _ := strconv.ParseFloat(p[1].(string), 64)
			return complex(r, i)
		case "bytes":
			var b ast.Bytes
			for _, x := range v["v"].([]any) {
				b = append(b, byte(x.(float64)))
			}
			return b
		case "ellipsis":
			return ast.Ellipsis
		}
	}
	panic("bad constant")
}

func jExpr(v any) ast.Expr {
	m := v.(map[string]any)
	sp := jSpan(m)
	switch m["_t"] {
	case "BoolOp":
		return &ast.BoolOp{Span: sp, Op: jOp(m["op"]), Values: jExprs(m["values"])}
	case "NamedExpr":
		return &ast.NamedExpr{Span: sp, Target: jExpr(m["target"]).(*ast.Name), Value: jExpr(m["value"])}
	case "BinOp":
		return &ast.BinOp{Span: sp, Left: jExpr(m["left"]), Op: jOp(m["op"]), Right: jExpr(m["right"])}
	case "UnaryOp":
		return &ast.UnaryOp{Span: sp, Op: jOp(m["op"]), Operand: jExpr(m["operand"])}
	case "Lambda":
		return &ast.Lambda{Span: sp, Args: jArgs(m["args"]), Body: jExpr(m["body"])}
	case "IfExp":
		return &ast.IfExp{Span: sp, Test: jExpr(m["test"]), Body: jExpr(m["body"]), Orelse: jExpr(m["orelse"])}
	case "Dict":
		d := &ast.Dict{Span: sp, Values: jExprs(m["values"])}
		for _, k := range m["keys"].([]any) {
			d.Keys = append(d.Keys, jExprOpt(k))
		}
		return d
	case "Set":
		return &ast.Set{Span: sp, Elts: jExprs(m["elts"])}
	case "ListComp":
		return &ast.ListComp{Span: sp, Elt: jExpr(m["elt"]), Generators: jComps(m["generators"])}
	case "SetComp":
		return &ast.SetComp{Span: sp, Elt: jExpr(m["elt"]), Generators: jComps(m["generators"])}
	case "DictComp":
		return &ast.DictComp{Span: sp, Key: jExpr(m["key"]), Value: jExpr(m["value"]), Generators: jComps(m["generators"])}
	case "GeneratorExp":
		return &ast.GeneratorExp{Span: sp, Elt: jExpr(m["elt"]), Generators: jComps(m["generators"])}
	case "Await":
		return &ast.Await{Span: sp, Value: jExpr(m["value"])}
	case "Yield":
		return &ast.Yield{Span: sp, Value: jExprOpt(m["value"])}
	case "YieldFrom":
		return &ast.YieldFrom{Span: sp, Value: jExpr(m["value"])}
	case "Compare":
		c := &ast.Compare{Span: sp, Left: jExpr(m["left"]), Comparators: jExprs(m["comparators"])}
		for _, o := range m["ops"].([]any) {
			c.Ops = append(c.Ops, jOp(o))
		}
		return c
	case "Call":
		return &ast.Call{Span: sp, Func: jExpr(m["func"]), Args: jExprs(m["args"]), Keywords: jKeywords(m["keywords"])}
	case "FormattedValue":
		conv, _ := strconv.Atoi(m["conversion"].(map[string]any)["v"].(string))
		f := &ast.FormattedValue{Span: sp, Value: jExpr(m["value"]), FormatSpec: jExprOpt(m["format_spec"])}
		if conv >= 0 {
			f.Conversion = rune(conv)
		}
		return f
	case "JoinedStr":
		return &ast.JoinedStr{Span: sp, Values: jExprs(m["values"])}
	case "Constant":
		return &ast.Constant{Span: sp, Value: jConst(m["value"])}
	case "Attribute":
		return &ast.Attribute{Span: sp, Value: jExpr(m["value"]), Attr: jStr(m["attr"])}
	case "Subscript":
		return &ast.Subscript{Span: sp, Value: jExpr(m["value"]), Slice: jExpr(m["slice"])}
	case "Starred":
		return &ast.Starred{Span: sp, Value: jExpr(m["value"])}
	case "Name":
		return &ast.Name{Span: sp, Id: jStr(m["id"])}
	case "List":
		return &ast.List{Span: sp, Elts: jExprs(m["elts"])}
	case "Tuple":
		return &ast.Tuple{Span: sp, Elts: jExprs(m["elts"])}
	case "Slice":
		return &ast.Slice{Span: sp, Lower: jExprOpt(m["lower"]), Upper: jExprOpt(m["upper"]), Step: jExprOpt(m["step"])}
	}
	panic("unknown expr " + m["_t"].(string))
}
