package runtime

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pya-lang/pya/vm"
)

// A task whose exception nobody retrieves is reported when asyncio.run
// ends; when main itself fails, the report waits for Finalize (after the
// traceback), as in CPython.
func TestNeverRetrievedReports(t *testing.T) {
	for _, failing := range []bool{false, true} {
		var stderr bytes.Buffer
		in := vm.NewInterpreter(vm.Config{Stderr: &stderr})
		ConfigureInterpreter(in, VirtualClockKind, &stderr)
		th := in.Thread()
		main := coro(func(y *Y) (vm.Value, error) {
			mustTask(t, th, coro(func(y *Y) (vm.Value, error) {
				return vm.NULL, vm.NewError(vm.ValueErrorType, "lost")
			}))
			if err := y.Sleep(1); err != nil {
				return vm.NULL, err
			}
			if failing {
				return vm.NULL, vm.NewError(vm.KeyErrorType, "main")
			}
			return vm.None, nil
		})
		_, err := Run(th, main)
		if (err != nil) != failing {
			t.Fatalf("failing=%v: err %v", failing, err)
		}
		reported := strings.Contains(stderr.String(), "Task exception was never retrieved")
		if reported == failing {
			t.Errorf("failing=%v: reported before Finalize: %v\n%s", failing, reported, stderr.String())
		}
		Finalize(in)
		if !strings.Contains(stderr.String(), "Task exception was never retrieved\nfuture: <Task finished name='Task-2'") ||
			!strings.HasSuffix(stderr.String(), "ValueError: lost\n") {
			t.Errorf("failing=%v: report:\n%s", failing, stderr.String())
		}
		ForgetInterpreter(in)
	}
}
