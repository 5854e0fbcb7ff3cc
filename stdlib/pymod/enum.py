"""Enumerations (CPython 3.11's enum, in pya): Enum, IntEnum, StrEnum,
Flag, IntFlag, auto, unique."""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique', 'member', 'nonmember']


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _counter = 0

    def __init__(self, value=None):
        self.value = value
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return 'auto(%r)' % self.value


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name.lstrip('_'),)
    return name.startswith(pattern) and not name.endswith('__')


def _is_descriptor(obj):
    return (isinstance(obj, (property, classmethod, staticmethod)) or hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')
            or callable(obj) and not isinstance(obj, (int, str, float, tuple)))


def _find_data_type(bases):
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    return base._member_type_
                continue
            if base in (int, str, float, bytes) or '__new__' in base.__dict__:
                return base
    return object


class _EnumDict(dict):
    """The namespace of an Enum class body: as in CPython 3.11, auto() is
    given its value when it is assigned, so later lines of the body can use
    it (WHITE = R | G | B)."""

    def __init__(self, gen):
        super().__init__()
        self._gen = gen
        self._last_values = []
        self._auto_called = False

    def __setitem__(self, key, value):
        if key == '_generate_next_value_':
            if self._auto_called:
                raise TypeError("_generate_next_value_ must be defined before members")
            self._gen = getattr(value, '__func__', value)
        elif not (_is_dunder(key) or _is_sunder(key)):
            if isinstance(value, auto):
                self._auto_called = True
                if value.value is None and self._gen is not None:
                    value.value = self._gen(key, 1, len(self._last_values), self._last_values[:])
                if value.value is not None:
                    value = value.value
                    self._last_values.append(value)
            elif not _is_descriptor(value) and not isinstance(value, (member, nonmember)):
                self._last_values.append(value)
        super().__setitem__(key, value)


class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        gen = None
        for base in bases:
            if isinstance(base, EnumType):
                gen = getattr(base, '_generate_next_value_', None)
                break
        return _EnumDict(gen)

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type = _find_data_type(bases) if bases else object
        first_enum = None
        for base in reversed(bases):
            if isinstance(base, EnumType):
                first_enum = base
        if first_enum is not None and first_enum._member_names_:
            raise TypeError(f'{cls!r} cannot extend {first_enum!r}')

        members = []
        body = {}
        # A __new__ of the class body makes the members (CPython's
        # __new_member__); calling the class looks members up by value.
        new_member = classdict.get('__new__') if first_enum is not None else None
        if isinstance(new_member, staticmethod):
            new_member = new_member.__func__
        for key, value in classdict.items():
            if key == '__new__' and new_member is not None:
                body['_new_member_'] = value
                body['__new__'] = Enum.__dict__['__new__']
                continue
            if isinstance(value, nonmember):
                body[key] = value.value
            elif isinstance(value, member):
                members.append((key, value.value))
            elif (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                  or _is_descriptor(value) and not isinstance(value, auto)):
                body[key] = value
            else:
                members.append((key, value))
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_member_type_'] = member_type
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        if first_enum is not None:
            # The mixed-in data type (int, float, str) comes before Enum in
            # the MRO: its repr/str/format must not hide Enum's.
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name in classdict:
                    continue
                found = getattr(enum_class, name, None)
                if found is not None and found in (getattr(member_type, name, None), getattr(object, name, None)):
                    # CPython takes the method of the last base (an Enum).
                    setattr(enum_class, name, getattr(bases[-1], name))
            if Flag is not None and issubclass(enum_class, Flag):
                for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__', '__invert__'):
                    if name not in classdict:
                        setattr(enum_class, name, getattr(Flag, name))

        gen = getattr(enum_class, '_generate_next_value_')
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                if value.value is None:
                    value.value = gen(name, 1, len(last_values), last_values[:])
                value = value.value
            if isinstance(value, tuple) and member_type is not tuple:
                args = value
            else:
                args = (value,)
            if new_member is not None:
                obj = new_member(enum_class, *args)
            elif member_type is object:
                obj = object.__new__(enum_class)
            else:
                obj = member_type.__new__(enum_class, *args)
            if '_value_' not in getattr(obj, '__dict__', {}):
                obj._value_ = value if member_type is object else member_type(*args)
            init = enum_class.__dict__.get('__init__') or getattr(first_enum, '__init__', None)
            if init is not None and init is not object.__init__ and '__init__' in enum_class.__dict__:
                init(obj, *args)
            value = obj._value_
            last_values.append(value)
            existing = None
            for m in enum_class._member_map_.values():
                if m._value_ == value:
                    existing = m
                    break
            if existing is not None:
                obj = existing
            else:
                obj._name_ = name
                obj.__objclass__ = enum_class
                obj._sort_order_ = len(enum_class._member_names_)
                # A Flag's multi-bit and zero members are aliases: not
                # iterated (CPython 3.11).
                if not (Flag is not None and issubclass(enum_class, Flag)
                        and isinstance(value, int)
                        and (value <= 0 or value & (value - 1))):
                    enum_class._member_names_.append(name)
            setattr(enum_class, name, obj)  # before _member_map_ knows it
            enum_class._member_map_[name] = obj
            try:
                enum_class._value2member_map_.setdefault(value, obj)
            except TypeError:
                pass
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if isinstance(names, dict):
            names = list(names.items())
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        classdict['__module__'] = module or '__main__'
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return EnumType.__new__(EnumType, class_name, bases, classdict)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    # TODO(LIBS): EnumType.__setattr__/__delattr__ ("cannot reassign member
    # 'RED'") wait for type.__setattr__ to work through super() on metaclasses.


EnumMeta = EnumType
Flag = None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                        % (cls.__name__, result))

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ if hasattr(self.__class__, '_value_repr_') else repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""

    def __str__(self):
        return int.__repr__(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __str__(self):
        return self._value_

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Support for bitwise flags."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        high_bit = _high_bit(last_value)
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        names = []
        remaining = value
        for m in cls:
            if m._value_ and m._value_ & value == m._value_:
                names.append(m._name_)
                remaining &= ~m._value_
        if remaining:
            if not issubclass(cls, int):
                raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
            names.append(str(remaining))  # IntFlag keeps unknown bits (boundary KEEP)
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        pseudo._name_ = '|'.join(names) if names and names[0] != str(remaining) else None
        return cls._value2member_map_.setdefault(value, pseudo)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for m in self.__class__:
            if m._value_ and m._value_ & self._value_ == m._value_:
                yield m

    def __len__(self):
        return sum(1 for _ in self)

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "<%s: %r>" % (cls_name, self._value_)
        return "<%s.%s: %r>" % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        all_bits = 0
        for m in self.__class__:
            all_bits |= m._value_
        return self.__class__(all_bits & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags."""

    def __str__(self):
        return int.__repr__(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
