// Package weakref is _pyaweak, the primitive under pya's weakref module
// (stdlib/pymod/_weakref.py, weakref.py): weak handles on objects, backed
// by Go's weak pointers. Objects die when Go's collector finds them
// unreachable, not when their last reference goes away as under CPython's
// reference counting: a referent is seen dead after gc.collect() (which runs
// the Go collector) or after a later collection; callbacks run then.
package weakref

import (
	goruntime "runtime"
	"sync"
	"weak"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

func init() {
	vm.RegisterModule("_pyaweak", func(th *vm.Thread, m *vm.Module) error {
		pyarg.Funcs(m.Dict, map[string]vm.NativeFunc{
			"new":     newHandle,
			"get":     get,
			"dead":    dead,
			"collect": collect,
			"refs":    refs,
		})
		return nil
	})
}

// entry is one weak handle: the referent and the pya ref object that owns
// the handle (weakly too: a dropped ref gets no callback).
type entry struct {
	obj   func() vm.Object
	owner func() vm.Object
}

// state is one interpreter's handles: callbacks run only in the
// interpreter that made the ref (tests run several at once).
type state struct {
	entries map[int64]*entry
	died    []int64 // handles whose referent the collector freed (cleanups)
}

var (
	mu     sync.Mutex
	nextID int64
	states = map[*vm.Interpreter]*state{}
)

// stateOf returns th's interpreter's handles; mu must be held.
func stateOf(th *vm.Thread) *state {
	s := states[th.Interp]
	if s == nil {
		s = &state{entries: map[int64]*entry{}}
		states[th.Interp] = s
	}
	return s
}

// pointer returns a weak getter for o and registers the cleanup that
// queues id when o is freed; ok false when o's kind cannot be referenced
// weakly (int, str, tuple, list, dict ... as in CPython).
func pointer(o vm.Object, s *state, id int64, cleanup bool) (func() vm.Object, bool) {
	switch p := o.(type) {
	case *vm.Instance:
		return track(p, s, id, cleanup), true
	case *vm.Function:
		return track(p, s, id, cleanup), true
	case *vm.BoundMethod:
		return track(p, s, id, cleanup), true
	case *vm.Type:
		return track(p, s, id, cleanup), true
	case *vm.Set:
		return track(p, s, id, cleanup), true
	case *vm.Generator:
		return track(p, s, id, cleanup), true
	case *vm.Coroutine:
		return track(p, s, id, cleanup), true
	case *vm.AsyncGenerator:
		return track(p, s, id, cleanup), true
	case *vm.Exception:
		return track(p, s, id, cleanup), true
	case *vm.Module:
		return track(p, s, id, cleanup), true
	case *runtime.Task:
		return track(p, s, id, cleanup), true
	case *runtime.Future:
		return track(p, s, id, cleanup), true
	case *vm.Dict:
		// Instances of user subclasses only, as in CPython.
		if o.Type().Flags&vm.TypeHeap != 0 {
			return track(p, s, id, cleanup), true
		}
	case *vm.List:
		if o.Type().Flags&vm.TypeHeap != 0 {
			return track(p, s, id, cleanup), true
		}
	}
	return nil, false
}

func track[T any](p *T, s *state, id int64, cleanup bool) func() vm.Object {
	w := weak.Make(p)
	if cleanup {
		goruntime.AddCleanup(p, func(id int64) {
			mu.Lock()
			s.died = append(s.died, id)
			mu.Unlock()
		}, id)
	}
	return func() vm.Object {
		if x := w.Value(); x != nil {
			return any(x).(vm.Object)
		}
		return nil
	}
}

// newHandle is new(obj, owner): a handle on obj for the ref object owner.
func newHandle(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("new", args, kwnames, 2); err != nil {
		return vm.NULL, err
	}
	mu.Lock()
	nextID++
	id := nextID
	s := stateOf(th)
	mu.Unlock()
	obj, ok := pointer(args[0].Object(), s, id, true)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "cannot create weak reference to '%s' object", args[0].Type().Name)
	}
	owner, ok := pointer(args[1].Object(), s, 0, false)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "weak reference owner must be an instance")
	}
	mu.Lock()
	s.entries[id] = &entry{obj: obj, owner: owner}
	mu.Unlock()
	return vm.Int(id), nil
}

// get(handle) is the referent, or None once it died.
func get(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("get", args, kwnames, 1); err != nil {
		return vm.NULL, err
	}
	id, err := pyarg.Int(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	mu.Lock()
	e := stateOf(th).entries[id]
	mu.Unlock()
	if e == nil {
		return vm.None, nil
	}
	if o := e.obj(); o != nil {
		return vm.ObjectValue(o), nil
	}
	return vm.None, nil
}

// dead(scan) returns the owners (ref objects still alive) of the handles
// whose referent died, forgetting those handles: the ones the collector's
// cleanups queued, and with scan every handle checked (after a collection
// the cleanups may not have run yet).
func dead(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Range("dead", args, kwnames, 0, 1); err != nil {
		return vm.NULL, err
	}
	scan := false
	if len(args) == 1 {
		var err error
		if scan, err = vm.Truth(th, args[0]); err != nil {
			return vm.NULL, err
		}
	}
	mu.Lock()
	s := stateOf(th)
	ids := s.died
	s.died = nil
	if scan {
		for id, e := range s.entries {
			if e.obj() == nil || e.owner() == nil {
				ids = append(ids, id)
			}
		}
	}
	var owners []vm.Value
	for _, id := range ids {
		e := s.entries[id]
		if e == nil {
			continue
		}
		delete(s.entries, id)
		if o := e.owner(); o != nil && e.obj() == nil {
			owners = append(owners, vm.ObjectValue(o))
		}
	}
	mu.Unlock()
	return vm.NewList(owners), nil
}

// collect runs the Go collector (twice: a weak pointer is cleared in the
// cycle that finds its object unreachable, cleanups run after it).
func collect(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoArgs("collect", args, kwnames); err != nil {
		return vm.NULL, err
	}
	goruntime.GC()
	goruntime.GC()
	return vm.None, nil
}

// refs(obj) is the live ref objects whose referent is obj
// (getweakrefs).
func refs(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("refs", args, kwnames, 1); err != nil {
		return vm.NULL, err
	}
	target := args[0].Object()
	var out []vm.Value
	mu.Lock()
	for _, e := range stateOf(th).entries {
		if o := e.obj(); o != nil && o == target {
			if r := e.owner(); r != nil {
				out = append(out, vm.ObjectValue(r))
			}
		}
	}
	mu.Unlock()
	return vm.NewList(out), nil
}
