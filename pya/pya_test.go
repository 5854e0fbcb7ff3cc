package pya_test

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/pya-lang/pya/pya"
	"github.com/pya-lang/pya/vm"
)

func newInterp(t *testing.T, opts *pya.Options) *pya.Interpreter {
	t.Helper()
	in, err := pya.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(in.Close)
	return in
}

func exec(t *testing.T, in *pya.Interpreter, src string) {
	t.Helper()
	if err := in.Exec(context.Background(), "test.pya", src); err != nil {
		t.Fatalf("Exec: %v\n%s", err, traceback(err))
	}
}

func traceback(err error) string {
	var pe *pya.Error
	if errors.As(err, &pe) {
		return pe.Traceback
	}
	return ""
}

func TestRoundTrip(t *testing.T) {
	in := newInterp(t, nil)
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	cases := []struct {
		in, want any
	}{
		{nil, nil},
		{true, true},
		{int64(-7), int64(-7)},
		{42, int64(42)},
		{uint64(1 << 63), new(big.Int).SetUint64(1 << 63)},
		{huge, huge},
		{1.5, 1.5},
		{"héllo", "héllo"},
		{[]byte("ab"), []byte("ab")},
		{[]any{int64(1), "x", []any{2.5}}, []any{int64(1), "x", []any{2.5}}},
		{map[string]any{"a": int64(1), "b": []any{}}, map[string]any{"a": int64(1), "b": []any{}}},
		{[]string{"p", "q"}, []any{"p", "q"}},
	}
	for _, c := range cases {
		if err := in.SetGlobal("v", c.in); err != nil {
			t.Fatalf("SetGlobal(%v): %v", c.in, err)
		}
		got, ok := in.Global("v")
		if !ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("round trip of %#v = %#v, want %#v", c.in, got, c.want)
		}
	}
	// pya → Go for values made by pya code, and the opaque wrapper.
	exec(t, in, "t = (1, 'a')\nd = {'k': [None, True]}\ns = {1}\nclass P:\n    def __repr__(self): return 'P()'\np = P()\nnk = {1: 2}")
	want := map[string]any{"t": []any{int64(1), "a"}, "d": map[string]any{"k": []any{nil, true}}}
	for k, w := range want {
		if got, _ := in.Global(k); !reflect.DeepEqual(got, w) {
			t.Errorf("%s = %#v, want %#v", k, got, w)
		}
	}
	for name, typ := range map[string]string{"s": "set", "p": "P", "nk": "dict"} {
		g, _ := in.Global(name)
		o, ok := g.(*pya.Object)
		if !ok || o.Type() != typ {
			t.Fatalf("%s = %#v, want an *Object of type %s", name, g, typ)
		}
	}
	// An *Object goes back as the same object.
	p, _ := in.Global("p")
	if p.(*pya.Object).String() != "P()" {
		t.Errorf("repr = %q", p.(*pya.Object).String())
	}
	if got, err := in.Call(context.Background(), "id", p); err != nil {
		t.Fatal(err)
	} else if same, _ := in.Eval(context.Background(), "id(p)"); !reflect.DeepEqual(got, same) {
		t.Errorf("object identity lost: %v vs %v", got, same)
	}
	// A list that contains itself does not hang the conversion.
	exec(t, in, "loop = []\nloop.append(loop)")
	if _, err := in.Eval(context.Background(), "loop"); err == nil {
		t.Error("converting a self-containing list: no error")
	}
	if err := in.SetGlobal("c", make(chan int)); err == nil {
		t.Error("SetGlobal(chan): no error")
	}
}

func TestEvalAndGlobals(t *testing.T) {
	in := newInterp(t, &pya.Options{Globals: map[string]any{"base": 40}})
	got, err := in.Eval(context.Background(), "base + 2")
	if err != nil || got != int64(42) {
		t.Fatalf("Eval = %v, %v", got, err)
	}
	exec(t, in, "total = base * 2")
	if v, ok := in.Global("total"); !ok || v != int64(80) {
		t.Errorf("total = %v, %v", v, ok)
	}
	if _, ok := in.Global("missing"); ok {
		t.Error("Global(missing) ok")
	}
}

func TestCompileOnceRunMany(t *testing.T) {
	p, err := pya.Compile("count.pya", []byte("n = start + 1\nprint('n =', n)"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		var out bytes.Buffer
		in := newInterp(t, &pya.Options{Stdout: &out, Globals: map[string]any{"start": i}})
		if err := in.Run(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		if want := "n = " + string(rune('1'+i)) + "\n"; out.String() != want {
			t.Errorf("run %d printed %q, want %q", i, out.String(), want)
		}
	}
}

func TestSyntaxError(t *testing.T) {
	_, err := pya.Compile("bad.pya", []byte("if x\n    pass\n"))
	var pe *pya.Error
	if !errors.As(err, &pe) || pe.Type != "SyntaxError" || pe.Message != "expected ':'" {
		t.Fatalf("err = %#v", err)
	}
	if !strings.Contains(pe.Traceback, "File \"bad.pya\", line 1") || !strings.Contains(pe.Traceback, "^") {
		t.Errorf("traceback:\n%s", pe.Traceback)
	}
}

func TestErrorTraceback(t *testing.T) {
	in := newInterp(t, nil)
	err := in.Exec(context.Background(), "app.pya", "def inner(k):\n    raise KeyError(k)\n\ndef outer():\n    return inner('key')\n\nouter()\n")
	var pe *pya.Error
	if !errors.As(err, &pe) {
		t.Fatalf("err = %#v", err)
	}
	if pe.Type != "KeyError" || pe.Message != "'key'" || err.Error() != "KeyError: 'key'" {
		t.Errorf("Type %q Message %q Error %q", pe.Type, pe.Message, err.Error())
	}
	want := `Traceback (most recent call last):
  File "app.pya", line 7, in <module>
    outer()
  File "app.pya", line 5, in outer
    return inner('key')
           ^^^^^^^^^^^^
  File "app.pya", line 2, in inner
    raise KeyError(k)
KeyError: 'key'
`
	if pe.Traceback != want {
		t.Errorf("traceback:\n%s\nwant:\n%s", pe.Traceback, want)
	}
}

func TestRedirectStreams(t *testing.T) {
	var out, errOut bytes.Buffer
	in := newInterp(t, &pya.Options{Stdin: strings.NewReader("ada\n"), Stdout: &out, Stderr: &errOut})
	exec(t, in, "import sys\nname = input('name? ')\nprint('hi', name)\nprint('warn', file=sys.stderr)")
	if out.String() != "name? hi ada\n" || errOut.String() != "warn\n" {
		t.Errorf("stdout %q stderr %q", out.String(), errOut.String())
	}
}

// Interpreters do not leave their code in the VM's process-wide cache.
func TestNoCodeLeak(t *testing.T) {
	p, err := pya.Compile("leak.pya", []byte("import collections, json\ndef f():\n    return [x for x in range(3)]\nf()\n"))
	if err != nil {
		t.Fatal(err)
	}
	run := func() {
		in, err := pya.New(nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := in.Run(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		if _, err := in.Eval(context.Background(), "f()"); err != nil {
			t.Fatal(err)
		}
		in.Close()
	}
	run() // warm up process-wide state
	before := vm.CodeCacheLen()
	for i := 0; i < 5; i++ {
		run()
	}
	if after := vm.CodeCacheLen(); after != before {
		t.Errorf("code cache grew from %d to %d entries", before, after)
	}
}
