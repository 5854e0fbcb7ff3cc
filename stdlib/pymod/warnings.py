"""Warning control (a pya subset of CPython's warnings module): the
default action prints each warning once per location, in CPython's format
"file:line: Category: message" followed by the source line."""

import sys
import _pya

filters = []
_onceregistry = {}
_shown = set()


def formatwarning(message, category, filename, lineno, line=None):
    s = f"{filename}:{lineno}: {category.__name__}: {message}\n"
    if line is None:
        line = _pya.source_line(filename, lineno)
    if line:
        s += f"  {line.strip()}\n"
    return s


def showwarning(message, category, filename, lineno, file=None, line=None):
    if file is None:
        file = sys.stderr
        if file is None:
            return
    try:
        file.write(formatwarning(message, category, filename, lineno, line))
    except OSError:
        pass


def _action_for(category, text, module):
    for action, msg, cat, mod, lineno in filters:
        if (msg is None or text.startswith(msg)) and issubclass(category, cat) and (mod is None or mod == module):
            return action
    if issubclass(category, (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)):
        if module != '__main__' and issubclass(category, (DeprecationWarning,)):
            return 'ignore'
        if not issubclass(category, DeprecationWarning):
            return 'ignore'
    return 'default'


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'".format(type(category).__name__))
    filename, lineno, module, _ = _pya.caller(stacklevel + 1)
    warn_explicit(message, category, filename, lineno, module)


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None):
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    action = _action_for(category, text, module)
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    key = (text, category, lineno, filename)
    if action in ('default', 'module', 'once'):
        if action == 'once':
            key = (text, category)
        elif action == 'module':
            key = (text, category, filename)
        if key in _shown:
            return
        _shown.add(key)
    showwarning(message, category, filename, lineno)


def simplefilter(action, category=Warning, lineno=0, append=False):
    item = (action, None, category, None, lineno)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    item = (action, message or None, category, module or None, lineno)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)


def resetwarnings():
    filters[:] = []


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._action = action
        self._category = category

    def __enter__(self):
        global showwarning
        self._filters = filters[:]
        self._showwarning = showwarning
        self._shown = set(_shown)
        if self._action:
            simplefilter(self._action, self._category)
        if self._record:
            log = []

            def record(message, category, filename, lineno, file=None, line=None):
                log.append(WarningMessage(message, category, filename, lineno, file, line))
            showwarning = record
            return log
        return None

    def __exit__(self, *exc_info):
        global showwarning
        filters[:] = self._filters
        showwarning = self._showwarning
        _shown.clear()
        _shown.update(self._shown)


class WarningMessage:
    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}" %
                (self.message, self.category.__name__, self.filename, self.lineno, self.line))
