package vm

import (
	"strings"
)

// Instance is an instance of a user class whose layout is plain object's:
// its attributes live in Dict.
type Instance struct {
	typ  *Type
	Dict *Dict
}

func (i *Instance) Type() *Type { return i.typ }

// NewInstance returns a fresh instance of the heap type t.
func NewInstance(t *Type) *Instance { return &Instance{typ: t, Dict: NewDict()} }

// solidBase is the first built-in type along t's MRO: it decides the
// instance layout (*Instance for object, *Exception for exceptions, ...).
func solidBase(t *Type) *Type {
	for _, m := range t.MRO {
		if m.Flags&TypeHeap == 0 {
			return m
		}
	}
	return ObjectType
}

// layoutBase is CPython's solid_base for the lay-out conflict check: the
// nearest built-in ancestor that has an instance layout of its own.
func layoutBase(t *Type) *Type {
	for _, m := range t.MRO {
		if m.Flags&TypeHeap == 0 && !layoutNeutralException(m) {
			return m
		}
	}
	return ObjectType
}

// layoutNeutralException reports whether t is a built-in exception type
// that adds no fields to its base's instance layout (ValueError,
// KeyError, ...), so that, as in CPython, class X(OSError, ValueError) is
// allowed: only the types with C structs of their own count as solid.
func layoutNeutralException(t *Type) bool {
	if t == BaseExceptionType || !t.IsSubtype(BaseExceptionType) {
		return false
	}
	for _, s := range []*Type{BaseExceptionGroupType, SystemExitType, AttributeErrorType, ImportErrorType,
		NameErrorType, OSErrorType, StopIterationType, SyntaxErrorType, UnicodeErrorType} {
		if t == s {
			return false
		}
	}
	// UnicodeEncodeError and friends have their own struct too.
	return !t.IsSubtype(UnicodeErrorType)
}

// NewClass creates a user class: type(name, bases, ns) with metaclass meta.
// ns becomes the class dict (it is not copied).
func NewClass(th *Thread, meta *Type, name string, bases []*Type, ns *Dict) (*Type, error) {
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	bases, err := substituteBases(th, bases)
	if err != nil {
		return nil, err
	}
	for i, b := range bases {
		for _, b2 := range bases[:i] {
			if b2 == b {
				return nil, NewError(TypeErrorType, "duplicate base class %s", b.Name)
			}
		}
		if b.Flags&TypeBaseType == 0 && b.Flags&TypeHeap == 0 {
			name := b.Name
			if b.Module != "" && b.Module != "builtins" {
				name = b.Module + "." + name // CPython's tp_name
			}
			return nil, NewError(TypeErrorType, "type '%s' is not an acceptable base type", name)
		}
	}
	t := &Type{Name: name, QualName: name, Bases: bases, Dict: ns, Flags: TypeHeap | TypeBaseType}
	if meta != TypeType {
		t.Meta = meta
	}
	mro, err := c3MRO(t, bases)
	if err != nil {
		return nil, err
	}
	t.MRO = mro
	// Instance layouts must agree: every solid base must be an ancestor of one.
	sb := layoutBase(t)
	for _, b := range bases {
		if bs := layoutBase(b); !sb.IsSubtype(bs) {
			return nil, NewError(TypeErrorType, "multiple bases have instance lay-out conflict")
		}
	}
	if m, ok := ns.GetStr("__module__"); ok {
		if s, ok := m.o.(*Str); ok {
			t.Module = s.s
		}
	}
	if q, ok := ns.GetStr("__qualname__"); ok {
		if s, ok := q.o.(*Str); ok {
			t.QualName = s.s
		}
		ns.DelStr("__qualname__")
	}
	if d, ok := ns.GetStr("__doc__"); ok {
		t.Doc = d
	} else {
		ns.SetStr("__doc__", None)
		t.Doc = None
	}
	// __new__, __init_subclass__ and __class_getitem__ are implicitly static/class methods.
	if f, ok := ns.GetStr("__new__"); ok {
		if _, isFn := f.o.(*Function); isFn {
			ns.SetStr("__new__", Value{o: &StaticMethod{Func: f}})
		}
	}
	for _, n := range []string{"__init_subclass__", "__class_getitem__"} {
		if f, ok := ns.GetStr(n); ok {
			if _, isFn := f.o.(*Function); isFn {
				ns.SetStr(n, Value{o: &ClassMethod{Func: f}})
			}
		}
	}
	// Defining __eq__ without __hash__ makes instances unhashable.
	if _, ok := ns.GetStr("__eq__"); ok {
		if _, ok := ns.GetStr("__hash__"); !ok {
			ns.SetStr("__hash__", None)
		}
	}
	for _, b := range bases {
		th.Interp.addSubclass(b, t)
	}
	if err := setupSlots(th, t, ns); err != nil {
		return nil, err
	}
	fillHeapTypeSlots(t)
	// __set_name__ on descriptors, then the parent's __init_subclass__.
	var err2 error
	ns.Items(func(k, v Value) bool {
		m := lookupSpecial(v, "__set_name__")
		if m.IsNull() {
			return true
		}
		if _, err2 = callSpecial(th, m, v, Value{o: t}, k); err2 != nil {
			return false
		}
		return true
	})
	if err2 != nil {
		return nil, err2
	}
	return t, nil
}

// substituteBases replaces the native bases that have a pya twin
// (Type.SubclassVia) by that twin; bases is copied before any change.
func substituteBases(th *Thread, bases []*Type) ([]*Type, error) {
	out := bases
	for i, b := range bases {
		if b.SubclassVia == nil {
			continue
		}
		nb, err := b.SubclassVia(th)
		if err != nil {
			return nil, err
		}
		if nb == nil || nb == b {
			continue
		}
		if &out[0] == &bases[0] {
			out = append([]*Type(nil), bases...)
		}
		out[i] = nb
	}
	return out, nil
}

// initSubclass calls super(t, t).__init_subclass__(**kw).
func initSubclass(th *Thread, t *Type, kwargs []Value, kwnames []string) error {
	for _, m := range t.MRO[1:] {
		if m.Dict == nil {
			continue
		}
		if v, ok := m.Dict.GetStr("__init_subclass__"); ok {
			bound, err := descrGet(th, v, Value{o: t}, t)
			if err != nil {
				return err
			}
			_, err = th.Call(bound, kwargs, kwnames)
			return err
		}
	}
	return nil
}

// c3MRO computes the C3 linearization of t with the given bases.
func c3MRO(t *Type, bases []*Type) ([]*Type, error) {
	seqs := make([][]*Type, 0, len(bases)+1)
	for _, b := range bases {
		seqs = append(seqs, append([]*Type(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Type(nil), bases...))
	mro := []*Type{t}
	for {
		nonEmpty := false
		for _, s := range seqs {
			if len(s) > 0 {
				nonEmpty = true
			}
		}
		if !nonEmpty {
			return mro, nil
		}
		var cand *Type
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			c := s[0]
			inTail := false
			for _, s2 := range seqs {
				for _, x := range s2[min(1, len(s2)):] {
					if x == c {
						inTail = true
					}
				}
			}
			if !inTail {
				cand = c
				break
			}
		}
		if cand == nil {
			var names []string
			seen := map[*Type]bool{}
			for _, s := range seqs[:len(seqs)-1] {
				if len(s) > 0 && !seen[s[0]] {
					seen[s[0]] = true
					names = append(names, s[0].Name)
				}
			}
			return nil, NewError(TypeErrorType, "Cannot create a consistent method resolution\norder (MRO) for bases %s", strings.Join(names, ", "))
		}
		mro = append(mro, cand)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == cand {
				seqs[i] = s[1:]
			}
		}
	}
}

// buildClass is __build_class__(func, name, *bases, metaclass=None, **kw):
// it runs the class body with a fresh namespace and calls the metaclass.
func buildClass(th *Thread, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	if npos < 2 {
		return NULL, NewError(TypeErrorType, "__build_class__: not enough arguments")
	}
	body, ok := args[0].o.(*Function)
	if !ok {
		return NULL, NewError(TypeErrorType, "__build_class__: func must be a function")
	}
	nameStr, ok := args[1].o.(*Str)
	if !ok {
		return NULL, NewError(TypeErrorType, "__build_class__: name is not a string")
	}
	origBases := args[2:npos]
	bases, err := resolveBases(th, origBases)
	if err != nil {
		return NULL, err
	}
	var meta Value
	var kwvals []Value
	var kws []string
	for i, k := range kwnames {
		if k == "metaclass" {
			meta = args[npos+i]
			continue
		}
		kws = append(kws, k)
		kwvals = append(kwvals, args[npos+i])
	}
	baseTypes := make([]*Type, 0, len(bases))
	for _, b := range bases {
		bt, ok := b.o.(*Type)
		if !ok {
			return NULL, NewError(TypeErrorType, "bases must be types")
		}
		baseTypes = append(baseTypes, bt)
	}
	if meta.IsNull() {
		meta = Value{o: TypeType}
		if len(baseTypes) > 0 {
			meta = Value{o: baseTypes[0].Type()}
		}
	}
	if mt, ok := meta.o.(*Type); ok {
		// The most derived metaclass wins.
		winner := mt
		for _, b := range baseTypes {
			bm := b.Type()
			if winner.IsSubtype(bm) {
				continue
			}
			if bm.IsSubtype(winner) {
				winner = bm
				continue
			}
			return NULL, NewError(TypeErrorType, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
		}
		meta = Value{o: winner}
	}
	ns := NewDict()
	if prep, err := LookupAttr(th, meta, "__prepare__"); err != nil {
		return NULL, err
	} else if !prep.IsNull() {
		r, err := th.Call(prep, append([]Value{args[1], NewTuple(bases)}, kwvals...), kws)
		if err != nil {
			return NULL, err
		}
		if d, ok := r.o.(*Dict); ok {
			ns = d
		} else {
			return NULL, NewError(TypeErrorType, "%s.__prepare__() must return a mapping, not %s", meta.Type().Name, TypeName(r))
		}
	}
	cell, err := th.runClassBody(body, ns)
	if err != nil {
		return NULL, err
	}
	if len(origBases) != len(bases) || !sameValues(origBases, bases) {
		ns.SetStr("__orig_bases__", NewTuple(append([]Value(nil), origBases...)))
	}
	callArgs := append([]Value{args[1], NewTuple(bases), Value{o: ns}}, kwvals...)
	cls, err := th.Call(meta, callArgs, kws)
	if err != nil {
		return NULL, err
	}
	if cell != nil {
		cell.V = cls
	}
	_ = nameStr
	return cls, nil
}

func sameValues(a, b []Value) bool {
	for i := range a {
		if !a[i].Is(b[i]) {
			return false
		}
	}
	return true
}

// resolveBases applies __mro_entries__ (e.g. Generic[T] as a base).
func resolveBases(th *Thread, bases []Value) ([]Value, error) {
	var out []Value
	changed := false
	for i, b := range bases {
		if _, ok := b.o.(*Type); ok {
			if changed {
				out = append(out, b)
			}
			continue
		}
		m, err := LookupAttr(th, b, "__mro_entries__")
		if err != nil {
			return nil, err
		}
		if m.IsNull() {
			if changed {
				out = append(out, b)
			}
			continue
		}
		if !changed {
			out = append(out, bases[:i]...)
			changed = true
		}
		r, err := th.Call(m, []Value{NewTuple(append([]Value(nil), bases...))}, nil)
		if err != nil {
			return nil, err
		}
		t, ok := r.o.(*Tuple)
		if !ok {
			return nil, NewError(TypeErrorType, "__mro_entries__ must return a tuple")
		}
		out = append(out, t.Items...)
	}
	if !changed {
		return bases, nil
	}
	return out, nil
}

// runClassBody runs a class body function with ns as its namespace and
// returns the __class__ cell it created (nil if none).
func (th *Thread) runClassBody(body *Function, ns *Dict) (*Cell, error) {
	nf, err := th.pushCall(body, nil, nil)
	if err != nil {
		return nil, err
	}
	nf.ns = ns
	r, err := th.runFrame(nf)
	if err != nil {
		return nil, err
	}
	if c, ok := r.o.(*Cell); ok {
		return c, nil
	}
	return nil, nil
}

// buildClassBuiltin is the value LOAD_BUILD_CLASS pushes.
// (set at init: the builtin refers to the VM, which refers to it).
var buildClassBuiltin Value

// BuildClass is __build_class__, exported for the builtins module.
func BuildClass(th *Thread, args []Value, kwnames []string) (Value, error) {
	return buildClass(th, args, kwnames)
}

// typeNoDict marks classes whose instances have no __dict__ (every user
// class of the MRO defines __slots__ without "__dict__"): only the slot
// names may be set.
const typeNoDict TypeFlags = 1 << 23

// setupSlots reads __slots__ from the class namespace.
func setupSlots(th *Thread, t *Type, ns *Dict) error {
	sv, ok := ns.GetStr("__slots__")
	if !ok {
		return nil
	}
	names := []string{} // non-nil even for __slots__ = (): the class has slots
	add := func(x Value) error {
		s, ok := x.o.(*Str)
		if !ok {
			return NewError(TypeErrorType, "__slots__ items must be strings, not '%s'", TypeName(x))
		}
		names = append(names, s.s)
		return nil
	}
	if _, ok := sv.o.(*Str); ok {
		if err := add(sv); err != nil {
			return err
		}
	} else if err := Iterate(th, sv, add); err != nil {
		return err
	}
	t.slotNames = names
	for _, m := range t.MRO {
		if m.Flags&TypeHeap == 0 {
			continue
		}
		if m.slotNames == nil {
			return nil
		}
		for _, n := range m.slotNames {
			if n == "__dict__" {
				return nil
			}
		}
	}
	t.Flags |= typeNoDict
	return nil
}

// slotAllowed reports whether name is a __slots__ name of t's MRO.
func slotAllowed(t *Type, name string) bool {
	for _, m := range t.MRO {
		for _, n := range m.slotNames {
			if n == name {
				return true
			}
		}
	}
	return false
}
