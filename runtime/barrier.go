package runtime

import "github.com/pya-lang/pya/vm"

// Barrier states (locks._BarrierState).
const (
	barrierFilling uint8 = iota
	barrierDraining
	barrierResetting
	barrierBroken
)

var barrierStateNames = [...]string{"filling", "draining", "resetting", "broken"}

// Barrier is asyncio.Barrier: parties tasks wait until all have arrived.
// It is built on a Condition, as in CPython, so wake-ups take the same turns.
type Barrier struct {
	subclassed
	cond    *Condition
	parties int
	state   uint8
	count   int
}

func (b *Barrier) Type() *vm.Type { return b.typeOr(BarrierType) }

// NewBarrier returns Barrier(parties).
func NewBarrier(parties int64) (*Barrier, error) {
	if parties < 1 {
		return nil, vm.NewError(vm.ValueErrorType, "parties must be > 0")
	}
	cond := NewCondition(nil)
	cond.what = "Barrier.wait()"
	return &Barrier{cond: cond, parties: int(parties)}, nil
}

// Parties, NWaiting and Broken are the properties of the same names.
func (b *Barrier) Parties() int { return b.parties }
func (b *Barrier) NWaiting() int {
	if b.state == barrierFilling {
		return b.count
	}
	return 0
}
func (b *Barrier) Broken() bool { return b.state == barrierBroken }

// Extra is the bracketed part of the repr.
func (b *Barrier) Extra() string {
	s := barrierStateNames[b.state]
	if !b.Broken() {
		s += ", waiters:" + itoa(int64(b.NWaiting())) + "/" + itoa(int64(b.parties))
	}
	return s
}

func (b *Barrier) exit() {
	if b.count == 0 {
		if b.state == barrierResetting || b.state == barrierDraining {
			b.state = barrierFilling
		}
		b.cond.NotifyAll()
	}
}

// Wait returns the coroutine barrier.wait().
func (b *Barrier) Wait() vm.Value {
	return vm.ObjectValue(&barrierOp{nativeCoro: nativeCoro{qualname: "Barrier.wait"}, b: b, op: barrierWait})
}

// Reset returns the coroutine barrier.reset().
func (b *Barrier) Reset() vm.Value {
	return vm.ObjectValue(&barrierOp{nativeCoro: nativeCoro{qualname: "Barrier.reset"}, b: b, op: barrierReset})
}

// Abort returns the coroutine barrier.abort().
func (b *Barrier) Abort() vm.Value {
	return vm.ObjectValue(&barrierOp{nativeCoro: nativeCoro{qualname: "Barrier.abort"}, b: b, op: barrierAbort})
}

const (
	barrierWait uint8 = iota
	barrierReset
	barrierAbort
)

// barrierOp runs `async with self._cond:` around wait/reset/abort.
type barrierOp struct {
	nativeCoro
	b     *Barrier
	op    uint8
	step  uint8 // 0 acquiring, 1 blocking, 2 waiting
	sub   Resumable
	index int
}

func (o *barrierOp) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if o.finished {
		return vm.NULL, false, reused()
	}
	b := o.b
	if o.sub == nil {
		if exc != nil {
			return o.fail(exc)
		}
		o.sub = b.cond.lock.Acquire().Object().(Resumable)
	}
	for {
		r, done, err := o.sub.Resume(th, v, exc)
		v, exc = vm.None, nil
		if err != nil {
			return o.unwind(err)
		}
		if !done {
			return r, false, nil
		}
		switch {
		case o.step == 0 && o.op != barrierWait:
			if o.op == barrierReset {
				if b.count > 0 {
					b.state = barrierResetting
				} else {
					b.state = barrierFilling
				}
			} else {
				b.state = barrierBroken
			}
			b.cond.NotifyAll()
			b.cond.lock.Release()
			return o.finish(vm.None)
		case o.step == 0:
			o.step = 1
			o.sub = o.waitFor(func() bool { return b.state != barrierDraining && b.state != barrierResetting })
		case o.step == 1:
			if b.state == barrierBroken {
				b.cond.lock.Release()
				return o.fail(vm.NewError(BrokenBarrierErrorType, "Barrier aborted"))
			}
			o.index = b.count
			b.count++
			if o.index+1 == b.parties {
				b.state = barrierDraining
				b.cond.NotifyAll()
				return o.leave(nil)
			}
			o.step = 2
			o.sub = o.waitFor(func() bool { return b.state != barrierFilling })
		default:
			if b.state == barrierBroken || b.state == barrierResetting {
				return o.leave(vm.NewError(BrokenBarrierErrorType, "Abort or reset of barrier"))
			}
			return o.leave(nil)
		}
	}
}

func (o *barrierOp) waitFor(pred func() bool) Resumable {
	return &condWaitFor{nativeCoro: nativeCoro{qualname: "Condition.wait_for"}, cond: o.b.cond, goPred: pred}
}

// leave runs the finally clause (count -= 1; _exit()) and the lock release.
func (o *barrierOp) leave(err error) (vm.Value, bool, error) {
	b := o.b
	b.count--
	b.exit()
	b.cond.lock.Release()
	if err != nil {
		return o.fail(err)
	}
	return o.finish(vm.Int(int64(o.index)))
}

// unwind handles an exception from a sub-await.
func (o *barrierOp) unwind(err error) (vm.Value, bool, error) {
	switch o.step {
	case 0:
		return o.fail(err)
	case 2:
		return o.leave(err)
	}
	if o.b.cond.lock.locked {
		o.b.cond.lock.Release()
	}
	return o.fail(err)
}
