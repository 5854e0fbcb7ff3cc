"""Print or format exceptions and their tracebacks (a pya subset of
CPython's traceback module, using the interpreter's own formatting)."""

import sys
import _pya


def _exc_of(exc, value):
    if value is not None and not isinstance(exc, BaseException):
        return value
    if isinstance(exc, BaseException):
        return exc
    if exc is None and value is None:
        return None
    return value


def format_exception(exc, /, value=None, tb=None, limit=None, chain=True):
    e = _exc_of(exc, value)
    if e is None:
        return ['NoneType: None\n']
    return _pya.format_exception(e)


def format_exception_only(exc, /, value=None):
    e = _exc_of(exc, value)
    if e is None:
        return ['NoneType: None\n']
    return _pya.format_exception_only(e)


def print_exception(exc, /, value=None, tb=None, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, 'last_value'):
        raise ValueError('no last exception')
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


def format_tb(tb, limit=None):
    return []


def print_tb(tb, limit=None, file=None):
    pass


def extract_stack(f=None, limit=None):
    return []


def format_stack(f=None, limit=None):
    return []


def print_stack(f=None, limit=None, file=None):
    pass
