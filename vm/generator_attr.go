package vm

import "unsafe"

// The introspection attributes of generators, coroutines and async
// generators (gi_*, cr_*, ag_*), which asyncio's task reprs, inspect and
// the deadlock report read.

// object returns the generator, coroutine or async generator embedding g
// (genState is the first and only field of each, so they share an address).
func (g *genState) object() Value {
	g.escape() // handed out: not recycled (see genState.recycle)
	p := unsafe.Pointer(g)
	switch g.kind {
	case kindCoroutine:
		return Value{o: (*Coroutine)(p)}
	case kindAsyncGenerator:
		return Value{o: (*AsyncGenerator)(p)}
	}
	return Value{o: (*Generator)(p)}
}

// outer returns the generator whose Resume runs g's chain: g itself, or,
// when g was pushed by a YIELD_FROM (await) of another generator's frame,
// the outermost one of that chain (the one whose frame is the base).
func (g *genState) outer() *genState {
	f := g.frame
	for f != nil && !f.base && f.back != nil && f.back.gen != nil && f.back.gen.frame == f.back {
		f = f.back
	}
	if f == nil {
		return g
	}
	return f.gen
}

// isRunning is cr_running/gi_running: the generator is executing. A
// sub-generator pushed on a chain keeps its running flag while the chain is
// suspended; the truth is then the flag of the chain's outermost generator.
func (g *genState) isRunning() bool {
	if !g.running || g.frame == nil {
		return false
	}
	return g.outer().running
}

// isSuspended is cr_suspended/gi_suspended: started, not finished, not
// running.
func (g *genState) isSuspended() bool {
	return g.started && g.frame != nil && !g.isRunning()
}

// delegate is cr_await/gi_yieldfrom/ag_await: the object g's frame awaits
// (or yields from) while suspended, None otherwise. A generator or
// coroutine it awaits sits directly above it on the chain; any other
// iterator (a Future's, a native coroutine) waits on its value stack.
func (g *genState) delegate(th *Thread) Value {
	if g.frame == nil || !g.started {
		return None
	}
	top := th.frame
	if o := g.outer(); !o.running {
		top = o.top
		if top == nil {
			top = o.frame
		}
	}
	for f := top; f != nil && f != g.frame; f = f.back {
		if f.back == g.frame {
			if f.gen != nil && f.gen.frame == f {
				return f.gen.object()
			}
			return None
		}
		if f.base {
			break
		}
	}
	if f := g.frame; f.yieldFrom && f.sp > f.stackBase() {
		return f.slots[f.sp-1]
	}
	return None
}

// genGetters are the attributes every generator-like type has, named with
// its prefix (gi_, cr_ or ag_).
func genGetters(prefix string, suspended bool) map[string]func(th *Thread, v Value) (Value, error) {
	m := map[string]func(th *Thread, v Value) (Value, error){
		prefix + "code": func(th *Thread, v Value) (Value, error) {
			if g := genOf(v); g.co != nil {
				return Value{o: g.co}, nil
			}
			return None, nil
		},
		prefix + "frame": func(th *Thread, v Value) (Value, error) {
			if g := genOf(v); g.frame != nil {
				return frameObject(g.frame), nil
			}
			return None, nil
		},
		prefix + "running": func(th *Thread, v Value) (Value, error) { return Bool(genOf(v).isRunning()), nil },
	}
	await := prefix + "await"
	if prefix == "gi_" {
		await = "gi_yieldfrom"
	}
	m[await] = func(th *Thread, v Value) (Value, error) { return genOf(v).delegate(th), nil }
	if suspended {
		m[prefix+"suspended"] = func(th *Thread, v Value) (Value, error) { return Bool(genOf(v).isSuspended()), nil }
	}
	return m
}

// genGetAttr serves __name__ and __qualname__, which cannot be getters in
// the type's dict: there they would shadow the type's own name
// (type(gen).__name__ is "generator").
func genGetAttr(th *Thread, v Value, name string) (Value, error) {
	switch name {
	case "__name__":
		return NewStr(genOf(v).name), nil
	case "__qualname__":
		return NewStr(genOf(v).qualname), nil
	}
	return genericGetAttr(th, v, name)
}

func init() {
	for _, t := range []*Type{GeneratorType, CoroutineType, AsyncGeneratorType} {
		t.GetAttr = genGetAttr
	}
	GeneratorType.AddGetters(genGetters("gi_", true))
	CoroutineType.AddGetters(genGetters("cr_", true))
	CoroutineType.AddGetters(map[string]func(th *Thread, v Value) (Value, error){
		"cr_origin": func(th *Thread, v Value) (Value, error) { return None, nil },
	})
	AsyncGeneratorType.AddGetters(genGetters("ag_", false))
}

// AwaitLocation is where the innermost frame of g's chain stands: for a
// suspended coroutine, the await it waits at (file, line and function
// name), followed down through the coroutines it awaits; ok is false once
// g finished. The runtime's deadlock report names it for every blocked
// task.
func (g *genState) AwaitLocation() (file string, line int, fn string, ok bool) {
	if g.frame == nil {
		return "", 0, "", false
	}
	f := g.frame
	if o := g.outer(); !o.running && o.top != nil {
		f = o.top
	}
	c := f.co.Code
	return c.Filename, f.lineno(), c.Name, true
}
