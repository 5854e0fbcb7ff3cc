"""Print or format exceptions and their tracebacks (CPython's traceback
API; the interpreter formats exceptions and traceback entries itself, so the
text matches what it prints for uncaught exceptions)."""

import sys
import _pya

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']


def _exc_of(exc, value):
    if value is not None and not isinstance(exc, BaseException):
        return value
    if isinstance(exc, BaseException):
        return exc
    if exc is None and value is None:
        return None
    return value


_cause_message = ('\nThe above exception was the direct cause '
                  'of the following exception:\n\n')
_context_message = ('\nDuring handling of the above exception, '
                    'another exception occurred:\n\n')


def _format_limited(e, tb, limit, chain, seen):
    # format_exception with a limit, chain=False or an explicit traceback:
    # the chain walked here, each traceback cut by limit.
    seen.add(id(e))
    out = []
    if chain:
        if e.__cause__ is not None and id(e.__cause__) not in seen:
            out += _format_limited(e.__cause__, e.__cause__.__traceback__, limit, chain, seen)
            out.append(_cause_message)
        elif (e.__context__ is not None and not e.__suppress_context__
              and id(e.__context__) not in seen):
            out += _format_limited(e.__context__, e.__context__.__traceback__, limit, chain, seen)
            out.append(_context_message)
    if tb is not None:
        entries = format_tb(tb, limit)
        if entries or limit is None:
            out.append('Traceback (most recent call last):\n')
            out += entries
    out += format_exception_only(e)
    return out


def format_exception(exc, /, value=None, tb=None, limit=None, chain=True):
    e = _exc_of(exc, value)
    if e is None:
        return ['NoneType: None\n']
    if tb is None and value is None:
        tb = e.__traceback__
    if limit is None and chain and tb is e.__traceback__:
        return _pya.format_exception(e)
    return _format_limited(e, tb, limit, chain, set())


def format_exception_only(exc, /, value=None):
    e = _exc_of(exc, value)
    if e is None:
        return ['NoneType: None\n']
    return _pya.format_exception_only(e)


def print_exception(exc, /, value=None, tb=None, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, 'last_value'):
        raise ValueError('no last exception')
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


class FrameSummary:
    """Information about a single frame from a traceback: filename, lineno,
    name, line (the stripped source line), end_lineno, colno, end_colno."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals', '_formatted')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        self._formatted = None
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _pya.source_line(self.filename, self.lineno)
        return self._line.strip()


def _limit_list(items, limit):
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return items
    if limit >= 0:
        return items[:limit]
    return items[limit:]


class StackSummary(list):
    """A list of FrameSummary objects, representing a stack of frames."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        result = klass()
        for f, lineno in frame_gen:
            co = f.f_code
            result.append(FrameSummary(
                co.co_filename, lineno, co.co_name, lookup_line=lookup_lines,
                locals=f.f_locals if capture_locals else None))
        return klass(_limit_list(result, limit)) if limit is not None else result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        if frame_summary._formatted is not None:
            return frame_summary._formatted
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            row.append('    {}\n'.format(frame_summary.line))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > 3:
                    count -= 3
                    result.append(
                        f'  [Previous line repeated {count} more '
                        f'time{"s" if count > 1 else ""}]\n')
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > 3:
                continue
            result.append(self.format_frame_summary(frame_summary))
        if count > 3:
            count -= 3
            result.append(
                f'  [Previous line repeated {count} more '
                f'time{"s" if count > 1 else ""}]\n')
        return result


class _TbFrame:
    # What walk_tb yields as a traceback entry's frame: its code's name and
    # file and the line (pya's tracebacks record positions, not frames).
    def __init__(self, filename, name, lineno):
        self.f_code = _TbCode(filename, name)
        self.f_lineno = lineno
        self.f_locals = {}
        self.f_globals = {}
        self.f_back = None


class _TbCode:
    def __init__(self, filename, name):
        self.co_filename = filename
        self.co_name = name
        self.co_qualname = name


def walk_tb(tb):
    """Walk a traceback along tb_next, yielding (frame, lineno) per entry."""
    for file, line, name, *_ in _pya.tb_entries(tb):
        yield _TbFrame(file, name, line), line


def walk_stack(f):
    """Walk a stack along f.f_back from f (default: the caller's frame),
    yielding (frame, lineno) per frame."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def extract_tb(tb, limit=None):
    """A StackSummary of the traceback's entries (at most limit of them:
    the first ones, or the last ones for a negative limit)."""
    result = StackSummary()
    for file, line, name, end_line, col, end_col, formatted in _pya.tb_entries(tb):
        fs = FrameSummary(file, line, name, lookup_line=False,
                          end_lineno=end_line, colno=col, end_colno=end_col)
        fs._formatted = formatted
        result.append(fs)
    return StackSummary(_limit_list(result, limit))


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def _stack_of(f, limit):
    frames = []
    while f is not None:
        frames.append(FrameSummary(f.f_code.co_filename, f.f_lineno, f.f_code.co_name))
        f = f.f_back
    frames.reverse()
    if limit is not None:
        frames = frames[-limit:] if limit >= 0 else frames[:-limit]
    return StackSummary(frames)


def extract_stack(f=None, limit=None):
    """A StackSummary of the stack from the outermost frame to f (default:
    the caller), the last limit frames when limit is given."""
    if f is None:
        f = sys._getframe().f_back
    return _stack_of(f, limit)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(_stack_of(f, limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(_stack_of(f, limit), file=file)


def clear_frames(tb):
    pass


class TracebackException:
    """An exception ready for rendering: exc_type, the stack (a
    StackSummary), __cause__/__context__ as TracebackExceptions, and
    format()/format_exception_only()."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self._exc = exc_value
        self._tb = exc_traceback
        self._limit = limit
        self.exc_type = exc_type
        self._str = str(exc_value) if exc_value is not None else ''
        self.__notes__ = getattr(exc_value, '__notes__', None)
        self.stack = extract_tb(exc_traceback, limit=limit)
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        self.__cause__ = None
        self.__context__ = None
        if exc_value is not None:
            cause = exc_value.__cause__
            if cause is not None and id(cause) not in _seen:
                self.__cause__ = TracebackException(type(cause), cause, cause.__traceback__,
                                                    limit=limit, _seen=_seen)
            context = exc_value.__context__
            if context is not None and id(context) not in _seen:
                self.__context__ = TracebackException(type(context), context, context.__traceback__,
                                                      limit=limit, _seen=_seen)
        if isinstance(exc_value, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg
        self.exceptions = None
        if isinstance(exc_value, BaseExceptionGroup):
            self.exceptions = [TracebackException(type(e), e, e.__traceback__, limit=limit, _seen=_seen)
                               for e in exc_value.exceptions]

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self._exc is None:
            yield from ['NoneType: None\n']
            return
        yield from format_exception_only(self._exc)

    def format(self, *, chain=True, _ctx=None):
        if self._exc is None:
            yield 'NoneType: None\n'
            return
        yield from format_exception(type(self._exc), self._exc, self._tb,
                                    limit=self._limit, chain=chain)

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
