package vm

// The Interpreter API: NewInterpreter, ExecMain, ReportError.
//
// Builtins: the builtins namespace is filled by installBuiltins (the
// builtins module, owned by LIBS in builtins*.go) when an interpreter is
// created, then by every RegisterBuiltin(name, v) registration (for names
// defined elsewhere, e.g. __build_class__). (*Interpreter).Builtins returns
// the namespace; sys.modules is (*Interpreter).Modules.

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"weak"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/vm/compile"
)

// Config configures an interpreter.
type Config struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Argv           []string
	Path           []string
	// Compile is injected (vm never imports parser): it compiles the source
	// of imported modules and of exec (ModeExec), and of eval and
	// compile(..., 'eval') (ModeEval).
	Compile func(filename string, src []byte, mode compile.Mode) (*compile.Code, error)
}

// Interpreter is one pya interpreter: its modules, builtins and main thread.
type Interpreter struct {
	// breaker is the eval breaker, polled at backward jumps and calls:
	// breakInterrupt (a SIGINT) and breakSwitch (a thread waits for the
	// GIL, see SetSwitchHook), set from any goroutine.
	breaker atomic.Uint32
	signals atomic.Uint64 // signals recorded by PostSignal (signals.go)
	// switchHook hands the GIL to a waiting thread (set by the runtime).
	switchHook func(th *Thread)

	cfg      Config
	modules  *Dict // sys.modules
	builtins *Module
	main     *Thread
	mainDir  string
	sources  map[string][]byte // source text by filename, for tracebacks

	// uncaught is set while ReportError formats (suggestion rules differ
	// from the traceback module's).
	uncaught bool
	// warned records the warnings already printed (the "default" action).
	warned map[string]bool

	coroMu     sync.Mutex
	coroutines []*Coroutine // created coroutines, for "never awaited" warnings
	cycleCoros []*genState  // held by a reference cycle until exit (HoldUntilExit)
	endedByExc bool         // the program ended with an uncaught exception
	coroSweep  int          // len(coroutines) at which to drop the started ones

	genMu    sync.Mutex
	gens     []weak.Pointer[Generator] // generators to close at exit (gen_finalize.go)
	genSweep int

	writers openWriters // files open for writing, flushed at open() and exit

	// builtinSubclasses lists the user classes deriving directly from each
	// built-in type (shared by all interpreters, so kept here, not on the type).
	builtinSubclasses map[*Type][]*Type

	// intMaxStrDigits is sys.set_int_max_str_digits()'s value once set
	// (intMaxStrSet); see int_str_limit.go.
	intMaxStrDigits int
	intMaxStrSet    bool
}

// addSubclass records sub as a direct subclass of base.
func (in *Interpreter) addSubclass(base, sub *Type) {
	if base.Flags&TypeHeap != 0 {
		base.heapSubclasses = append(base.heapSubclasses, sub)
		return
	}
	if in.builtinSubclasses == nil {
		in.builtinSubclasses = map[*Type][]*Type{}
	}
	in.builtinSubclasses[base] = append(in.builtinSubclasses[base], sub)
}

// subclassesOf returns t's direct subclasses known to this interpreter.
func (in *Interpreter) subclassesOf(t *Type) []*Type {
	if t.Flags&TypeHeap != 0 {
		return t.heapSubclasses
	}
	return in.builtinSubclasses[t]
}

var (
	extraBuiltinsMu sync.Mutex
	extraBuiltins   []struct {
		name string
		v    Value
	}
)

// RegisterBuiltin adds name to the builtins namespace of every interpreter
// created afterwards (registration from package init).
func RegisterBuiltin(name string, v Value) {
	extraBuiltinsMu.Lock()
	defer extraBuiltinsMu.Unlock()
	extraBuiltins = append(extraBuiltins, struct {
		name string
		v    Value
	}{name, v})
}

func init() {
	buildClassBuiltin = NewBuiltin("__build_class__", buildClass)
	RegisterBuiltin("__build_class__", buildClassBuiltin)
	installBuiltinsFn = installBuiltins
	RegisterBuiltin("type", Value{o: TypeType})
	RegisterBuiltin("object", Value{o: ObjectType})
	RegisterBuiltin("super", Value{o: SuperType})
	RegisterBuiltin("property", Value{o: PropertyType})
	RegisterBuiltin("staticmethod", Value{o: StaticMethodType})
	RegisterBuiltin("classmethod", Value{o: ClassMethodType})
}

// NewInterpreter creates an interpreter with its builtins module and main thread.
func NewInterpreter(cfg Config) *Interpreter {
	if cfg.Stdin == nil {
		cfg.Stdin = os.Stdin
	}
	if cfg.Stdout == nil {
		cfg.Stdout = os.Stdout
	}
	if cfg.Stderr == nil {
		cfg.Stderr = os.Stderr
	}
	in := &Interpreter{cfg: cfg, modules: NewDict(), sources: map[string][]byte{}}
	in.builtins = NewModule("builtins")
	d := in.builtins.Dict
	installBuiltins(d)
	extraBuiltinsMu.Lock()
	for _, b := range extraBuiltins {
		d.SetStr(b.name, b.v)
	}
	extraBuiltinsMu.Unlock()
	in.modules.SetStr("builtins", Value{o: in.builtins})
	in.main = NewThread(in)
	return in
}

// Thread returns the interpreter's main thread.
func (in *Interpreter) Thread() *Thread { return in.main }

// Builtins returns the builtins namespace.
func (in *Interpreter) Builtins() *Dict { return in.builtins.Dict }

// Modules returns sys.modules.
func (in *Interpreter) Modules() *Dict { return in.modules }

// Config returns the interpreter's configuration.
func (in *Interpreter) Config() Config { return in.cfg }

// Interrupt requests a KeyboardInterrupt in the running code (safe from any
// goroutine, e.g. a SIGINT handler).
func (in *Interpreter) Interrupt() { in.breaker.Or(breakInterrupt) }

// SetSource records the source of filename for traceback lines.
func (in *Interpreter) SetSource(filename string, src []byte) { in.sources[filename] = src }

func (in *Interpreter) stdout() io.Writer { return in.cfg.Stdout }

// builtinsFor returns the builtins namespace frames with these globals use.
func (th *Thread) builtinsFor(globals *Dict) *Dict {
	if th.builtins != nil {
		return th.builtins
	}
	if th.Interp != nil {
		th.builtins = th.Interp.builtins.Dict
	} else {
		th.builtins = defaultBuiltins()
	}
	return th.builtins
}

// installBuiltinsFn is installBuiltins, through a variable set at init to
// avoid an initialization cycle (builtins call back into the VM).
var installBuiltinsFn func(d *Dict)

var (
	defaultBuiltinsOnce sync.Once
	defaultBuiltinsDict *Dict
)

// defaultBuiltins is the builtins namespace of threads without an interpreter.
func defaultBuiltins() *Dict {
	defaultBuiltinsOnce.Do(func() {
		d := NewDict()
		installBuiltinsFn(d)
		extraBuiltinsMu.Lock()
		for _, b := range extraBuiltins {
			d.SetStr(b.name, b.v)
		}
		extraBuiltinsMu.Unlock()
		defaultBuiltinsDict = d
	})
	return defaultBuiltinsDict
}

// InternalError is a Go panic recovered at the interpreter boundary.
type InternalError struct {
	Value any
	Stack []byte
}

func (e *InternalError) Error() string { return fmt.Sprintf("internal error: %v", e.Value) }

// ExecMain runs code as the __main__ module. src is its source (for
// traceback lines). A Go panic is recovered and returned as *InternalError.
func (in *Interpreter) ExecMain(code *compile.Code, src []byte) (err error) {
	th := in.main
	defer func() {
		if r := recover(); r != nil {
			err = &InternalError{Value: r, Stack: debug.Stack()}
			th.frame = nil
			th.depth = 0
		}
	}()
	in.sources[code.Filename] = src
	if abs, e := filepath.Abs(code.Filename); e == nil {
		in.mainDir = filepath.Dir(abs)
	}
	m := NewModule("__main__")
	m.File = code.Filename
	m.Dict.SetStr("__file__", NewStr(code.Filename))
	m.Dict.SetStr("__builtins__", Value{o: in.builtins})
	in.modules.SetStr("__main__", Value{o: m})
	_, err = th.RunModule(LoadCode(code), m)
	if err != nil {
		// ReportError prints the shutdown warnings after the traceback.
		return err
	}
	if err := in.shutdownThreading(th); err != nil {
		return err
	}
	in.warnUnawaited()
	return nil
}

// trackCoroutine records a new coroutine for the "never awaited" warning.
func (in *Interpreter) trackCoroutine(c *Coroutine) {
	in.coroMu.Lock()
	// Forget the ones already started, so the list stays short; sweeping
	// only when the list has doubled keeps 100k live coroutines linear.
	if len(in.coroutines) >= max(64, in.coroSweep) {
		kept := in.coroutines[:0]
		for _, x := range in.coroutines {
			if !x.closed {
				kept = append(kept, x)
			}
		}
		clear(in.coroutines[len(kept):])
		in.coroutines = kept
		in.coroSweep = 2 * len(kept)
	}
	in.coroutines = append(in.coroutines, c)
	in.coroMu.Unlock()
}

// droppedCoroutine is called when POP_TOP discards an unstarted coroutine:
// when it is the one just created (a call statement like `f()`), it can no
// longer be awaited and CPython's RuntimeWarning is printed now, once per
// line, as the warnings module's default action does.
func (in *Interpreter) droppedCoroutine(c *Coroutine, f *Frame, pc int) {
	in.coroMu.Lock()
	n := len(in.coroutines)
	last := n > 0 && in.coroutines[n-1] == c
	in.coroMu.Unlock()
	if !last || c.closed {
		return
	}
	c.closed = true
	in.warnNeverAwaited(c.qualname, f, pc)
}

// warnNeverAwaited prints CPython's RuntimeWarning for a coroutine dropped
// at f's instruction pc, once per message and place, as the warnings
// module's default action does.
func (in *Interpreter) warnNeverAwaited(qualname string, f *Frame, pc int) {
	file, line := f.co.Code.Filename, f.co.Code.LineAt(pc)
	msg := fmt.Sprintf("%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n", file, line, qualname)
	if in.warned == nil {
		in.warned = map[string]bool{}
	}
	if in.warned[msg] {
		return
	}
	in.warned[msg] = true
	if src := in.sourceLine(file, line); src != "" {
		msg += "  " + src + "\n"
	}
	msg += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
	in.writeStderr(msg)
}

// UnawaitedReporter is implemented by coroutines written in Go (the
// runtime's asyncio.sleep(), Queue.get(), ...; their type has the
// TypeNativeCoroutine flag): NeverAwaited reports, once, a coroutine that
// never ran, with its __qualname__ and the awaitables it holds (the
// coroutine passed to wait_for), which are dropped with it.
type UnawaitedReporter interface {
	NeverAwaited() (qualname string, held []Value, ok bool)
}

// droppedNative is called when POP_TOP (at f's pc) discards a coroutine
// written in Go: when the call just before made it (a statement like
// `asyncio.sleep(1)` missing its await), it can no longer be awaited and
// CPython's RuntimeWarning is printed now.
func (th *Thread) droppedNative(o Object, f *Frame, pc int) {
	r, ok := o.(UnawaitedReporter)
	if !ok || th.Interp == nil || pc < 1 {
		return
	}
	switch f.co.Code.Code[pc-1].Op() {
	case compile.CALL, compile.CALL_KW, compile.CALL_EX, compile.CALL_METHOD:
	default:
		return
	}
	name, held, ok := r.NeverAwaited()
	if !ok {
		return
	}
	th.Interp.warnNeverAwaited(name, f, pc)
	for _, v := range held {
		if c, ok := v.o.(*Coroutine); ok && !c.started && !c.closed {
			c.closed = true
			th.Interp.warnNeverAwaited(c.qualname, f, pc)
		}
	}
}

// writeStderr writes to the interpreter's stderr (flushing sys.stdout
// first is the CLI's concern: stdout and stderr are separate streams).
func (in *Interpreter) writeStderr(s string) { io.WriteString(in.cfg.Stderr, s) }

// warnUnawaited prints, at exit, CPython's shutdown warning for every
// coroutine that was never started ("sys:1:", as no frame is running).
func (in *Interpreter) warnUnawaited() {
	in.warnCycleCoros()
	in.coroMu.Lock()
	cs := in.coroutines
	in.coroutines = nil
	in.coroMu.Unlock()
	for _, c := range cs {
		if c.closed {
			continue
		}
		c.closed = true
		in.writeStderr(fmt.Sprintf("sys:1: RuntimeWarning: coroutine '%s' was never awaited\n", c.qualname))
	}
}

// ReportError prints an uncaught exception the way CPython does (traceback
// on stderr; SystemExit's code) and returns the process exit status.
func (in *Interpreter) ReportError(err error) int {
	if err == nil {
		return 0
	}
	in.endedByExc = true // its traceback outlives the cycles (sys.last_traceback)
	defer in.warnUnawaited()
	w := in.cfg.Stderr
	switch e := err.(type) {
	case *ast.SyntaxError:
		fmt.Fprint(w, e.Format())
		return 1
	case *InternalError:
		fmt.Fprintf(w, "pya: internal error: %v\nThis is a bug in pya; please report it with the program that triggered it.\n%s", e.Value, e.Stack)
		return 1
	case *Exception:
		if e.typ.IsSubtype(SystemExitType) {
			return in.systemExit(e)
		}
		in.uncaught = true
		if !in.callExcepthook(e) {
			fmt.Fprint(w, in.FormatException(e))
		}
		in.uncaught = false
		if e.typ.IsSubtype(KeyboardInterruptType) {
			return 130
		}
		return 1
	}
	fmt.Fprintf(w, "pya: %v\n", err)
	return 1
}

// systemExit handles an uncaught SystemExit: None → 0, an int → itself,
// anything else is printed (str) to stderr with status 1.
func (in *Interpreter) systemExit(e *Exception) int {
	var code Value = None
	if len(e.Args) == 1 {
		code = e.Args[0]
	} else if len(e.Args) > 1 {
		code = NewTuple(e.Args)
	}
	switch {
	case code.IsNone():
		return 0
	case code.IsInt(), code.IsBool():
		return int(code.AsInt())
	}
	s, err := ToStr(in.main, code)
	if err != nil {
		s = simpleStr(code)
	}
	fmt.Fprintln(in.cfg.Stderr, s)
	return 1
}
