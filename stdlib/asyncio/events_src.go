package asyncio

import "github.com/pya-lang/pya/vm"

// eventsSource is the event loop policy part of asyncio.events (and
// unix_events' default policy): get_event_loop_policy() and its methods
// over pya's loop functions. A policy set with set_event_loop_policy is
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
`

func init() {
	vm.RegisterModule("asyncio.events", func(th *vm.Thread, m *vm.Module) error {
		return vm.ExecSource(th, m, "<frozen asyncio.events>", []byte(eventsSource))
	})
	for _, n := range []string{"AbstractEventLoopPolicy", "DefaultEventLoopPolicy", "get_event_loop_policy", "set_event_loop_policy"} {
		ioNames[n] = "asyncio.events"
	}
}
