package vm

import "github.com/pya-lang/pya/vm/compile"

// Frame is one activation of a code object. It is a heap object so that
// generators and coroutines keep it across suspensions; plain function
// frames are recycled through the thread's pool when they return (nothing
// else keeps a *Frame: tracebacks record TraceEntry values).
//
// slots holds, in order, the fast locals, the cells (as *Cell values: own
// cells then free variables) and the value stack.
type Frame struct {
	co       *CodeObject
	fn       *Function // nil for module and class bodies run directly
	globals  *Dict
	builtins *Dict
	ns       *Dict // namespace of module and class bodies (LOAD_NAME), else nil
	back     *Frame
	slots    []Value
	pc       int // next instruction
	sp       int // index in slots of the first free stack slot
	// gen is the generator, coroutine or async generator running this frame.
	gen *genState
	// base marks the frame at which the running dispatch loop returns.
	base bool
	// yieldFrom: suspended in YIELD_FROM on a non-frame iterator (at TOS);
	// resuming drives it instead of pushing the sent value.
	yieldFrom bool
	// delegate: this frame is running a sub-generator pushed by YIELD_FROM;
	// on return its result is pushed here.
	pooled bool
}

// stackBase is the slot index of the bottom of the value stack.
func (f *Frame) stackBase() int { return f.co.nlocals + f.co.ncells }

// Line returns the line being executed.
func (f *Frame) Line() int {
	pc := f.pc - 1
	if pc < 0 {
		pc = 0
	}
	return f.co.Code.LineAt(pc)
}

// Code returns the frame's code.
func (f *Frame) Code() *compile.Code { return f.co.Code }

// Back returns the calling frame.
func (f *Frame) Back() *Frame { return f.back }

// Globals returns the frame's global namespace.
func (f *Frame) Globals() *Dict { return f.globals }

// Frame returns the innermost running frame (for sys._getframe, warnings).
func (th *Thread) Frame() *Frame { return th.frame }

// newFrame allocates (or recycles) a frame for co. Only plain functions'
// frames are recycled: a generator-like object keeps its frame for as long
// as it lives (see newPooledFrame for the exception).
func (th *Thread) newFrame(co *CodeObject, fn *Function, globals *Dict) *Frame {
	if co.kind == kindPlain {
		return th.newPooledFrame(co, fn, globals)
	}
	f := &Frame{slots: make([]Value, co.size)}
	f.co = co
	f.fn = fn
	f.globals = globals
	f.builtins = th.builtinsFor(globals)
	f.sp = co.nlocals + co.ncells
	return f
}

// newPooledFrame takes a frame for co from the pool (or allocates one) and
// marks it for recycling when it returns or raises out: the caller makes
// sure that nothing but the running chain refers to it by then.
func (th *Thread) newPooledFrame(co *CodeObject, fn *Function, globals *Dict) *Frame {
	var f *Frame
	if n := len(th.framePool); n > 0 {
		f = th.framePool[n-1]
		th.framePool = th.framePool[:n-1]
		if cap(f.slots) >= co.size {
			f.slots = f.slots[:co.size]
		} else {
			f.slots = make([]Value, co.size)
		}
	} else {
		f = &Frame{slots: make([]Value, co.size)}
	}
	f.co = co
	f.fn = fn
	f.globals = globals
	f.builtins = th.builtins
	if f.builtins == nil {
		f.builtins = th.builtinsFor(globals)
	}
	f.sp = co.nlocals + co.ncells
	f.pooled = true
	return f
}

// releaseFrame returns a finished plain-function frame to the pool. Its
// slots are cleared (the whole capacity of a pooled frame is NULL) and its
// references dropped, field by field: assigning a zero Frame or calling
// clear() goes through the runtime's bulk-barrier routines, which cost more
// than the few stores of a small frame (the `fib` benchmark).
func (th *Thread) releaseFrame(f *Frame) {
	if !f.pooled || len(th.framePool) >= 64 {
		return
	}
	if th.lastGenFrame == f {
		th.lastGen, th.lastGenFrame = nil, nil // f will be reused
	}
	clearValues(f.slots)
	f.slots = f.slots[:0]
	f.co, f.fn, f.globals, f.builtins, f.ns, f.back, f.gen = nil, nil, nil, nil, nil, nil, nil
	f.pc, f.sp = 0, 0
	f.base, f.yieldFrom, f.pooled = false, false, false
	th.framePool = append(th.framePool, f)
}

// clearValues sets every value of s to NULL with plain stores. (clear(s),
// or the equivalent range loop, calls the runtime's memclrHasPointers, whose
// call overhead dominates for the handful of slots of a call.)
func clearValues(s []Value) {
	for i := len(s) - 1; i >= 0; i-- {
		s[i] = Value{}
	}
}

// copyValues copies src into dst (len(dst) >= len(src)) with plain stores,
// for the same reason as clearValues (copy calls typedslicecopy).
func copyValues(dst, src []Value) {
	dst = dst[:len(src)]
	for i := range src {
		dst[i] = src[i]
	}
}

// initCells creates the frame's cells: own cells (moving the arguments that
// are captured into them) and the closure's free variables.
func (f *Frame) initCells() {
	c := f.co.Code
	if f.co.ncells == 0 {
		return
	}
	n := f.co.nlocals
	for i := range c.CellNames {
		cell := &Cell{}
		if i < len(c.CellArgs) && c.CellArgs[i] >= 0 {
			cell.V = f.slots[c.CellArgs[i]]
			f.slots[c.CellArgs[i]] = NULL
		}
		f.slots[n+i] = Value{o: cell}
	}
	if f.fn != nil {
		n += len(c.CellNames)
		for i, cell := range f.fn.Closure {
			f.slots[n+i] = Value{o: cell}
		}
	}
}
