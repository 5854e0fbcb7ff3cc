"""atexit: functions registered here run when the interpreter exits (after
the main module ends, an uncaught exception is reported or sys.exit), last
registered first, as in CPython. The interpreter calls _run_exitfuncs."""

_exithandlers = []


def register(func, /, *args, **kwargs):
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    _exithandlers.clear()


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            import sys
            import traceback
            sys.stderr.write(f'Exception ignored in atexit callback: {func!r}\n')
            exc = exc.with_traceback(exc.__traceback__.tb_next)
            sys.stderr.write(''.join(traceback.format_exception(exc)))
