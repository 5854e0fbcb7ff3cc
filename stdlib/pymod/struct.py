"""struct: convert between Python values and C structs represented as
bytes objects (the native part is _struct; Struct is a precompiled
format)."""

from _struct import pack, pack_into, unpack, unpack_from, calcsize, error

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
           'iter_unpack', 'Struct', 'error']


def iter_unpack(format, buffer):
    """Iterate over the consecutive structs of size calcsize(format) in
    buffer."""
    size = calcsize(format)
    if size == 0:
        raise error('cannot iteratively unpack with a struct of length 0')
    if len(buffer) % size:
        raise error('iterative unpacking requires a buffer of a multiple of %d bytes' % size)
    return (unpack(format, buffer[i:i + size]) for i in range(0, len(buffer), size))


class Struct:
    """A compiled format: pack, unpack and their variants without parsing
    the format again."""

    def __init__(self, format):
        calcsize(format)
        self.format = format.decode('ascii') if isinstance(format, bytes) else format
        self.size = calcsize(format)

    def pack(self, *values):
        return pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)

    def __repr__(self):
        return f'Struct({self.format!r})'


Struct.__module__ = '_struct'
