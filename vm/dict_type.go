package vm

import (
	"strings"

	"github.com/pya-lang/pya/vm/compile"
)

// dictGetItem is d[k]: KeyError with the key as its argument when absent.
func dictGetItem(th *Thread, d *Dict, k Value) (Value, error) {
	v, ok, err := d.Get(th, k)
	if err != nil {
		return NULL, err
	}
	if !ok {
		if d.ext != nil {
			// dict subclasses may define __missing__ (defaultdict, Counter).
			if m := d.ext.typ.Lookup("__missing__"); !m.IsNull() {
				return th.Call(m, []Value{{o: d}, k}, nil)
			}
		}
		return NULL, newKeyError(k)
	}
	return v, nil
}

// newKeyError makes KeyError(key) (its message is the key's repr).
func newKeyError(key Value) error { return NewException(KeyErrorType, key) }

func dictRepr(th *Thread, v Value) (string, error) {
	d := v.o.(*Dict)
	if d.used == 0 {
		return "{}", nil
	}
	if reprEnter(th, d) {
		return "{...}", nil
	}
	defer reprLeave(th, d)
	var sb strings.Builder
	sb.WriteByte('{')
	first := true
	for i := 0; i < len(d.entries); i++ {
		e := &d.entries[i]
		if e.isHole() {
			continue
		}
		if !first {
			sb.WriteString(", ")
		}
		first = false
		k, err := Repr(th, e.Key())
		if err != nil {
			return "", err
		}
		val, err := Repr(th, e.value)
		if err != nil {
			return "", err
		}
		sb.WriteString(k)
		sb.WriteString(": ")
		sb.WriteString(val)
	}
	sb.WriteByte('}')
	return sb.String(), nil
}

func dictSetItem(th *Thread, v, k, x Value) error {
	d := v.o.(*Dict)
	if x.IsNull() {
		ok, err := d.Delete(th, k)
		if err == nil && !ok {
			err = newKeyError(k)
		}
		return err
	}
	return d.Set(th, k, x)
}

// dictEqual compares two dicts' items.
func dictEqual(th *Thread, a, b *Dict) (bool, error) {
	if a.used != b.used {
		return false, nil
	}
	for i := 0; i < len(a.entries); i++ {
		e := &a.entries[i]
		if e.isHole() {
			continue
		}
		_, ix, err := b.find(th, e.Key(), e.hash())
		if err != nil || ix < 0 {
			return false, err
		}
		eq, err := Equal(th, e.value, b.entries[ix].value)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// dictUpdate merges a mapping or an iterable of pairs into d (dict.update,
// dict(x)); kwargs are added by the caller.
//
// As CPython's dict_merge, a dict subclass is copied directly (bypassing
// overridden keys and __getitem__) unless it overrides __iter__.
func dictUpdate(th *Thread, d *Dict, src Value) error {
	if o, ok := src.o.(*Dict); ok && (o.ext == nil || !userDefined(o.ext.typ, "__iter__")) {
		for i := 0; i < len(o.entries); i++ {
			e := o.entries[i]
			if !e.isHole() {
				if err := d.SetHashed(th, e.Key(), e.hash(), e.value); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if keys := LookupSpecial(src, "keys"); !keys.IsNull() {
		ks, err := th.Call(keys, nil, nil)
		if err != nil {
			return err
		}
		return Iterate(th, ks, func(k Value) error {
			v, err := GetItem(th, src, k)
			if err != nil {
				return err
			}
			return d.Set(th, k, v)
		})
	}
	n := 0
	return Iterate(th, src, func(item Value) error {
		pair, err := ToSlice(th, item)
		if err != nil {
			if e, ok := err.(*Exception); ok && e.Type() == TypeErrorType {
				return NewError(TypeErrorType, "cannot convert dictionary update sequence element #%d to a sequence", n)
			}
			return err
		}
		if len(pair) != 2 {
			return NewError(ValueErrorType, "dictionary update sequence element #%d has length %d; 2 is required", n, len(pair))
		}
		n++
		return d.Set(th, pair[0], pair[1])
	})
}

// LookupSpecial returns v's attribute name bound to v when v's type (not a
// built-in dict) defines it, or NULL: used for protocol probes like "keys".
func LookupSpecial(v Value, name string) Value {
	t := v.Type()
	m := t.Lookup(name)
	if m.IsNull() {
		return NULL
	}
	if md, ok := m.o.(*MethodDescr); ok {
		return Value{o: &Builtin{Name: md.Name, Fn: md.Fn, Self: v, descr: md}}
	}
	if dt := m.Type(); dt.DescrGet != nil {
		r, err := dt.DescrGet(nil, m, v, t)
		if err != nil {
			return NULL
		}
		return r
	}
	return m
}

// dictNew is dict.__new__ (which also does dict.__init__'s work unless a
// user subclass overrides __init__).
func dictNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	d := &Dict{ext: newSubExt(t, DictType)}
	if initOverridden(t, DictType) {
		return Value{o: d}, nil
	}
	return Value{o: d}, dictInit(th, d, args, kwnames)
}

// dictInit is dict.__init__(mapping_or_iterable=(), **kwargs): an update.
func dictInit(th *Thread, d *Dict, args []Value, kwnames []string) error {
	npos := len(args) - len(kwnames)
	if npos > 1 {
		return NewError(TypeErrorType, "dict expected at most 1 argument, got %d", npos)
	}
	if npos == 1 {
		if err := dictUpdate(th, d, args[0]); err != nil {
			return err
		}
	}
	for i, k := range kwnames {
		d.SetStr(k, args[npos+i])
	}
	return nil
}

func dictBinary(th *Thread, op compile.BinaryOp, v, w Value, reflected bool) (Value, error) {
	d := v.o.(*Dict)
	switch op {
	case compile.BinOr:
		o, ok := w.o.(*Dict)
		if !ok {
			return NotImplemented, nil
		}
		a, b := d, o
		if reflected {
			a, b = o, d
		}
		r := a.Copy()
		if err := dictUpdate(th, r, Value{o: b}); err != nil {
			return NULL, err
		}
		return Value{o: r}, nil
	case compile.InplaceOffset + compile.BinOr:
		if err := dictUpdate(th, d, w); err != nil {
			return NULL, err
		}
		return v, nil
	}
	return NotImplemented, nil
}

// dictIterator walks a dict's entries; kind selects keys, values or items.
type dictIterator struct {
	d    *Dict
	pos  int
	used int // the size when the walk started
	kind dictViewKind
	rev  bool
}

type dictViewKind uint8

const (
	viewKeys dictViewKind = iota
	viewValues
	viewItems
)

var dictIterTypes = [2][3]*Type{
	{DictKeyIteratorType, DictValueIteratorType, DictItemIteratorType},
	{DictRevKeyIteratorType, DictRevValueIterType, DictRevItemIterType},
}

func (it *dictIterator) Type() *Type {
	r := 0
	if it.rev {
		r = 1
	}
	return dictIterTypes[r][it.kind]
}

func newDictIter(d *Dict, kind dictViewKind, rev bool) Value {
	it := &dictIterator{d: d, used: d.used, kind: kind, rev: rev}
	if rev {
		it.pos = len(d.entries) - 1
	}
	return Value{o: it}
}

func dictIterNext(th *Thread, v Value) (Value, error) {
	it := v.o.(*dictIterator)
	d := it.d
	if d == nil {
		return NULL, nil
	}
	if d.used != it.used {
		it.used = -1 // stays broken, as CPython
		return NULL, NewError(RuntimeErrorType, "dictionary changed size during iteration")
	}
	var e *dictEntry
	if it.rev {
		for ; it.pos >= 0 && it.pos < len(d.entries); it.pos-- {
			if !d.entries[it.pos].isHole() {
				e = &d.entries[it.pos]
				it.pos--
				break
			}
		}
	} else {
		for ; it.pos < len(d.entries); it.pos++ {
			if !d.entries[it.pos].isHole() {
				e = &d.entries[it.pos]
				it.pos++
				break
			}
		}
	}
	if e == nil {
		it.d = nil
		return NULL, nil
	}
	switch it.kind {
	case viewKeys:
		return e.Key(), nil
	case viewValues:
		return e.value, nil
	}
	return NewTuple([]Value{e.Key(), e.value}), nil
}

func init() {
	t := DictType
	t.Repr = dictRepr
	t.Len = func(th *Thread, v Value) (int, error) { return v.o.(*Dict).used, nil }
	t.GetItem = func(th *Thread, v, k Value) (Value, error) { return dictGetItem(th, v.o.(*Dict), k) }
	t.SetItem = dictSetItem
	t.Contains = func(th *Thread, v, k Value) (bool, error) {
		_, ok, err := v.o.(*Dict).Get(th, k)
		return ok, err
	}
	t.Iter = func(th *Thread, v Value) (Value, error) { return newDictIter(v.o.(*Dict), viewKeys, false), nil }
	t.Compare = func(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
		o, ok := w.o.(*Dict)
		if !ok || (op != compile.CmpEq && op != compile.CmpNe) {
			return NotImplemented, nil
		}
		eq, err := dictEqual(th, v.o.(*Dict), o)
		return Bool(eq == (op == compile.CmpEq)), err
	}
	t.Binary = dictBinary
	t.New = dictNew
	for _, row := range dictIterTypes {
		for _, it := range row {
			it.Iter = selfIter
			it.Next = dictIterNext
			it.Hash = identityHashSlot
		}
	}
	addDictMethods()
	addDictViews()
}
