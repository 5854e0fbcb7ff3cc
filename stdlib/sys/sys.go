// Package sys is pya's sys module: the interpreter's streams, argv, path,
// modules, recursion limit, version information and exit.
package sys

import (
	_ "embed"
	"math"
	"runtime"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/stdlib/internal/structseq"
	"github.com/pya-lang/pya/vm"
)

// Version is sys.version.
const Version = "3.11.7 (pya)"

// VersionInfoType is the type of sys.version_info.
var VersionInfoType = structseq.NewType("version_info", "sys", []string{"major", "minor", "micro", "releaselevel", "serial"}, 5)

func init() {
	vm.RegisterModule("sys", initModule)
}

func strList(items []string) vm.Value {
	vals := make([]vm.Value, len(items))
	for i, s := range items {
		vals[i] = vm.NewStr(s)
	}
	return vm.NewList(vals)
}

func initModule(th *vm.Thread, m *vm.Module) error {
	d := m.Dict
	stdin, stdout, stderr := vm.StdStreams(th)
	for _, kv := range []struct {
		name string
		v    vm.Value
	}{
		{"stdin", stdin}, {"stdout", stdout}, {"stderr", stderr},
		{"__stdin__", stdin}, {"__stdout__", stdout}, {"__stderr__", stderr},
	} {
		d.SetStr(kv.name, kv.v)
	}
	argv := vm.InterpArgv(th)
	if len(argv) == 0 {
		argv = []string{""}
	}
	d.SetStr("argv", strList(argv))
	d.SetStr("orig_argv", strList(append([]string{"pya"}, argv...)))
	d.SetStr("path", strList(vm.InterpPath(th)))
	d.SetStr("modules", vm.ObjectValue(vm.InterpModules(th)))
	d.SetStr("version", vm.NewStr(Version))
	d.SetStr("version_info", structseq.New(VersionInfoType, []vm.Value{
		vm.Int(3), vm.Int(11), vm.Int(7), vm.NewStr("final"), vm.Int(0),
	}))
	d.SetStr("hexversion", vm.Int(0x030b07f0))
	d.SetStr("platform", vm.NewStr(platform()))
	d.SetStr("maxsize", vm.Int(math.MaxInt64))
	d.SetStr("maxunicode", vm.Int(0x10ffff))
	d.SetStr("byteorder", vm.NewStr("little"))
	d.SetStr("executable", vm.NewStr(executable()))
	d.SetStr("prefix", vm.NewStr(""))
	d.SetStr("base_prefix", vm.NewStr(""))
	d.SetStr("builtin_module_names", builtinNames())
	d.SetStr("dont_write_bytecode", vm.True)
	d.SetStr("float_info", floatInfo())
	d.SetStr("int_info", intInfo())
	pyarg.Funcs(d, intLimitFuncs)
	pyarg.Funcs(d, map[string]vm.NativeFunc{
		"exit":               exit,
		"getrecursionlimit":  getrecursionlimit,
		"getswitchinterval":  getswitchinterval,
		"setswitchinterval":  setswitchinterval,
		"setrecursionlimit":  setrecursionlimit,
		"exc_info":           excInfo,
		"exception":          exception,
		"getdefaultencoding": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) { return vm.NewStr("utf-8"), nil },
		"getsizeof":          getsizeof,
		"intern":             intern,
		"_getframe":          getframe,
		"get_asyncgen_hooks": getAsyncgenHooks,
		"set_asyncgen_hooks": setAsyncgenHooks,
	})
	hook := vm.NewBuiltin("excepthook", vm.ExceptHook)
	d.SetStr("excepthook", hook)
	d.SetStr("__excepthook__", hook)
	vm.SetSysDict(th, d)
	return vm.ExecSource(th, m, "<frozen sys>", sysExtra)
}

// sysExtra is the pya-source part of sys.
//
//go:embed sys_extra.py
var sysExtra []byte

func platform() string {
	switch runtime.GOOS {
	case "windows":
		return "win32"
	case "darwin":
		return "darwin"
	}
	return runtime.GOOS
}

func executable() string {
	return "pya"
}

func builtinNames() vm.Value {
	names := vm.RegisteredModules()
	vals := make([]vm.Value, 0, len(names)+1)
	vals = append(vals, vm.NewStr("builtins"))
	for _, n := range names {
		vals = append(vals, vm.NewStr(n))
	}
	return vm.NewTuple(vals)
}

// FloatInfoType is the type of sys.float_info.
var FloatInfoType = structseq.NewType("float_info", "sys", []string{"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"}, 11)

func floatInfo() vm.Value {
	return structseq.New(FloatInfoType, []vm.Value{
		vm.Float(math.MaxFloat64), vm.Int(1024), vm.Int(308), vm.Float(2.2250738585072014e-308),
		vm.Int(-1021), vm.Int(-307), vm.Int(15), vm.Int(53), vm.Float(2.220446049250313e-16), vm.Int(2), vm.Int(1),
	})
}

// exit([status]) raises SystemExit.
func exit(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Range("exit", args, kwnames, 0, 1); err != nil {
		return vm.NULL, err
	}
	if len(args) == 0 {
		return vm.NULL, vm.NewException(vm.SystemExitType)
	}
	return vm.NULL, vm.NewException(vm.SystemExitType, args[0])
}

func getrecursionlimit(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoArgs("sys.getrecursionlimit", args, kwnames); err != nil {
		return vm.NULL, err
	}
	return vm.Int(int64(th.RecursionLimit())), nil
}

func setrecursionlimit(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.One("sys.setrecursionlimit", args, kwnames); err != nil {
		return vm.NULL, err
	}
	if args[0].IsFloat() {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "'float' object cannot be interpreted as an integer")
	}
	n, err := pyarg.Int(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	if n < 1 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "recursion limit must be greater or equal than 1")
	}
	th.SetRecursionLimit(int(n))
	return vm.None, nil
}

func excInfo(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoArgs("sys.exc_info", args, kwnames); err != nil {
		return vm.NULL, err
	}
	e := th.Handled()
	if e == nil {
		return vm.NewTuple([]vm.Value{vm.None, vm.None, vm.None}), nil
	}
	tb, err := vm.GetAttr(th, vm.ObjectValue(e), "__traceback__")
	if err != nil {
		tb = vm.None
	}
	return vm.NewTuple([]vm.Value{vm.ObjectValue(e.Type()), vm.ObjectValue(e), tb}), nil
}

func exception(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoArgs("sys.exception", args, kwnames); err != nil {
		return vm.NULL, err
	}
	if e := th.Handled(); e != nil {
		return vm.ObjectValue(e), nil
	}
	return vm.None, nil
}

func getsizeof(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Range("getsizeof", args, kwnames, 1, 2); err != nil {
		return vm.NULL, err
	}
	return vm.Int(64), nil
}

func intern(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.One("sys.intern", args, kwnames); err != nil {
		return vm.NULL, err
	}
	if _, ok := pyarg.Str(args[0]); !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "intern() argument must be str, not %s", args[0].Type().Name)
	}
	return args[0], nil
}

// getframe is sys._getframe([depth]): the caller's frame, or the one depth
// calls below it.
func getframe(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoKw("sys._getframe", kwnames); err != nil {
		return vm.NULL, err
	}
	if len(args) > 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "_getframe expected at most 1 argument, got %d", len(args))
	}
	depth := int64(0)
	if len(args) == 1 {
		n, err := pyarg.Int(th, args[0])
		if err != nil {
			return vm.NULL, err
		}
		depth = max(n, 0)
	}
	if f, ok := th.FrameAt(int(min(depth, 1<<30))); ok {
		return f, nil
	}
	return vm.NULL, vm.NewError(vm.ValueErrorType, "call stack is not deep enough")
}
