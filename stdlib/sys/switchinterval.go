package sys

import (
	"math"

	pyrt "github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// sys.getswitchinterval() / sys.setswitchinterval(interval): how long a
// thread waiting for the GIL lets the running thread keep it before asking
// it to switch (runtime.GIL), in seconds, kept in whole microseconds.

func getswitchinterval(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoArgs("sys.getswitchinterval", args, kwnames); err != nil {
		return vm.NULL, err
	}
	return vm.Float(float64(pyrt.CurrentGIL(th).SwitchIntervalMicros()) / 1e6), nil
}

func setswitchinterval(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if len(kwnames) > 0 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "sys.setswitchinterval() takes no keyword arguments")
	}
	if len(args) != 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "sys.setswitchinterval() takes exactly one argument (%d given)", len(args))
	}
	f, ok := pyarg.Float(args[0])
	if !ok {
		var err error
		if f, err = pyarg.ToFloat(th, args[0]); err != nil {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "must be real number, not %s", args[0].Type().Name)
		}
	}
	if f <= 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "switch interval must be strictly positive")
	}
	us := int64(math.MaxInt64) // NaN passes CPython's check too
	if f*1e6 < math.MaxInt64 {
		us = int64(f * 1e6)
	}
	pyrt.CurrentGIL(th).SetSwitchIntervalMicros(us)
	return vm.None, nil
}
