package asyncio

// streamsSource is asyncio.streams: CPython 3.11's StreamReader,
// StreamWriter and Server over pya's transports (_pya_io), so that
// buffering, separators, limits and their errors behave as CPython's.
const streamsSource = `
import _pya_io
import asyncio as _asyncio

_pya_io_Transport = _pya_io.Transport

__all__ = ('StreamReader', 'StreamWriter', 'open_connection',
           'start_server', 'Server')

_DEFAULT_LIMIT = 2 ** 16


exceptions = _asyncio.exceptions


class StreamReader:
    _source_traceback = None

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = loop
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            info.append(f'limit={self._limit}')
        if self._waiter:
            info.append(f'waiter={self._waiter!r}')
        if self._exception:
            info.append(f'exception={self._exception!r}')
        if self._transport:
            info.append(f'transport={self._transport!r}')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_result(None)

    def set_transport(self, transport):
        assert self._transport is None, 'Transport already set'
        self._transport = transport

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        assert not self._eof, 'feed_data after feed_eof'
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup_waiter()

    def _maybe_resume_transport(self):
        pass

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(
                f'{func_name}() called while another coroutine is '
                f'already waiting for incoming data')
        t = self._transport
        if t is None or not isinstance(t, _pya_io_Transport):
            self._waiter = _asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
            return
        self._waiter = True
        try:
            data = await t.read(-1)
        except (ConnectionError, OSError) as exc:
            self._exception = exc
            raise
        finally:
            self._waiter = None
        if data:
            self._buffer.extend(data)
        else:
            self._eof = True

    async def readline(self):
        sep = b'\n'
        seplen = len(sep)
        try:
            line = await self.readuntil(sep)
        except exceptions.IncompleteReadError as e:
            return e.partial
        except exceptions.LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):
                del self._buffer[:e.consumed + seplen]
            else:
                self._buffer.clear()
            raise ValueError(e.args[0])
        return line

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise exceptions.LimitOverrunError(
                        'Separator is not found, and chunk exceed the limit',
                        offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if isep > self._limit:
            raise exceptions.LimitOverrunError(
                'Separator is found, but chunk is longer than limit', isep)
        chunk = self._buffer[:isep + seplen]
        del self._buffer[:isep + seplen]
        return bytes(chunk)

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class StreamWriter:
    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        info = [self.__class__.__name__, f'transport={self._transport!r}']
        if self._reader is not None:
            info.append(f'reader={self._reader!r}')
        return '<{}>'.format(' '.join(info))

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        self._transport.write(b''.join(data))

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._transport.closed()

    def get_extra_info(self, name, default=None):
        if name == 'peername':
            v = self._transport.peername()
        elif name == 'sockname':
            v = self._transport.sockname()
        else:
            v = None
        return default if v is None else v

    async def drain(self):
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            await _asyncio.sleep(0)
        await self._transport.drain()



class TransportSocket:
    """asyncio.trsock.TransportSocket: a server's listening socket, with
    the socket methods that do not change its state."""
    __module__ = 'asyncio.trsock'
    __slots__ = ('_listener',)

    def __init__(self, listener):
        self._listener = listener

    @property
    def family(self):
        return self._listener.family()

    @property
    def type(self):
        return 1  # SOCK_STREAM

    @property
    def proto(self):
        return 6 if self.family != 1 else 0  # IPPROTO_TCP

    def fileno(self):
        return self._listener.fileno()

    def getsockname(self):
        return self._listener.sockname()

    def __repr__(self):
        s = (f'<asyncio.TransportSocket fd={self.fileno()}, '
             f'family={self.family}, type={self.type}, proto={self.proto}')
        if self.fileno() != -1:
            s = f'{s}, laddr={self.getsockname()}'
        return f'{s}>'


class BaseProtocol:
    __slots__ = ()

    def connection_made(self, transport):
        pass

    def connection_lost(self, exc):
        pass

    def pause_writing(self):
        pass

    def resume_writing(self):
        pass


class Protocol(BaseProtocol):
    __slots__ = ()

    def data_received(self, data):
        pass

    def eof_received(self):
        pass


class _SelectorSocketTransport:
    """The transport handed to a Protocol (loop.create_connection and
    loop.create_server)."""

    def __init__(self, loop, transport, protocol):
        self._loop = loop
        self._t = transport
        self._protocol = protocol
        self._lost = False
        self._reading = True

    def __repr__(self):
        state = 'closing' if self._t.is_closing() else 'open'
        return f'<_SelectorSocketTransport {state}>'

    def get_extra_info(self, name, default=None):
        if name == 'peername':
            v = self._t.peername()
        elif name == 'sockname':
            v = self._t.sockname()
        else:
            v = None
        return default if v is None else v

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol):
        self._protocol = protocol

    def write(self, data):
        self._t.write(data)

    def writelines(self, list_of_data):
        self._t.write(b''.join(list_of_data))

    def write_eof(self):
        self._t.write_eof()

    def can_write_eof(self):
        return True

    def is_closing(self):
        return self._t.is_closing()

    def is_reading(self):
        return self._reading and not self._t.is_closing()

    def pause_reading(self):
        self._reading = False
        self._t.pause_reading()

    def resume_reading(self):
        self._reading = True
        self._t.resume_reading()

    def close(self):
        if self._t.is_closing():
            return
        self._t.close()
        self._t.closed().add_done_callback(self._closed)

    def abort(self):
        self._t.abort()
        self._loop.call_soon(self._connection_lost, None)

    def _closed(self, fut):
        self._connection_lost(None)

    def _connection_lost(self, exc):
        if self._lost:
            return
        self._lost = True
        self._protocol.connection_lost(exc)

    def _on_data(self, data):
        if isinstance(data, BaseException):
            self._t.abort()
            self._connection_lost(data)
        elif data:
            self._protocol.data_received(data)
        elif not self._protocol.eof_received():
            self.close()


def _start_protocol(loop, transport, protocol):
    tr = _SelectorSocketTransport(loop, transport, protocol)
    protocol.connection_made(tr)
    transport.pump(tr._on_data)
    return tr


class Server:
    def __init__(self, loop, listeners, client_connected_cb, limit,
                 protocol_factory=None):
        self._loop = loop
        self._protocol_factory = protocol_factory
        self._listeners = listeners
        self._cb = client_connected_cb
        self._limit = limit
        self._serving = False
        self._closed = False
        self._waiters = []
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _connected(self, transport):
        if self._protocol_factory is not None:
            _start_protocol(self._loop, transport, self._protocol_factory())
            return
        reader = StreamReader(limit=self._limit, loop=self._loop)
        reader.set_transport(transport)
        writer = StreamWriter(transport, None, reader, self._loop)
        res = self._cb(reader, writer)
        if _asyncio.iscoroutine(res):
            self._loop.create_task(res)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._closed:
            return ()
        return tuple(TransportSocket(ln) for ln in self._listeners)

    def close(self):
        if self._closed:
            return
        self._closed = True
        for ln in self._listeners:
            ln.close()
        self._serving = False
        if (self._serving_forever_fut is not None and
                not self._serving_forever_fut.done()):
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def _start_serving(self):
        if self._serving or self._closed:
            return
        self._serving = True
        for ln in self._listeners:
            ln.serve(self._connected)

    async def start_serving(self):
        self._start_serving()
        await _asyncio.sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(
                f'server {self!r} is already being awaited on serve_forever()')
        if self._closed:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except _asyncio.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


async def open_connection(host=None, port=None, *,
                          limit=_DEFAULT_LIMIT, **kwds):
    loop = _asyncio.get_running_loop()
    transport = await _pya_io.connect(host, port)
    reader = StreamReader(limit=limit, loop=loop)
    reader.set_transport(transport)
    writer = StreamWriter(transport, None, reader, loop)
    return reader, writer


async def _create_connection(loop, protocol_factory, host=None, port=None,
                             **kwds):
    transport = await _pya_io.connect(host, port)
    protocol = protocol_factory()
    return _start_protocol(loop, transport, protocol), protocol


async def _create_server(loop, protocol_factory, host=None, port=None, *,
                         start_serving=True, **kwds):
    if isinstance(host, (list, tuple)):
        listeners = [_pya_io.listen(h, port) for h in host]
    else:
        listeners = [_pya_io.listen(host, port)]
    server = Server(loop, listeners, None, _DEFAULT_LIMIT, protocol_factory)
    if start_serving:
        server._start_serving()
        await _asyncio.sleep(0)
    return server


async def open_unix_connection(path=None, *, limit=_DEFAULT_LIMIT, **kwds):
    loop = _asyncio.get_running_loop()
    transport = await _pya_io.connect_unix(path)
    reader = StreamReader(limit=limit, loop=loop)
    reader.set_transport(transport)
    writer = StreamWriter(transport, None, reader, loop)
    return reader, writer


async def start_unix_server(client_connected_cb, path=None, *,
                            limit=_DEFAULT_LIMIT, start_serving=True, **kwds):
    loop = _asyncio.get_running_loop()
    server = Server(loop, [_pya_io.listen_unix(path)], client_connected_cb, limit)
    if start_serving:
        server._start_serving()
        await _asyncio.sleep(0)
    return server


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, start_serving=True, **kwds):
    loop = _asyncio.get_running_loop()
    if isinstance(host, (list, tuple)):
        listeners = [_pya_io.listen(h, port) for h in host]
    else:
        listeners = [_pya_io.listen(host, port)]
    server = Server(loop, listeners, client_connected_cb, limit)
    if start_serving:
        server._start_serving()
        await _asyncio.sleep(0)
    return server
`
