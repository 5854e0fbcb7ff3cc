package pya

import (
	"reflect"

	"github.com/pya-lang/pya/ast"
)

// Step counting. The VM has no instruction counter, so Options.MaxSteps is
// implemented at compile time: the AST gets a call to the per-interpreter
// builtin `$step` (a name no pya source can spell) at the top of every
// loop body, function body and lambda, and as a first condition of every
// comprehension. A "step" is thus one loop iteration or one call, the same
// points where the VM polls for interrupts; straight-line code between
// them is bounded by the program's size. The reflective walk runs once per
// compilation, never while the program runs.

const stepName = "$step"

func stepCall(span ast.Span, args ...ast.Expr) *ast.Call {
	return &ast.Call{Span: span, Func: &ast.Name{Span: span, Id: stepName}, Args: args}
}

func stepStmt(body []ast.Stmt, at ast.Span) []ast.Stmt {
	if len(body) > 0 {
		at = body[0].Range()
	}
	s := &ast.ExprStmt{Span: at, Value: stepCall(at)}
	return append([]ast.Stmt{s}, body...)
}

// instrument inserts the step calls into mod, in place.
func instrument(mod *ast.Module) {
	for _, s := range mod.Body {
		walk(reflect.ValueOf(s))
	}
}

// walk instruments the node n points to and then visits every field that
// can hold nodes.
func walk(v reflect.Value) {
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return
	}
	switch n := v.Interface().(type) {
	case *ast.FunctionDef:
		// Keep the docstring first.
		if len(n.Body) > 0 && isDocstring(n.Body[0]) {
			n.Body = append(n.Body[:1:1], stepStmt(n.Body[1:], n.Body[0].Range())...)
		} else {
			n.Body = stepStmt(n.Body, n.Span)
		}
	case *ast.For:
		n.Body = stepStmt(n.Body, n.Span)
	case *ast.While:
		n.Body = stepStmt(n.Body, n.Span)
	case *ast.Lambda:
		n.Body = stepCall(n.Body.Range(), n.Body)
	case *ast.Comprehension:
		span := n.Iter.Range()
		n.Ifs = append([]ast.Expr{stepCall(span)}, n.Ifs...)
	case *ast.Call:
		if name, ok := n.Func.(*ast.Name); ok && name.Id == stepName {
			for _, a := range n.Args {
				walk(reflect.ValueOf(a))
			}
			return
		}
	}
	s := v.Elem()
	for i := 0; i < s.NumField(); i++ {
		walkField(s.Field(i))
	}
}

func walkField(f reflect.Value) {
	if !f.CanInterface() {
		return
	}
	switch f.Kind() {
	case reflect.Interface, reflect.Pointer:
		walk(f)
	case reflect.Slice:
		for j := 0; j < f.Len(); j++ {
			walkField(f.Index(j))
		}
	case reflect.Struct:
		for j := 0; j < f.NumField(); j++ {
			walkField(f.Field(j))
		}
	}
}

func isDocstring(s ast.Stmt) bool {
	e, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	c, ok := e.Value.(*ast.Constant)
	if !ok {
		return false
	}
	_, ok = c.Value.(string)
	return ok
}
