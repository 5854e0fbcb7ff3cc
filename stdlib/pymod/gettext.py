"""gettext (a pya subset): pya has no message catalogs, so every lookup
returns the message itself, as CPython does when no translation is installed
(argparse and optparse call gettext and ngettext)."""


class NullTranslations:
    def __init__(self, fp=None):
        self._info = {}
        self._charset = None

    def gettext(self, message):
        return message

    def ngettext(self, msgid1, msgid2, n):
        return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        return msgid1 if n == 1 else msgid2

    def info(self):
        return self._info

    def charset(self):
        return self._charset

    def install(self, names=None):
        import builtins
        builtins.__dict__['_'] = self.gettext


def translation(domain, localedir=None, languages=None, class_=None, fallback=False):
    if fallback:
        return NullTranslations()
    raise FileNotFoundError(2, 'No translation file found for domain', domain)


def install(domain, localedir=None, *, names=None):
    NullTranslations().install(names)


def textdomain(domain=None):
    return domain or 'messages'


def bindtextdomain(domain, localedir=None):
    return localedir


def gettext(message):
    return message


def dgettext(domain, message):
    return message


def ngettext(msgid1, msgid2, n):
    return msgid1 if n == 1 else msgid2


def dngettext(domain, msgid1, msgid2, n):
    return msgid1 if n == 1 else msgid2


def pgettext(context, message):
    return message


def npgettext(context, msgid1, msgid2, n):
    return msgid1 if n == 1 else msgid2
