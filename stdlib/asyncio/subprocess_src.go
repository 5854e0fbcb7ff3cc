package asyncio

// subprocessSource is asyncio.subprocess over _pya_io.spawn.
const subprocessSource = `
import _pya_io
import asyncio as _asyncio
from asyncio.streams import StreamReader, StreamWriter, _DEFAULT_LIMIT

__all__ = 'create_subprocess_exec', 'create_subprocess_shell'

PIPE = -1
STDOUT = -2
DEVNULL = -3


class Process:
    def __init__(self, handle, loop, limit):
        self._handle = handle
        self._loop = loop
        self.stdin = None
        self.stdout = None
        self.stderr = None
        if handle.stdin is not None:
            self.stdin = StreamWriter(handle.stdin, None, None, loop)
        if handle.stdout is not None:
            self.stdout = StreamReader(limit=limit, loop=loop)
            self.stdout.set_transport(handle.stdout)
        if handle.stderr is not None:
            self.stderr = StreamReader(limit=limit, loop=loop)
            self.stderr.set_transport(handle.stderr)
        self.pid = handle.pid

    def __repr__(self):
        return f'<{self.__class__.__name__} {self.pid}>'

    @property
    def returncode(self):
        return self._handle.returncode

    async def wait(self):
        return await self._handle.wait()

    def send_signal(self, signal):
        self._handle.signal(signal)

    def terminate(self):
        self._handle.signal(15)

    def kill(self):
        self._handle.signal(9)

    async def _feed_stdin(self, input):
        try:
            self.stdin.write(input)
            await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.stdin.close()

    async def _noop(self):
        return None

    async def _read_stream(self, fd):
        if fd == 2:
            stream = self.stderr
        else:
            assert fd == 1
            stream = self.stdout
        output = await stream.read()
        return output

    async def communicate(self, input=None):
        if input is not None:
            stdin = self._feed_stdin(input)
        else:
            stdin = self._noop()
        if self.stdout is not None:
            stdout = self._read_stream(1)
        else:
            stdout = self._noop()
        if self.stderr is not None:
            stderr = self._read_stream(2)
        else:
            stderr = self._noop()
        stdin, stdout, stderr = await _asyncio.gather(stdin, stdout, stderr)
        await self.wait()
        return (stdout, stderr)


def _spawn(argv, stdin, stdout, stderr, limit, kwds):
    loop = _asyncio.get_running_loop()
    cwd = kwds.pop('cwd', None)
    env = kwds.pop('env', None)
    h = _pya_io.spawn(argv, stdin, stdout, stderr, cwd, env)
    return Process(h, loop, limit)


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=_DEFAULT_LIMIT, **kwds):
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    return _spawn(['/bin/sh', '-c', cmd], stdin, stdout, stderr, limit, kwds)


async def create_subprocess_exec(program, *args, stdin=None, stdout=None,
                                 stderr=None, limit=_DEFAULT_LIMIT, **kwds):
    return _spawn([program, *args], stdin, stdout, stderr, limit, kwds)
`
