package main

import "github.com/pya-lang/pya/vm"

// configureClock selects the asyncio clock ("real" or "virtual") of an
// interpreter. HOOK: waiting for the runtime's clock API (runtime/); until
// it lands the choice is parsed and validated but not applied.
func configureClock(in *vm.Interpreter, clock string) error {
	_ = in
	_ = clock
	return nil
}
