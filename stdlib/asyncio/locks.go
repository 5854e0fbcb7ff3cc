package asyncio

import (
	"fmt"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// objectRepr is object.__repr__: "<asyncio.locks.Lock object at 0x...>".
func objectRepr(v vm.Value) string {
	h := uint64(vm.IdentityHash(v))
	return fmt.Sprintf("<%s object at %#x>", qualified(v.Type()), h<<4|h>>60)
}

// extraRepr gives a primitive CPython's "<... object at 0x... [extra]>" repr.
func extraRepr[T interface{ Extra() string }](t *vm.Type) {
	t.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		s := objectRepr(v)
		return s[:len(s)-1] + " [" + v.Object().(T).Extra() + "]>", nil
	}
}

// noArgsCtor checks that a constructor got no arguments, with the error
// of CPython's Lock.__init__(self) (3.11 removed the loop= parameter: it is
// an unexpected keyword like any other).
func noArgsCtor(name string, args []vm.Value, kw []string) error {
	_, err := parse(name+".__init__", args, kw)
	return err
}

// aexit is the __aexit__ of the lock-like primitives: release() and return
// a finished coroutine.
func aexit(release func(th *vm.Thread, self vm.Value) error) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		if err := release(th, args[0]); err != nil {
			return vm.NULL, err
		}
		return doneCoroutine(vm.None), nil
	}
}

// doneCoroutine returns an awaitable that immediately gives v.
func doneCoroutine(v vm.Value) vm.Value {
	return runtime.NewDoneCoro("__aexit__", v)
}

// lockLike is what Lock and Semaphore share at the Python level.
type lockLike interface {
	Acquire() vm.Value
	Release() error
	Locked() bool
}

// lockLikeMethods binds acquire, release, locked and async with for a
// Lock or a Semaphore (kind names it in the discarded-awaitable report).
func lockLikeMethods[T lockLike](typ *vm.Type, kind string) map[string]vm.NativeFunc {
	of := func(name string, args []vm.Value) (T, error) {
		k, _, err := selfOf[T](name, typ, args)
		return k, err
	}
	return map[string]vm.NativeFunc{
		"acquire": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			k, err := of("acquire", args)
			if err != nil {
				return vm.NULL, err
			}
			return k.Acquire(), nil
		},
		"release": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			k, err := of("release", args)
			if err != nil {
				return vm.NULL, err
			}
			return vm.None, k.Release()
		},
		"locked": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			k, err := of("locked", args)
			if err != nil {
				return vm.NULL, err
			}
			return vm.Bool(k.Locked()), nil
		},
		"__aenter__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			k, err := of("__aenter__", args)
			if err != nil {
				return vm.NULL, err
			}
			if overridden(args[0]) {
				return subAenter(th, args[0], kind+".__aenter__")
			}
			return runtime.Discard(k.Acquire(), kind+".__aenter__"), nil
		},
		"__aexit__": aexit(func(th *vm.Thread, self vm.Value) error {
			if overridden(self) {
				return subRelease(th, self)
			}
			k, err := of("__aexit__", []vm.Value{self})
			if err != nil {
				return err
			}
			return k.Release()
		}),
	}
}

func init() {
	// Lock
	subclassable(runtime.LockType, func(th *vm.Thread, args []vm.Value, kw []string) (*runtime.Lock, error) {
		return runtime.NewLock(), noArgsCtor("Lock", args, kw)
	})
	extraRepr[*runtime.Lock](runtime.LockType)
	methods(runtime.LockType, lockLikeMethods[*runtime.Lock](runtime.LockType, "Lock"))

	// Event
	subclassable(runtime.EventType, func(th *vm.Thread, args []vm.Value, kw []string) (*runtime.Event, error) {
		return runtime.NewEvent(), noArgsCtor("Event", args, kw)
	})
	extraRepr[*runtime.Event](runtime.EventType)
	eventMethod := func(name string, f func(e *runtime.Event) vm.Value) vm.NativeFunc {
		return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			e, rest, err := selfOf[*runtime.Event](name, runtime.EventType, args)
			if err != nil {
				return vm.NULL, err
			}
			if _, err := parse(name, rest, kw); err != nil {
				return vm.NULL, err
			}
			return f(e), nil
		}
	}
	methods(runtime.EventType, map[string]vm.NativeFunc{
		"is_set": eventMethod("is_set", func(e *runtime.Event) vm.Value { return vm.Bool(e.IsSet()) }),
		"set":    eventMethod("set", func(e *runtime.Event) vm.Value { e.Set(); return vm.None }),
		"clear":  eventMethod("clear", func(e *runtime.Event) vm.Value { e.Clear(); return vm.None }),
		"wait":   eventMethod("wait", func(e *runtime.Event) vm.Value { return e.Wait() }),
	})

	// Semaphore and BoundedSemaphore
	semNew := func(name string, bounded bool) func(th *vm.Thread, args []vm.Value, kw []string) (*runtime.Semaphore, error) {
		return func(th *vm.Thread, args []vm.Value, kw []string) (*runtime.Semaphore, error) {
			a, err := parse(name, args, kw, "value?")
			if err != nil {
				return nil, err
			}
			n := int64(1)
			if !a[0].IsNull() {
				if n, err = toInt(a[0]); err != nil {
					return nil, err
				}
			}
			return runtime.NewSemaphore(n, bounded)
		}
	}
	subclassable(runtime.SemaphoreType, semNew("Semaphore", false))
	subclassable(runtime.BoundedSemaphoreType, semNew("BoundedSemaphore", true))
	extraRepr[*runtime.Semaphore](runtime.SemaphoreType)
	extraRepr[*runtime.Semaphore](runtime.BoundedSemaphoreType)
	methods(runtime.SemaphoreType, lockLikeMethods[*runtime.Semaphore](runtime.SemaphoreType, "Semaphore"))

	// Condition
	subclassable(runtime.ConditionType, func(th *vm.Thread, args []vm.Value, kw []string) (*runtime.Condition, error) {
		a, err := parse("Condition", args, kw, "lock?")
		if err != nil {
			return nil, err
		}
		var lock *runtime.Lock
		if !a[0].IsNull() && !a[0].IsNone() {
			k, ok := a[0].Object().(*runtime.Lock)
			if !ok {
				return nil, vm.NewError(vm.TypeErrorType, "pya's Condition() needs an asyncio.Lock, not %s", a[0].Type().Name)
			}
			lock = k
		}
		return runtime.NewCondition(lock), nil
	})
	extraRepr[*runtime.Condition](runtime.ConditionType)
	condOf := func(name string, args []vm.Value) (*runtime.Condition, []vm.Value, error) {
		return selfOf[*runtime.Condition](name, runtime.ConditionType, args)
	}
	methods(runtime.ConditionType, map[string]vm.NativeFunc{
		"acquire": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			c, _, err := condOf("acquire", args)
			if err != nil {
				return vm.NULL, err
			}
			return c.Lock().Acquire(), nil
		},
		"release": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			c, _, err := condOf("release", args)
			if err != nil {
				return vm.NULL, err
			}
			return vm.None, c.Lock().Release()
		},
		"locked": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			c, _, err := condOf("locked", args)
			if err != nil {
				return vm.NULL, err
			}
			return vm.Bool(c.Lock().Locked()), nil
		},
		"wait": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			c, _, err := condOf("wait", args)
			if err != nil {
				return vm.NULL, err
			}
			return c.Wait(), nil
		},
		"wait_for": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			c, rest, err := condOf("wait_for", args)
			if err != nil {
				return vm.NULL, err
			}
			a, err := parse("wait_for", rest, kw, "predicate")
			if err != nil {
				return vm.NULL, err
			}
			return c.WaitFor(a[0]), nil
		},
		"notify": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			c, rest, err := condOf("notify", args)
			if err != nil {
				return vm.NULL, err
			}
			a, err := parse("notify", rest, kw, "n?")
			if err != nil {
				return vm.NULL, err
			}
			n := int64(1)
			if !a[0].IsNull() {
				if n, err = toInt(a[0]); err != nil {
					return vm.NULL, err
				}
			}
			return vm.None, c.Notify(int(n))
		},
		"notify_all": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			c, _, err := condOf("notify_all", args)
			if err != nil {
				return vm.NULL, err
			}
			return vm.None, c.NotifyAll()
		},
		"__aenter__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			c, _, err := condOf("__aenter__", args)
			if err != nil {
				return vm.NULL, err
			}
			if overridden(args[0]) {
				return subAenter(th, args[0], "Condition.__aenter__")
			}
			return runtime.Discard(c.Lock().Acquire(), "Condition.__aenter__"), nil
		},
		"__aexit__": aexit(func(th *vm.Thread, self vm.Value) error {
			if overridden(self) {
				return subRelease(th, self)
			}
			c, _, err := condOf("__aexit__", []vm.Value{self})
			if err != nil {
				return err
			}
			return c.Lock().Release()
		}),
	})
}

func init() {
	subclassable(runtime.BarrierType, func(th *vm.Thread, args []vm.Value, kw []string) (*runtime.Barrier, error) {
		a, err := parse("Barrier", args, kw, "parties")
		if err != nil {
			return nil, err
		}
		n, err := toInt(a[0])
		if err != nil {
			return nil, err
		}
		return runtime.NewBarrier(n)
	})
	extraRepr[*runtime.Barrier](runtime.BarrierType)
	op := func(name string, f func(b *runtime.Barrier) vm.Value) vm.NativeFunc {
		return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			b, _, err := selfOf[*runtime.Barrier](name, runtime.BarrierType, args)
			if err != nil {
				return vm.NULL, err
			}
			return f(b), nil
		}
	}
	methods(runtime.BarrierType, map[string]vm.NativeFunc{
		"wait":       op("wait", (*runtime.Barrier).Wait),
		"reset":      op("reset", (*runtime.Barrier).Reset),
		"abort":      op("abort", (*runtime.Barrier).Abort),
		"__aenter__": op("__aenter__", (*runtime.Barrier).Wait),
		"__aexit__":  op("__aexit__", func(b *runtime.Barrier) vm.Value { return doneCoroutine(vm.None) }),
	})
}
