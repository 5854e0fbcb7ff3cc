// Package structseq makes CPython's "struct sequence" types (time.struct_time,
// sys.version_info, os.stat_result): tuple-like values whose items also have
// names, with a repr such as "time.struct_time(tm_year=2024, ...)".
package structseq

import (
	"strings"

	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
)

// Seq is one struct sequence value: the visible items (indexable) followed
// by extra named fields (attributes only).
type Seq struct {
	typ   *vm.Type
	items []vm.Value
}

func (s *Seq) Type() *vm.Type { return s.typ }

// Items returns the visible items.
func (s *Seq) Items() []vm.Value { return s.items[:info[s.typ].visible] }

type typeInfo struct {
	fields  []string
	visible int
}

// info describes each struct sequence type; written only at init time.
var info = map[*vm.Type]*typeInfo{}

// NewType makes a struct sequence type named module.name whose first
// visible fields are items and the rest attributes only.
func NewType(name, module string, fields []string, visible int) *vm.Type {
	t := vm.MakeNativeType(name, module, nil)
	info[t] = &typeInfo{fields: fields, visible: visible}
	t.Repr = repr
	t.Len = func(th *vm.Thread, v vm.Value) (int, error) { return info[t].visible, nil }
	t.GetItem = func(th *vm.Thread, v, key vm.Value) (vm.Value, error) {
		return vm.GetItem(th, vm.NewTuple(v.Object().(*Seq).Items()), key)
	}
	t.Iter = func(th *vm.Thread, v vm.Value) (vm.Value, error) {
		return vm.Iter(th, vm.NewTuple(v.Object().(*Seq).Items()))
	}
	t.Contains = func(th *vm.Thread, v, x vm.Value) (bool, error) {
		return vm.Contains(th, vm.NewTuple(v.Object().(*Seq).Items()), x)
	}
	t.Hash = func(th *vm.Thread, v vm.Value) (int64, error) {
		return vm.Hash(th, vm.NewTuple(v.Object().(*Seq).Items()))
	}
	t.Compare = compare
	t.GetAttr = getAttr
	t.New = func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
		return newFromSequence(th, t, args, kwnames)
	}
	return t
}

// newFromSequence is the type's constructor, struct_time(sequence): the
// visible fields are required, the attribute-only ones default to None.
func newFromSequence(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	full := t.Module + "." + t.Name
	if len(kwnames) > 0 || len(args) != 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "%s() takes exactly one sequence argument", full)
	}
	items, err := vm.ToSlice(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	ti := info[t]
	if len(items) < ti.visible {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "%s() takes an at least %d-sequence (%d-sequence given)", full, ti.visible, len(items))
	}
	if len(items) > len(ti.fields) {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "%s() takes an at most %d-sequence (%d-sequence given)", full, len(ti.fields), len(items))
	}
	all := make([]vm.Value, len(ti.fields))
	copy(all, items)
	for i := len(items); i < len(all); i++ {
		all[i] = vm.None
	}
	return New(t, all), nil
}

// New returns a value of struct sequence type t (len(items) must equal the
// number of fields).
func New(t *vm.Type, items []vm.Value) vm.Value {
	return vm.ObjectValue(&Seq{typ: t, items: items})
}

func asTuple(v vm.Value) (vm.Value, bool) {
	switch o := v.Object().(type) {
	case *Seq:
		return vm.NewTuple(o.Items()), true
	case *vm.Tuple:
		return v, true
	}
	return vm.NULL, false
}

func compare(th *vm.Thread, v, other vm.Value, op compile.CompareOp) (vm.Value, error) {
	a, _ := asTuple(v)
	b, ok := asTuple(other)
	if !ok {
		return vm.NotImplemented, nil
	}
	return vm.CompareOp(th, op, a, b)
}

func getAttr(th *vm.Thread, v vm.Value, name string) (vm.Value, error) {
	s := v.Object().(*Seq)
	for i, f := range info[s.typ].fields {
		if f == name {
			return s.items[i], nil
		}
	}
	if name == "n_fields" || name == "n_sequence_fields" {
		ti := info[s.typ]
		if name == "n_fields" {
			return vm.Int(int64(len(ti.fields))), nil
		}
		return vm.Int(int64(ti.visible)), nil
	}
	return vm.NativeGetAttr(th, v, name)
}

func repr(th *vm.Thread, v vm.Value) (string, error) {
	s := v.Object().(*Seq)
	ti := info[s.typ]
	var sb strings.Builder
	if s.typ.Module != "builtins" {
		sb.WriteString(s.typ.Module + ".")
	}
	sb.WriteString(s.typ.Name + "(")
	for i := 0; i < ti.visible; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		r, err := vm.Repr(th, s.items[i])
		if err != nil {
			return "", err
		}
		sb.WriteString(ti.fields[i] + "=" + r)
	}
	sb.WriteString(")")
	return sb.String(), nil
}
