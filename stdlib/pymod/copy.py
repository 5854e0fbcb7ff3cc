"""Shallow and deep copy operations (CPython's copy module, in pya)."""


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, str, bytes, type, range, type(len),
           type(Ellipsis), type(NotImplemented), frozenset)


def copy(x):
    cls = type(x)
    if cls in _atomic or isinstance(x, type):
        return x
    if cls in (list, dict, set, bytearray):
        return x.copy()
    if cls is tuple:
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic or isinstance(x, type) or callable(x) and hasattr(x, '__code__'):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = {deepcopy(a, memo) for a in x}
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
    return y


def _reconstruct(x, memo):
    """Rebuilds x as CPython's copy does from x.__reduce_ex__(4): a class
    defining __reduce_ex__ or __reduce__ decides; otherwise the object is
    made by cls.__new__(cls, *x.__getnewargs__()), gets its state
    (__getstate__, else __dict__) through __setstate__ or __dict__.update,
    then its items through append (lists) and item assignment (dicts)."""
    deep = memo is not None
    cls = type(x)
    reductor = getattr(cls, '__reduce_ex__', None)
    if reductor is not None:
        rv = x.__reduce_ex__(4)
    else:
        reductor = getattr(cls, '__reduce__', None)
        rv = x.__reduce__() if reductor is not None else None
    if isinstance(rv, str):
        return x
    if rv is not None:
        return _rebuild(x, memo, *rv)
    getnewargs = getattr(x, '__getnewargs__', None)
    args = getnewargs() if getnewargs is not None else ()
    if deep and args:
        args = deepcopy(args, memo)
    y = cls.__new__(cls, *args)
    getstate = getattr(x, '__getstate__', None)
    state = getstate() if getstate is not None else _state(x, cls)
    listiter = iter(x) if isinstance(x, list) else None
    dictiter = iter(x.items()) if isinstance(x, dict) else None
    return _finish(y, memo, id(x), state, listiter, dictiter)


def _state(x, cls):
    """object.__getstate__: the instance dict (None when empty), paired
    with the set __slots__ values when the class has slots."""
    state = getattr(x, '__dict__', None) or None
    slots = {}
    for c in cls.__mro__:
        names = c.__dict__.get('__slots__', ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_' + c.__name__.lstrip('_') + name
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    if slots:
        return (state, slots)
    return state


def _rebuild(x, memo, func, args, state=None, listiter=None, dictiter=None, *rest):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    return _finish(y, memo, id(x), state, listiter, dictiter)


def _finish(y, memo, xid, state, listiter, dictiter):
    deep = memo is not None
    if deep:
        memo[xid] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
