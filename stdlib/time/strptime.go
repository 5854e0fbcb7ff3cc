package time

import "github.com/pya-lang/pya/vm"

// strptime is time.strptime: CPython's pure-Python _strptime (a pya-source
// module, shared with datetime.strptime) does the parsing.
func strptime(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	mod, err := th.Import("_strptime", nil, vm.None, 0)
	if err != nil {
		return vm.NULL, err
	}
	fn, err := vm.GetAttr(th, mod, "_strptime_time")
	if err != nil {
		return vm.NULL, err
	}
	return th.Call(fn, args, kwnames)
}
