"""signal: set handlers for asynchronous events (CPython's signal.py over
pya's native _signal). Signal numbers are Signals members and the SIG_DFL
and SIG_IGN handlers Handlers members, as in CPython."""

import _signal
from _signal import *
from enum import IntEnum as _IntEnum


def _convert(name, pred):
    # enum's _convert_: the module's constants become members of an IntEnum
    # (sorted by value, then name: the first name of an alias wins) and
    # replace the plain ints in the module.
    g = globals()
    members = sorted(((n, v) for n, v in g.items() if isinstance(v, int) and pred(n)),
                     key=lambda t: (t[1], t[0]))
    cls = _IntEnum(name, members, module=__name__)
    for n, v in members:
        g[n] = cls[n]
    g[name] = cls
    return cls


_convert('Signals', lambda name: name.isupper()
         and (name.startswith('SIG') and not name.startswith('SIG_'))
         or name.startswith('CTRL_'))
_convert('Handlers', lambda name: name in ('SIG_DFL', 'SIG_IGN'))
_convert('Sigmasks', lambda name: name in ('SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'))


def _int_to_enum(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def _wraps(wrapped):
    def decorator(wrapper):
        wrapper.__doc__ = wrapped.__doc__
        return wrapper
    return decorator


@_wraps(_signal.signal)
def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.getsignal)
def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


def valid_signals():
    return {_int_to_enum(x, Signals) for x in list(range(1, 32)) + list(range(34, NSIG))}


def strsignal(signalnum):
    return _signal.strsignal(signalnum)


del _convert, _wraps
