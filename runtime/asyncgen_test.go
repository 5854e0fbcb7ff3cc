package runtime

import (
	"testing"

	"github.com/pya-lang/pya/vm"
)

type fakeAgen struct{ o *out }

var fakeAgenType = vm.MakeNativeType("async_generator", "builtins", nil)

func (*fakeAgen) Type() *vm.Type { return fakeAgenType }

func init() {
	fakeAgenType.AddMethods(map[string]vm.NativeFunc{
		"aclose": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			g := args[0].Object().(*fakeAgen)
			return coro(func(y *Y) (vm.Value, error) {
				g.o.p("agen closed")
				return vm.None, nil
			}), nil
		},
	})
}

// Async generators first iterated on the loop are aclose()d by asyncio.run's
// shutdown, after main returned and before run does.
func TestShutdownAsyncgens(t *testing.T) {
	th := newTestThread()
	var o out
	main := coro(func(y *Y) (vm.Value, error) {
		TrackAsyncGen(th, vm.ObjectValue(&fakeAgen{o: &o}))
		o.p("main returns")
		return vm.None, nil
	})
	if _, err := Run(th, main); err != nil {
		t.Fatal(err)
	}
	o.p("run returned")
	o.check(t, `
main returns
agen closed
run returned`)
}
