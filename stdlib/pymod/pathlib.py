"""Object-oriented filesystem paths (a pya subset of CPython's pathlib:
PurePath/Path for POSIX)."""

import os
import fnmatch as _fnmatch

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


class PurePath:
    def __init__(self, *args):
        parts = []
        for a in args:
            if isinstance(a, PurePath):
                a = str(a)
            elif not isinstance(a, str):
                raise TypeError("argument should be a str or an os.PathLike object where __fspath__ returns a str, not %r" % type(a).__name__)
            if a.startswith('/'):
                parts = [a]
            elif a:
                parts.append(a)
        path = '/'.join(parts) if parts else ''
        self._str = _normalize(path)

    @classmethod
    def _from(cls, s):
        return cls(s)

    def __str__(self):
        return self._str

    def __fspath__(self):
        return self._str

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_posix(self):
        return self._str

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._str == other._str

    def __hash__(self):
        return hash(self._str)

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts < other.parts

    def __truediv__(self, key):
        try:
            return self._from_parts(self._str, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._from_parts(key, self._str)
        except TypeError:
            return NotImplemented

    def _from_parts(self, *args):
        return type(self)(*args)

    def joinpath(self, *args):
        return type(self)(self._str, *args)

    @property
    def parts(self):
        if self._str == '.':
            return ()
        if self._str.startswith('/'):
            return ('/',) + tuple(p for p in self._str[1:].split('/') if p)
        return tuple(self._str.split('/'))

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return '/' if self._str.startswith('/') else ''

    @property
    def anchor(self):
        return self.root

    @property
    def name(self):
        if self._str in ('.', '/'):
            return ''
        return self._str.rsplit('/', 1)[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        s = self._str
        if s in ('.', '/'):
            return self
        if '/' not in s:
            return type(self)('.')
        head = s.rsplit('/', 1)[0]
        return type(self)(head or '/')

    @property
    def parents(self):
        result = []
        p = self
        while True:
            q = p.parent
            if q == p:
                break
            result.append(q)
            p = q
        return tuple(result)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        return self.parent / name if self.parent._str != '.' else type(self)(name)

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix,))
        return self.with_name(self.stem + suffix)

    def is_absolute(self):
        return self._str.startswith('/')

    def relative_to(self, *other):
        base = type(self)(*other)
        if base._str == '.':
            return self
        prefix = base._str.rstrip('/') + '/'
        if self._str == base._str:
            return type(self)('.')
        if not self._str.startswith(prefix):
            raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative and the other is absolute."
                             .format(self._str, base._str))
        return type(self)(self._str[len(prefix):])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def match(self, pattern):
        pat_parts = [p for p in pattern.split('/') if p]
        parts = [p for p in self.parts if p != '/']
        if pattern.startswith('/'):
            if len(pat_parts) != len(parts):
                return False
        elif len(pat_parts) > len(parts):
            return False
        for part, pat in zip(reversed(parts), reversed(pat_parts)):
            if not _fnmatch.fnmatchcase(part, pat):
                return False
        return True


def _normalize(path):
    if not path:
        return '.'
    lead = '/' if path.startswith('/') else ''
    parts = [p for p in path.split('/') if p and p != '.']
    s = lead + '/'.join(parts)
    return s or '.'


class PurePosixPath(PurePath):
    pass


class Path(PurePath):
    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser('~'))

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), self._str)

    def resolve(self, strict=False):
        return type(self)(os.path.abspath(self._str))

    def expanduser(self):
        return type(self)(os.path.expanduser(self._str))

    def exists(self):
        return os.path.exists(self._str)

    def is_file(self):
        return os.path.isfile(self._str)

    def is_dir(self):
        return os.path.isdir(self._str)

    def iterdir(self):
        for name in os.listdir(self._str):
            yield self / name

    def glob(self, pattern):
        results = []
        if '**' in pattern:
            for p in self.rglob(pattern.replace('**/', '')):
                results.append(p)
            return iter(results)
        parts = pattern.split('/')
        current = [self]
        for part in parts:
            nxt = []
            for base in current:
                if not base.is_dir():
                    continue
                for name in os.listdir(base._str):
                    if _fnmatch.fnmatchcase(name, part) and not (name.startswith('.') and not part.startswith('.')):
                        nxt.append(base / name)
            current = nxt
        return iter(current)

    def rglob(self, pattern):
        results = []

        def walk(d):
            for name in os.listdir(d._str):
                p = d / name
                if _fnmatch.fnmatchcase(name, pattern):
                    results.append(p)
                if p.is_dir():
                    walk(p)
        if self.is_dir():
            walk(self)
        return iter(results)

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(self._str, mode)

    def read_text(self, encoding=None, errors=None):
        with open(self._str) as f:
            return f.read()

    def read_bytes(self):
        with open(self._str, 'rb') as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with open(self._str, 'w') as f:
            return f.write(data)

    def write_bytes(self, data):
        with open(self._str, 'wb') as f:
            return f.write(data)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        if parents:
            os.makedirs(self._str, exist_ok=exist_ok)
            return
        try:
            os.mkdir(self._str)
        except FileExistsError:
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        os.rmdir(self._str)

    def unlink(self, missing_ok=False):
        try:
            os.remove(self._str)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rename(self, target):
        os.rename(self._str, str(target))
        return type(self)(target)

    def replace(self, target):
        return self.rename(target)

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError("[Errno 17] File exists: %r" % self._str)
            return
        with open(self._str, 'a'):
            pass

    def stat(self):
        raise NotImplementedError('Path.stat is not supported in pya yet')


class PosixPath(Path, PurePosixPath):
    pass
