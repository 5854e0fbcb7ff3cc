package vm

import (
	"github.com/pya-lang/pya/vm/compile"
)

// newSetFrom builds a set (t SetType) or frozenset from an iterable.
func newSetFrom(th *Thread, t *Type, it Value) (*Set, error) {
	s := NewSet()
	s.frozen = t == FrozenSetType
	if it.IsNull() {
		return s, nil
	}
	return s, s.update(th, it)
}

// setOperand returns o as a set when it is a set or frozenset.
func setOperand(v Value) (*Set, bool, bool) {
	s, ok := v.o.(*Set)
	if !ok {
		return nil, false, false
	}
	return s, s.frozen, true
}

// intersection is set_intersection: iterate the smaller set.
func (s *Set) intersection(th *Thread, other Value) (*Set, error) {
	r := NewSet()
	r.frozen = s.frozen
	if o, ok := other.o.(*Set); ok {
		a, b := s, o
		if b.used > a.used {
			a, b = b, a
		}
		for _, e := range b.table {
			if e.key.IsNull() {
				continue
			}
			i, err := a.lookup(th, e.key, e.hash)
			if err != nil {
				return nil, err
			}
			if i >= 0 {
				if err := r.addEntry(th, e.key, e.hash); err != nil {
					return nil, err
				}
			}
		}
		return r, nil
	}
	err := Iterate(th, other, func(x Value) error {
		h, err := Hash(th, x)
		if err != nil {
			return err
		}
		i, err := s.lookup(th, x, h)
		if err != nil || i < 0 {
			return err
		}
		return r.addEntry(th, x, h)
	})
	return r, err
}

// differenceUpdate is set_difference_update_internal.
func (s *Set) differenceUpdate(th *Thread, other Value) error {
	if o, ok := other.o.(*Set); ok {
		if o == s {
			s.Clear()
			return nil
		}
		if o.used>>3 > s.used {
			var err error
			if o, err = s.intersection(th, other); err != nil {
				return err
			}
		}
		for _, e := range o.table {
			if !e.key.IsNull() {
				if _, err := s.discardEntry(th, e.key, e.hash); err != nil {
					return err
				}
			}
		}
	} else if err := Iterate(th, other, func(x Value) error {
		_, err := s.Discard(th, x)
		return err
	}); err != nil {
		return err
	}
	if s.fill-s.used <= (len(s.table)-1)/4 {
		return nil
	}
	if s.used > 50000 {
		s.resize(s.used * 2)
	} else {
		s.resize(s.used * 4)
	}
	return nil
}

// difference is set_difference.
func (s *Set) difference(th *Thread, other Value) (*Set, error) {
	var otherSize int
	switch o := other.o.(type) {
	case *Set:
		otherSize = o.used
	case *Dict:
		otherSize = o.used
	default:
		r := s.Copy(th)
		return r, r.differenceUpdate(th, other)
	}
	if s.used>>2 > otherSize {
		r := s.Copy(th)
		return r, r.differenceUpdate(th, other)
	}
	r := NewSet()
	r.frozen = s.frozen
	for _, e := range s.table {
		if e.key.IsNull() {
			continue
		}
		var found bool
		switch o := other.o.(type) {
		case *Set:
			i, err := o.lookup(th, e.key, e.hash)
			if err != nil {
				return nil, err
			}
			found = i >= 0
		case *Dict:
			_, ix, err := o.find(th, e.key, e.hash)
			if err != nil {
				return nil, err
			}
			found = ix >= 0
		}
		if !found {
			if err := r.addEntry(th, e.key, e.hash); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

// symmetricDifferenceUpdate is set_symmetric_difference_update.
func (s *Set) symmetricDifferenceUpdate(th *Thread, other Value) error {
	o, ok := other.o.(*Set)
	if ok && o == s {
		s.Clear()
		return nil
	}
	if !ok {
		var err error
		if o, err = newSetFrom(th, SetType, other); err != nil {
			return err
		}
	}
	for _, e := range o.table {
		if e.key.IsNull() {
			continue
		}
		found, err := s.discardEntry(th, e.key, e.hash)
		if err != nil {
			return err
		}
		if !found {
			if err := s.addEntry(th, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// setBinaryOp computes a op b for the set operators, a's kind deciding the
// result's (set or frozenset).
func setBinaryOp(th *Thread, op compile.BinaryOp, a, b *Set) (Value, error) {
	var r *Set
	var err error
	switch op {
	case compile.BinOr:
		r = a.Copy(th)
		err = r.update(th, Value{o: b})
	case compile.BinAnd:
		r, err = a.intersection(th, Value{o: b})
	case compile.BinSub:
		r, err = a.difference(th, Value{o: b})
	case compile.BinXor:
		r2 := b.Copy(th) // CPython copies the other operand, then updates it

		r2.frozen = a.frozen
		err = r2.symmetricDifferenceUpdate(th, Value{o: a})
		r = r2
	default:
		return NotImplemented, nil
	}
	if err != nil {
		return NULL, err
	}
	return Value{o: r}, nil
}

func setBinary(th *Thread, op compile.BinaryOp, v, w Value, reflected bool) (Value, error) {
	s := v.o.(*Set)
	o, ok := w.o.(*Set)
	if !ok {
		return NotImplemented, nil
	}
	if op >= compile.InplaceOffset {
		if s.frozen {
			return NotImplemented, nil
		}
		var err error
		switch op - compile.InplaceOffset {
		case compile.BinOr:
			err = s.update(th, w)
		case compile.BinAnd:
			var r *Set
			if r, err = s.intersection(th, w); err == nil {
				r.frozen = false
				*s = *r
			}
		case compile.BinSub:
			err = s.differenceUpdate(th, w)
		case compile.BinXor:
			err = s.symmetricDifferenceUpdate(th, w)
		default:
			return NotImplemented, nil
		}
		if err != nil {
			return NULL, err
		}
		return v, nil
	}
	if reflected {
		return setBinaryOp(th, op, o, s)
	}
	return setBinaryOp(th, op, s, o)
}

// isSubset reports a <= b.
func (s *Set) isSubset(th *Thread, o *Set) (bool, error) {
	if s.used > o.used {
		return false, nil
	}
	for _, e := range s.table {
		if e.key.IsNull() {
			continue
		}
		i, err := o.lookup(th, e.key, e.hash)
		if err != nil || i < 0 {
			return false, err
		}
	}
	return true, nil
}

func setCompare(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
	a := v.o.(*Set)
	b, ok := w.o.(*Set)
	if !ok {
		return NotImplemented, nil
	}
	var r bool
	var err error
	switch op {
	case compile.CmpEq, compile.CmpNe:
		r = a.used == b.used
		if r {
			r, err = a.isSubset(th, b)
		}
		if op == compile.CmpNe {
			r = !r
		}
	case compile.CmpLe:
		r, err = a.isSubset(th, b)
	case compile.CmpLt:
		r = a.used < b.used
		if r {
			r, err = a.isSubset(th, b)
		}
	case compile.CmpGe:
		r, err = b.isSubset(th, a)
	case compile.CmpGt:
		r = a.used > b.used
		if r {
			r, err = b.isSubset(th, a)
		}
	}
	return Bool(r), err
}

func setRepr(th *Thread, v Value) (string, error) {
	s := v.o.(*Set)
	// CPython: set prints as {...}; frozenset and every subclass as Name({...}).
	name := v.Type().Name
	if s.used == 0 {
		return name + "()", nil
	}
	if reprEnter(th, s) {
		return name + "(...)", nil
	}
	defer reprLeave(th, s)
	if !s.frozen && s.ext == nil {
		return reprItems(th, "{", s.Items(), "}")
	}
	return reprItems(th, name+"({", s.Items(), "})")
}

// setIterator walks the table; a size change is an error, as CPython.
type setIterator struct {
	s    *Set
	pos  int
	used int
}

func (*setIterator) Type() *Type { return SetIteratorType }

func setIterNext(th *Thread, v Value) (Value, error) {
	it := v.o.(*setIterator)
	s := it.s
	if s == nil {
		return NULL, nil
	}
	if s.used != it.used {
		it.used = -1
		return NULL, NewError(RuntimeErrorType, "Set changed size during iteration")
	}
	for ; it.pos < len(s.table); it.pos++ {
		if k := s.table[it.pos].key; !k.IsNull() {
			it.pos++
			return k, nil
		}
	}
	it.s = nil
	return NULL, nil
}

func setNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	name := "set"
	if t == FrozenSetType || t.IsSubtype(FrozenSetType) {
		name = "frozenset"
	}
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "%s() takes no keyword arguments", name)
	}
	if len(args) > 1 {
		return NULL, NewError(TypeErrorType, "%s expected at most 1 argument, got %d", name, len(args))
	}
	if name == "frozenset" && len(args) == 1 {
		if s, ok := args[0].o.(*Set); ok && s.frozen && t == FrozenSetType {
			return args[0], nil
		}
	}
	kind := SetType
	if name == "frozenset" {
		kind = FrozenSetType
	}
	if kind == SetType && initOverridden(t, SetType) {
		s := NewSet()
		s.ext = newSubExt(t, SetType)
		return Value{o: s}, nil
	}
	s, err := newSetFrom(th, kind, optArg(args, 0))
	if err != nil {
		return NULL, err
	}
	s.ext = newSubExt(t, kind)
	return Value{o: s}, nil
}

func init() {
	for _, t := range []*Type{SetType, FrozenSetType} {
		t.Repr = setRepr
		t.Len = func(th *Thread, v Value) (int, error) { return v.o.(*Set).used, nil }
		t.Contains = func(th *Thread, v, x Value) (bool, error) {
			s := v.o.(*Set)
			ok, err := s.Contains(th, x)
			if err != nil {
				// A set element is looked up as a frozenset, as CPython.
				if xs, isSet := x.o.(*Set); isSet && !xs.frozen {
					f := xs.Copy(th)
					f.frozen = true
					return s.Contains(th, Value{o: f})
				}
			}
			return ok, err
		}
		t.Iter = func(th *Thread, v Value) (Value, error) {
			s := v.o.(*Set)
			return Value{o: &setIterator{s: s, used: s.used}}, nil
		}
		t.Binary = setBinary
		t.Compare = setCompare
		t.New = setNew
	}
	FrozenSetType.Hash = func(th *Thread, v Value) (int64, error) { return v.o.(*Set).frozenHash(), nil }
	it := SetIteratorType
	it.Iter = selfIter
	it.Next = setIterNext
	it.Hash = identityHashSlot
	addSetMethods()
}
