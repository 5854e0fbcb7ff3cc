package pyarg

import (
	"testing"

	"github.com/pya-lang/pya/vm"
)

// Messages as CPython 3.11 prints them for functions written in Python.
func TestParsePyMessages(t *testing.T) {
	one := vm.Int(1)
	cases := []struct {
		args    []vm.Value
		kwnames []string
		want    string
	}{
		{nil, nil, "TypeError: Random.randint() missing 2 required positional arguments: 'a' and 'b'"},
		{[]vm.Value{one}, nil, "TypeError: Random.randint() missing 1 required positional argument: 'b'"},
		{[]vm.Value{one, one, one}, nil, "TypeError: Random.randint() takes 3 positional arguments but 4 were given"},
		{[]vm.Value{one, one, one}, []string{"c"}, "TypeError: Random.randint() got an unexpected keyword argument 'c'"},
		{[]vm.Value{one, one}, []string{"a"}, "TypeError: Random.randint() got multiple values for argument 'a'"},
	}
	for _, c := range cases {
		var a, b vm.Value
		err := ParsePy("Random.randint", 1, c.args, c.kwnames, []string{"a", "b"}, &a, &b)
		if err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %s", err, c.want)
		}
	}
	var s, k, v vm.Value
	err := ParsePy("seed", 1, []vm.Value{one, one, one}, nil, []string{"a?", "version?"}, &s, &k)
	if want := "TypeError: seed() takes from 1 to 3 positional arguments but 4 were given"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	err = ParsePy("f", 0, nil, nil, []string{"x", "$y", "$z"}, &s, &k, &v)
	if want := "TypeError: f() missing 1 required positional argument: 'x'"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	err = ParsePy("f", 0, []vm.Value{one}, nil, []string{"x", "$y", "$z"}, new(vm.Value), new(vm.Value), new(vm.Value))
	if want := "TypeError: f() missing 2 required keyword-only arguments: 'y' and 'z'"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
