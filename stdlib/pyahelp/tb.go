package pyahelp

import (
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// tb_entries(tb) returns one tuple per entry of a traceback object:
// (filename, lineno, name, end_lineno, colno, end_colno, formatted), with
// 0-based columns as FrameSummary has them (None when unknown) and the
// entry as traceback.format_tb renders it (carets included).
func tbEntries(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("tb_entries", args, kwnames, 1); err != nil {
		return vm.NULL, err
	}
	if args[0].IsNone() {
		return vm.NewList(nil), nil
	}
	entries, ok := vm.TracebackEntries(args[0])
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "expected a traceback, not %s", args[0].Type().Name)
	}
	out := make([]vm.Value, len(entries))
	for i, te := range entries {
		col, endCol, endLine := vm.None, vm.None, vm.None
		if te.Col > 0 && te.EndCol > 0 {
			col, endCol = vm.Int(int64(te.Col-1)), vm.Int(int64(te.EndCol-1))
		}
		if te.EndLine > 0 {
			endLine = vm.Int(int64(te.EndLine))
		}
		formatted := vm.NewStr("  File \"" + te.File + "\", line " + itoa(te.Line) + ", in " + te.Name + "\n")
		if th.Interp != nil {
			formatted = vm.NewStr(th.Interp.FormatTraceEntry(te))
		}
		out[i] = vm.NewTuple([]vm.Value{vm.NewStr(te.File), vm.Int(int64(te.Line)), vm.NewStr(te.Name), endLine, col, endCol, formatted})
	}
	return vm.NewList(out), nil
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
