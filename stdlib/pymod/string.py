"""A collection of string constants (CPython's string module, in pya)."""

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join([w.capitalize() for w in s.split(sep)])


class Template:
    delimiter = '$'
    idpattern = None
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _substitute(self, mapping, safe):
        t = self.template
        out = []
        i = 0
        n = len(t)
        while i < n:
            c = t[i]
            if c != '$':
                out.append(c)
                i += 1
                continue
            if i + 1 < n and t[i + 1] == '$':
                out.append('$')
                i += 2
                continue
            j = i + 1
            braced = j < n and t[j] == '{'
            if braced:
                k = t.find('}', j)
                name = t[j + 1:k] if k >= 0 else ''
                end = k + 1
            else:
                k = j
                while k < n and (t[k] == '_' or t[k].isalnum()) and not (k == j and t[k].isdigit()):
                    k += 1
                name = t[j:k]
                end = k
            if not name or not name.isidentifier():
                if safe:
                    out.append('$')
                    i += 1
                    continue
                lines = t[:i].split('\n')
                raise ValueError('Invalid placeholder in string: line %d, col %d' % (len(lines), len(lines[-1]) + 1))
            if name in mapping:
                out.append(str(mapping[name]))
            elif safe:
                out.append(t[i:end])
            else:
                raise KeyError(name)
            i = end
        return ''.join(out)

    def substitute(self, mapping={}, /, **kws):
        if kws:
            mapping = {**mapping, **kws}
        return self._substitute(mapping, False)

    def safe_substitute(self, mapping={}, /, **kws):
        if kws:
            mapping = {**mapping, **kws}
        return self._substitute(mapping, True)
