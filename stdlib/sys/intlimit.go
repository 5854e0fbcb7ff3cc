package sys

import (
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/stdlib/internal/structseq"
	"github.com/pya-lang/pya/vm"
)

// sys.int_info and the interpreter's limit on int <-> decimal str
// conversions (sys.set_int_max_str_digits; see vm/int_str_limit.go).

// IntInfoType is the type of sys.int_info.
var IntInfoType = structseq.NewType("int_info", "sys", []string{"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"}, 4)

func intInfo() vm.Value {
	return structseq.New(IntInfoType, []vm.Value{vm.Int(30), vm.Int(4), vm.Int(4300), vm.Int(vm.MaxStrDigitsThreshold)})
}

var intLimitFuncs = map[string]vm.NativeFunc{
	"get_int_max_str_digits": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		if err := pyarg.NoArgs("get_int_max_str_digits", args, kwnames); err != nil {
			return vm.NULL, err
		}
		return vm.Int(int64(th.Interp.IntMaxStrDigits())), nil
	},
	"set_int_max_str_digits": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		var n vm.Value
		if err := vm.ParseArgs("set_int_max_str_digits", args, kwnames, []string{"maxdigits"}, &n); err != nil {
			return vm.NULL, err
		}
		if n.IsFloat() {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "'float' object cannot be interpreted as an integer")
		}
		i, err := pyarg.Int(th, n)
		if err != nil {
			return vm.NULL, err
		}
		return vm.None, th.Interp.SetIntMaxStrDigits(i)
	},
}
