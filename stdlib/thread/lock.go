package thread

import (
	"strconv"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// The lock types of _thread: lock (not reentrant, any thread may release
// it) and RLock (reentrant, owned by the acquiring thread), both context
// managers; waits release the GIL (runtime.ThreadLock).
var (
	LockType  = vm.MakeNativeType("lock", "_thread", nil)
	RLockType = vm.MakeNativeType("RLock", "_thread", nil)
)

// Lock is a _thread.lock.
type Lock struct{ l *runtime.ThreadLock }

func (*Lock) Type() *vm.Type { return LockType }

// RLock is a _thread.RLock: the owner's identifier and its recursion count.
type RLock struct {
	l     *runtime.ThreadLock
	typ   *vm.Type
	owner int64
	count int64
}

func (r *RLock) Type() *vm.Type { return r.typ }

func allocateLock(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if err := pyarg.Exactly("allocate_lock", args, kw, 0); err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(&Lock{l: runtime.Threads(th).NewThreadLock()}), nil
}

func lockSelf(args []vm.Value, name string) (*Lock, []vm.Value, error) {
	if len(args) > 0 {
		if l, ok := args[0].Object().(*Lock); ok {
			return l, args[1:], nil
		}
	}
	return nil, nil, vm.NewError(vm.TypeErrorType, "descriptor '%s' for '_thread.lock' objects doesn't apply to this object", name)
}

func rlockSelf(args []vm.Value, name string) (*RLock, []vm.Value, error) {
	if len(args) > 0 {
		if l, ok := args[0].Object().(*RLock); ok {
			return l, args[1:], nil
		}
	}
	return nil, nil, vm.NewError(vm.TypeErrorType, "descriptor '%s' for '_thread.RLock' objects doesn't apply to this object", name)
}

func lockAcquire(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, rest, err := lockSelf(args, "acquire")
	if err != nil {
		return vm.NULL, err
	}
	blocking, timeout, err := timeoutArgs(th, "acquire", rest, kw)
	if err != nil {
		return vm.NULL, err
	}
	return vm.Bool(l.l.Acquire(th, blocking, timeout)), nil
}

func lockRelease(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	l, _, err := lockSelf(args, "release")
	if err != nil {
		return vm.NULL, err
	}
	if !l.l.Release() {
		return vm.NULL, vm.NewError(vm.RuntimeErrorType, "release unlocked lock")
	}
	return vm.None, nil
}

func rlockAcquire(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	r, rest, err := rlockSelf(args, "acquire")
	if err != nil {
		return vm.NULL, err
	}
	blocking, timeout, err := timeoutArgs(th, "acquire", rest, kw)
	if err != nil {
		return vm.NULL, err
	}
	me := runtime.Threads(th).Ident(th)
	if r.count > 0 && r.owner == me {
		r.count++
		return vm.True, nil
	}
	if !r.l.Acquire(th, blocking, timeout) {
		return vm.False, nil
	}
	r.owner, r.count = me, 1
	return vm.True, nil
}

func rlockRelease(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	r, _, err := rlockSelf(args, "release")
	if err != nil {
		return vm.NULL, err
	}
	if r.count == 0 || r.owner != runtime.Threads(th).Ident(th) {
		return vm.NULL, vm.NewError(vm.RuntimeErrorType, "cannot release un-acquired lock")
	}
	r.count--
	if r.count == 0 {
		r.owner = 0
		r.l.Release()
	}
	return vm.None, nil
}

func initLockTypes() {
	LockType.AddMethods(map[string]vm.NativeFunc{
		"acquire": lockAcquire, "acquire_lock": lockAcquire, "__enter__": lockAcquire,
		"release": lockRelease, "release_lock": lockRelease,
		"__exit__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			return lockRelease(th, args[:1], nil)
		},
		"locked": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			l, _, err := lockSelf(args, "locked")
			if err != nil {
				return vm.NULL, err
			}
			return vm.Bool(l.l.Locked()), nil
		},
	})
	LockType.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		l := v.Object().(*Lock)
		state := "unlocked"
		if l.l.Locked() {
			state = "locked"
		}
		return "<" + state + " _thread.lock object at " + vm.AddrString(v) + ">", nil
	}

	RLockType.Flags |= vm.TypeBaseType
	RLockType.New = func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []string) (vm.Value, error) {
		return vm.ObjectValue(&RLock{l: runtime.Threads(th).NewThreadLock(), typ: t}), nil
	}
	RLockType.AddMethods(map[string]vm.NativeFunc{
		"acquire": rlockAcquire, "__enter__": rlockAcquire,
		"release": rlockRelease,
		"__exit__": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			return rlockRelease(th, args[:1], nil)
		},
		"_is_owned": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			r, _, err := rlockSelf(args, "_is_owned")
			if err != nil {
				return vm.NULL, err
			}
			return vm.Bool(r.count > 0 && r.owner == runtime.Threads(th).Ident(th)), nil
		},
		// _release_save and _acquire_restore let Condition.wait drop a
		// recursively held RLock entirely and take it back.
		"_release_save": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			r, _, err := rlockSelf(args, "_release_save")
			if err != nil {
				return vm.NULL, err
			}
			if r.count == 0 {
				return vm.NULL, vm.NewError(vm.RuntimeErrorType, "cannot release un-acquired lock")
			}
			state := vm.NewTuple([]vm.Value{vm.Int(r.count), vm.Int(r.owner)})
			r.count, r.owner = 0, 0
			r.l.Release()
			return state, nil
		},
		"_acquire_restore": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			r, rest, err := rlockSelf(args, "_acquire_restore")
			if err != nil {
				return vm.NULL, err
			}
			t, ok := rest[0].Object().(*vm.Tuple)
			if len(rest) != 1 || !ok || len(t.Items) != 2 {
				return vm.NULL, vm.NewError(vm.TypeErrorType, "_acquire_restore expects a (count, owner) tuple")
			}
			count, err := pyarg.Int(th, t.Items[0])
			if err != nil {
				return vm.NULL, err
			}
			owner, err := pyarg.Int(th, t.Items[1])
			if err != nil {
				return vm.NULL, err
			}
			r.l.Acquire(th, true, -1)
			r.count, r.owner = count, owner
			return vm.None, nil
		},
	})
	RLockType.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		r := v.Object().(*RLock)
		state := "unlocked"
		if r.count > 0 {
			state = "locked"
		}
		return "<" + state + " " + r.typ.Module + "." + r.typ.Name + " object owner=" + strconv.FormatInt(r.owner, 10) +
			" count=" + strconv.FormatInt(r.count, 10) + " at " + vm.AddrString(v) + ">", nil
	}
}
