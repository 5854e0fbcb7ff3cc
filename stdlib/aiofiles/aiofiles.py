# aiofiles: asynchronous file objects. Each blocking call runs on a
# worker thread (loop.run_in_executor(None, ...), as aiofiles does).
import asyncio

__path__ = []
__all__ = ['open', 'os', 'stdin', 'stdout', 'stderr']

_builtin_open = open


async def _run(func, *args):
    return await asyncio.get_running_loop().run_in_executor(None, func, *args)


class AsyncFile:
    """The object of `async with aiofiles.open(...) as f` (aiofiles'
    AsyncTextIOWrapper / AsyncBufferedReader): the file's methods as
    coroutines, its attributes as they are."""

    def __init__(self, file):
        self._file = file

    def __repr__(self):
        return f'<{type(self).__name__} name={self._file.name!r}>'

    @property
    def name(self):
        return self._file.name

    @property
    def mode(self):
        return self._file.mode

    @property
    def closed(self):
        return self._file.closed

    def fileno(self):
        return self._file.fileno()

    def readable(self):
        return self._file.readable()

    def writable(self):
        return self._file.writable()

    def seekable(self):
        return self._file.seekable()

    async def read(self, size=-1):
        return await _run(self._file.read, size)

    async def read1(self, size=-1):
        return await _run(self._file.read, size)

    async def readline(self, size=-1):
        return await _run(self._file.readline, size)

    async def readlines(self, hint=-1):
        return await _run(self._file.readlines, hint)

    async def write(self, data):
        return await _run(self._file.write, data)

    async def writelines(self, lines):
        return await _run(self._file.writelines, lines)

    async def seek(self, offset, whence=0):
        return await _run(self._file.seek, offset, whence)

    async def tell(self):
        return await _run(self._file.tell)

    async def truncate(self, size=None):
        return await _run(self._file.truncate, size)

    async def flush(self):
        return await _run(self._file.flush)

    async def close(self):
        return await _run(self._file.close)

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line:
            return line
        raise StopAsyncIteration

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        await self.close()


class AiofilesContextManager:
    """What aiofiles.open returns: awaitable (the file) and an async
    context manager that closes it."""

    def __init__(self, coro):
        self._coro = coro
        self._obj = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._obj = await self._coro
        return self._obj

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        await self._obj.close()
        self._obj = None


class AsyncTextIOWrapper(AsyncFile):
    """A text file (io.TextIOWrapper)."""


class AsyncBufferedReader(AsyncFile):
    """A binary file opened for reading only (io.BufferedReader)."""


class AsyncBufferedIOBase(AsyncFile):
    """A binary file opened for writing (io.BufferedWriter, BufferedRandom)."""


class AsyncFileIO(AsyncFile):
    """An unbuffered binary file (io.FileIO)."""


def _wrapper_for(mode, buffering):
    # aiofiles picks its wrapper by the io class open() returned.
    if 'b' not in mode:
        return AsyncTextIOWrapper
    if buffering == 0:
        return AsyncFileIO
    if any(c in mode for c in 'wax+'):
        return AsyncBufferedIOBase
    return AsyncBufferedReader


async def _open(file, mode, buffering, encoding, errors, newline, closefd, opener):
    f = await _run(lambda: _builtin_open(file, mode, buffering, encoding,
                                         errors, newline, closefd, opener))
    return _wrapper_for(mode, buffering)(f)


def open(file, mode='r', buffering=-1, encoding=None, errors=None,
         newline=None, closefd=True, opener=None, *, loop=None,
         executor=None):
    return AiofilesContextManager(
        _open(file, mode, buffering, encoding, errors, newline, closefd, opener))


import aiofiles.os as os
