package vm

import "fmt"

// Resumable is implemented by generators, coroutines and native awaitable
// iterators (e.g. a Future's __await__ iterator). Resume sends v (exc ==
// nil) or throws exc in; it returns (yielded, false, nil) when suspended,
// (result, true, nil) when finished, or (NULL, false, err) when it raised.
type Resumable interface {
	Resume(th *Thread, v Value, exc *Exception) (Value, bool, error)
}

// NativeCoroutine is a coroutine written in Go (asyncio.sleep, Event.wait,
// ...): `await` drives it directly, as it does a coroutine object, where
// calling its __await__ would only allocate a wrapper around it.
type NativeCoroutine interface {
	Resumable
	IsNativeCoroutine()
}

// genKind says what calling a code object makes.
type genKind uint8

const (
	kindPlain genKind = iota
	kindGenerator
	kindCoroutine
	kindAsyncGenerator
)

// genState is the suspension machinery shared by generators, coroutines and
// async generators. The object owns its frame; while suspended, top is the
// innermost frame of its chain (frames of sub-generators and coroutines that
// YIELD_FROM pushed on top of it), so resuming a chain N awaits deep costs
// O(1): the thread continues at top directly.
type genState struct {
	// The fields are ordered for size (a Coroutine is allocated per task):
	// the flags share one word, the two int32s another.
	kind     genKind
	started  bool
	running  bool
	finished bool
	closed   bool // close() was called or it finished: no "never awaited" warning
	// owned: a for or async for loop iterates the generator that the
	// instruction just before made, so nothing else refers to it and
	// leaving the loop drops it (owned.go).
	owned bool
	// finalized: closed as CPython's finalizer would (its loop dropped it):
	// like CPython's, that runs once, so exit does not close it again.
	finalized bool
	// recycle: made by startAwaitedCoroutine and never handed out, so that
	// when it finishes the object goes back to the thread's pool. Whatever
	// reaches a genState through a frame (f.gen) and hands out its object
	// or its frame (introspection) must call escape() first.
	recycle bool
	// nested counts the frames of the suspended chain above frame (awaited
	// coroutines, delegated generators): each counts one level of
	// recursion depth while the chain runs, as in CPython, where resuming
	// re-enters every frame of the chain.
	nested int32
	line   int32 // where it was created, with file (for "never awaited")

	frame    *Frame      // nil once finished
	co       *CodeObject // cr_code/gi_code/ag_code (kept after the frame is gone)
	fobj     *FrameObject
	top      *Frame // innermost suspended frame (nil: frame itself)
	name     string
	qualname string
	// creator and creatorPC are the frame that made the generator and its
	// resume index then (the instruction that receives it): see owned.go.
	creator   *Frame
	creatorPC int
	// handled is the exception being handled inside the generator while it
	// is suspended (restored on resume), nil if none.
	handled *Exception
	file    string
}

// Generator is the object a generator function returns.
type Generator struct{ genState }

// Coroutine is the object an async def function returns.
type Coroutine struct{ genState }

func (*Generator) Type() *Type { return GeneratorType }
func (*Coroutine) Type() *Type { return CoroutineType }

// The generator-like types.
var (
	GeneratorType      = &Type{Name: "generator", QualName: "generator", Module: "builtins"}
	CoroutineType      = &Type{Name: "coroutine", QualName: "coroutine", Module: "builtins"}
	AsyncGeneratorType = &Type{Name: "async_generator", QualName: "async_generator", Module: "builtins"}
)

// state returns the shared machinery of a generator-like value, or nil.
func genOf(v Value) *genState {
	switch g := v.o.(type) {
	case *Generator:
		return &g.genState
	case *Coroutine:
		return &g.genState
	case *AsyncGenerator:
		return &g.genState
	}
	return nil
}

// makeGenerator binds the arguments of a generator-like function and
// returns its (unstarted) object.
func (th *Thread) makeGenerator(fn *Function, args []Value, kwnames []string) (Value, error) {
	co := fn.Code
	nf := th.newFrame(co, fn, fn.Globals)
	if err := th.bindFrame(nf, fn, args, kwnames); err != nil {
		return NULL, err
	}
	g := genState{kind: co.kind, frame: nf, co: co, name: fn.Name, qualname: fn.QualName}
	var obj Object
	switch co.kind {
	case kindGenerator:
		o := &Generator{genState: g}
		nf.gen = &o.genState
		th.madeGen(&o.genState)
		if th.Interp != nil && len(co.Code.Handlers) > 0 {
			th.Interp.trackGen(o)
		}
		obj = o
	case kindCoroutine:
		o := &Coroutine{genState: g}
		nf.gen = &o.genState
		if cf := th.frame; cf != nil {
			o.file = cf.co.Code.Filename
			o.line = int32(cf.Line())
		}
		if th.Interp != nil {
			th.Interp.trackCoroutine(o)
		}
		obj = o
	default:
		o := &AsyncGenerator{genState: g}
		nf.gen = &o.genState
		th.madeGen(&o.genState)
		obj = o
	}
	return Value{o: obj}, nil
}

// noun is "generator", "coroutine" or "async generator" for messages.
func (g *genState) noun() string {
	switch g.kind {
	case kindCoroutine:
		return "coroutine"
	case kindAsyncGenerator:
		return "async generator"
	}
	return "generator"
}

// Resume implements Resumable: it sends v (exc == nil) or throws exc into
// the generator and runs it until it yields (value, false, nil), returns
// (result, true, nil) or raises (NULL, false, err).
func (g *genState) Resume(th *Thread, v Value, exc *Exception) (Value, bool, error) {
	if g.running {
		return NULL, false, NewError(ValueErrorType, "%s already executing", g.noun())
	}
	if g.frame == nil {
		if exc != nil {
			return NULL, false, exc
		}
		if g.kind == kindCoroutine {
			return NULL, false, NewError(RuntimeErrorType, "cannot reuse already awaited coroutine")
		}
		return None, true, nil
	}
	if th.depth+int(g.nested) >= th.recursionLimit {
		return NULL, false, NewError(RecursionErrorType, "maximum recursion depth exceeded")
	}
	top := g.top
	if top == nil {
		top = g.frame
	}
	if !g.started {
		if exc == nil && !v.IsNone() && !v.IsNull() {
			return NULL, false, NewError(TypeErrorType, "can't send non-None value to a just-started %s", g.noun())
		}
		g.started = true
		g.closed = true
	}
	th.depth += 1 + int(g.nested)
	g.nested = 0
	g.frame.back = th.frame
	g.frame.base = true
	g.running = true
	callerHandled := th.handled
	if g.handled != nil {
		th.handled = g.handled
	}
	th.frame = top
	var (
		r       Value
		yielded bool
		err     error
		throw   = exc
	)
	if top.yieldFrom {
		// Suspended inside YIELD_FROM on a native iterator: drive it first.
		top.yieldFrom = false
		sent := v
		if sent.IsNull() {
			sent = None
		}
		top.slots[top.sp] = sent
		top.sp++
		var e error
		r, yielded, _, e = th.driveIter(top, top.slots[top.sp-2], sent, exc)
		throw = nil
		if e != nil {
			throw = asException(e)
		}
	} else if exc == nil && top.pc > 0 {
		if v.IsNull() {
			v = None
		}
		top.slots[top.sp] = v
		top.sp++
	}
	if !yielded {
		r, yielded, err = th.run(throw)
	}
	g.running = false
	if yielded {
		g.top = th.frame
		for f := g.top; f != g.frame; f = f.back {
			g.nested++
		}
		th.depth -= 1 + int(g.nested)
		th.frame = g.frame.back
		g.handled = nil
		if th.handled != callerHandled {
			g.handled = th.handled
		}
		th.handled = callerHandled
		return r, false, nil
	}
	th.handled = callerHandled
	if err != nil {
		return NULL, false, err
	}
	return r, true, nil
}

// finish marks the generator done after its frame returned.
func (g *genState) finish(th *Thread) {
	g.running = false
	g.finished = true
	g.frame = nil
	g.top = nil
	g.handled = nil
	if g.recycle {
		th.recycleCoroutine(g)
	}
}

// fail marks the generator done after an exception escaped its frame,
// turning a StopIteration into RuntimeError (PEP 479).
func (g *genState) fail(th *Thread, exc *Exception) *Exception {
	g.finish(th)
	stop := exc.typ.IsSubtype(StopIterationType)
	if g.kind == kindAsyncGenerator {
		if stop || exc.typ.IsSubtype(StopAsyncIterationType) {
			what := "StopIteration"
			if !stop {
				what = "StopAsyncIteration"
			}
			return chained(NewError(RuntimeErrorType, "async generator raised %s", what), exc)
		}
		return exc
	}
	if stop {
		return chained(NewError(RuntimeErrorType, "%s raised StopIteration", g.noun()), exc)
	}
	return exc
}

// chained makes err's cause and context exc (raise err from exc).
func chained(err error, exc *Exception) *Exception {
	e := err.(*Exception)
	e.Cause = exc
	e.Context = exc
	e.Suppress = true
	return e
}

// yieldFrom executes YIELD_FROM ([iter, sent] on f's stack, f.pc past the
// instruction). A generator or coroutine's chain is pushed onto the running
// chain (pushed); any other iterator is driven once: it finished (its
// result replaces both items), or it yielded (f suspends with the iterator
// on its stack).
func (th *Thread) yieldFrom(f *Frame) (r Value, yielded, pushed bool, err error) {
	sent := f.slots[f.sp-1]
	it := f.slots[f.sp-2]
	if g := genOf(it); g != nil && g.frame != nil && !g.running && (g.top == nil || !g.top.yieldFrom) {
		top := g.top
		if top == nil {
			top = g.frame
		}
		if !g.started {
			if !sent.IsNone() {
				return NULL, false, false, NewError(TypeErrorType, "can't send non-None value to a just-started %s", g.noun())
			}
			g.started = true
			g.closed = true
		} else {
			top.slots[top.sp] = sent
			top.sp++
		}
		if th.depth+int(g.nested) >= th.recursionLimit {
			return NULL, false, false, NewError(RecursionErrorType, "maximum recursion depth exceeded")
		}
		th.depth += 1 + int(g.nested)
		g.nested = 0
		f.sp -= 2
		f.slots[f.sp], f.slots[f.sp+1] = NULL, NULL
		g.frame.back = f
		g.frame.base = false
		g.running = true
		g.top = nil
		th.frame = top
		return NULL, false, true, nil
	}
	return th.driveIter(f, it, sent, nil)
}

// driveIter sends sent (or throws exc) into a non-frame iterator it that a
// YIELD_FROM in f delegates to; f's stack ends with [it, sent].
func (th *Thread) driveIter(f *Frame, it, sent Value, exc *Exception) (r Value, yielded, pushed bool, err error) {
	var done bool
	if rs, ok := it.o.(Resumable); ok {
		r, done, err = rs.Resume(th, sent, exc)
	} else if exc != nil && exc.typ.IsSubtype(GeneratorExitType) {
		// As CPython's _gen_throw: GeneratorExit closes the delegate (its
		// close(), if any) and is then raised at the yield from, or the
		// error of that close() is.
		var m Value
		m, err = LookupAttr(th, it, "close")
		if err == nil && !m.IsNull() {
			_, err = th.Call(m, nil, nil)
		}
		if err == nil {
			err = exc
		}
	} else if exc != nil {
		var m Value
		m, err = LookupAttr(th, it, "throw")
		if err == nil {
			if m.IsNull() {
				err = exc
			} else {
				r, err = th.Call(m, []Value{Value{o: exc}}, nil)
			}
		}
	} else if sent.IsNone() {
		r, err = Next(th, it)
		if err == nil && r.IsNull() {
			r, done = None, true
		}
	} else {
		r, err = callMethod(th, it, "send", sent)
	}
	if err != nil {
		if e, ok := err.(*Exception); ok && e.typ.IsSubtype(StopIterationType) {
			r, done, err = stopValue(e), true, nil
		}
	}
	f.sp--
	f.slots[f.sp] = NULL
	if err != nil {
		return NULL, false, false, err
	}
	if done {
		f.slots[f.sp-1] = r
		return r, false, false, nil
	}
	f.yieldFrom = true
	return r, true, false, nil
}

// stopValue is StopIteration.value.
func stopValue(e *Exception) Value {
	if len(e.Args) > 0 {
		return e.Args[0]
	}
	return None
}

// callMethod calls v.name(args...).
func callMethod(th *Thread, v Value, name string, args ...Value) (Value, error) {
	m, err := GetAttr(th, v, name)
	if err != nil {
		return NULL, err
	}
	return th.Call(m, args, nil)
}

// genRepr is "<generator object f at 0x...>".
func genRepr(th *Thread, v Value) (string, error) {
	g := genOf(v)
	return fmt.Sprintf("<%s object %s at %s>", v.Type().Name, g.qualname, addrString(v)), nil
}
