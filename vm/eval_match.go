package vm

import (
	"github.com/pya-lang/pya/vm/compile"
)

// The pattern-matching instructions of the match statement (MATCH_CLASS,
// MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS, GET_LEN), kept out of the
// dispatch loop as execOther's instructions are. Their semantics are
// CPython 3.11's (ceval.c's match_class and match_keys).

// execMatch executes one pattern-matching instruction on f's saved pc and sp.
func (th *Thread) execMatch(f *Frame, op compile.Opcode, arg int) error {
	s := f.slots
	switch op {
	case compile.MATCH_SEQUENCE:
		t := s[f.sp-1].Type()
		s[f.sp] = Bool(isSequenceType(t) || th.registeredWith(t, "Sequence", "MutableSequence", "ByteString"))
		f.sp++
	case compile.MATCH_MAPPING:
		t := s[f.sp-1].Type()
		s[f.sp] = Bool(isMappingType(t) || th.registeredWith(t, "Mapping", "MutableMapping"))
		f.sp++
	case compile.GET_LEN:
		n, err := Len(th, s[f.sp-1])
		if err != nil {
			return err
		}
		s[f.sp] = Int(int64(n))
		f.sp++
	case compile.MATCH_KEYS:
		r, err := th.matchKeys(s[f.sp-2], s[f.sp-1].o.(*Tuple).Items)
		if err != nil {
			return err
		}
		s[f.sp] = r
		f.sp++
	case compile.MATCH_CLASS:
		subject, cls, names := s[f.sp-3], s[f.sp-2], s[f.sp-1].o.(*Tuple).Items
		r, err := th.matchClass(subject, cls, arg, names)
		if err != nil {
			return err
		}
		clear(s[f.sp-3 : f.sp])
		f.sp -= 3
		s[f.sp] = r
		f.sp++
	default:
		return NewError(SystemErrorType, "unknown opcode %d", op)
	}
	return nil
}

// isSequenceType reports whether instances of t match sequence patterns:
// CPython's Py_TPFLAGS_SEQUENCE, which list, tuple, range, memoryview and
// collections.deque have, and subclasses of those and of
// collections.abc.Sequence inherit. str, bytes and bytearray never match.
func isSequenceType(t *Type) bool {
	switch t {
	case ListType, TupleType, RangeType:
		return true
	case StrType, BytesType, ByteArrayType, DictType, IntType, FloatType, BoolType:
		return false
	}
	for _, b := range t.MRO {
		switch b {
		case ListType, TupleType, RangeType:
			return true
		case StrType, BytesType, ByteArrayType, DictType:
			return false
		}
		switch {
		case b.Module == "collections.abc" && (b.Name == "Sequence" || b.Name == "MutableSequence" || b.Name == "ByteString"),
			b.Module == "collections" && b.Name == "deque",
			b.Module == "builtins" && b.Name == "memoryview":
			return true
		case b.Module == "collections.abc" && (b.Name == "Mapping" || b.Name == "MutableMapping"):
			return false
		}
	}
	return false
}

// isMappingType reports whether instances of t match mapping patterns:
// CPython's Py_TPFLAGS_MAPPING (dict, mappingproxy, subclasses of those and
// of collections.abc.Mapping).
func isMappingType(t *Type) bool {
	if t == DictType {
		return true
	}
	for _, b := range t.MRO {
		switch b {
		case DictType:
			return true
		case ListType, TupleType, RangeType, StrType, BytesType, ByteArrayType:
			return false
		}
		switch {
		case b.Module == "collections.abc" && (b.Name == "Mapping" || b.Name == "MutableMapping"),
			b.Name == "mappingproxy" && (b.Module == "builtins" || b.Module == "types"):
			return true
		case b.Module == "collections.abc" && (b.Name == "Sequence" || b.Name == "MutableSequence"),
			b.Module == "collections" && b.Name == "deque":
			return false
		}
	}
	return false
}

// registeredWith reports whether the user class t, which neither inherits
// from a sequence nor from a mapping, is a virtual subclass of one of the
// collections.abc classes named by abcs (Sequence.register(t) gives t
// CPython's Py_TPFLAGS_SEQUENCE; built-in types are never changed).
func (th *Thread) registeredWith(t *Type, abcs ...string) bool {
	if t.Flags&TypeHeap == 0 || th.Interp == nil || isSequenceType(t) || isMappingType(t) {
		return false
	}
	mod, ok := th.Interp.Modules().GetStr("_collections_abc")
	if !ok {
		return false
	}
	m, ok := mod.o.(*Module)
	if !ok {
		return false
	}
	for _, name := range abcs {
		abc, ok := m.Dict.GetStr(name)
		if !ok {
			continue
		}
		at, ok := abc.o.(*Type)
		if !ok || at.Dict == nil {
			continue
		}
		reg, ok := at.Dict.GetStr("_abc_registry")
		if !ok {
			continue
		}
		l, ok := reg.o.(*List)
		if !ok {
			continue
		}
		for _, r := range l.Items {
			if rt, ok := r.o.(*Type); ok && rt.Flags&TypeHeap != 0 && t.IsSubtype(rt) {
				return true
			}
		}
	}
	return false
}

// matchKeys returns a tuple of the values of keys in subject, or None when
// one is missing. Values are looked up with subject.get(key, <dummy>), which
// neither raises KeyError nor creates keys (defaultdict); repeated keys
// raise ValueError.
func (th *Thread) matchKeys(subject Value, keys []Value) (Value, error) {
	if len(keys) == 0 {
		return NewTuple(nil), nil
	}
	d, exact := subject.o.(*Dict)
	exact = exact && subject.Type() == DictType
	var get Value
	if !exact {
		var err error
		if get, err = GetAttr(th, subject, "get"); err != nil {
			return NULL, err
		}
	}
	seen := NewSet()
	dummy := Value{o: NewInstance(ObjectType)}
	values := make([]Value, len(keys))
	for i, k := range keys {
		dup, err := seen.Contains(th, k)
		if err != nil {
			return NULL, err
		}
		if dup {
			r, err := Repr(th, k)
			if err != nil {
				return NULL, err
			}
			return NULL, NewError(ValueErrorType, "mapping pattern checks duplicate key (%s)", r)
		}
		if err := seen.Add(th, k); err != nil {
			return NULL, err
		}
		if exact {
			v, ok, err := d.Get(th, k)
			if err != nil {
				return NULL, err
			}
			if !ok {
				return None, nil
			}
			values[i] = v
			continue
		}
		v, err := th.Call(get, []Value{k, dummy}, nil)
		if err != nil {
			return NULL, err
		}
		if v.o == dummy.o {
			return None, nil
		}
		values[i] = v
	}
	return NewTuple(values), nil
}

// matchSelfTypes are the built-in types whose class pattern with one
// positional sub-pattern matches the subject itself (int(x)); their
// subclasses inherit this unless they define __match_args__.
var matchSelfTypes = []*Type{BoolType, ByteArrayType, BytesType, DictType, FloatType, FrozenSetType,
	IntType, ListType, SetType, StrType, TupleType}

func isMatchSelf(t *Type) bool {
	for _, b := range t.MRO {
		for _, m := range matchSelfTypes {
			if b == m {
				return true
			}
		}
	}
	return false
}

// matchClass implements MATCH_CLASS: the tuple of the nargs positional and
// the named attributes of subject when it is an instance of cls, None when
// it is not or one attribute is missing.
func (th *Thread) matchClass(subject, cls Value, nargs int, names []Value) (Value, error) {
	t, ok := cls.o.(*Type)
	if !ok {
		return NULL, NewError(TypeErrorType, "called match pattern must be a type")
	}
	if ok, err := biIsInstanceOf(th, subject, cls); err != nil || !ok {
		if err != nil {
			return NULL, err
		}
		return None, nil
	}
	seen := map[string]bool{}
	attrs := make([]Value, 0, nargs+len(names))
	get := func(name Value) (bool, error) {
		n := name.o.(*Str).s
		if seen[n] {
			r, _ := Repr(th, name)
			return false, NewError(TypeErrorType, "%s() got multiple sub-patterns for attribute %s", t.Name, r)
		}
		seen[n] = true
		v, err := LookupAttr(th, subject, n)
		if err != nil || v.IsNull() {
			return false, err
		}
		attrs = append(attrs, v)
		return true, nil
	}
	if nargs > 0 {
		matchArgs, err := LookupAttr(th, cls, "__match_args__")
		if err != nil {
			return NULL, err
		}
		var items []Value
		matchSelf := false
		if matchArgs.IsNull() {
			matchSelf = isMatchSelf(t)
		} else {
			tup, ok := matchArgs.o.(*Tuple)
			if !ok || matchArgs.Type() != TupleType {
				return NULL, NewError(TypeErrorType, "%s.__match_args__ must be a tuple (got %s)", t.Name, TypeName(matchArgs))
			}
			items = tup.Items
		}
		allowed := len(items)
		if matchSelf {
			allowed = 1
		}
		if allowed < nargs {
			plural := "s"
			if allowed == 1 {
				plural = ""
			}
			return NULL, NewError(TypeErrorType, "%s() accepts %d positional sub-pattern%s (%d given)", t.Name, allowed, plural, nargs)
		}
		if matchSelf {
			attrs = append(attrs, subject)
		} else {
			for _, name := range items[:nargs] {
				if name.Type() != StrType {
					return NULL, NewError(TypeErrorType, "__match_args__ elements must be strings (got %s)", TypeName(name))
				}
				if ok, err := get(name); !ok {
					return None, err
				}
			}
		}
	}
	for _, name := range names {
		if ok, err := get(name); !ok {
			if err != nil {
				return NULL, err
			}
			return None, nil
		}
	}
	return NewTuple(attrs), nil
}
