"""Streams (a pya subset of CPython's io): StringIO and BytesIO in memory,
open, and the names of the file types."""

import builtins as _builtins
import sys as _sys

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = _builtins.open
TextIOWrapper = type(_sys.stdout)


class UnsupportedOperation(OSError):
    pass


class IOBase:
    closed = False

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def close(self):
        self.closed = True

    def flush(self):
        self._checkClosed()

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def isatty(self):
        return False

    def readlines(self, hint=-1):
        return list(self)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def _checkClosed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")


class _MemoryIO(IOBase):
    _empty = ''

    def __init__(self, initial=None):
        self._buf = self._empty if initial is None else initial
        self._pos = 0

    def getvalue(self):
        self._checkClosed()
        return self._buf

    def read(self, size=-1):
        self._checkClosed()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(len(self._buf), self._pos + size)
        out = self._buf[self._pos:end]
        self._pos = max(self._pos, end)
        return out

    def readline(self, size=-1):
        self._checkClosed()
        nl = '\n' if isinstance(self._buf, str) else b'\n'
        i = self._buf.find(nl, self._pos)
        end = len(self._buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = self._buf[self._pos:end]
        self._pos = max(self._pos, end)
        return out

    def write(self, s):
        self._checkClosed()
        self._check_type(s)
        n = len(s)
        if self._pos > len(self._buf):
            self._buf = self._buf + self._pad * (self._pos - len(self._buf))
        self._buf = self._buf[:self._pos] + s + self._buf[self._pos + n:]
        self._pos += n
        return n

    def seek(self, pos, whence=0):
        self._checkClosed()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def tell(self):
        self._checkClosed()
        return self._pos

    def truncate(self, size=None):
        self._checkClosed()
        if size is None:
            size = self._pos
        self._buf = self._buf[:size]
        return size


class StringIO(_MemoryIO):
    """Text I/O implementation using an in-memory buffer."""
    _empty = ''
    _pad = '\0'

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        super().__init__(initial_value or '')

    def _check_type(self, s):
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)

    def __repr__(self):
        return '<_io.StringIO object at 0x%x>' % id(self)


class BytesIO(_MemoryIO):
    """Buffered I/O implementation using an in-memory bytes buffer."""
    _empty = b''
    _pad = b'\0'

    def __init__(self, initial_bytes=b''):
        super().__init__(bytes(initial_bytes))

    def _check_type(self, s):
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)

    def getbuffer(self):
        return self._buf


def text_encoding(encoding, stacklevel=2):
    """The encoding a text file opened with encoding uses (None: the
    locale's, which is UTF-8 for pya)."""
    if encoding is None:
        return "utf-8"
    return encoding
