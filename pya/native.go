package pya

import (
	"context"

	"github.com/pya-lang/pya/vm"
)

// Function is a Go function callable from pya, made by Func, AsyncFunc or
// Reflect. Install it with Options.Globals, SetGlobal or a Module; the same
// *Function may be installed in any number of interpreters.
type Function struct {
	name  string
	sync  func(args Args) (any, error)
	async func(ctx context.Context, args Args) (any, error)
}

// Name returns the function's pya name.
func (f *Function) Name() string { return f.name }

// Func makes a native function. fn reads its arguments through the typed
// accessors of Args and returns a Go value (converted as FromGo does) or an
// error (see Raise). It runs on the interpreter's goroutine, so it may
// block the whole interpreter: use AsyncFunc for slow work.
func Func(name string, fn func(args Args) (any, error)) *Function {
	return &Function{name: name, sync: fn}
}

// AsyncFunc makes an async native function: calling it from pya starts fn
// on its own goroutine at once and returns an asyncio Future, which the
// event loop resolves (through its thread-safe inbox) when fn returns.
// pya code awaits it like any coroutine:
//
//	body = await fetch("http://...")
//
// It must be called while an event loop runs (inside asyncio.run or an
// async def called through Interpreter.Call). While fn runs, the loop
// counts it as external work: it neither reports a deadlock nor advances
// the virtual clock past it. ctx is cancelled when the awaiting task
// cancels the future or the run's context is done; fn should return
// promptly then. args holds copies of the arguments (containers are
// converted to Go and back), since the interpreter keeps running: fn must
// not use the *Object values it receives, nor call back into the
// interpreter.
func AsyncFunc(name string, fn func(ctx context.Context, args Args) (any, error)) *Function {
	return &Function{name: name, async: fn}
}

// builtin returns the pya callable of f in this interpreter.
func (in *Interpreter) builtin(f *Function) vm.Value {
	if v, ok := in.natives[f]; ok {
		return v
	}
	var v vm.Value
	if f.async != nil {
		v = vm.NewBuiltin(f.name, func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
			return in.callAsync(f, th, args, kwnames)
		})
	} else {
		v = vm.NewBuiltin(f.name, func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
			r, err := f.sync(Args{in: in, th: th, name: f.name, args: args, kwnames: kwnames})
			if err != nil {
				return vm.NULL, in.toException(err)
			}
			rv, err := in.fromGo(r, 0)
			if err != nil {
				return vm.NULL, in.toException(err)
			}
			return rv, nil
		})
	}
	in.natives[f] = v
	return v
}

// Module is a built-in module written in Go, importable by the scripts of
// the interpreters it is given to (Options.Modules). Members maps names to
// Go values (converted with FromGo): *Function, constants, ...
type Module struct {
	Name    string
	Members map[string]any
}

// install adds m to sys.modules, so `import name` finds it.
func (in *Interpreter) install(m *Module) error {
	mod := vm.NewModule(m.Name)
	for k, x := range m.Members {
		v, err := in.fromGo(x, 0)
		if err != nil {
			return err
		}
		mod.Dict.SetStr(k, v)
	}
	in.vm.Modules().SetStr(m.Name, vm.ObjectValue(mod))
	return nil
}
