package random

import (
	"github.com/pya-lang/pya/stdlib/internal/mt"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// getstate() returns (3, (624 words..., pos), gauss_next).
func getstate(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, rest, err := self(args, "getstate")
	if err != nil {
		return vm.NULL, err
	}
	if err := pyarg.ParsePy("Random.getstate", 1, rest, kwnames, nil); err != nil {
		return vm.NULL, err
	}
	words, pos := r.st.GetState()
	items := make([]vm.Value, 0, mt.StateSize+1)
	for _, w := range words {
		items = append(items, vm.Int(int64(w)))
	}
	items = append(items, vm.Int(int64(pos)))
	g := vm.None
	if r.hasGauss {
		g = vm.Float(r.gaussNext)
	}
	return vm.NewTuple([]vm.Value{vm.Int(3), vm.NewTuple(items), g}), nil
}

// setstate(state) restores a getstate() result.
func setstate(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, rest, err := self(args, "setstate")
	if err != nil {
		return vm.NULL, err
	}
	var state vm.Value
	if err := pyarg.ParsePy("Random.setstate", 1, rest, kwnames, []string{"state"}, &state); err != nil {
		return vm.NULL, err
	}
	parts, err := vm.ToSlice(th, state)
	if err != nil {
		return vm.NULL, err
	}
	if len(parts) != 3 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "too many values to unpack (expected 3)")
	}
	if !parts[0].IsInt() || (parts[0].AsInt() != 3 && parts[0].AsInt() != 2) {
		s, _ := vm.Repr(th, parts[0])
		return vm.NULL, vm.NewError(vm.ValueErrorType, "state with version %s passed to Random.setstate() of version 3", s)
	}
	inner, ok := parts[1].Object().(*vm.Tuple)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "state vector must be a tuple")
	}
	if len(inner.Items) != mt.StateSize+1 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "state vector is the wrong size")
	}
	var words [mt.StateSize]uint32
	for i := range words {
		v := inner.Items[i]
		if !v.IsInt() {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "state vector items must be integers")
		}
		words[i] = uint32(v.AsInt())
	}
	pos := inner.Items[mt.StateSize]
	if !pos.IsInt() || !r.st.SetState(words, int(pos.AsInt())) {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "invalid state")
	}
	if parts[2].IsNone() {
		r.hasGauss = false
	} else if parts[2].IsFloat() {
		r.gaussNext, r.hasGauss = parts[2].AsFloat(), true
	}
	return vm.None, nil
}
