"""_weakref for pya: ref, proxy and the helpers CPython's weakref.py and
_weakrefset.py import, on top of _pyaweak's weak handles. A referent is seen
dead once Go's collector freed it (gc.collect() forces a collection); the
callbacks of refs to dead objects run at gc.collect() and when new refs are
made, not at the moment the last reference goes away as in CPython."""

import _pyaweak
from types import GenericAlias as _GenericAlias


def _run_callbacks(scan=False):
    for r in _pyaweak.dead(scan):
        cb = r.__callback__
        if cb is not None:
            try:
                cb(r)
            except Exception as exc:
                import sys
                import traceback
                sys.stderr.write(f'Exception ignored in: {cb!r}\n')
                sys.stderr.write(''.join(traceback.format_exception(exc)))


class ReferenceType:
    """ref(object[, callback]): a weak reference to object; calling it
    returns the object, or None once it was collected."""

    def __new__(cls, ob, callback=None, /, *args, **kwargs):
        self = object.__new__(cls)
        self._pya_handle = _pyaweak.new(ob, self)
        self._pya_callback = callback
        self._pya_hash = None
        _run_callbacks()
        return self

    def __init__(self, ob, callback=None, /):
        pass

    @property
    def __callback__(self):
        return self._pya_callback

    def __call__(self):
        return _pyaweak.get(self._pya_handle)

    def __hash__(self):
        if self._pya_hash is None:
            ob = self()
            if ob is None:
                raise TypeError('weak object has gone away')
            self._pya_hash = hash(ob)
        return self._pya_hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is not other
        return a != b

    def __repr__(self):
        ob = self()
        if ob is None:
            return f'<weakref at {id(self):#x}; dead>'
        name = getattr(ob, '__name__', None)
        s = f'<weakref at {id(self):#x}; to {type(ob).__name__!r} at {id(ob):#x}'
        if isinstance(name, str):
            s += f' ({name})'
        return s + '>'

    __class_getitem__ = classmethod(_GenericAlias)


ReferenceType.__name__ = ReferenceType.__qualname__ = 'ReferenceType'
ref = ReferenceType


def _proxy_target(p):
    ob = object.__getattribute__(p, '_pya_ref')()
    if ob is None:
        raise ReferenceError('weakly-referenced object no longer exists')
    return ob


class ProxyType:
    """proxy(object[, callback]): stands for object, which it does not keep
    alive; using it after the object died raises ReferenceError."""

    def __init__(self, ob, callback=None):
        object.__setattr__(self, '_pya_ref', ref(ob, None if callback is None else (lambda r: callback(self))))

    def __getattribute__(self, name):
        return getattr(_proxy_target(self), name)

    def __setattr__(self, name, value):
        setattr(_proxy_target(self), name, value)

    def __delattr__(self, name):
        delattr(_proxy_target(self), name)

    def __repr__(self):
        ob = _proxy_target(self)
        return f'<weakproxy at {id(self):#x}; to {type(ob).__name__!r} at {id(ob):#x}>'

    def __str__(self):
        return str(_proxy_target(self))

    def __bool__(self):
        return bool(_proxy_target(self))

    def __len__(self):
        return len(_proxy_target(self))

    def __iter__(self):
        return iter(_proxy_target(self))

    def __getitem__(self, key):
        return _proxy_target(self)[key]

    def __setitem__(self, key, value):
        _proxy_target(self)[key] = value

    def __contains__(self, item):
        return item in _proxy_target(self)

    def __eq__(self, other):
        return _proxy_target(self) == other

    def __lt__(self, other):
        return _proxy_target(self) < other

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.ProxyType'")


class CallableProxyType(ProxyType):
    def __call__(self, *args, **kwargs):
        return _proxy_target(self)(*args, **kwargs)


def proxy(ob, callback=None, /):
    if callable(ob):
        return CallableProxyType(ob, callback)
    return ProxyType(ob, callback)


def getweakrefs(ob, /):
    return _pyaweak.refs(ob)


def getweakrefcount(ob, /):
    return len(_pyaweak.refs(ob))


def _remove_dead_weakref(d, key, /):
    try:
        wr = d[key]
    except KeyError:
        return
    if wr() is None:
        del d[key]
