"""Abstract base classes for containers (collections.abc), in pya."""

from abc import ABCMeta, abstractmethod

__all__ = ["Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container",
           "Callable", "Collection", "Set", "MutableSet", "Mapping", "MutableMapping",
           "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence", "MutableSequence",
           "ByteString"]


def _check_methods(C, *methods):
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


def _abc(name, methods, bases=(), abstract=()):
    def hook(cls, C):
        if cls is ns_cls[0]:
            return _check_methods(C, *methods)
        return NotImplemented
    ns = {'__module__': 'collections.abc', '__slots__': (), '__subclasshook__': classmethod(hook)}
    for m in abstract:
        def f(self, *args):
            raise NotImplementedError
        f.__name__ = m
        ns[m] = abstractmethod(f)
    ns_cls = []
    cls = ABCMeta(name, bases, ns)
    ns_cls.append(cls)
    return cls


Hashable = _abc('Hashable', ('__hash__',), abstract=('__hash__',))
Awaitable = _abc('Awaitable', ('__await__',), abstract=('__await__',))
Coroutine = _abc('Coroutine', ('__await__', 'send', 'throw', 'close'), (Awaitable,), ('send', 'throw'))
AsyncIterable = _abc('AsyncIterable', ('__aiter__',), abstract=('__aiter__',))
AsyncIterator = _abc('AsyncIterator', ('__anext__', '__aiter__'), (AsyncIterable,), ('__anext__',))
AsyncGenerator = _abc('AsyncGenerator', ('__aiter__', '__anext__', 'asend', 'athrow', 'aclose'), (AsyncIterator,), ('asend', 'athrow'))
Iterable = _abc('Iterable', ('__iter__',), abstract=('__iter__',))
Iterator = _abc('Iterator', ('__iter__', '__next__'), (Iterable,), ('__next__',))
Reversible = _abc('Reversible', ('__reversed__', '__iter__'), (Iterable,), ('__reversed__',))
Generator = _abc('Generator', ('__iter__', '__next__', 'send', 'throw', 'close'), (Iterator,), ('send', 'throw'))
Sized = _abc('Sized', ('__len__',), abstract=('__len__',))
Container = _abc('Container', ('__contains__',), abstract=('__contains__',))
Collection = _abc('Collection', ('__len__', '__iter__', '__contains__'), (Sized, Iterable, Container))
Callable = _abc('Callable', ('__call__',), abstract=('__call__',))
Set = _abc('Set', ('__len__', '__iter__', '__contains__', 'isdisjoint'), (Collection,))
MutableSet = _abc('MutableSet', ('__len__', '__iter__', '__contains__', 'add', 'discard'), (Set,), ('add', 'discard'))
Mapping = _abc('Mapping', ('__getitem__', '__len__', '__iter__', 'keys', 'items', 'values', 'get'), (Collection,), ('__getitem__',))
MutableMapping = _abc('MutableMapping', ('__getitem__', '__setitem__', '__delitem__', '__len__', '__iter__', 'keys', 'pop', 'update'), (Mapping,), ('__setitem__', '__delitem__'))
MappingView = _abc('MappingView', ('__len__',), (Sized,))
KeysView = _abc('KeysView', ('__len__', '__iter__', '__contains__'), (MappingView, Set))
ItemsView = _abc('ItemsView', ('__len__', '__iter__', '__contains__'), (MappingView, Set))
ValuesView = _abc('ValuesView', ('__len__', '__iter__', '__contains__'), (MappingView, Collection))
Sequence = _abc('Sequence', ('__getitem__', '__len__', '__iter__', 'index', 'count'), (Reversible, Collection), ('__getitem__',))
MutableSequence = _abc('MutableSequence', ('__getitem__', '__setitem__', '__delitem__', 'insert', 'append', 'pop'), (Sequence,), ('__setitem__', '__delitem__', 'insert'))
ByteString = _abc('ByteString', ('__getitem__', '__len__', 'hex'), (Sequence,))

for _seq in (tuple, str, range, list, bytes, bytearray):
    Sequence.register(_seq)
MutableSequence.register(list)
MutableSequence.register(bytearray)
ByteString.register(bytes)
ByteString.register(bytearray)
Set.register(frozenset)
MutableSet.register(set)
MutableMapping.register(dict)
del _seq
