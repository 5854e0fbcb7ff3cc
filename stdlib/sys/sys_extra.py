# The parts of sys written in pya (run in the sys module's namespace after
# its Go functions are installed): hooks pya has no use for are accepted
# and do nothing, as CPython's do when nothing is attached.

float_repr_style = 'short'
abiflags = ''
api_version = 1013
exec_prefix = ''
base_exec_prefix = ''
platlibdir = 'lib'
pycache_prefix = None
warnoptions = []
meta_path = []
path_hooks = []
path_importer_cache = {}
_audit_hooks = []
_trace = None
_profile = None


def audit(event, *args):
    for hook in _audit_hooks:
        hook(event, args)


def addaudithook(hook):
    _audit_hooks.append(hook)


def getfilesystemencoding():
    return 'utf-8'


def getfilesystemencodeerrors():
    return 'surrogateescape'


def settrace(func):
    global _trace
    _trace = func


def gettrace():
    return _trace


def setprofile(func):
    global _profile
    _profile = func


def getprofile():
    return _profile


def is_finalizing():
    return False


def call_tracing(func, args):
    return func(*args)


class _StructSeq(tuple):
    # A small struct sequence (named, read-only tuple) for the attributes
    # below; the Go ones (version_info, float_info) use structseq.
    _fields = ()
    _name = ''

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __repr__(self):
        return 'sys.%s(%s)' % (self._name, ', '.join(
            '%s=%r' % (f, v) for f, v in zip(self._fields, self)))


def _structseq(name, fields, values):
    ns = {'_fields': tuple(fields), '_name': name}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i])
    cls = type(name, (_StructSeq,), ns)
    return cls(values)


hash_info = _structseq('hash_info', (
    'width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff'),
    (64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))
thread_info = _structseq('thread_info', ('name', 'lock', 'version'), ('pthread', 'mutex+cond', None))
flags = _structseq('flags', (
    'debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site',
    'no_site', 'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'hash_randomization',
    'isolated', 'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path', 'int_max_str_digits'),
    (0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, -1))
del _structseq
