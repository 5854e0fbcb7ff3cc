// Package os is pya's os and os.path modules: the environment, the working
// directory, files and directories, and path manipulation (POSIX rules).
package os

import (
	_ "embed"
	"errors"
	"io/fs"
	goos "os"
	"sort"
	"strings"
	"syscall"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

func init() {
	vm.RegisterModule("os", initModule)
}

func initModule(th *vm.Thread, m *vm.Module) error {
	d := m.Dict
	env := vm.NewDict()
	vars := goos.Environ()
	sort.Strings(vars)
	for _, kv := range vars {
		if i := strings.IndexByte(kv, '='); i > 0 {
			env.SetStr(kv[:i], vm.NewStr(kv[i+1:]))
		}
	}
	d.SetStr("environ", vm.ObjectValue(env))
	d.SetStr("name", vm.NewStr("posix"))
	d.SetStr("sep", vm.NewStr("/"))
	d.SetStr("altsep", vm.None)
	d.SetStr("extsep", vm.NewStr("."))
	d.SetStr("pathsep", vm.NewStr(":"))
	d.SetStr("linesep", vm.NewStr("\n"))
	d.SetStr("curdir", vm.NewStr("."))
	d.SetStr("pardir", vm.NewStr(".."))
	d.SetStr("devnull", vm.NewStr("/dev/null"))
	pyarg.Funcs(d, map[string]vm.NativeFunc{
		"getcwd":   getcwd,
		"getenv":   getenv,
		"listdir":  listdir,
		"remove":   remove,
		"unlink":   remove,
		"rmdir":    rmdir,
		"mkdir":    mkdir,
		"makedirs": makedirs,
		"rename":   rename,
		"replace":  rename,
		"chdir":    chdir,
		"getpid": func(th *vm.Thread, a []vm.Value, k []string) (vm.Value, error) {
			return vm.Int(int64(goos.Getpid())), nil
		},
		"getppid": func(th *vm.Thread, a []vm.Value, k []string) (vm.Value, error) {
			return vm.Int(int64(goos.Getppid())), nil
		},
		"cpu_count": func(th *vm.Thread, a []vm.Value, k []string) (vm.Value, error) { return vm.Int(int64(numCPU())), nil },
		"urandom":   urandom,
	})
	pyarg.Funcs(d, statFuncs)
	pyarg.Funcs(d, fdFuncs)
	for name, v := range fdConstants {
		d.SetStr(name, vm.Int(v))
	}
	d.SetStr("stat_result", vm.ObjectValue(StatResultType))
	d.SetStr("terminal_size", vm.ObjectValue(TerminalSizeType))
	// os is not a package: like CPython, it puts os.path in sys.modules.
	pm := vm.NewModule("os.path")
	if err := initPath(th, pm); err != nil {
		return err
	}
	vm.InterpModules(th).SetStr("os.path", vm.ObjectValue(pm))
	d.SetStr("path", vm.ObjectValue(pm))
	if err := vm.ExecSource(th, m, "<frozen os>", osExtra); err != nil {
		return err
	}
	return vm.ExecSource(th, pm, "<frozen posixpath>", pathExtraSrc)
}

// osExtra and pathExtraSrc are the pya-source parts of os and os.path.
var (
	//go:embed os_extra.py
	osExtra []byte
	//go:embed path_extra.py
	pathExtraSrc []byte
)

// oserr converts a Go error from the os package to OSError with CPython's
// message ("[Errno 2] No such file or directory: 'x'").
func oserr(err error, name string) error {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return vm.NewError(vm.OSErrorType, "%s", err.Error())
	}
	return vm.OSErrorFor(errno, name)
}

// pathArg reads a str path argument.
func pathArg(fname string, v vm.Value) (string, error) {
	s, ok := pyarg.Str(v)
	if !ok {
		return "", vm.NewError(vm.TypeErrorType, "%s: path should be string, bytes or os.PathLike, not %s", fname, v.Type().Name)
	}
	return s, nil
}

func getcwd(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("getcwd", args, kwnames, 0); err != nil {
		return vm.NULL, err
	}
	wd, err := goos.Getwd()
	if err != nil {
		return vm.NULL, oserr(err, "")
	}
	return vm.NewStr(wd), nil
}

// getenv(key, default=None) reads os.environ, as CPython does.
func getenv(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var key, dflt vm.Value
	if err := pyarg.ParsePy("getenv", 0, args, kwnames, []string{"key", "default?"}, &key, &dflt); err != nil {
		return vm.NULL, err
	}
	if dflt.IsNull() {
		dflt = vm.None
	}
	k, ok := pyarg.Str(key)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "str expected, not %s", key.Type().Name)
	}
	mod, err := th.Import("os", nil, vm.None, 0)
	if err != nil {
		return vm.NULL, err
	}
	env, err := vm.GetAttr(th, mod, "environ")
	if err != nil {
		return vm.NULL, err
	}
	if d, ok := env.Object().(*vm.Dict); ok {
		if v, ok := d.GetStr(k); ok {
			return v, nil
		}
		return dflt, nil
	}
	if v, ok := goos.LookupEnv(k); ok {
		return vm.NewStr(v), nil
	}
	return dflt, nil
}

func listdir(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Range("listdir", args, kwnames, 0, 1); err != nil {
		return vm.NULL, err
	}
	dir := "."
	if len(args) == 1 && !args[0].IsNone() {
		p, err := pathArg("listdir", args[0])
		if err != nil {
			return vm.NULL, err
		}
		dir = p
	}
	f, err := goos.Open(dir)
	if err != nil {
		return vm.NULL, oserr(err, dir)
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		return vm.NULL, oserr(err, dir)
	}
	out := make([]vm.Value, len(names))
	for i, n := range names {
		out[i] = vm.NewStr(n)
	}
	return vm.NewList(out), nil
}

func onePath(fname string, args []vm.Value, kwnames []string) (string, error) {
	var p vm.Value
	if err := vm.ParseArgs(fname, args, kwnames, []string{"path"}, &p); err != nil {
		return "", err
	}
	return pathArg(fname, p)
}

func remove(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	p, err := onePath("remove", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	if err := syscall.Unlink(p); err != nil {
		return vm.NULL, oserr(err, p)
	}
	return vm.None, nil
}

func rmdir(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	p, err := onePath("rmdir", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	if err := syscall.Rmdir(p); err != nil {
		return vm.NULL, oserr(err, p)
	}
	return vm.None, nil
}

func mkdir(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var p, mode vm.Value
	if err := vm.ParseArgs("mkdir", args, kwnames, []string{"path", "mode?"}, &p, &mode); err != nil {
		return vm.NULL, err
	}
	s, err := pathArg("mkdir", p)
	if err != nil {
		return vm.NULL, err
	}
	if err := syscall.Mkdir(s, 0o777); err != nil {
		return vm.NULL, oserr(err, s)
	}
	return vm.None, nil
}

func makedirs(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var p, mode, existOK vm.Value
	if err := vm.ParseArgs("makedirs", args, kwnames, []string{"name", "mode?", "exist_ok?"}, &p, &mode, &existOK); err != nil {
		return vm.NULL, err
	}
	s, err := pathArg("makedirs", p)
	if err != nil {
		return vm.NULL, err
	}
	ok := false
	if !existOK.IsNull() {
		if ok, err = vm.Truth(th, existOK); err != nil {
			return vm.NULL, err
		}
	}
	if st, err := goos.Stat(s); err == nil {
		if !ok || !st.IsDir() {
			return vm.NULL, oserr(syscall.EEXIST, s)
		}
		return vm.None, nil
	}
	if err := goos.MkdirAll(s, 0o777); err != nil {
		return vm.NULL, oserr(err, s)
	}
	return vm.None, nil
}

func rename(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var src, dst vm.Value
	if err := vm.ParseArgs("rename", args, kwnames, []string{"src", "dst"}, &src, &dst); err != nil {
		return vm.NULL, err
	}
	a, err := pathArg("rename", src)
	if err != nil {
		return vm.NULL, err
	}
	b, err := pathArg("rename", dst)
	if err != nil {
		return vm.NULL, err
	}
	if err := goos.Rename(a, b); err != nil {
		return vm.NULL, oserr(err, a)
	}
	return vm.None, nil
}

func chdir(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	p, err := onePath("chdir", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	if err := goos.Chdir(p); err != nil {
		return vm.NULL, oserr(err, p)
	}
	return vm.None, nil
}

func urandom(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("urandom", args, kwnames, 1); err != nil {
		return vm.NULL, err
	}
	n, err := pyarg.Int(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	if n < 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "negative argument not allowed")
	}
	b := make([]byte, n)
	f, err := goos.Open("/dev/urandom")
	if err == nil {
		f.Read(b)
		f.Close()
	}
	return vm.NewBytes(b), nil
}
