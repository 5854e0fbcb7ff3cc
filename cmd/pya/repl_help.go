package main

import (
	"fmt"
	"strings"

	"github.com/pya-lang/pya/vm"
)

// replHelp is what help() prints in the REPL.
const replHelp = `pya REPL: type statements and expressions; results are echoed with repr()
and bound to _. A compound statement (if, for, def, ...) ends at a blank line.
asyncio is imported and its event loop keeps running between prompts: use
"await" directly (await asyncio.sleep(1)), and tasks created with
asyncio.create_task() go on running while you type.
Keys: Up/Down history, Ctrl-R search, Tab completion, Ctrl-C interrupts,
Ctrl-D (or exit()) leaves. help(obj) shows obj's docstring.
`

// helperType is the type of help, as CPython's _sitebuiltins._Helper:
// its repr says how to use it.
var helperType = func() *vm.Type {
	t := vm.MakeNativeType("_Helper", "_sitebuiltins", nil)
	t.Repr = func(*vm.Thread, vm.Value) (string, error) {
		return "Type help() for interactive help, or help(object) for help about object.", nil
	}
	t.Call = func(th *vm.Thread, callee vm.Value, args []vm.Value, kwnames []string) (vm.Value, error) {
		return callee.Object().(*helper).r.help(th, args, kwnames)
	}
	return t
}()

// helper is the REPL's help object.
type helper struct{ r *repl }

func (*helper) Type() *vm.Type { return helperType }

// help is help(): help() explains the REPL, help(obj) prints obj's
// docstring.
func (r *repl) help(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if len(kwnames) > 0 || len(args) > 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "help() takes at most 1 argument (%d given)", len(args)+len(kwnames))
	}
	if len(args) == 0 {
		fmt.Fprint(r.out, replHelp)
		return vm.None, nil
	}
	obj := args[0]
	name := vm.TypeName(obj)
	if n, err := vm.LookupAttr(th, obj, "__name__"); err == nil && vm.AsStr(n) != nil {
		name = vm.AsStr(n).String()
	}
	doc := ""
	if d, err := vm.LookupAttr(th, obj, "__doc__"); err == nil && vm.AsStr(d) != nil {
		doc = vm.AsStr(d).String()
	}
	if doc == "" {
		doc = "(no documentation)"
	}
	fmt.Fprintf(r.out, "Help on %s:\n\n%s\n", name, strings.TrimRight(doc, "\n"))
	return vm.None, nil
}
