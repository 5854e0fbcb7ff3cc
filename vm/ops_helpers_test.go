package vm

import (
	"testing"
)

// Test helpers: build values tersely and render results as python3 prints
// them (repr, or "!! Type: message" for an exception).

func S(s string) Value        { return NewStr(s) }
func I(i int64) Value         { return Int(i) }
func F(f float64) Value       { return Float(f) }
func L(xs ...Value) Value     { return NewList(xs) }
func T(xs ...Value) Value     { return NewTuple(xs) }
func B(s string) Value        { return NewBytes([]byte(s)) }
func BA(s string) Value       { return NewByteArray([]byte(s)) }
func kw(s ...string) []string { return s }

func D(kv ...Value) Value {
	d := NewDict()
	for i := 0; i < len(kv); i += 2 {
		if err := d.Set(nil, kv[i], kv[i+1]); err != nil {
			panic(err)
		}
	}
	return Value{o: d}
}

// show renders a result like the python3 tables in the tests.
func show(th *Thread, v Value, err error) string {
	if err != nil {
		if e, ok := err.(*Exception); ok {
			msg := ""
			if len(e.Args) == 1 {
				if s, ok := e.Args[0].o.(*Str); ok && !e.Type().IsSubtype(KeyErrorType) {
					msg = s.s
				} else {
					msg, _ = Repr(th, e.Args[0])
				}
			}
			return "!! " + e.Type().Name + ": " + msg
		}
		return "!! go: " + err.Error()
	}
	r, err := Repr(th, v)
	if err != nil {
		return "!! repr: " + err.Error()
	}
	return r
}

// call calls method name of recv (looked up on its type) with positional
// args, then keyword args named by kws (the last len(kws) args).
func call(th *Thread, recv Value, name string, args []Value, kws []string) (Value, error) {
	m := recv.Type().Lookup(name)
	switch d := m.o.(type) {
	case *MethodDescr:
		return d.Fn(th, append([]Value{recv}, args...), kws)
	case *classMethodDescr:
		return d.Fn(th, append([]Value{{o: recv.Type()}}, args...), kws)
	case *staticMethodDescr:
		return d.fn.o.(*Builtin).Fn(th, args, kws)
	}
	return NULL, NewError(AttributeErrorType, "'%s' object has no attribute '%s'", TypeName(recv), name)
}

type methodCase struct {
	recv Value
	name string
	args []Value
	kws  []string
	want string
}

func runMethodCases(t *testing.T, cases []methodCase) {
	t.Helper()
	th := NewThread(nil)
	for _, c := range cases {
		v, err := call(th, c.recv, c.name, c.args, c.kws)
		got := show(th, v, err)
		if got != c.want {
			r, _ := Repr(th, c.recv)
			t.Errorf("%s.%s%v: got %s, want %s", r, c.name, c.args, got, c.want)
		}
	}
}

func args(xs ...Value) []Value { return xs }

func bigV(s string) Value {
	v, err := ParseInt(s, 10)
	if err != nil {
		panic(err)
	}
	return v
}
