package runtime

import "github.com/pya-lang/pya/vm"

// Resumable is the method set of vm.Resumable (declared here so that this
// package does not depend on which vm file defines it): Resume sends v (exc
// == nil) or throws exc in; it returns (yielded, false, nil) when suspended,
// (result, true, nil) when finished, or (NULL, false, err) when it raised.
type Resumable interface {
	Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error)
}

// FutureIter is the iterator returned by Future.__await__ (_asyncio.FutureIter):
// its first resume yields the pending future itself with Blocking set, so
// that the task driving the coroutine waits for it; the next returns the
// future's result or raises its exception.
type FutureIter struct {
	fut *Future
}

func (*FutureIter) Type() *vm.Type { return FutureIterType }

// NewFutureIter returns fut.__await__().
func NewFutureIter(fut *Future) *FutureIter { return &FutureIter{fut: fut} }

// Resume implements Resumable.
func (it *FutureIter) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	f := it.fut
	if exc != nil {
		it.fut = nil
		return vm.NULL, false, exc
	}
	if f == nil {
		return vm.None, true, nil
	}
	if f.state == statePending {
		if !f.Blocking {
			f.Blocking = true
			return f.Value(), false, nil
		}
		return vm.NULL, false, vm.NewError(vm.RuntimeErrorType, "await wasn't used with future")
	}
	it.fut = nil
	r, err := f.Result()
	if err != nil {
		return vm.NULL, false, err
	}
	return r, true, nil
}
