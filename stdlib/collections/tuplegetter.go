package collections

import (
	"strconv"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// TupleGetterType is _collections._tuplegetter, the read-only data
// descriptor namedtuple installs for each field: P.x reprs as
// _tuplegetter(0, 'Alias for field number 0') and p.x = 1 raises
// "can't set attribute", as in CPython.
var TupleGetterType = vm.MakeNativeType("_tuplegetter", "collections", nil)

// tupleGetter is one field accessor: the index and its docstring.
type tupleGetter struct {
	index int64
	doc   vm.Value
}

func (*tupleGetter) Type() *vm.Type { return TupleGetterType }

func init() {
	t := TupleGetterType
	t.New = func(th *vm.Thread, _ *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
		if err := pyarg.NoKw("_tuplegetter", kwnames); err != nil {
			return vm.NULL, err
		}
		if len(args) != 2 {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "_tuplegetter expected 2 arguments, got %d", len(args))
		}
		i, err := pyarg.Int(th, args[0])
		if err != nil {
			return vm.NULL, err
		}
		return vm.ObjectValue(&tupleGetter{index: i, doc: args[1]}), nil
	}
	t.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		g := v.Object().(*tupleGetter)
		doc, err := vm.Repr(th, g.doc)
		return "_tuplegetter(" + strconv.FormatInt(g.index, 10) + ", " + doc + ")", err
	}
	t.DescrGet = func(th *vm.Thread, v, obj vm.Value, owner *vm.Type) (vm.Value, error) {
		g := v.Object().(*tupleGetter)
		if obj.IsNull() || obj.IsNone() {
			return v, nil
		}
		tup, ok := obj.Object().(*vm.Tuple)
		if !ok {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "descriptor for index '%d' for tuple subclasses doesn't apply to '%s' object", g.index, obj.Type().Name)
		}
		if g.index < 0 || g.index >= int64(len(tup.Items)) {
			return vm.NULL, vm.NewError(vm.IndexErrorType, "tuple index out of range")
		}
		return tup.Items[g.index], nil
	}
	t.DescrSet = func(th *vm.Thread, v, obj, val vm.Value) error {
		if val.IsNull() {
			return vm.NewError(vm.AttributeErrorType, "can't delete attribute")
		}
		return vm.NewError(vm.AttributeErrorType, "can't set attribute")
	}
	// __doc__ is writable (urllib.parse documents its result fields so).
	t.SetAttr = func(th *vm.Thread, v vm.Value, name string, val vm.Value) error {
		if name == "__doc__" && !val.IsNull() {
			v.Object().(*tupleGetter).doc = val
			return nil
		}
		return vm.NewError(vm.AttributeErrorType, "'_tuplegetter' object has no attribute '%s'", name)
	}
	t.AddGetters(map[string]func(th *vm.Thread, v vm.Value) (vm.Value, error){
		"__doc__": func(th *vm.Thread, v vm.Value) (vm.Value, error) { return v.Object().(*tupleGetter).doc, nil },
	})
}
