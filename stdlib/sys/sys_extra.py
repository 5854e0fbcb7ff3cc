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
_switch_interval = 0.005


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


def getswitchinterval():
    return _switch_interval


def setswitchinterval(interval):
    global _switch_interval
    if interval <= 0:
        raise ValueError('switch interval must be strictly positive')
    _switch_interval = float(interval)


def is_finalizing():
    return False


def call_tracing(func, args):
    return func(*args)
