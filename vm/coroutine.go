package vm

import (
	"fmt"

	"github.com/pya-lang/pya/vm/compile"
)

// AsyncGenerator is the object an async generator function returns. Its
// frame's yields are wrapped (ASYNC_GEN_WRAP) so that a yield of a value
// can be told from an await that suspends the task.
type AsyncGenerator struct {
	genState
	// hooksInited: the firstiter hook ran; finalizer is the finalizer hook
	// it saw then (see asyncgen_hooks.go).
	hooksInited bool
	finalizer   Value
}

func (*AsyncGenerator) Type() *Type { return AsyncGeneratorType }

// asyncGenWrapped marks a value yielded by an async generator's `yield`.
type asyncGenWrapped struct{ v Value }

func (*asyncGenWrapped) Type() *Type { return asyncGenWrappedType }

var asyncGenWrappedType = &Type{Name: "async_generator_wrapped_value", Module: "builtins"}

// asyncGenOp is the awaitable of __anext__/asend (sent value), athrow
// (exc) and aclose (close): awaiting it runs the generator to its next
// yield, whose value becomes the await's result.
type asyncGenOp struct {
	g     *AsyncGenerator
	sent  Value
	exc   *Exception
	close bool
	state uint8 // 0 not started, 1 running, 2 done
}

func (op *asyncGenOp) Type() *Type {
	if op.close || op.exc != nil {
		return AsyncGenAThrowType
	}
	return AsyncGenASendType
}

// The types of the awaitables of async generator methods: __anext__ and
// asend make an async_generator_asend, athrow and aclose an
// async_generator_athrow.
var (
	AsyncGenASendType  = &Type{Name: "async_generator_asend", QualName: "async_generator_asend", Module: "builtins"}
	AsyncGenAThrowType = &Type{Name: "async_generator_athrow", QualName: "async_generator_athrow", Module: "builtins"}
)

// Resume implements Resumable.
func (op *asyncGenOp) Resume(th *Thread, v Value, exc *Exception) (Value, bool, error) {
	if op.state == 2 {
		return NULL, false, NewError(RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()")
	}
	g := op.g
	if op.state == 0 {
		op.state = 1
		if exc == nil {
			v, exc = op.sent, op.exc
			if op.close {
				exc = NewException(GeneratorExitType)
			}
		}
		if g.frame == nil {
			op.state = 2
			if op.close {
				return None, true, nil
			}
			if exc != nil && !op.close {
				return NULL, false, exc
			}
			return NULL, false, NewException(StopAsyncIterationType)
		}
		if op.close && !g.started {
			g.finish(th)
			op.state = 2
			return None, true, nil
		}
	}
	r, done, err := g.Resume(th, v, exc)
	if err != nil {
		op.state = 2
		if op.close {
			if e, ok := err.(*Exception); ok && (e.typ.IsSubtype(GeneratorExitType) || e.typ.IsSubtype(StopAsyncIterationType)) {
				return None, true, nil
			}
		}
		return NULL, false, err
	}
	if done {
		op.state = 2
		if op.close {
			return None, true, nil
		}
		return NULL, false, NewException(StopAsyncIterationType)
	}
	if w, ok := r.o.(*asyncGenWrapped); ok {
		op.state = 2
		if op.close {
			return NULL, false, NewError(RuntimeErrorType, "async generator ignored GeneratorExit")
		}
		return w.v, true, nil
	}
	return r, false, nil
}

// getAwaitable implements GET_AWAITABLE: coroutines and native awaitables
// pass through; other objects' __await__ must return an iterator.
func (th *Thread) getAwaitable(v Value, where int) (Value, error) {
	switch o := v.o.(type) {
	case *Coroutine:
		if o.running {
			return NULL, NewError(RuntimeErrorType, "coroutine is being awaited already")
		}
		return v, nil
	case *asyncGenOp:
		return v, nil
	case *Generator:
		if o.co != nil && o.co.Code.Flags&compile.FlagIterableCoroutine != 0 {
			return v, nil // a @types.coroutine generator
		}
		return NULL, awaitError(v, where)
	case NativeCoroutine:
		return v, nil
	}
	m := lookupSpecial(v, "__await__")
	if m.IsNull() {
		return NULL, awaitError(v, where)
	}
	it, err := callSpecial(th, m, v)
	if err != nil {
		return NULL, err
	}
	if _, ok := it.o.(*Coroutine); ok {
		return NULL, NewError(TypeErrorType, "__await__() returned a coroutine")
	}
	if _, ok := it.o.(Resumable); ok {
		return it, nil
	}
	if t := it.Type(); t.Next == nil && t.Lookup("__next__").IsNull() {
		return NULL, NewError(TypeErrorType, "__await__() returned non-iterator of type '%s'", t.Name)
	}
	return it, nil
}

func awaitError(v Value, where int) error {
	switch where {
	case 1:
		return NewError(TypeErrorType, "'async with' received an object from __aenter__ that does not implement __await__: %s", TypeName(v))
	case 2:
		return NewError(TypeErrorType, "'async with' received an object from __aexit__ that does not implement __await__: %s", TypeName(v))
	}
	return NewError(TypeErrorType, "object %s can't be used in 'await' expression", TypeName(v))
}

// genSend is generator.send / coroutine.send: StopIteration carries the
// return value.
func genSend(th *Thread, g *genState, v Value) (Value, error) {
	r, done, err := g.Resume(th, v, nil)
	if err != nil {
		return NULL, err
	}
	if done {
		return NULL, stopIteration(r)
	}
	return r, nil
}

// stopIteration makes StopIteration(value) (no args for None).
func stopIteration(r Value) error {
	if r.IsNone() || r.IsNull() {
		return NewException(StopIterationType)
	}
	return NewException(StopIterationType, r)
}

// throwArgs builds the exception of gen.throw(typ[, val[, tb]]).
func throwArgs(th *Thread, args []Value) (*Exception, error) {
	if len(args) == 0 {
		return nil, NewError(TypeErrorType, "throw expected at least 1 argument, got 0")
	}
	typ := args[0]
	if t, ok := typ.o.(*Type); ok && len(args) > 1 && !args[1].IsNone() {
		if e, ok := args[1].o.(*Exception); ok && e.typ.IsSubtype(t) {
			return e, nil
		}
		r, err := th.Call(typ, []Value{args[1]}, nil)
		if err != nil {
			return nil, err
		}
		return toRaisable(th, r, "exceptions must be classes or instances deriving from BaseException, not "+TypeName(r))
	}
	e, err := toRaisable(th, typ, "exceptions must be classes or instances deriving from BaseException, not "+TypeName(typ))
	if err != nil {
		return nil, err
	}
	return e, nil
}

// genThrow is generator.throw.
func genThrow(th *Thread, g *genState, args []Value) (Value, error) {
	exc, err := throwArgs(th, args)
	if err != nil {
		return NULL, err
	}
	if !g.started && g.frame != nil {
		// Throwing into an unstarted generator finishes it.
		g.started = true
		g.closed = true
	}
	r, done, err := g.Resume(th, NULL, exc)
	if err != nil {
		return NULL, err
	}
	if done {
		return NULL, stopIteration(r)
	}
	return r, nil
}

// genClose is generator.close: throw GeneratorExit and expect it back.
func genClose(th *Thread, g *genState) (Value, error) {
	g.closed = true
	if g.frame == nil {
		return None, nil
	}
	if !g.started {
		g.finish(th)
		return None, nil
	}
	_, done, err := g.Resume(th, NULL, NewException(GeneratorExitType))
	if err != nil {
		if e, ok := err.(*Exception); ok && (e.typ.IsSubtype(GeneratorExitType) || e.typ.IsSubtype(StopIterationType)) {
			return None, nil
		}
		return NULL, err
	}
	if !done {
		return NULL, NewError(RuntimeErrorType, "%s ignored GeneratorExit", g.noun())
	}
	return None, nil
}

func init() {
	for _, t := range []*Type{GeneratorType, CoroutineType, AsyncGeneratorType, AsyncGenASendType, AsyncGenAThrowType, asyncGenWrappedType, CodeType, CellType, FunctionType, MethodType, TracebackType} {
		t.Bases = []*Type{ObjectType}
		t.MRO = []*Type{t, ObjectType}
		if t.QualName == "" {
			t.QualName = t.Name
		}
		if t.Dict == nil {
			t.Dict = NewDict()
		}
		t.Hash = identityHashSlot
	}
	for _, t := range []*Type{GeneratorType, CoroutineType, AsyncGeneratorType} {
		t.Repr = genRepr
	}
	GeneratorType.Iter = func(th *Thread, v Value) (Value, error) { return v, nil }
	GeneratorType.Next = func(th *Thread, v Value) (Value, error) {
		r, done, err := v.o.(*Generator).Resume(th, None, nil)
		if err != nil {
			return NULL, err
		}
		if done {
			// Exhaustion is NULL; the return value waits in the thread for
			// next() to put it in StopIteration (TakeStopValue).
			th.stopValue = r
			return NULL, nil
		}
		return r, nil
	}
	GeneratorType.AddMethods(map[string]NativeFunc{
		"send": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != 2 {
				return NULL, NewError(TypeErrorType, "send() takes exactly one argument (%d given)", len(args)-1)
			}
			return genSend(th, genOf(args[0]), args[1])
		},
		"throw": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return genThrow(th, genOf(args[0]), args[1:])
		},
		"close": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return genClose(th, genOf(args[0]))
		},
		"__next__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return genSend(th, genOf(args[0]), None)
		},
		"__iter__": func(th *Thread, args []Value, kwnames []string) (Value, error) { return args[0], nil },
	})
	CoroutineType.AddMethods(map[string]NativeFunc{
		"send": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != 2 {
				return NULL, NewError(TypeErrorType, "send() takes exactly one argument (%d given)", len(args)-1)
			}
			return genSend(th, genOf(args[0]), args[1])
		},
		"throw": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return genThrow(th, genOf(args[0]), args[1:])
		},
		"close": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return genClose(th, genOf(args[0]))
		},
		"__await__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return Value{o: &coroWrapper{c: args[0].o.(*Coroutine)}}, nil
		},
	})
	coroWrapperType.Bases = []*Type{ObjectType}
	coroWrapperType.MRO = []*Type{coroWrapperType, ObjectType}
	coroWrapperType.Dict = NewDict()
	coroWrapperType.Iter = func(th *Thread, v Value) (Value, error) { return v, nil }
	coroWrapperType.Next = func(th *Thread, v Value) (Value, error) {
		r, done, err := v.o.(*coroWrapper).c.Resume(th, None, nil)
		if err != nil {
			return NULL, err
		}
		if done {
			return NULL, stopIteration(r)
		}
		return r, nil
	}
	coroWrapperType.AddMethods(map[string]NativeFunc{
		"send": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return genSend(th, &args[0].o.(*coroWrapper).c.genState, args[1])
		},
		"throw": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return genThrow(th, &args[0].o.(*coroWrapper).c.genState, args[1:])
		},
		"close": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return genClose(th, &args[0].o.(*coroWrapper).c.genState)
		},
	})
	// newOp makes the awaitable of an async generator method, running the
	// firstiter hook on the generator's first iteration.
	newOp := func(th *Thread, self Value, op asyncGenOp) (Value, error) {
		op.g = self.o.(*AsyncGenerator)
		if err := op.g.initHooks(th); err != nil {
			return NULL, err
		}
		return Value{o: &op}, nil
	}
	AsyncGeneratorType.AddMethods(map[string]NativeFunc{
		"__aiter__": func(th *Thread, args []Value, kwnames []string) (Value, error) { return args[0], nil },
		"__anext__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return newOp(th, args[0], asyncGenOp{sent: None})
		},
		"asend": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(args) != 2 {
				return NULL, NewError(TypeErrorType, "asend() takes exactly one argument (%d given)", len(args)-1)
			}
			return newOp(th, args[0], asyncGenOp{sent: args[1]})
		},
		"athrow": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			exc, err := throwArgs(th, args[1:])
			if err != nil {
				return NULL, err
			}
			return newOp(th, args[0], asyncGenOp{exc: exc})
		},
		"aclose": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			return newOp(th, args[0], asyncGenOp{close: true})
		},
	})
	for _, t := range []*Type{AsyncGenASendType, AsyncGenAThrowType} {
		t.Repr = func(th *Thread, v Value) (string, error) {
			return fmt.Sprintf("<%s object at %s>", v.Type().Name, addrString(v)), nil
		}
		t.Iter = func(th *Thread, v Value) (Value, error) { return v, nil }
		t.Next = func(th *Thread, v Value) (Value, error) {
			r, done, err := v.o.(*asyncGenOp).Resume(th, None, nil)
			if err != nil {
				return NULL, err
			}
			if done {
				return NULL, stopIteration(r)
			}
			return r, nil
		}
		t.AddMethods(map[string]NativeFunc{
			"__await__": func(th *Thread, args []Value, kwnames []string) (Value, error) { return args[0], nil },
			"send": func(th *Thread, args []Value, kwnames []string) (Value, error) {
				r, done, err := args[0].o.(*asyncGenOp).Resume(th, args[1], nil)
				if err != nil {
					return NULL, err
				}
				if done {
					return NULL, stopIteration(r)
				}
				return r, nil
			},
			"throw": func(th *Thread, args []Value, kwnames []string) (Value, error) {
				exc, err := throwArgs(th, args[1:])
				if err != nil {
					return NULL, err
				}
				r, done, err := args[0].o.(*asyncGenOp).Resume(th, NULL, exc)
				if err != nil {
					return NULL, err
				}
				if done {
					return NULL, stopIteration(r)
				}
				return r, nil
			},
			"close": func(th *Thread, args []Value, kwnames []string) (Value, error) { return None, nil },
		})
	}
}

// coroWrapper is what coroutine.__await__() returns (coroutine_wrapper):
// an iterator driving the coroutine.
type coroWrapper struct{ c *Coroutine }

func (*coroWrapper) Type() *Type { return coroWrapperType }

// Resume implements Resumable by delegating to the coroutine.
func (w *coroWrapper) Resume(th *Thread, v Value, exc *Exception) (Value, bool, error) {
	return w.c.Resume(th, v, exc)
}

var coroWrapperType = &Type{Name: "coroutine_wrapper", QualName: "coroutine_wrapper", Module: "builtins"}
