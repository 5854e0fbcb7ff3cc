package vm

import "github.com/pya-lang/pya/vm/compile"

// A coroutine made by a call written directly as the argument of a
// function that does not keep its arguments (print(main()),
// type(main()), repr(asyncio.sleep(1))) dies when that function returns:
// CPython then prints "coroutine ... was never awaited" at once, with the
// line of the call. pya has no reference counts, so it recognizes this
// shape: the last argument was produced by the instruction just before the
// CALL (a call), and the callee is one of the builtins below.

// nonRetainingBuiltins are the builtins (by name, with no bound self) that
// keep no reference to their arguments.
var nonRetainingBuiltins = map[string]bool{
	"print": true, "repr": true, "id": true, "isinstance": true, "callable": true,
	"hash": true, "format": true, "dir": true, "ascii": true,
	"iscoroutine": true, "isfuture": true, "iscoroutinefunction": true,
}

// checkDroppedArg is called after a call at f's instruction pc (the CALL)
// returned: when its last argument v is an unstarted coroutine made by
// the previous instruction and the callee keeps no reference to it, the
// coroutine can never be awaited and the warning is printed now.
func (th *Thread) checkDroppedArg(callee, v Value, f *Frame, pc int) {
	if th.Interp == nil || pc < 1 {
		return
	}
	switch c := callee.o.(type) {
	case *Builtin:
		if !c.Self.IsNull() || !nonRetainingBuiltins[c.Name] {
			return
		}
	case *Type:
		if c != TypeType && c != StrType && c != BoolType {
			return
		}
	default:
		return
	}
	switch o := v.o.(type) {
	case *Coroutine:
		if !o.started {
			th.Interp.droppedCoroutine(o, f, pc)
		}
	default:
		if o != nil && o.Type().Flags&TypeNativeCoroutine != 0 {
			th.droppedNative(o, f, pc)
		}
	}
}

// madeByCall reports whether the instruction before pc is a call (the
// value on top of the stack is a call's result).
func madeByCall(code []compile.Instr, pc int) bool {
	if pc < 1 {
		return false
	}
	switch code[pc-1].Op() {
	case compile.CALL, compile.CALL_METHOD, compile.CALL_KW, compile.CALL_EX:
		return true
	}
	return false
}

// ResultDropper is implemented by objects (asyncio tasks) that behave
// differently once nothing refers to them: CPython reports a task's
// unretrieved exception as soon as the task is freed, which for
// `asyncio.create_task(f())` as a statement is when it finishes.
type ResultDropper interface {
	DroppedResult()
}

// droppedResult is called when POP_TOP (at f's pc) discards an object of a
// TypeDropNotify type: when the call just before made it, the statement
// held the only reference the program had.
func droppedResult(o Object, f *Frame, pc int) {
	if pc < 1 {
		return
	}
	switch f.co.Code.Code[pc-1].Op() {
	case compile.CALL, compile.CALL_KW, compile.CALL_EX, compile.CALL_METHOD:
		if d, ok := o.(ResultDropper); ok {
			d.DroppedResult()
		}
	}
}
