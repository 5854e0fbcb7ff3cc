"""Pretty printing (a pya subset of CPython's pprint): pformat/pprint of
dicts, lists, tuples and sets, one item per line when the repr does not
fit the width, keys sorted by default."""

import sys

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    printer = PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth,
                            compact=compact, sort_dicts=sort_dicts)
    printer.pprint(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts).pformat(object)


def saferepr(object):
    return PrettyPrinter()._repr(object, 0)


def isreadable(object):
    return True


def isrecursive(object):
    return False


class _safe_key:
    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return ((str(type(self.obj)), id(self.obj)) < (str(type(other.obj)), id(other.obj)))


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
        self._indent_per_level = indent
        self._width = width
        self._depth = depth
        self._stream = stream
        self._compact = compact
        self._sort_dicts = sort_dicts

    def pprint(self, object):
        stream = self._stream if self._stream is not None else sys.stdout
        stream.write(self.pformat(object) + "\n")

    def pformat(self, object):
        return self._format(object, 0, 0, 0)

    def _repr(self, object, level):
        if isinstance(object, dict) and self._sort_dicts and type(object).__repr__ is dict.__repr__:
            if not object:
                return '{}'
            items = sorted(object.items(), key=lambda kv: _safe_key(kv[0]))
            return '{' + ', '.join('%s: %s' % (self._repr(k, level), self._repr(v, level)) for k, v in items) + '}'
        if isinstance(object, list) and type(object).__repr__ is list.__repr__:
            return '[' + ', '.join(self._repr(x, level) for x in object) + ']'
        if isinstance(object, tuple) and type(object).__repr__ is tuple.__repr__:
            if len(object) == 1:
                return '(' + self._repr(object[0], level) + ',)'
            return '(' + ', '.join(self._repr(x, level) for x in object) + ')'
        return repr(object)

    def _format(self, object, indent, allowance, level):
        rep = self._repr(object, level)
        max_width = self._width - indent - allowance
        if len(rep) <= max_width:
            return rep
        if isinstance(object, dict) and type(object).__repr__ is dict.__repr__ and object:
            items = list(object.items())
            if self._sort_dicts:
                items = sorted(items, key=lambda kv: _safe_key(kv[0]))
            return '{' + self._format_dict_items(items, indent, allowance + 1, level) + '}'
        if isinstance(object, list) and type(object).__repr__ is list.__repr__ and object:
            return '[' + self._format_items(object, indent, allowance + 1, level) + ']'
        if isinstance(object, tuple) and type(object).__repr__ is tuple.__repr__ and object:
            endchar = ',)' if len(object) == 1 else ')'
            return '(' + self._format_items(object, indent, allowance + len(endchar), level) + endchar
        if isinstance(object, (set, frozenset)) and object:
            items = sorted(object, key=_safe_key)
            if type(object) is set:
                return '{' + self._format_items(items, indent, allowance + 1, level) + '}'
            return 'frozenset({' + self._format_items(items, indent + 10, allowance + 2, level) + '})'
        return rep

    def _format_dict_items(self, items, indent, allowance, level):
        indent += self._indent_per_level
        delimnl = ',\n' + ' ' * indent
        last_index = len(items) - 1
        parts = []
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, level)
            parts.append(rep + ': ' + self._format(ent, indent + len(rep) + 2, allowance if last else 1, level))
        return delimnl.join(parts)

    def _format_items(self, items, indent, allowance, level):
        indent += self._indent_per_level
        delimnl = ',\n' + ' ' * indent
        parts = []
        last_index = len(items) - 1
        if self._compact:
            width = self._width - indent
            line = ''
            lines = []
            for i, ent in enumerate(items):
                rep = self._repr(ent, level)
                w = len(rep) + 2
                if line and len(line) + w > width:
                    lines.append(line)
                    line = rep
                else:
                    line = line + ', ' + rep if line else rep
            lines.append(line)
            return delimnl.join(lines)
        for i, ent in enumerate(items):
            last = i == last_index
            parts.append(self._format(ent, indent, allowance if last else 1, level))
        return delimnl.join(parts)
