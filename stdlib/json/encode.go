package json

import (
	"math"
	"strconv"
	"strings"

	"github.com/pya-lang/pya/stdlib/internal/jsonscan"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// encoder holds dumps' options and the objects being encoded (for
// "Circular reference detected").
type encoder struct {
	th          *vm.Thread
	skipKeys    bool
	ensureASCII bool
	checkCirc   bool
	allowNaN    bool
	sortKeys    bool
	indent      string
	hasIndent   bool
	itemSep     string
	keySep      string
	dflt        vm.Value
	active      []vm.Object
	depth       int
	sb          strings.Builder
}

var dumpsParams = []string{"obj", "$skipkeys?", "$ensure_ascii?", "$check_circular?", "$allow_nan?", "$cls?", "$indent?", "$separators?", "$default?", "$sort_keys?"}

// newEncoder parses the keyword options shared by dumps and dump.
func newEncoder(th *vm.Thread, fname string, args []vm.Value, kwnames []string, obj *vm.Value) (*encoder, error) {
	var skip, ascii, circ, nan, cls, indent, seps, dflt, sortKeys vm.Value
	if err := checkKw("JSONEncoder", kwnames, dumpsParams); err != nil {
		return nil, err
	}
	if err := pyarg.ParsePy(fname, 0, args, kwnames, dumpsParams, obj, &skip, &ascii, &circ, &nan, &cls, &indent, &seps, &dflt, &sortKeys); err != nil {
		return nil, err
	}
	e := &encoder{th: th, ensureASCII: true, checkCirc: true, allowNaN: true}
	flags := []struct {
		v   vm.Value
		dst *bool
	}{{skip, &e.skipKeys}, {ascii, &e.ensureASCII}, {circ, &e.checkCirc}, {nan, &e.allowNaN}, {sortKeys, &e.sortKeys}}
	for _, f := range flags {
		if f.v.IsNull() {
			continue
		}
		t, err := vm.Truth(th, f.v)
		if err != nil {
			return nil, err
		}
		*f.dst = t
	}
	if !indent.IsNull() && !indent.IsNone() {
		e.hasIndent = true
		if s, ok := indent.Object().(*vm.Str); ok {
			e.indent = s.String()
		} else if indent.IsInt() {
			if n := indent.AsInt(); n > 0 {
				e.indent = strings.Repeat(" ", int(n))
			}
		} else {
			return nil, vm.NewError(vm.TypeErrorType, "can't multiply sequence by non-int of type '%s'", indent.Type().Name)
		}
	}
	e.itemSep, e.keySep = ", ", ": "
	if e.hasIndent {
		e.itemSep = ","
	}
	if !seps.IsNull() && !seps.IsNone() {
		parts, err := vm.ToSlice(th, seps)
		if err != nil {
			return nil, err
		}
		if len(parts) != 2 {
			return nil, vm.NewError(vm.ValueErrorType, "too many values to unpack (expected 2)")
		}
		a, ok1 := parts[0].Object().(*vm.Str)
		b, ok2 := parts[1].Object().(*vm.Str)
		if !ok1 || !ok2 {
			return nil, vm.NewError(vm.TypeErrorType, "make_encoder() argument 6 must be str, not %s", parts[0].Type().Name)
		}
		e.itemSep, e.keySep = a.String(), b.String()
	}
	if !dflt.IsNone() {
		e.dflt = dflt
	}
	return e, nil
}

func dumps(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var obj vm.Value
	e, err := newEncoder(th, "dumps", args, kwnames, &obj)
	if err != nil {
		return vm.NULL, err
	}
	if err := e.encode(obj, 0); err != nil {
		return vm.NULL, err
	}
	return vm.NewStr(e.sb.String()), nil
}

func dump(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	npos := len(args) - len(kwnames)
	if npos < 2 {
		if npos == 1 && !hasKw(kwnames, "fp") {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "dump() missing 1 required positional argument: 'fp'")
		}
	}
	var fp vm.Value
	rest := args
	names := kwnames
	if npos >= 2 {
		fp = args[1]
		rest = append([]vm.Value{args[0]}, args[2:]...)
	} else {
		for i, k := range kwnames {
			if k == "fp" {
				fp = args[npos+i]
				rest = append(append([]vm.Value(nil), args[:npos+i]...), args[npos+i+1:]...)
				names = append(append([]string(nil), kwnames[:i]...), kwnames[i+1:]...)
			}
		}
	}
	var obj vm.Value
	e, err := newEncoder(th, "dump", rest, names, &obj)
	if err != nil {
		return vm.NULL, err
	}
	if err := e.encode(obj, 0); err != nil {
		return vm.NULL, err
	}
	w, err := vm.GetAttr(th, fp, "write")
	if err != nil {
		return vm.NULL, err
	}
	if _, err := th.Call(w, []vm.Value{vm.NewStr(e.sb.String())}, nil); err != nil {
		return vm.NULL, err
	}
	return vm.None, nil
}

// checkKw reports a keyword argument no parameter takes the way CPython
// does: json passes unknown keywords on to JSONEncoder/JSONDecoder.
func checkKw(class string, kwnames []string, params []string) error {
	for _, k := range kwnames {
		known := false
		for _, p := range params {
			if strings.TrimSuffix(strings.TrimPrefix(p, "$"), "?") == k {
				known = true
				break
			}
		}
		if !known {
			return vm.NewError(vm.TypeErrorType, "%s.__init__() got an unexpected keyword argument '%s'", class, k)
		}
	}
	return nil
}

func hasKw(kwnames []string, name string) bool {
	for _, k := range kwnames {
		if k == name {
			return true
		}
	}
	return false
}

// floatStr is json's float formatting: repr, or NaN/Infinity/-Infinity.
func (e *encoder) floatStr(f float64) (string, error) {
	var s string
	switch {
	case math.IsNaN(f):
		s = "NaN"
	case math.IsInf(f, 1):
		s = "Infinity"
	case math.IsInf(f, -1):
		s = "-Infinity"
	default:
		return vm.FloatRepr(f), nil
	}
	if !e.allowNaN {
		return "", vm.NewError(vm.ValueErrorType, "Out of range float values are not JSON compliant")
	}
	return s, nil
}

// intStr is int.__repr__ of an int or int subclass.
func intStr(v vm.Value) (string, bool) {
	switch {
	case v.IsInt():
		return strconv.FormatInt(v.AsInt(), 10), true
	}
	if b, ok := v.Object().(*vm.BigInt); ok {
		return b.Big().String(), true
	}
	return "", false
}

func (e *encoder) enter(o vm.Object) error {
	if !e.checkCirc {
		return nil
	}
	for _, a := range e.active {
		if a == o {
			return vm.NewError(vm.ValueErrorType, "Circular reference detected")
		}
	}
	e.active = append(e.active, o)
	return nil
}

func (e *encoder) leave() {
	if e.checkCirc {
		e.active = e.active[:len(e.active)-1]
	}
}

func (e *encoder) newline(level int) {
	e.sb.WriteByte('\n')
	for i := 0; i < level; i++ {
		e.sb.WriteString(e.indent)
	}
}

func (e *encoder) encode(v vm.Value, level int) error {
	v = vm.NumPayload(v) // int and float subclasses (IntEnum) encode by value
	e.depth++
	defer func() { e.depth-- }()
	if e.depth > e.th.RecursionLimit() {
		return vm.NewError(vm.RecursionErrorType, "maximum recursion depth exceeded while encoding a JSON object")
	}
	switch {
	case v.IsNone():
		e.sb.WriteString("null")
		return nil
	case v.IsBool():
		if v.AsBool() {
			e.sb.WriteString("true")
		} else {
			e.sb.WriteString("false")
		}
		return nil
	case v.IsFloat():
		s, err := e.floatStr(v.AsFloat())
		e.sb.WriteString(s)
		return err
	}
	if s, ok := intStr(v); ok {
		e.sb.WriteString(s)
		return nil
	}
	switch o := v.Object().(type) {
	case *vm.Str:
		e.sb.WriteString(jsonscan.Quote(o.String(), e.ensureASCII))
		return nil
	case *vm.List:
		return e.encodeList(o, o.Items, level)
	case *vm.Tuple:
		return e.encodeList(o, o.Items, level)
	case *vm.Dict:
		return e.encodeDict(o, level)
	}
	if e.dflt.IsNull() {
		return vm.NewError(vm.TypeErrorType, "Object of type %s is not JSON serializable", v.Type().Name)
	}
	if err := e.enter(v.Object()); err != nil {
		return err
	}
	r, err := e.th.Call(e.dflt, []vm.Value{v}, nil)
	if err != nil {
		return err
	}
	err = e.encode(r, level)
	e.leave()
	return err
}

func (e *encoder) encodeList(o vm.Object, items []vm.Value, level int) error {
	if len(items) == 0 {
		e.sb.WriteString("[]")
		return nil
	}
	if err := e.enter(o); err != nil {
		return err
	}
	e.sb.WriteByte('[')
	if e.hasIndent {
		level++
		e.newline(level)
	}
	for i, it := range items {
		if i > 0 {
			e.sb.WriteString(e.itemSep)
			if e.hasIndent {
				e.newline(level)
			}
		}
		if err := e.encode(it, level); err != nil {
			return err
		}
	}
	if e.hasIndent {
		e.newline(level - 1)
	}
	e.sb.WriteByte(']')
	e.leave()
	return nil
}

// keyStr converts a dict key as json does; skip reports a key to leave out.
func (e *encoder) keyStr(k vm.Value) (s string, skip bool, err error) {
	k = vm.NumPayload(k)
	switch {
	case k.IsNone():
		return "null", false, nil
	case k.IsBool():
		if k.AsBool() {
			return "true", false, nil
		}
		return "false", false, nil
	case k.IsFloat():
		s, err := e.floatStr(k.AsFloat())
		return s, false, err
	}
	if s, ok := k.Object().(*vm.Str); ok {
		return s.String(), false, nil
	}
	if s, ok := intStr(k); ok {
		return s, false, nil
	}
	if e.skipKeys {
		return "", true, nil
	}
	return "", false, vm.NewError(vm.TypeErrorType, "keys must be str, int, float, bool or None, not %s", k.Type().Name)
}

func (e *encoder) encodeDict(d *vm.Dict, level int) error {
	if d.Len() == 0 {
		e.sb.WriteString("{}")
		return nil
	}
	if err := e.enter(d); err != nil {
		return err
	}
	var keys, vals []vm.Value
	d.Items(func(k, v vm.Value) bool {
		keys = append(keys, k)
		vals = append(vals, v)
		return true
	})
	if e.sortKeys {
		order := make([]vm.Value, len(keys))
		for i := range keys {
			order[i] = vm.NewTuple([]vm.Value{keys[i], vals[i]})
		}
		if err := vm.SortValues(e.th, order, vm.NULL, false); err != nil {
			return err
		}
		for i, p := range order {
			t := p.Object().(*vm.Tuple)
			keys[i], vals[i] = t.Items[0], t.Items[1]
		}
	}
	e.sb.WriteByte('{')
	if e.hasIndent {
		level++
		e.newline(level)
	}
	first := true
	for i, k := range keys {
		ks, skip, err := e.keyStr(k)
		if err != nil {
			return err
		}
		if skip {
			continue
		}
		if !first {
			e.sb.WriteString(e.itemSep)
			if e.hasIndent {
				e.newline(level)
			}
		}
		first = false
		e.sb.WriteString(jsonscan.Quote(ks, e.ensureASCII))
		e.sb.WriteString(e.keySep)
		if err := e.encode(vals[i], level); err != nil {
			return err
		}
	}
	if e.hasIndent {
		e.newline(level - 1)
	}
	e.sb.WriteByte('}')
	e.leave()
	return nil
}
