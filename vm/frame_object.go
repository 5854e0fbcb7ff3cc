package vm

import "fmt"

// FrameObject is the Python view of a Frame (type frame): the value of
// cr_frame, gi_frame, ag_frame and sys._getframe(). It reads the live
// frame, so f_lineno follows a suspended coroutine as it advances.
type FrameObject struct{ f *Frame }

func (*FrameObject) Type() *Type { return FrameType }

// FrameType is the type of frame objects.
var FrameType = &Type{Name: "frame", QualName: "frame", Module: "builtins"}

// frameObject returns the frame object of f. A generator's frame keeps one
// object for its life (cr_frame is cr_frame, as in CPython); any other
// frame gets a new one, and is taken out of the recycling pool since
// something outside the dispatch loop now refers to it.
func frameObject(f *Frame) Value {
	if g := f.gen; g != nil && g.frame == f {
		g.escape() // the frame object outlives the frame: not recycled
		if g.fobj == nil {
			g.fobj = &FrameObject{f: f}
		}
		return Value{o: g.fobj}
	}
	f.pooled = false
	return Value{o: &FrameObject{f: f}}
}

// FrameAt is sys._getframe(depth): the frame depth calls below the caller
// of the running native (natives push no frame), false when the stack is
// not that deep.
func (th *Thread) FrameAt(depth int) (Value, bool) {
	f := th.frame
	for ; f != nil && depth > 0; depth-- {
		f = frameBack(f)
	}
	if f == nil {
		return NULL, false
	}
	return frameObject(f), true
}

// frameBack is f_back: the frame that called f, nil when there is none. A
// generator's frame is linked to its caller only while it runs (CPython
// unlinks suspended frames); a task's coroutine is resumed by the event
// loop, which has no Python frame.
func frameBack(f *Frame) *Frame {
	if g := f.gen; g != nil && !g.isRunning() {
		return nil
	}
	return f.back
}

// lineno is f_lineno: the line being executed, or where the frame is
// suspended; an unstarted generator's frame is at its def line.
func (f *Frame) lineno() int {
	if f.pc == 0 {
		return f.co.Code.FirstLine
	}
	return f.Line()
}

// localsDict is a snapshot of the frame's variables (f_locals, locals()):
// the namespace of module and class bodies, else the bound fast locals and
// cells.
func (f *Frame) localsDict() *Dict {
	if f.ns != nil {
		return f.ns
	}
	d := NewDict()
	c := f.co.Code
	for i, name := range c.LocalNames {
		if i < len(f.slots) && !f.slots[i].IsNull() {
			d.SetStr(name, f.slots[i])
		}
	}
	for i := 0; i < len(c.CellNames)+len(c.FreeVars); i++ {
		j := f.co.nlocals + i
		if j >= len(f.slots) {
			break
		}
		if cell, ok := f.slots[j].o.(*Cell); ok && !cell.V.IsNull() {
			d.SetStr(cellName(f.co, i), cell.V)
		}
	}
	return d
}

func init() {
	t := FrameType
	t.Bases = []*Type{ObjectType}
	t.MRO = []*Type{t, ObjectType}
	t.Dict = NewDict()
	t.Hash = identityHashSlot
	t.Repr = func(th *Thread, v Value) (string, error) {
		f := v.o.(*FrameObject).f
		return fmt.Sprintf("<frame at %s, file '%s', line %d, code %s>", addrString(v), f.co.Code.Filename, f.lineno(), f.co.Code.Name), nil
	}
	frameOf := func(v Value) *Frame { return v.o.(*FrameObject).f }
	t.AddGetters(map[string]func(th *Thread, v Value) (Value, error){
		"f_lineno": func(th *Thread, v Value) (Value, error) { return Int(int64(frameOf(v).lineno())), nil },
		"f_code":   func(th *Thread, v Value) (Value, error) { return Value{o: frameOf(v).co}, nil },
		"f_lasti":  func(th *Thread, v Value) (Value, error) { return Int(int64(2 * max(frameOf(v).pc-1, 0))), nil },
		"f_locals": func(th *Thread, v Value) (Value, error) { return Value{o: frameOf(v).localsDict()}, nil },
		"f_globals": func(th *Thread, v Value) (Value, error) {
			return Value{o: frameOf(v).globals}, nil
		},
		"f_builtins": func(th *Thread, v Value) (Value, error) {
			if b := frameOf(v).builtins; b != nil {
				return Value{o: b}, nil
			}
			return Value{o: NewDict()}, nil
		},
		"f_back": func(th *Thread, v Value) (Value, error) {
			if b := frameBack(frameOf(v)); b != nil {
				return frameObject(b), nil
			}
			return None, nil
		},
		"f_trace":         func(th *Thread, v Value) (Value, error) { return None, nil },
		"f_trace_lines":   func(th *Thread, v Value) (Value, error) { return Bool(true), nil },
		"f_trace_opcodes": func(th *Thread, v Value) (Value, error) { return Bool(false), nil },
	})
	t.AddMethods(map[string]NativeFunc{
		"clear": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			f := frameOf(args[0])
			if g := f.gen; g != nil && g.frame == f {
				if g.isRunning() {
					return NULL, NewError(RuntimeErrorType, "cannot clear an executing frame")
				}
				if _, err := genClose(th, g); err != nil {
					return NULL, err
				}
			}
			return None, nil
		},
	})
}

// SourceLine returns line n of file, stripped of surrounding white space,
// as tracebacks show it ("" when the source is not available).
func (in *Interpreter) SourceLine(file string, n int) string {
	return in.sourceLine(file, n)
}
