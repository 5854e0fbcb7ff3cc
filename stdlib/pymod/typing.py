"""Type hints (a pya subset of CPython's typing): every name exists and is
subscriptable, so annotated code runs; hints are not checked."""

import types as _types

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, (_types.GenericAlias, _types.UnionType)):
        return repr(obj)
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, (list, tuple)):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)


class _GenericAlias:
    """A subscripted type such as List[int]."""

    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        args = args if isinstance(args, tuple) else (args,)
        self.__args__ = tuple(type(None) if a is None else a for a in args)
        self._name = name

    def __repr__(self):
        name = self._name or _type_repr(self.__origin__)
        if not name.startswith('typing.') and self._name:
            name = 'typing.' + name
        if not self.__args__:
            return f'{name}[()]'
        if self._name == 'Optional':
            return f'{name}[{_type_repr(self.__args__[0])}]'
        return f'{name}[{", ".join(_type_repr(a) for a in self.__args__)}]'

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if isinstance(origin, type):
            return origin(*args, **kwargs)
        raise TypeError(f"Type {self!r} cannot be instantiated")

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, type):
            return (origin,)
        return ()

    def __eq__(self, other):
        if self.__origin__ is Union and isinstance(other, (_GenericAlias, _types.UnionType)):
            return getattr(other, '__origin__', Union) is Union and set(self.__args__) == set(other.__args__)
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        if self.__origin__ is Union:
            return hash(frozenset(self.__args__))
        return hash((self.__origin__, self.__args__))

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm:
    """Any, Union, Optional, ClassVar, ... : names that are subscripted or used bare."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._getitem is not None:
            return self._getitem(self, params)
        return _GenericAlias(self, params, self._name)

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")


def _union(self, params):
    if not isinstance(params, tuple):
        params = (params,)
    flat = []
    for p in params:
        if isinstance(p, _GenericAlias) and p.__origin__ is Union or isinstance(p, _types.UnionType):
            flat.extend(p.__args__)
        else:
            flat.append(type(None) if p is None else p)
    unique = []
    for p in flat:
        if p not in unique:
            unique.append(p)
    if len(unique) == 1:
        return unique[0]
    if len(unique) == 2 and type(None) in unique:
        other = unique[0] if unique[1] is type(None) else unique[1]
        return _GenericAlias(Union, (other, type(None)), 'Optional')
    return _GenericAlias(Union, tuple(unique), 'Union')


def _optional(self, param):
    return Union[param, None]


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
ClassVar = _SpecialForm('ClassVar')
Final = _SpecialForm('Final')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
Literal = _SpecialForm('Literal')
Concatenate = _SpecialForm('Concatenate')
TypeGuard = _SpecialForm('TypeGuard')
Annotated = _SpecialForm('Annotated')
Required = _SpecialForm('Required')
NotRequired = _SpecialForm('NotRequired')
Unpack = _SpecialForm('Unpack')


class _Alias:
    """List, Dict, Callable, ...: the deprecated aliases of concrete types."""

    def __init__(self, name, origin):
        self._name = name
        self.__origin__ = origin

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)


class _ABC:
    """Stand-ins for the collections.abc classes the aliases name."""


def _abc(name):
    return type(name, (_ABC,), {'__module__': 'collections.abc'})


List = _Alias('List', list)
Dict = _Alias('Dict', dict)
Set = _Alias('Set', set)
FrozenSet = _Alias('FrozenSet', frozenset)
Tuple = _Alias('Tuple', tuple)
Type = _Alias('Type', type)
Text = str
AnyStr = None  # replaced by a TypeVar below
ByteString = _Alias('ByteString', bytes)
for _name in ['Callable', 'Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator',
              'Iterable', 'Iterator', 'Generator', 'Reversible', 'Container', 'Collection', 'Hashable',
              'Sized', 'Sequence', 'MutableSequence', 'Mapping', 'MutableMapping', 'AbstractSet',
              'MutableSet', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView', 'ContextManager',
              'AsyncContextManager', 'Pattern', 'Match', 'SupportsInt', 'SupportsFloat', 'SupportsAbs',
              'SupportsRound', 'SupportsIndex', 'SupportsBytes', 'SupportsComplex', 'IO', 'TextIO', 'BinaryIO']:
    globals()[_name] = _Alias(_name, _abc(_name))
del _name


def _lazy_alias(name, module, attr):
    class _Lazy(_Alias):
        def __init__(self):
            self._name = name

        @property
        def __origin__(self):
            return getattr(__import__(module), attr)
    return _Lazy()


Deque = _lazy_alias('Deque', 'collections', 'deque')
DefaultDict = _lazy_alias('DefaultDict', 'collections', 'defaultdict')
OrderedDict = _lazy_alias('OrderedDict', 'collections', 'OrderedDict')
Counter = _lazy_alias('Counter', 'collections', 'Counter')
ChainMap = _lazy_alias('ChainMap', 'collections', 'ChainMap')


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


AnyStr = TypeVar('AnyStr', bytes, str)


class ParamSpec:
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.args = _SpecialForm(name + '.args')
        self.kwargs = _SpecialForm(name + '.kwargs')

    def __repr__(self):
        return '~' + self.__name__


class TypeVarTuple:
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


class Generic:
    """Base class for generic classes: Generic[T] as a base is Generic."""

    def __class_getitem__(cls, params):
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        for base in cls.__dict__.get('__orig_bases__', ()):
            if isinstance(base, _GenericAlias):
                for a in base.__args__:
                    if isinstance(a, (TypeVar, ParamSpec)) and a not in tvars:
                        tvars.append(a)
        cls.__parameters__ = tuple(tvars)


import abc as _abc

_PROTO_SKIP = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__',
    '__module__', '__new__', '__slots__', '__subclasshook__', '__weakref__',
    '__class_getitem__', '__parameters__', '__orig_bases__', '__init_subclass__',
    '__qualname__', '_is_protocol', '_is_runtime_protocol', '__match_args__',
    '__orig_class__', '__firstlineno__', '__static_attributes__'})


def _get_protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        for attr in list(base.__dict__) + list(base.__dict__.get('__annotations__', {})):
            if not attr.startswith('_abc_') and attr not in _PROTO_SKIP:
                attrs.add(attr)
    return attrs


class _ProtocolMeta(_abc.ABCMeta):
    """Metaclass of Protocol: isinstance checks a @runtime_checkable
    protocol structurally (every member present on the instance)."""

    def __instancecheck__(cls, instance):
        if not cls.__dict__.get('_is_protocol', False):
            return super().__instancecheck__(instance)
        if not cls.__dict__.get('_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used with"
                            " @runtime_checkable protocols")
        if super().__instancecheck__(instance):
            return True
        for attr in _get_protocol_attrs(cls):
            val = getattr(instance, attr, _proto_missing)
            if val is _proto_missing:
                return False
            if val is None and callable(getattr(cls, attr, None)):
                return False
        return True


_proto_missing = object()


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for structural types."""
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    if not issubclass(cls, Generic) or not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def reveal_type(obj):
    import sys
    print(f'Runtime type is {type(obj).__name__!r}', file=sys.stderr)
    return obj


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-decorated.")
    return _overload_dummy


def final(f):
    return f


def no_type_check(arg):
    return arg


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))


def get_origin(tp):
    if isinstance(tp, _types.UnionType):
        return _types.UnionType
    return getattr(tp, '__origin__', None)


def get_args(tp):
    return getattr(tp, '__args__', ())


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def NamedTuple(typename, fields=None, /, **kwargs):
    import collections
    if fields is None:
        fields = list(kwargs.items())
    names = [n for n, t in fields]
    nt = collections.namedtuple(typename, names)
    nt.__annotations__ = dict(fields)
    return nt


def _namedtuple_mro_entries(bases):
    return (_NamedTupleBase,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        import collections
        annotations = ns.get('__annotations__', {})
        fields = list(annotations)
        defaults = [ns[n] for n in fields if n in ns]
        nt = collections.namedtuple(typename, fields, defaults=defaults, module=ns.get('__module__'))
        nt.__annotations__ = dict(annotations)
        for key, val in ns.items():
            if key not in fields and key not in ('__module__', '__qualname__', '__annotations__', '__dict__', '__weakref__'):
                setattr(nt, key, val)
        return nt


_NamedTupleBase = type.__new__(_NamedTupleMeta, 'NamedTuple', (), {'__module__': 'typing'})


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        annotations = {}
        for b in bases:
            annotations.update(getattr(b, '__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        ns['__annotations__'] = annotations
        ns['__total__'] = total
        return type.__new__(mcls, name, (dict,), ns)

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    return _TypedDictMeta(typename, (), {'__annotations__': dict(fields)}, total=total)


def _typeddict_mro_entries(bases):
    return (_TypedDictBase,)


TypedDict.__mro_entries__ = _typeddict_mro_entries
_TypedDictBase = type.__new__(_TypedDictMeta, 'TypedDict', (dict,), {'__module__': 'typing', '__annotations__': {}, '__total__': True})
