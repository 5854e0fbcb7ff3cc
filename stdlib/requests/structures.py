# requests.structures: CaseInsensitiveDict and LookupDict, as in requests.
from collections.abc import Mapping, MutableMapping


class CaseInsensitiveDict:
    """A dict whose keys compare case-insensitively; it remembers the case
    of the last key set, and repr shows a plain dict. (A MutableMapping,
    registered: it defines the mixin methods itself.)"""

    def __init__(self, data=None, **kwargs):
        self._store = {}
        if data is None:
            data = {}
        self.update(data, **kwargs)

    def __setitem__(self, key, value):
        self._store[key.lower()] = (key, value)

    def __getitem__(self, key):
        return self._store[key.lower()][1]

    def __delitem__(self, key):
        del self._store[key.lower()]

    def __iter__(self):
        return (casedkey for casedkey, mappedvalue in self._store.values())

    def __len__(self):
        return len(self._store)

    def lower_items(self):
        return ((lowerkey, keyval[1]) for (lowerkey, keyval) in self._store.items())

    def __eq__(self, other):
        if isinstance(other, Mapping):
            other = CaseInsensitiveDict(other)
        else:
            return NotImplemented
        return dict(self.lower_items()) == dict(other.lower_items())

    def copy(self):
        return CaseInsensitiveDict(self._store.values())

    def __contains__(self, key):
        return key.lower() in self._store

    def get(self, key, default=None):
        v = self._store.get(key.lower())
        return default if v is None else v[1]

    def keys(self):
        return [k for k, _ in self._store.values()]

    def values(self):
        return [v for _, v in self._store.values()]

    def items(self):
        return list(self._store.values())

    _marker = object()

    def pop(self, key, default=_marker):
        try:
            v = self._store.pop(key.lower())[1]
        except KeyError:
            if default is self._marker:
                raise KeyError(key) from None
            return default
        return v

    def popitem(self):
        return self._store.popitem()[1]

    def clear(self):
        self._store.clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), **kwargs):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    __hash__ = None

    def __repr__(self):
        return str(dict(self.items()))


MutableMapping.register(CaseInsensitiveDict)


class LookupDict(dict):
    """Dictionary lookup object (requests.codes)."""

    def __init__(self, name=None):
        self.name = name
        super().__init__()

    def __repr__(self):
        return f"<lookup '{self.name}'>"

    def __getitem__(self, key):
        return self.__dict__.get(key, None)

    def get(self, key, default=None):
        return self.__dict__.get(key, default)
