"""Inspection of live objects (a pya subset of CPython's inspect)."""

import types as _types

CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


def ismodule(object):
    return isinstance(object, _types.ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, _types.MethodType)


def isfunction(object):
    return isinstance(object, _types.FunctionType)


def _unwrap_partial(func):
    while True:
        inner = getattr(func, 'func', None)
        if inner is None or not callable(inner) or isinstance(func, type):
            return func
        if type(func).__name__ not in ('partial', 'partialmethod'):
            return func
        func = inner


def _has_code_flag(f, flag):
    f = _unwrap_partial(f)
    if ismethod(f):
        f = f.__func__
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE) or getattr(obj, '_is_coroutine_marker', None) is _is_coroutine_mark


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


_is_coroutine_mark = object()


def markcoroutinefunction(func):
    func._is_coroutine_marker = _is_coroutine_mark
    return func


def isasyncgen(object):
    return isinstance(object, _types.AsyncGeneratorType)


def isgenerator(object):
    return isinstance(object, _types.GeneratorType)


def iscoroutine(object):
    # pya: asyncio's coroutines written in Go (asyncio.sleep(1),
    # Queue.get()) have a type of their own, also named "coroutine".
    t = type(object)
    return (isinstance(object, _types.CoroutineType) or
            (t.__name__ == 'coroutine' and t.__module__ == 'builtins'))


def isawaitable(object):
    return (isinstance(object, _types.CoroutineType) or
            isinstance(object, _types.GeneratorType) and bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE) or
            hasattr(type(object), '__await__'))


def isbuiltin(object):
    return isinstance(object, _types.BuiltinFunctionType)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)


def isabstract(object):
    return bool(isinstance(object, type) and getattr(object, '__abstractmethods__', None))


def getmembers(object, predicate=None):
    results = []
    for key in dir(object):
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def getdoc(object):
    doc = getattr(object, '__doc__', None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def cleandoc(doc):
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def unwrap(func, *, stop=None):
    f = func
    seen = {id(f)}
    while hasattr(f, '__wrapped__') and not (stop and stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError('wrapper loop when unwrapping {!r}'.format(func))
        seen.add(id(f))
    return f


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class Parameter:
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4
    empty = _empty
    _kind_names = ['POSITIONAL_ONLY', 'POSITIONAL_OR_KEYWORD', 'VAR_POSITIONAL', 'KEYWORD_ONLY', 'VAR_KEYWORD']

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        self.name = name
        self.kind = kind
        self.default = default
        self.annotation = annotation

    def __str__(self):
        s = self.name
        if self.annotation is not _empty:
            a = self.annotation
            s += ': ' + (a.__name__ if isinstance(a, type) else repr(a))
        if self.default is not _empty:
            s += (' = ' if self.annotation is not _empty else '=') + repr(self.default)
        if self.kind == self.VAR_POSITIONAL:
            s = '*' + s
        elif self.kind == self.VAR_KEYWORD:
            s = '**' + s
        return s

    def __repr__(self):
        return '<Parameter "%s">' % self


class Signature:
    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty):
        self.parameters = {p.name: p for p in (parameters or [])}
        self.return_annotation = return_annotation

    def __str__(self):
        out = []
        kinds = [p.kind for p in self.parameters.values()]
        star_done = False
        for i, p in enumerate(self.parameters.values()):
            if p.kind == Parameter.KEYWORD_ONLY and not star_done:
                out.append('*')
                star_done = True
            if p.kind == Parameter.VAR_POSITIONAL:
                star_done = True
            out.append(str(p))
            if p.kind == Parameter.POSITIONAL_ONLY and (i + 1 == len(kinds) or kinds[i + 1] != Parameter.POSITIONAL_ONLY):
                out.append('/')
        s = '(' + ', '.join(out) + ')'
        if self.return_annotation is not _empty:
            a = self.return_annotation
            s += ' -> ' + (a.__name__ if isinstance(a, type) else repr(a))
        return s

    def __repr__(self):
        return '<Signature %s>' % self

    def bind(self, *args, **kwargs):
        raise NotImplementedError('Signature.bind is not supported in pya')


def signature(obj, *, follow_wrapped=True):
    if follow_wrapped:
        obj = unwrap(obj)
    skip = 0
    if ismethod(obj):
        obj = obj.__func__
        skip = 1
    if isclass(obj):
        obj = obj.__init__
        skip = 1
    if not isfunction(obj):
        raise ValueError('no signature found for {!r}'.format(obj))
    code = obj.__code__
    ann = getattr(obj, '__annotations__', {}) or {}
    names = code.co_varnames
    npos = code.co_argcount
    nposonly = getattr(code, 'co_posonlyargcount', 0)
    nkw = code.co_kwonlyargcount
    defaults = obj.__defaults__ or ()
    kwdefaults = obj.__kwdefaults__ or {}
    params = []
    first_default = npos - len(defaults)
    for i in range(npos):
        name = names[i]
        kind = Parameter.POSITIONAL_ONLY if i < nposonly else Parameter.POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default, annotation=ann.get(name, _empty)))
    i = npos + nkw
    if code.co_flags & CO_VARARGS:
        name = names[i]
        params.append(Parameter(name, Parameter.VAR_POSITIONAL, annotation=ann.get(name, _empty)))
        i += 1
    for j in range(npos, npos + nkw):
        name = names[j]
        params.append(Parameter(name, Parameter.KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=ann.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = names[i]
        params.append(Parameter(name, Parameter.VAR_KEYWORD, annotation=ann.get(name, _empty)))
    return Signature(params[skip:], return_annotation=ann.get('return', _empty))
