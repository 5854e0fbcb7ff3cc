package runtime

import "github.com/pya-lang/pya/vm"

// asyncio's exception types (asyncio.exceptions). TimeoutError is the
// builtin one in 3.11.
var (
	CancelledErrorType     = vm.NewExceptionType("CancelledError", "asyncio.exceptions", vm.BaseExceptionType)
	InvalidStateErrorType  = vm.NewExceptionType("InvalidStateError", "asyncio.exceptions", vm.ExceptionType)
	BrokenBarrierErrorType = vm.NewExceptionType("BrokenBarrierError", "asyncio.exceptions", vm.RuntimeErrorType)
	// SendfileNotAvailableErrorType exists for completeness (pya has no
	// loop.sendfile): programs name it in except clauses.
	SendfileNotAvailableErrorType = vm.NewExceptionType("SendfileNotAvailableError", "asyncio.exceptions", vm.RuntimeErrorType)
	QueueEmptyType                = vm.NewExceptionType("QueueEmpty", "asyncio.queues", vm.ExceptionType)
	QueueFullType                 = vm.NewExceptionType("QueueFull", "asyncio.queues", vm.ExceptionType)
	// DeadlockErrorType is pya's own: raised into the main task when no
	// task can ever make progress (CPython hangs instead).
	DeadlockErrorType = vm.NewExceptionType("DeadlockError", "asyncio.exceptions", vm.RuntimeErrorType)
)

// newCancelledError makes CancelledError(msg), or CancelledError() when msg
// is NULL or None.
func newCancelledError(msg vm.Value) *vm.Exception {
	if msg.IsNull() || msg.IsNone() {
		return vm.NewException(CancelledErrorType)
	}
	return vm.NewException(CancelledErrorType, msg)
}

// asException converts a Go error returned by VM code to an exception.
func asException(err error) *vm.Exception {
	if e, ok := err.(*vm.Exception); ok {
		return e
	}
	return vm.NewError(vm.SystemErrorType, "%s", err.Error()).(*vm.Exception)
}

// isCancelled reports whether exc is a CancelledError.
func isCancelled(exc *vm.Exception) bool { return exc != nil && exc.IsInstance(CancelledErrorType) }

// isExitException reports SystemExit and KeyboardInterrupt, which the loop
// lets propagate instead of logging.
func isExitException(exc *vm.Exception) bool {
	return exc.IsInstance(vm.SystemExitType) || exc.IsInstance(vm.KeyboardInterruptType)
}
