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
    cls = type(x)
    if isinstance(x, tuple) and hasattr(x, '_fields'):
        items = [deepcopy(a, memo) for a in x] if memo is not None else list(x)
        return cls._make(items)
    if isinstance(x, dict):
        y = cls.__new__(cls)
        if memo is not None:
            memo[id(x)] = y
        for k, v in x.items():
            dict.__setitem__(y, deepcopy(k, memo) if memo is not None else k,
                             deepcopy(v, memo) if memo is not None else v)
    elif isinstance(x, list):
        y = cls.__new__(cls)
        if memo is not None:
            memo[id(x)] = y
        for v in x:
            list.append(y, deepcopy(v, memo) if memo is not None else v)
    elif hasattr(cls, '__getnewargs__'):
        y = cls.__new__(cls, *x.__getnewargs__())
        if memo is not None:
            memo[id(x)] = y
    else:
        y = object.__new__(cls)
        if memo is not None:
            memo[id(x)] = y
    state = getattr(x, '__dict__', None)
    if state:
        if memo is not None:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            y.__dict__.update(state)
    return y
