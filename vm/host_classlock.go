package vm

import "sync"

// Embedding hook: a workaround for the process-wide `subclasses` map
// (class.go), which NewClass writes and fillHeapTypeSlots reads without a
// lock, so that two interpreters creating classes in parallel goroutines
// crash the process ("concurrent map read and map write").
//
// SerializeTypeCreation wraps type's New and SetAttr slots,
// type.__new__ and type.__subclasses__ (every path to NewClass, to the
// dunder-refresh in typeSetAttr and to typeSubclasses) in one process-wide lock, re-entrant per Thread since class
// creation runs Python code (__set_name__, __init_subclass__) that may
// create classes. It is idempotent; package pya calls it before creating
// interpreters. The real fix is to guard `subclasses` (or keep subclass
// lists per type under a lock) in class.go and type_slots.go.
func SerializeTypeCreation() {
	typeLockOnce.Do(func() {
		n := TypeType.New
		TypeType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
			defer lockTypes(th)()
			return n(th, t, args, kwnames)
		}
		s := TypeType.SetAttr
		TypeType.SetAttr = func(th *Thread, v Value, name string, val Value) error {
			defer lockTypes(th)()
			return s(th, v, name, val)
		}
		for _, name := range []string{"__new__", "__subclasses__"} {
			wrapTypeMethod(name)
		}
		// NewStr returns shared Str values for one-character and empty
		// strings; Str.Hash caches lazily into them (str.go:99), a write
		// from every interpreter. Caching them all now leaves reads only
		// (Dict.SetStr, dict.go:235, still stores the same hash again).
		for _, v := range asciiChars {
			v.o.(*Str).Hash()
		}
		AsStr(NewStr("")).Hash()
	})
}

var (
	typeLockOnce sync.Once
	typeMu       sync.Mutex // held by typeHolder
	typeHolderMu sync.Mutex // guards typeHolder and typeDepth
	typeHolder   *Thread
	typeDepth    int
)

// lockTypes takes the type-creation lock for th (re-entrantly) and
// returns its release.
func lockTypes(th *Thread) func() {
	typeHolderMu.Lock()
	if typeHolder == th && th != nil {
		typeDepth++
		typeHolderMu.Unlock()
		return unlockTypes
	}
	typeHolderMu.Unlock()
	typeMu.Lock()
	typeHolderMu.Lock()
	typeHolder, typeDepth = th, 1
	typeHolderMu.Unlock()
	return unlockTypes
}

func unlockTypes() {
	typeHolderMu.Lock()
	typeDepth--
	if typeDepth == 0 {
		typeHolder = nil
		typeHolderMu.Unlock()
		typeMu.Unlock()
		return
	}
	typeHolderMu.Unlock()
}

// wrapTypeMethod makes the built-in type.<name> take the type lock.
func wrapTypeMethod(name string) {
	v, ok := TypeType.Dict.GetStr(name)
	if !ok {
		return
	}
	switch b := v.o.(type) {
	case *Builtin:
		fn := b.Fn
		TypeType.Dict.SetStr(name, NewBuiltin(b.Name, func(th *Thread, args []Value, kwnames []string) (Value, error) {
			defer lockTypes(th)()
			return fn(th, args, kwnames)
		}))
	case *MethodDescr:
		fn := b.Fn
		TypeType.Dict.SetStr(name, Value{o: &MethodDescr{Name: b.Name, Owner: b.Owner, Fn: func(th *Thread, args []Value, kwnames []string) (Value, error) {
			defer lockTypes(th)()
			return fn(th, args, kwnames)
		}}})
	}
}
