package os

import (
	goos "os"
	"runtime"
	"strings"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

func numCPU() int { return runtime.NumCPU() }

func initPath(th *vm.Thread, m *vm.Module) error {
	pyarg.Funcs(m.Dict, map[string]vm.NativeFunc{
		"join":       join,
		"exists":     statPred("exists", func(fi goos.FileInfo) bool { return true }),
		"isfile":     statPred("isfile", func(fi goos.FileInfo) bool { return fi.Mode().IsRegular() }),
		"isdir":      statPred("isdir", func(fi goos.FileInfo) bool { return fi.IsDir() }),
		"basename":   strFn("basename", func(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }),
		"dirname":    strFn("dirname", dirname),
		"abspath":    strFn("abspath", abspath),
		"normpath":   strFn("normpath", normpath),
		"expanduser": strFn("expanduser", expanduser),
		"isabs":      isabs,
		"split":      split,
		"splitext":   splitext,
		"getsize":    getsize,
	})
	pyarg.Funcs(m.Dict, pathExtra)
	m.Dict.SetStr("sep", vm.NewStr("/"))
	return nil
}

func strArg(fname string, args []vm.Value, kwnames []string) (string, error) {
	if err := pyarg.Exactly(fname, args, kwnames, 1); err != nil {
		return "", err
	}
	s, ok := pyarg.Str(args[0])
	if !ok {
		return "", vm.NewError(vm.TypeErrorType, "expected str, bytes or os.PathLike object, not %s", args[0].Type().Name)
	}
	return s, nil
}

func strFn(name string, f func(string) string) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		s, err := strArg(name, args, kwnames)
		if err != nil {
			return vm.NULL, err
		}
		return vm.NewStr(f(s)), nil
	}
}

func statPred(name string, f func(goos.FileInfo) bool) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		if err := pyarg.Exactly(name, args, kwnames, 1); err != nil {
			return vm.NULL, err
		}
		s, ok := pyarg.Str(args[0])
		if !ok {
			return vm.False, nil
		}
		fi, err := goos.Stat(s)
		return vm.Bool(err == nil && f(fi)), nil
	}
}

// join is posixpath.join.
func join(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoKw("join", kwnames); err != nil {
		return vm.NULL, err
	}
	if len(args) == 0 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "join() missing 1 required positional argument: 'a'")
	}
	var path string
	for i, a := range args {
		s, ok := pyarg.Str(a)
		if !ok {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "join() argument must be str, bytes, or os.PathLike object, not '%s'", a.Type().Name)
		}
		switch {
		case i == 0:
			path = s
		case strings.HasPrefix(s, "/"):
			path = s
		case path == "" || strings.HasSuffix(path, "/"):
			path += s
		default:
			path += "/" + s
		}
	}
	return vm.NewStr(path), nil
}

// dirname is posixpath.dirname: the head, with trailing slashes removed
// unless it is all slashes.
func dirname(p string) string {
	head := p[:strings.LastIndexByte(p, '/')+1]
	if head != "" && strings.Trim(head, "/") != "" {
		head = strings.TrimRight(head, "/")
	}
	return head
}

func normpath(p string) string {
	if p == "" {
		return "."
	}
	initial := 0
	if strings.HasPrefix(p, "/") {
		initial = 1
		if strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "///") {
			initial = 2
		}
	}
	var comps []string
	for _, c := range strings.Split(p, "/") {
		switch {
		case c == "" || c == ".":
		case c != ".." || (initial == 0 && len(comps) == 0) || (len(comps) > 0 && comps[len(comps)-1] == ".."):
			comps = append(comps, c)
		case len(comps) > 0:
			comps = comps[:len(comps)-1]
		}
	}
	s := strings.Repeat("/", initial) + strings.Join(comps, "/")
	if s == "" {
		return "."
	}
	return s
}

func abspath(p string) string {
	if !strings.HasPrefix(p, "/") {
		wd, _ := goos.Getwd()
		p = wd + "/" + p
	}
	return normpath(p)
}

func expanduser(p string) string {
	if p != "~" && !strings.HasPrefix(p, "~/") {
		return p
	}
	home, err := goos.UserHomeDir()
	if err != nil {
		return p
	}
	return strings.TrimRight(home, "/") + p[1:]
}

func isabs(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	s, err := strArg("isabs", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	return vm.Bool(strings.HasPrefix(s, "/")), nil
}

func split(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	s, err := strArg("split", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	i := strings.LastIndexByte(s, '/') + 1
	return vm.NewTuple([]vm.Value{vm.NewStr(dirname(s)), vm.NewStr(s[i:])}), nil
}

// splitext is genericpath._splitext: the extension starts at the last dot
// of the last component, unless the component is all dots before it.
func splitext(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	s, err := strArg("splitext", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	sep := strings.LastIndexByte(s, '/')
	dot := strings.LastIndexByte(s, '.')
	if dot > sep {
		for i := sep + 1; i < dot; i++ {
			if s[i] != '.' {
				return vm.NewTuple([]vm.Value{vm.NewStr(s[:dot]), vm.NewStr(s[dot:])}), nil
			}
		}
	}
	return vm.NewTuple([]vm.Value{vm.NewStr(s), vm.NewStr("")}), nil
}

func getsize(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	s, err := strArg("getsize", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	fi, err := goos.Stat(s)
	if err != nil {
		return vm.NULL, oserr(err, s)
	}
	return vm.Int(fi.Size()), nil
}
