package asyncio

import "github.com/pya-lang/pya/vm"

// streamErrorsSource defines the stream errors of asyncio.exceptions as
// CPython 3.11 does there (asyncio.streams re-exports them). They are
// classes of the interpreter's asyncio.exceptions module, which asyncio
// registers in sys.modules, so that asyncio.IncompleteReadError,
// asyncio.exceptions.IncompleteReadError and the one asyncio.streams
// raises are one class.
const streamErrorsSource = `
class IncompleteReadError(EOFError):
    """Incomplete read error. Attributes:

    - partial: read bytes string before the end of stream was reached
    - expected: total number of expected bytes (or None if unknown)
    """
    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of '
                         f'{r_expected} expected bytes')
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """Reached the buffer limit while looking for a separator.

    Attributes:
    - consumed: total number of to be consumed bytes.
    """
    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


__all__ = ('BrokenBarrierError',
           'CancelledError', 'InvalidStateError', 'TimeoutError',
           'IncompleteReadError', 'LimitOverrunError',
           'SendfileNotAvailableError')
`

// initExceptions fills asyncio.exceptions.
func initExceptions(th *vm.Thread, m *vm.Module) error {
	for name, t := range exceptionNames() {
		m.Dict.SetStr(name, vm.ObjectValue(t))
	}
	if _, ok := m.Dict.GetStr("__name__"); !ok {
		m.Dict.SetStr("__name__", vm.NewStr("asyncio.exceptions")) // the classes' __module__
	}
	return vm.ExecSource(th, m, "<frozen asyncio.exceptions>", []byte(streamErrorsSource))
}
