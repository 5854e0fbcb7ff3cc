package vm

import "sync/atomic"

// Thread is the state of one interpreter thread of control: the running
// frame chain, the exception being handled, the recursion depth. Natives get
// it as their first argument. CONTRACT (owned by the interpreter work):
// Call is relied on by every native that calls back into Python.
type Thread struct {
	// Interp is the interpreter the thread runs in (nil for a bare thread
	// used by tests and Go callers).
	Interp *Interpreter

	frame *Frame // the innermost running frame (nil when idle)

	// depth counts active Python frames and nested native calls; it is
	// compared against recursionLimit on every call (RecursionError).
	depth          int
	recursionLimit int

	// handled is the exception being handled (sys.exc_info()), nil if none.
	handled *Exception

	// nested counts Thread.Call boundaries currently on the Go stack; a frame
	// whose base is nested cannot suspend (await across a native call).
	nested int

	// breaker is the interpreter's eval breaker (Interpreter.breaker), set
	// asynchronously (SIGINT, a thread waiting for the GIL) and polled at
	// backward jumps and calls.
	breaker *atomic.Uint32

	// reprStack guards recursive reprs (see ReprEnter).
	reprStack []Object

	// framePool recycles the frames of plain functions (and of coroutines
	// started by startAwaitedCoroutine).
	framePool []*Frame
	// coroPool recycles the coroutine objects of startAwaitedCoroutine.
	coroPool []*Coroutine
	// builtins is the builtins namespace of the thread's interpreter.
	builtins *Dict

	// agHooks are the async generator hooks (sys.set_asyncgen_hooks), nil
	// when none is set.
	agHooks *asyncGenHooks
	// lastGen is the generator or async generator created last, with the
	// frame running when it was made and that frame's resume index then
	// (the instruction after the one that made it); see owned.go.
	lastGen      *genState
	lastGenFrame *Frame
	lastGenPC    int

	// ctx is the current contextvars.Context (nil until first needed: see
	// Context); the asyncio runtime switches it around each task step.
	ctx *Context

	// stopValue is the return value of the generator whose Next slot last
	// reported exhaustion (see TakeStopValue).
	stopValue Value
}

// TakeStopValue returns (and clears) the return value of the generator
// whose Next just returned NULL: next() raises StopIteration(value) with it
// when it is not None. It is NULL when the exhausted iterator was not a
// generator.
func (th *Thread) TakeStopValue() Value {
	v := th.stopValue
	th.stopValue = NULL
	return v
}

// DefaultRecursionLimit is sys.getrecursionlimit()'s initial value.
const DefaultRecursionLimit = 1000

// NewThread returns a thread of interpreter in (which may be nil).
func NewThread(in *Interpreter) *Thread {
	th := &Thread{Interp: in, recursionLimit: DefaultRecursionLimit}
	if in != nil {
		th.breaker = &in.breaker
	} else {
		th.breaker = new(atomic.Uint32)
	}
	return th
}

// RecursionLimit returns the current recursion limit.
func (th *Thread) RecursionLimit() int { return th.recursionLimit }

// Depth is the current recursion depth (compared with RecursionLimit).
func (th *Thread) Depth() int { return th.depth }

// AddDepth adds n (negative: removes) to the recursion depth: an event
// loop written in Go counts the frames that CPython's own asyncio runs as
// Python code between the program's call of the loop and the callbacks
// and tasks it runs, so that RecursionError comes at the same depth.
func (th *Thread) AddDepth(n int) { th.depth += n }

// SetRecursionLimit sets the maximum depth of nested calls (sys.setrecursionlimit).
func (th *Thread) SetRecursionLimit(n int) { th.recursionLimit = n }

// Handled returns the exception currently being handled (sys.exc_info()[1]), or nil.
func (th *Thread) Handled() *Exception { return th.handled }

// ReprEnter marks v as being repr'd; it returns false when v is already
// being repr'd further up the stack (print "[...]"). Each successful
// ReprEnter must be paired with ReprLeave.
func (th *Thread) ReprEnter(v Object) bool {
	for _, o := range th.reprStack {
		if o == v {
			return false
		}
	}
	th.reprStack = append(th.reprStack, v)
	return true
}

// ReprLeave undoes ReprEnter.
func (th *Thread) ReprLeave(v Object) {
	if n := len(th.reprStack); n > 0 && th.reprStack[n-1] == v {
		th.reprStack = th.reprStack[:n-1]
	}
}

// Call calls any callable with vectorcall-style arguments (see NativeFunc).
// Python functions run in a nested dispatch loop; an await that would
// suspend across this boundary raises RuntimeError.
func (th *Thread) Call(fn Value, args []Value, kwnames []string) (Value, error) {
	switch f := fn.o.(type) {
	case *Builtin:
		return th.callBuiltin(f, args, kwnames)
	case *Function:
		return th.callFunction(f, args, kwnames)
	case *MethodDescr:
		if len(args)-len(kwnames) < 1 {
			return NULL, f.missingSelf()
		}
		if self := args[0]; f.Owner != nil && !self.Type().IsSubtype(f.Owner) {
			return NULL, f.wrongSelf(self)
		}
		return th.callNative(f.Fn, args, kwnames)
	case *BoundMethod:
		buf := make([]Value, 0, len(args)+1)
		buf = append(buf, f.Self)
		buf = append(buf, args...)
		return th.Call(f.Func, buf, kwnames)
	}
	if fn.IsNull() {
		return NULL, NewError(SystemErrorType, "call of NULL")
	}
	t := fn.Type()
	if t.Call == nil {
		return NULL, NewError(TypeErrorType, "'%s' object is not callable", t.Name)
	}
	if err := th.enter(); err != nil {
		return NULL, err
	}
	r, err := t.Call(th, fn, args, kwnames)
	th.depth--
	return r, err
}

// enter counts one level of native call depth (RecursionError when too deep).
func (th *Thread) enter() error {
	th.depth++
	if th.depth > th.recursionLimit {
		th.depth--
		return NewError(RecursionErrorType, "maximum recursion depth exceeded")
	}
	return nil
}

// callNative calls a Go function with its arguments as given.
func (th *Thread) callNative(fn NativeFunc, args []Value, kwnames []string) (Value, error) {
	if err := th.enter(); err != nil {
		return NULL, err
	}
	r, err := fn(th, args, kwnames)
	th.depth--
	if err != nil {
		return NULL, asException(err)
	}
	return r, nil
}

// callBuiltin calls a Go function, prepending its bound self.
func (th *Thread) callBuiltin(f *Builtin, args []Value, kwnames []string) (Value, error) {
	if err := th.enter(); err != nil {
		return NULL, err
	}
	var r Value
	var err error
	if f.Self.IsNull() {
		r, err = f.Fn(th, args, kwnames)
	} else {
		buf := make([]Value, 0, len(args)+1)
		buf = append(buf, f.Self)
		buf = append(buf, args...)
		r, err = f.Fn(th, buf, kwnames)
	}
	th.depth--
	if err != nil {
		return NULL, asException(err)
	}
	return r, nil
}
