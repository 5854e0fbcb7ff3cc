package vm

import "github.com/pya-lang/pya/vm/compile"

// Frame is one activation of a code object, a heap object so that
// generators and coroutines can keep it across suspensions.
type Frame struct {
	code *compile.Code
	back *Frame
	pc   int
}
