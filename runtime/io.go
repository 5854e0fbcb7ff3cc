package runtime

import (
	"github.com/pya-lang/pya/vm"
)

// Real asynchronous I/O. Blocking Go work (a socket read, a connect, a
// process wait, an HTTP request) runs on its own goroutine and completes a
// future through the loop's inbox (Post); it never touches VM state, which
// only the loop goroutine (holding the GIL) converts its result into. While
// an operation is in flight it counts as external work (BeginExternal), so
// the loop sleeps on its inbox instead of reporting a deadlock, and under
// the virtual clock time flows at real speed instead of jumping past it
// (io_pace.go).
//
// The pieces: StartIO (one operation: connect, accept, wait, an HTTP
// request), Stream (io_stream.go: a connection or pipe; a read goroutine
// runs only while a reader waits, a write goroutine only while the write
// buffer is not empty), Listener (io_net.go), Process (io_process.go) and
// the protocol pump (io_pump.go). Cancelling a waiting reader aborts its
// read with a past deadline and keeps whatever arrived meanwhile; drain()
// completes only when every byte written before it was handed to the
// kernel, and close() sends the buffer before closing.

// IOConv converts a finished operation's Go result into the future's
// result, on the loop goroutine. A returned error becomes the future's
// exception.
type IOConv func(th *vm.Thread, r any, err error) (vm.Value, error)

// ioOp is one operation in flight.
type ioOp struct {
	loop   *Loop
	fut    *Future
	r      any
	err    error
	conv   IOConv
	abort  func()                 // makes work return early (any goroutine); may be nil
	orphan func(r any, err error) // takes a result nobody waits for any more
	done   bool
}

// StartIO runs work on its own goroutine and returns a future that
// completes with conv(work()) on the loop; desc names it in deadlock
// reports. Cancelling the future calls abort (so that work returns at
// once: a deadline, a kill) and hands the result, when it arrives, to
// orphan (so that data read meanwhile is kept, a connection made
// meanwhile is closed). Call it on the loop goroutine.
func (l *Loop) StartIO(desc string, work func() (any, error), conv IOConv, abort func(), orphan func(any, error)) *Future {
	fut := newWaiter(l, desc)
	op := &ioOp{loop: l, fut: fut, conv: conv, abort: abort, orphan: orphan}
	l.ioBegin()
	go func() {
		r, err := work()
		op.r, op.err = r, err // published to the loop by Post's lock
		l.Post(ioDone, op, vm.NULL, true)
	}()
	fut.AddDoneCallback(ioFutDone, op)
	return fut
}

// ioFutDone aborts the operation when its future was cancelled first.
func ioFutDone(arg any, _ vm.Value) error {
	op := arg.(*ioOp)
	if !op.done && op.fut.Cancelled() && op.abort != nil {
		op.abort()
	}
	return nil
}

// ioDone delivers the result on the loop.
func ioDone(arg any, _ vm.Value) error {
	op := arg.(*ioOp)
	op.done = true
	op.loop.ioEnd()
	if op.fut.Done() {
		if op.orphan != nil {
			op.orphan(op.r, op.err)
		}
		return nil
	}
	v, err := op.conv(op.loop.th, op.r, op.err)
	if err != nil {
		op.fut.SetException(asException(err))
		return nil
	}
	op.fut.SetResult(v)
	return nil
}

// DoneFuture returns a future on l already finished with v (or exc).
func DoneFuture(l *Loop, v vm.Value, err error) *Future {
	f := NewFuture(l)
	if err != nil {
		f.SetException(asException(err))
	} else {
		f.SetResult(v)
	}
	return f
}
