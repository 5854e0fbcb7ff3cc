package compile

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pya-lang/pya/parser"
)

// TestOwnedLocals: which locals of a function hold the only reference to
// the result of the call they are bound to.
func TestOwnedLocals(t *testing.T) {
	cases := []struct {
		body string
		want []string
	}{
		{"g = gen()\nnext(g)\nreturn 1", []string{"g"}},
		{"g = gen()\nfor x in g:\n    break\ng.send(None)\ng.close()", []string{"g"}},
		{"a = gen()\nb = gen()\nprint([x for x in b], next(a, None))", []string{"a", "b"}},
		{"g = gen()\nreturn g", nil},                            // returned
		{"g = gen()\nlst.append(g)", nil},                       // passed on
		{"g = gen()\nh = g", nil},                               // aliased
		{"g = gen()\nyield g", nil},                             // yielded
		{"g = gen()\nreturn (x for x in g)", nil},               // a generator expression keeps it
		{"g = gen()\ng = gen()", nil},                           // bound twice
		{"for i in range(2):\n    g = gen()\n    next(g)", nil}, // rebound in a loop
		{"g = [1]\nnext(g)", nil},                               // not a call's result
		{"g = gen()\nnext(g)\nprint(locals())", nil},            // locals() sees it
		{"g = gen()\ndef inner():\n    return g", nil},          // a cell
		{"g = gen()\nnext(g)\ng.gi_frame", nil},                 // an attribute other than the methods
	}
	for _, c := range cases {
		src := "def f(lst, gen):\n"
		for _, line := range strings.Split(c.body, "\n") {
			src += "    " + line + "\n"
		}
		mod, err := parser.ParseFile("t.pya", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", c.body, err)
		}
		code, err := Compile(mod, ModeExec)
		if err != nil {
			t.Fatalf("%q: %v", c.body, err)
		}
		var fn *Code
		for _, k := range code.Consts {
			if co, ok := k.(*Code); ok && co.Name == "f" {
				fn = co
			}
		}
		var got []string
		for _, i := range fn.OwnedLocals {
			got = append(got, fn.LocalNames[i])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: owned %v, want %v", c.body, got, c.want)
		}
	}
}
