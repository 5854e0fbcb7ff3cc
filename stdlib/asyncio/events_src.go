package asyncio

import (
	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// eventsSource is the event loop policy part of asyncio.events (and
// unix_events' default policy): get_event_loop_policy() and its methods
// over pya's loop functions; and unix_events' add_signal_handler and
// remove_signal_handler over the signal module. A policy set with set_event_loop_policy is
// returned by get_event_loop_policy; asyncio's own functions keep using
// pya's loop (they do not consult a custom policy).
const eventsSource = `
import asyncio as _asyncio


class AbstractEventLoopPolicy:
    """Abstract policy for accessing the event loop."""

    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError

    def get_child_watcher(self):
        raise NotImplementedError

    def set_child_watcher(self, watcher):
        raise NotImplementedError


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):

    _loop_factory = None

    def get_event_loop(self):
        return _asyncio.get_event_loop()

    def set_event_loop(self, loop):
        _asyncio.set_event_loop(loop)

    def new_event_loop(self):
        return _asyncio.new_event_loop()


class _UnixDefaultEventLoopPolicy(BaseDefaultEventLoopPolicy):
    """UNIX event loop policy with a watcher for child processes."""


_UnixDefaultEventLoopPolicy.__module__ = 'asyncio.unix_events'
DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy

_event_loop_policy = None


def get_event_loop_policy():
    """Get the current event loop policy."""
    global _event_loop_policy
    if _event_loop_policy is None:
        _event_loop_policy = DefaultEventLoopPolicy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    """Set the current event loop policy.

    If policy is None, the default policy is restored."""
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _event_loop_policy = policy


# loop.add_signal_handler / remove_signal_handler (unix_events): the
# callback runs in the loop, scheduled from the signal module's handler.
_signal_handlers = {}


def _check_signal(sig):
    import signal
    if not isinstance(sig, int):
        raise TypeError(f'sig must be an int, not {sig!r}')
    if sig not in signal.valid_signals():
        raise ValueError(f'invalid signal number {sig}')


def _add_signal_handler(loop, sig, callback, *args):
    import signal
    if _asyncio.iscoroutine(callback) or _asyncio.iscoroutinefunction(callback):
        raise TypeError("coroutines cannot be used with add_signal_handler()")
    _check_signal(sig)
    if loop.is_closed():
        raise RuntimeError('Event loop is closed')
    if sig in (signal.SIGKILL, signal.SIGSTOP):
        raise RuntimeError(f'sig {sig:d} cannot be caught')

    def _handler(signum, frame):
        handle = _signal_handlers.get((loop, signum))
        if handle is not None:
            loop.call_soon_threadsafe(handle[0], *handle[1])

    _signal_handlers[(loop, sig)] = (callback, args)
    signal.signal(sig, _handler)


def _remove_signal_handler(loop, sig):
    import signal
    _check_signal(sig)
    if _signal_handlers.pop((loop, sig), None) is None:
        return False
    if sig == signal.SIGINT:
        handler = signal.default_int_handler
    else:
        handler = signal.SIG_DFL
    signal.signal(sig, handler)
    return True
`

func init() {
	vm.RegisterModule("asyncio.events", func(th *vm.Thread, m *vm.Module) error {
		return vm.ExecSource(th, m, "<frozen asyncio.events>", []byte(eventsSource))
	})
	for _, n := range []string{"AbstractEventLoopPolicy", "DefaultEventLoopPolicy", "get_event_loop_policy", "set_event_loop_policy"} {
		ioNames[n] = "asyncio.events"
	}
	methods(runtime.LoopType, map[string]vm.NativeFunc{
		"add_signal_handler":    loopModuleCall("asyncio.events", "add_signal_handler", "_add_signal_handler"),
		"remove_signal_handler": loopModuleCall("asyncio.events", "remove_signal_handler", "_remove_signal_handler"),
	})
}
