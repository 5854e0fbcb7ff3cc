package pya

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"

	// The standard library (asyncio included) registers itself at init.
	_ "github.com/pya-lang/pya/stdlib/all"
)

// Options configure a new Interpreter. The zero value is a usable
// default: real time, os.Stdout and os.Stderr, an empty stdin, no limits.
type Options struct {
	// Stdin, Stdout and Stderr are the script's standard streams
	// (print, input, tracebacks printed by the script itself). A nil
	// Stdin reads as empty; nil Stdout and Stderr are os.Stdout and
	// os.Stderr.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Argv is sys.argv.
	Argv []string
	// Path lists the directories `import` searches for .pya/.py modules;
	// none when empty.
	Path []string

	// VirtualTime makes asyncio and time.sleep use a virtual clock: the
	// event loop jumps to the next timer when nothing else can run, so
	// sleeps take no wall time (async natives still take theirs).
	VirtualTime bool

	// MaxSteps stops a call (Run, Exec, Eval, Call) with a StepLimitError
	// after that many steps; 0 means no limit. A step is one loop
	// iteration or one function call (see the package doc). It is a
	// budget, not a security boundary: a script that rebinds the global
	// "$step" through globals() escapes it, so bound untrusted scripts
	// with a context deadline too.
	MaxSteps int64
	// MaxDepth is the recursion limit (RecursionError beyond it); 0 keeps
	// the default of 1000. With Sandbox, sys.setrecursionlimit cannot
	// raise it.
	MaxDepth int
	// Sandbox removes what reaches outside the interpreter: the open
	// builtin, the os, subprocess, socket, shutil, pathlib and io modules,
	// and changes to the real import table (sys.modules is a copy).
	Sandbox bool

	// Globals are set in the __main__ namespace (converted with FromGo).
	Globals map[string]any
	// Modules become importable by name.
	Modules []*Module
}

// Interpreter is one independent pya interpreter: its own modules,
// builtins, globals (the __main__ module), event loop state and clock.
// Interpreters share nothing, so many may run in parallel goroutines; a
// single Interpreter must not be used by two goroutines at once.
type Interpreter struct {
	vm      *vm.Interpreter
	opts    Options
	main    *vm.Module
	natives map[*Function]vm.Value
	// codes are the compiled codes this interpreter loaded, programs its
	// copies of Programs' code (see code.go).
	codes    []*compile.Code
	programs map[*Program]*compile.Code

	ctx      context.Context // of the outermost call in progress
	active   int             // API calls on the stack (natives may call back)
	steps    int64
	maxSteps int64
	broken   bool // a Go panic left the VM in an unknown state
	closed   bool
}

// New creates an interpreter. It fails only when Options.Globals or
// Options.Modules hold values that cannot be converted.
func New(opts *Options) (*Interpreter, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Stdin == nil {
		o.Stdin = strings.NewReader("")
	}
	if o.Stdout == nil {
		o.Stdout = os.Stdout
	}
	if o.Stderr == nil {
		o.Stderr = os.Stderr
	}
	in := &Interpreter{opts: o, natives: map[*Function]vm.Value{}, programs: map[*Program]*compile.Code{}, maxSteps: o.MaxSteps, ctx: context.Background()}
	counted := o.MaxSteps > 0
	in.vm = vm.NewInterpreter(vm.Config{
		Stdin:  o.Stdin,
		Stdout: o.Stdout,
		Stderr: o.Stderr,
		Argv:   o.Argv,
		Path:   o.Path,
		Compile: func(filename string, src []byte, mode compile.Mode) (*compile.Code, error) {
			if mode != compile.ModeExec {
				c, err := compileRaw(filename, src, mode, counted)
				if err != nil {
					return nil, err
				}
				return in.own(c), nil
			}
			c, err := compileImport(filename, src, counted)
			if err != nil {
				return nil, err
			}
			return in.own(c), nil
		},
	})
	kind := runtime.RealClockKind
	if o.VirtualTime {
		kind = runtime.VirtualClockKind
	}
	runtime.ConfigureInterpreter(in.vm, kind, o.Stderr)
	in.main = vm.NewModule("__main__")
	in.vm.Modules().SetStr("__main__", vm.ObjectValue(in.main))
	if err := in.setup(); err != nil {
		in.Close()
		return nil, err
	}
	return in, nil
}

// setup installs limits, the sandbox, modules and globals.
func (in *Interpreter) setup() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &Error{Type: "InternalError", Message: fmt.Sprint(r), Traceback: string(debug.Stack()), cause: ErrInternal}
		}
	}()
	th := in.vm.Thread()
	b := in.vm.Builtins()
	bm, _ := in.vm.Modules().GetStr("builtins")
	in.main.Dict.SetStr("__builtins__", bm)
	if in.maxSteps > 0 {
		b.SetStr(stepName, vm.NewBuiltin(stepName, in.step))
	}
	if in.opts.MaxDepth > 0 {
		th.SetRecursionLimit(in.opts.MaxDepth)
	}
	if err := in.patchTime(); err != nil {
		return in.fromError(err)
	}
	if in.opts.Sandbox {
		if err := in.sandbox(); err != nil {
			return in.fromError(err)
		}
	}
	for _, m := range in.opts.Modules {
		if err := in.install(m); err != nil {
			return in.fromError(err)
		}
	}
	for k, x := range in.opts.Globals {
		if err := in.SetGlobal(k, x); err != nil {
			return err
		}
	}
	return nil
}

// step is the `$step` builtin of instrumented code (see instrument.go):
// it counts, and once over the limit raises StepLimitError every time.
func (in *Interpreter) step(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	in.steps++
	if in.steps > in.maxSteps {
		return vm.NULL, vm.NewError(stepLimitType, "step limit of %d exceeded", in.maxSteps)
	}
	if len(args) == 1 {
		return args[0], nil
	}
	return vm.True, nil
}

// Close releases the interpreter's event loop state. The interpreter must
// not be used afterwards.
func (in *Interpreter) Close() {
	if in.closed {
		return
	}
	in.closed = true
	runtime.Finalize(in.vm)
	runtime.ForgetInterpreter(in.vm)
	in.forgetCodes()
}

// Run runs a compiled program in the __main__ namespace. Globals persist
// between runs on the same interpreter; for isolation, run each time in a
// new Interpreter. An uncaught exception is returned as an *Error.
func (in *Interpreter) Run(ctx context.Context, p *Program) error {
	if in.closed {
		return &Error{Type: "RuntimeError", Message: "pya: interpreter is closed"}
	}
	code, err := in.programCode(p)
	if err != nil {
		return err
	}
	_, err = in.call(ctx, func(th *vm.Thread) (vm.Value, error) {
		in.vm.SetSource(p.filename, p.src)
		in.main.Dict.SetStr("__file__", vm.NewStr(p.filename))
		return th.RunModule(vm.LoadCode(code), in.main)
	})
	return err
}

// Exec compiles and runs source in the __main__ namespace.
func (in *Interpreter) Exec(ctx context.Context, filename, src string) error {
	p, err := Compile(filename, []byte(src))
	if err != nil {
		return err
	}
	return in.Run(ctx, p)
}

// Eval evaluates one expression in the __main__ namespace and returns its
// value converted to Go.
func (in *Interpreter) Eval(ctx context.Context, expr string) (any, error) {
	code, err := compileSource("<string>", []byte(expr), compile.ModeEval, in.maxSteps > 0)
	if err != nil {
		return nil, err
	}
	defer vm.ForgetCode(code)
	var out any
	_, err = in.call(ctx, func(th *vm.Thread) (vm.Value, error) {
		in.vm.SetSource("<string>", []byte(expr))
		v, err := th.RunModule(vm.LoadCode(code), in.main)
		if err != nil {
			return v, err
		}
		out, err = in.toGo(v, 0)
		return v, err
	})
	return out, err
}

// Call calls fn with args converted by FromGo, and returns its result
// converted to Go. fn is the name of a global (or builtin) of __main__,
// an *Object, or a *Function. When the result is a coroutine (fn is an
// async def), it runs to completion on a new event loop, as
// asyncio.run(fn(*args)) does, and Call returns its result.
func (in *Interpreter) Call(ctx context.Context, fn any, args ...any) (any, error) {
	var out any
	_, err := in.call(ctx, func(th *vm.Thread) (vm.Value, error) {
		f, err := in.callable(fn)
		if err != nil {
			return vm.NULL, err
		}
		argv := make([]vm.Value, len(args))
		for i, a := range args {
			if argv[i], err = in.fromGo(a, 0); err != nil {
				return vm.NULL, err
			}
		}
		r, err := th.Call(f, argv, nil)
		if err != nil {
			return vm.NULL, err
		}
		if runtime.IsCoroutine(r) {
			if r, err = runtime.Run(th, r); err != nil {
				return vm.NULL, err
			}
		}
		out, err = in.toGo(r, 0)
		return r, err
	})
	return out, err
}

func (in *Interpreter) callable(fn any) (vm.Value, error) {
	switch f := fn.(type) {
	case string:
		if v, ok := in.main.Dict.GetStr(f); ok {
			return v, nil
		}
		if v, ok := in.vm.Builtins().GetStr(f); ok {
			return v, nil
		}
		return vm.NULL, vm.NewError(vm.NameErrorType, "name '%s' is not defined", f)
	case *Object, *Function:
		return in.fromGo(f, 0)
	}
	return vm.NULL, Raise("TypeError", "pya: cannot call a %T", fn)
}

// Global returns the value of a global of __main__ converted to Go; ok is
// false when it is not set.
func (in *Interpreter) Global(name string) (v any, ok bool) {
	x, ok := in.main.Dict.GetStr(name)
	if !ok {
		return nil, false
	}
	g, err := in.toGo(x, 0)
	if err != nil {
		return &Object{in: in, v: x}, true
	}
	return g, true
}

// SetGlobal sets a global of __main__ to v converted with FromGo.
func (in *Interpreter) SetGlobal(name string, v any) error {
	x, err := in.fromGo(v, 0)
	if err != nil {
		return in.fromError(err)
	}
	in.main.Dict.SetStr(name, x)
	return nil
}

// FromGo converts a Go value as arguments are converted (see Values in
// the package doc) and returns it as an *Object, e.g. to pass one pya list
// to several calls, which then see each other's changes.
func (in *Interpreter) FromGo(v any) (*Object, error) {
	x, err := in.fromGo(v, 0)
	if err != nil {
		return nil, in.fromError(err)
	}
	return &Object{in: in, v: x}, nil
}

// ToGo converts an *Object's value back to plain Go where it can.
func (in *Interpreter) ToGo(o *Object) (any, error) {
	g, err := in.toGo(o.v, 0)
	if err != nil {
		return nil, in.fromError(err)
	}
	return g, nil
}
