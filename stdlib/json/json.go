// Package json is pya's json module: dumps/dump with CPython's formatting
// (indent, separators, sort_keys, ensure_ascii, default) and loads/load with
// CPython's JSONDecodeError messages (from stdlib/internal/jsonscan).
package json

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/pya-lang/pya/stdlib/internal/jsonscan"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

func init() {
	vm.RegisterModule("json", initModule)
}

func initModule(th *vm.Thread, m *vm.Module) error {
	pyarg.Funcs(m.Dict, map[string]vm.NativeFunc{
		"dumps": dumps,
		"dump":  dump,
		"loads": loads,
		"load":  load,
	})
	m.Dict.SetStr("JSONDecodeError", vm.ObjectValue(JSONDecodeErrorType))
	return nil
}

// builder makes pya values for the scanner, applying the loads hooks.
type builder struct {
	th                               *vm.Thread
	objectHook, pairsHook            vm.Value
	parseFloat, parseInt, parseConst vm.Value
}

// MaxDepth bounds nesting as CPython's recursion limit does.
func (b *builder) MaxDepth() int { return b.th.RecursionLimit() }

func (b *builder) Null() vm.Value        { return vm.None }
func (b *builder) Bool(v bool) vm.Value  { return vm.Bool(v) }
func (b *builder) Str(s string) vm.Value { return vm.NewStr(s) }

func (b *builder) Int(digits string) (vm.Value, error) {
	if !b.parseInt.IsNull() {
		return b.th.Call(b.parseInt, []vm.Value{vm.NewStr(digits)}, nil)
	}
	if i, err := strconv.ParseInt(digits, 10, 64); err == nil {
		return vm.Int(i), nil
	}
	n, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "invalid literal for int() with base 10: %s", vm.StrRepr(digits))
	}
	return vm.NewBigInt(n), nil
}

func (b *builder) Float(lit string) (vm.Value, error) {
	switch lit {
	case "NaN", "Infinity", "-Infinity":
		if !b.parseConst.IsNull() {
			return b.th.Call(b.parseConst, []vm.Value{vm.NewStr(lit)}, nil)
		}
		f, _ := strconv.ParseFloat(map[string]string{"NaN": "NaN", "Infinity": "+Inf", "-Infinity": "-Inf"}[lit], 64)
		return vm.Float(f), nil
	}
	if !b.parseFloat.IsNull() {
		return b.th.Call(b.parseFloat, []vm.Value{vm.NewStr(lit)}, nil)
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil { // out of range: CPython gives inf
		return vm.Float(f), nil
	}
	return vm.Float(f), nil
}

func (b *builder) Array(items []vm.Value) (vm.Value, error) {
	return vm.NewList(append([]vm.Value(nil), items...)), nil
}

func (b *builder) Object(keys []string, vals []vm.Value) (vm.Value, error) {
	if !b.pairsHook.IsNull() {
		pairs := make([]vm.Value, len(keys))
		for i := range keys {
			pairs[i] = vm.NewTuple([]vm.Value{vm.NewStr(keys[i]), vals[i]})
		}
		return b.th.Call(b.pairsHook, []vm.Value{vm.NewList(pairs)}, nil)
	}
	d := vm.NewDict()
	for i, k := range keys {
		d.SetStr(k, vals[i])
	}
	if !b.objectHook.IsNull() {
		return b.th.Call(b.objectHook, []vm.Value{vm.ObjectValue(d)}, nil)
	}
	return vm.ObjectValue(d), nil
}

// decode parses doc, converting a syntax error into JSONDecodeError with
// its msg, doc, pos, lineno and colno attributes.
func decode(th *vm.Thread, doc string, b *builder, strict bool) (vm.Value, error) {
	v, err := jsonscan.Decode[vm.Value](doc, b, strict)
	if err == nil {
		return v, nil
	}
	if de, ok := err.(*jsonscan.DepthError); ok {
		return vm.NULL, vm.NewError(vm.RecursionErrorType, "maximum recursion depth exceeded while decoding a JSON %s from a unicode string", de.Kind)
	}
	se, ok := err.(*jsonscan.Error)
	if !ok {
		return vm.NULL, err
	}
	return vm.NULL, decodeError(th, se.Msg, doc, se.Pos)
}

// decodeError is the JSONDecodeError(msg, doc, pos) to raise.
func decodeError(th *vm.Thread, msg, doc string, pos int) error {
	e, err := th.Call(vm.ObjectValue(JSONDecodeErrorType), []vm.Value{vm.NewStr(msg), vm.NewStr(doc), vm.Int(int64(pos))}, nil)
	if err != nil {
		return err
	}
	return e.Object().(*vm.Exception)
}

var loadsParams = []string{"s", "$cls?", "$object_hook?", "$parse_float?", "$parse_int?", "$parse_constant?", "$object_pairs_hook?", "$strict?"}

func loadsArgs(th *vm.Thread, fname string, args []vm.Value, kwnames []string) (vm.Value, *builder, bool, error) {
	var s, cls vm.Value
	b := &builder{th: th}
	var strictV vm.Value
	if err := checkKw("JSONDecoder", kwnames, loadsParams); err != nil {
		return vm.NULL, nil, false, err
	}
	if err := pyarg.ParsePy(fname, 0, args, kwnames, loadsParams, &s, &cls, &b.objectHook, &b.parseFloat, &b.parseInt, &b.parseConst, &b.pairsHook, &strictV); err != nil {
		return vm.NULL, nil, false, err
	}
	for _, p := range []*vm.Value{&b.objectHook, &b.parseFloat, &b.parseInt, &b.parseConst, &b.pairsHook} {
		if p.IsNone() {
			*p = vm.NULL
		}
	}
	strict := true
	if !strictV.IsNull() {
		t, err := vm.Truth(th, strictV)
		if err != nil {
			return vm.NULL, nil, false, err
		}
		strict = t
	}
	return s, b, strict, nil
}

func loads(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	s, b, strict, err := loadsArgs(th, "loads", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	doc, ok := pyarg.Str(s)
	if !ok {
		if raw, ok := s.Object().(*vm.Bytes); ok {
			doc = string(raw.B)
		} else {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "the JSON object must be str, bytes or bytearray, not %s", s.Type().Name)
		}
	}
	if strings.HasPrefix(doc, "\ufeff") {
		return vm.NULL, decodeError(th, "Unexpected UTF-8 BOM (decode using utf-8-sig)", doc, 0)
	}
	return decode(th, doc, b, strict)
}

func load(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	fp, b, strict, err := loadsArgs(th, "load", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	read, err := vm.GetAttr(th, fp, "read")
	if err != nil {
		return vm.NULL, err
	}
	s, err := th.Call(read, nil, nil)
	if err != nil {
		return vm.NULL, err
	}
	doc, ok := pyarg.Str(s)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "the JSON object must be str, bytes or bytearray, not %s", s.Type().Name)
	}
	return decode(th, doc, b, strict)
}
