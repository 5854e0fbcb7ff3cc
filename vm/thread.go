package vm

// Thread is the state of one interpreter thread of control: the running
// frame chain, the exception being handled, the recursion depth. Natives get
// it as their first argument. CONTRACT (owned by the interpreter work):
// Call is relied on by every native that calls back into Python.
type Thread struct {
}

// Call calls any callable with vectorcall-style arguments (see NativeFunc).
// Python functions run in a nested dispatch loop; an await that would
// suspend across this boundary raises RuntimeError.
func (th *Thread) Call(fn Value, args []Value, kwnames []string) (Value, error) {
	panic("TODO Thread.Call")
}
