package pyarg

import (
	"strconv"
	"strings"

	"github.com/pya-lang/pya/vm"
)

// ParsePy binds arguments like vm.ParseArgs, with the error messages of a
// function written in Python (CPython implements random, json.dumps, ...
// in Python): "Random.randint() missing 1 required positional argument:
// 'b'", "dumps() takes 1 positional argument but 2 were given". Names use
// ParseArgs' conventions ("?" optional, "$" keyword-only from there on).
// self counts an implicit bound self in the positional counts of messages.
func ParsePy(fname string, self int, args []vm.Value, kwnames []string, names []string, out ...*vm.Value) error {
	npos := len(args) - len(kwnames)
	maxPos, required := 0, 0
	for _, n := range names {
		if strings.HasPrefix(n, "$") {
			break
		}
		maxPos++
		if !strings.HasSuffix(n, "?") {
			required++
		}
	}
	if npos > maxPos {
		given := npos + self
		var takes string
		if required == maxPos {
			takes = strconv.Itoa(maxPos+self) + " positional argument" + plural(maxPos+self)
		} else {
			takes = "from " + strconv.Itoa(required+self) + " to " + strconv.Itoa(maxPos+self) + " positional arguments"
		}
		was := "were"
		if given == 1 {
			was = "was"
		}
		return vm.NewError(vm.TypeErrorType, "%s() takes %s but %d %s given", fname, takes, given, was)
	}
	for i := 0; i < npos; i++ {
		*out[i] = args[i]
	}
	clean := func(n string) string { return strings.TrimSuffix(strings.TrimPrefix(n, "$"), "?") }
	for j, kw := range kwnames {
		found := false
		for i, n := range names {
			if clean(n) == kw {
				if i < npos {
					return vm.NewError(vm.TypeErrorType, "%s() got multiple values for argument '%s'", fname, kw)
				}
				*out[i] = args[npos+j]
				found = true
				break
			}
		}
		if !found {
			return vm.NewError(vm.TypeErrorType, "%s() got an unexpected keyword argument '%s'", fname, kw)
		}
	}
	var missingPos, missingKw []string
	for i, n := range names {
		if strings.HasSuffix(n, "?") || !out[i].IsNull() {
			continue
		}
		if i < maxPos {
			missingPos = append(missingPos, "'"+clean(n)+"'")
		} else {
			missingKw = append(missingKw, "'"+clean(n)+"'")
		}
	}
	if len(missingPos) > 0 {
		return vm.NewError(vm.TypeErrorType, "%s() missing %d required positional argument%s: %s", fname, len(missingPos), plural(len(missingPos)), joinNames(missingPos))
	}
	if len(missingKw) > 0 {
		return vm.NewError(vm.TypeErrorType, "%s() missing %d required keyword-only argument%s: %s", fname, len(missingKw), plural(len(missingKw)), joinNames(missingKw))
	}
	return nil
}

// joinNames is CPython's "'a'", "'a' and 'b'", "'a', 'b', and 'c'".
func joinNames(names []string) string {
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", and " + names[len(names)-1]
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// NoArgs checks a METH_NOARGS method or function: "f() takes no
// arguments (1 given)".
func NoArgs(fname string, args []vm.Value, kwnames []string) error {
	if err := NoKw(fname, kwnames); err != nil {
		return err
	}
	if len(args) != 0 {
		return vm.NewError(vm.TypeErrorType, "%s() takes no arguments (%d given)", fname, len(args))
	}
	return nil
}

// One checks a METH_O function: "f() takes exactly one argument (0 given)".
func One(fname string, args []vm.Value, kwnames []string) error {
	if err := NoKw(fname, kwnames); err != nil {
		return err
	}
	if len(args) != 1 {
		return vm.NewError(vm.TypeErrorType, "%s() takes exactly one argument (%d given)", fname, len(args))
	}
	return nil
}
