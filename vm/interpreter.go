package vm

import "sync/atomic"

// Interpreter is one pya interpreter: its modules, builtins and main thread.
type Interpreter struct {
	interrupt atomic.Bool
}
