"""_csv for pya: the CSV reader and writer under CPython's csv.py, written
in pya with the C module's parsing rules, dialect checks and messages."""

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)
_dialects = {}
_field_limit = 128 * 1024


class Error(Exception):
    pass


Error.__module__ = '_csv'


class Dialect:
    """CSV dialect: the formatting parameters of a reader or writer,
    validated as _csv.Dialect validates them."""

    _fields = ('delimiter', 'doublequote', 'escapechar', 'lineterminator',
               'quotechar', 'quoting', 'skipinitialspace', 'strict')

    def __init__(self, dialect=None, **kwargs):
        def get(name, default):
            if name in kwargs:
                return kwargs[name]
            if dialect is not None and hasattr(dialect, name):
                return getattr(dialect, name)
            return default
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        delimiter = get('delimiter', ',')
        doublequote = get('doublequote', True)
        escapechar = get('escapechar', None)
        lineterminator = get('lineterminator', '\r\n')
        quotechar = get('quotechar', '"')
        quoting = get('quoting', QUOTE_MINIMAL)
        skipinitialspace = get('skipinitialspace', False)
        strict = get('strict', False)
        self._check_char('delimiter', delimiter, allow_none=False)
        if escapechar is not None:
            self._check_char('escapechar', escapechar)
        if quotechar is not None:
            self._check_char('quotechar', quotechar)
        if not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        if quotechar is None and quoting != QUOTE_NONE:
            raise TypeError('quotechar must be set if quoting enabled')
        object.__setattr__(self, 'delimiter', delimiter)
        object.__setattr__(self, 'doublequote', bool(doublequote))
        object.__setattr__(self, 'escapechar', escapechar)
        object.__setattr__(self, 'lineterminator', lineterminator)
        object.__setattr__(self, 'quotechar', quotechar)
        object.__setattr__(self, 'quoting', quoting)
        object.__setattr__(self, 'skipinitialspace', bool(skipinitialspace))
        object.__setattr__(self, 'strict', bool(strict))

    @staticmethod
    def _check_char(name, c, allow_none=True):
        if not isinstance(c, str):
            raise TypeError('"%s" must be string, not %s' % (name, type(c).__name__))
        if len(c) != 1:
            raise TypeError('"%s" must be a 1-character string' % name)

    def __setattr__(self, name, value):
        raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not writable" % name)


def register_dialect(name, dialect=None, **kwargs):
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    _dialects[name] = Dialect(dialect, **kwargs)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error('unknown dialect')
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect') from None


def list_dialects():
    return list(_dialects)


def field_size_limit(*args):
    global _field_limit
    old = _field_limit
    if args:
        if len(args) > 1:
            raise TypeError('field_size_limit expected at most 1 argument, got %d' % len(args))
        if not isinstance(args[0], int):
            raise TypeError('limit must be an integer')
        _field_limit = args[0]
    return old


class _Reader:
    def __init__(self, iterable, dialect, kwargs):
        self._it = iter(iterable)
        self.dialect = Dialect(dialect, **kwargs)
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        fields = []
        field = []
        state = 'start'          # start of a field
        quoted = False
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if state == 'start' and not fields and not field:
                    raise
                if state == 'quoted' and d.strict:
                    raise Error('unexpected end of data')
                fields.append(''.join(field))
                return fields
            if not isinstance(line, str):
                raise Error('iterator should return strings, not %.200s '
                            '(the file should be opened in text mode)' % type(line).__name__)
            self.line_num += 1
            i, n = 0, len(line)
            while i < n:
                c = line[i]
                if state == 'start' or state == 'unquoted':
                    if state == 'start':
                        if c == d.quotechar and d.quoting != QUOTE_NONE:
                            state, quoted = 'quoted', True
                            i += 1
                            continue
                        if c == ' ' and d.skipinitialspace:
                            i += 1
                            continue
                        quoted = False
                    if c == d.delimiter:
                        fields.append(self._convert(''.join(field), quoted))
                        field, state = [], 'start'
                    elif c in '\r\n':
                        if state == 'start' and not fields:
                            return []  # an empty line is an empty row
                        fields.append(self._convert(''.join(field), quoted))
                        return fields
                    elif c == d.escapechar:
                        if i + 1 < n:
                            field.append(line[i + 1])
                            i += 1
                        state = 'unquoted'
                    else:
                        field.append(c)
                        state = 'unquoted'
                elif state == 'quoted':
                    if c == d.escapechar:
                        if i + 1 < n:
                            field.append(line[i + 1])
                            i += 1
                    elif c == d.quotechar:
                        state = 'quote_in_quoted'
                    else:
                        field.append(c)
                elif state == 'quote_in_quoted':
                    if c == d.quotechar and d.doublequote:
                        field.append(c)
                        state = 'quoted'
                    elif c == d.delimiter:
                        fields.append(''.join(field))
                        field, state = [], 'start'
                    elif c in '\r\n':
                        fields.append(''.join(field))
                        return fields
                    elif d.strict:
                        raise Error("'%c' expected after '%c'" % (d.delimiter, d.quotechar))
                    else:
                        field.append(c)
                        state = 'unquoted'
                if len(field) > _field_limit:
                    raise Error('field larger than field limit (%d)' % _field_limit)
                i += 1
            if state == 'quoted':
                # A newline inside quotes continues the field on the next line.
                continue
            if state == 'start' and not fields:
                return []
            fields.append(self._convert(''.join(field), quoted) if state != 'quote_in_quoted' else ''.join(field))
            return fields

    def _convert(self, s, quoted):
        if self.dialect.quoting == QUOTE_NONNUMERIC and not quoted and s:
            return float(s)
        return s


def reader(csvfile, dialect='excel', **fmtparams):
    return _Reader(csvfile, dialect, fmtparams)


class _Writer:
    def __init__(self, f, dialect, kwargs):
        try:
            self._write = f.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method') from None
        self.dialect = Dialect(dialect, **kwargs)

    def _field(self, v):
        d = self.dialect
        if v is None:
            s, numeric = '', False
        else:
            numeric = isinstance(v, (int, float)) and not isinstance(v, bool)
            s = repr(v) if isinstance(v, float) else str(v)
        if d.quoting == QUOTE_ALL:
            quote = True
        elif d.quoting == QUOTE_NONNUMERIC:
            quote = not numeric
        elif d.quoting == QUOTE_NONE:
            quote = False
        else:
            quote = (s == '' and False) or any(
                c in s for c in (d.delimiter, d.quotechar or '', '\r', '\n')) or (
                s[:1] == ' ' and d.skipinitialspace)
        out = []
        for c in s:
            if c == d.quotechar and d.quotechar is not None:
                if quote and d.doublequote:
                    out.append(c + c)
                    continue
                if d.escapechar is not None:
                    out.append(d.escapechar + c)
                    continue
                if d.quoting == QUOTE_NONE or not d.doublequote:
                    raise Error('need to escape, but no escapechar set')
            elif d.quoting == QUOTE_NONE and (c == d.delimiter or c in '\r\n' or c == d.escapechar):
                if d.escapechar is None:
                    raise Error('need to escape, but no escapechar set')
                out.append(d.escapechar + c)
                continue
            elif c == d.escapechar and d.escapechar is not None:
                out.append(d.escapechar + c)
                continue
            out.append(c)
        s = ''.join(out)
        if quote:
            s = d.quotechar + s + d.quotechar
        return s

    def writerow(self, row):
        try:
            fields = list(row)
        except TypeError:
            raise Error('iterable expected, not %s' % type(row).__name__) from None
        if len(fields) == 1 and (fields[0] is None or fields[0] == ''):
            if self.dialect.quoting == QUOTE_NONE:
                raise Error('single empty field record must be quoted')
            line = self.dialect.quotechar * 2
        else:
            line = self.dialect.delimiter.join(self._field(f) for f in fields)
        return self._write(line + self.dialect.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, dialect='excel', **fmtparams):
    return _Writer(csvfile, dialect, fmtparams)
