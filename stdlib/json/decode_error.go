package json

import (
	"fmt"

	"github.com/pya-lang/pya/vm"
)

// JSONDecodeErrorType is json.JSONDecodeError (a ValueError).
var JSONDecodeErrorType = vm.NewExceptionType("JSONDecodeError", "json.decoder", vm.ValueErrorType)

func init() {
	JSONDecodeErrorType.Init = decodeErrorInit
	JSONDecodeErrorType.AddMethods(map[string]vm.NativeFunc{
		"__init__": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
			return vm.None, decodeErrorInit(th, args[0], args[1:], kwnames)
		},
	})
}

// decodeErrorInit is CPython's JSONDecodeError.__init__(msg, doc, pos): the
// message gets "line L column C (char P)" (pos counts characters of doc) and
// msg, doc, pos, lineno and colno become attributes.
func decodeErrorInit(th *vm.Thread, self vm.Value, args []vm.Value, kwnames []string) error {
	var msg, doc, pos vm.Value
	if err := vm.ParseArgs("JSONDecodeError.__init__", args, kwnames, []string{"msg", "doc", "pos"}, &msg, &doc, &pos); err != nil {
		return err
	}
	d, ok := doc.Object().(*vm.Str)
	if !ok {
		return vm.NewError(vm.TypeErrorType, "JSONDecodeError() argument 'doc' must be str, not %s", doc.Type().Name)
	}
	if !pos.IsInt() {
		return vm.NewError(vm.TypeErrorType, "JSONDecodeError() argument 'pos' must be int, not %s", pos.Type().Name)
	}
	lineno, colno := lineCol([]rune(d.String()), int(pos.AsInt()))
	m, err := vm.ToStr(th, msg)
	if err != nil {
		return err
	}
	text := fmt.Sprintf("%s: line %d column %d (char %d)", m, lineno, colno, pos.AsInt())
	if err := vm.ValueErrorType.Init(th, self, []vm.Value{vm.NewStr(text)}, nil); err != nil {
		return err
	}
	for _, kv := range []struct {
		k string
		v vm.Value
	}{
		{"msg", msg}, {"doc", doc}, {"pos", pos},
		{"lineno", vm.Int(int64(lineno))}, {"colno", vm.Int(int64(colno))},
	} {
		if err := vm.SetAttr(th, self, kv.k, kv.v); err != nil {
			return err
		}
	}
	return nil
}

// lineCol is doc.count('\n', 0, pos) + 1 and pos - doc.rfind('\n', 0, pos)
// with Python's clamping of pos to the string.
func lineCol(doc []rune, pos int) (int, int) {
	end := pos
	if end < 0 {
		end += len(doc)
		if end < 0 {
			end = 0
		}
	}
	if end > len(doc) {
		end = len(doc)
	}
	line, last := 1, -1
	for i, r := range doc[:end] {
		if r == '\n' {
			line, last = line+1, i
		}
	}
	return line, pos - last
}
