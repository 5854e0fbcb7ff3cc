# aiohttp's client API over _pya_http (Go's net/http). The names, reprs
# and error messages follow aiohttp 3.8 (Debian 12's, which the golden
# tests are recorded with).
import asyncio
import json as _json
import _pya_http
import collections.abc as _abc

__version__ = '3.8.4'


class ClientError(Exception):
    """Base class for client connection errors."""


class ClientConnectionError(ClientError):
    """Base class for client socket errors."""


class ClientOSError(ClientConnectionError, OSError):
    """OSError error."""


class ClientConnectorError(ClientOSError):
    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        super().__init__(os_error.errno, os_error.strerror)
        self.args = (connection_key, os_error)

    @property
    def os_error(self):
        return self._os_error

    @property
    def host(self):
        return self._conn_key.host

    @property
    def port(self):
        return self._conn_key.port

    @property
    def ssl(self):
        return self._conn_key.ssl

    def __str__(self):
        return 'Cannot connect to host {0.host}:{0.port} ssl:{1} [{2}]'.format(
            self, 'default' if self.ssl is True else self.ssl, self._os_error.strerror)


class ServerConnectionError(ClientConnectionError):
    """Server connection errors."""


class ServerDisconnectedError(ServerConnectionError):
    def __init__(self, message=None):
        if message is None:
            message = 'Server disconnected'
        self.args = (message,)
        self.message = message


class ServerTimeoutError(ServerConnectionError, asyncio.TimeoutError):
    """Server timeout error."""


class ClientPayloadError(ClientError):
    """Response payload error."""


class InvalidURL(ClientError, ValueError):
    def __init__(self, url):
        super().__init__(url)

    @property
    def url(self):
        return self.args[0]

    def __repr__(self):
        return f'<{self.__class__.__name__} {self.url}>'


class ClientResponseError(ClientError):
    def __init__(self, request_info, history, *, code=None, status=None,
                 message='', headers=None):
        self.request_info = request_info
        if status is None:
            status = code if code is not None else 0
        self.status = status
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)

    def __str__(self):
        return '{}, message={!r}, url={!r}'.format(
            self.status, self.message, self.request_info.real_url)

    def __repr__(self):
        args = f'{self.request_info!r}, {self.history!r}'
        if self.status != 0:
            args += f', status={self.status!r}'
        if self.message != '':
            args += f', message={self.message!r}'
        if self.headers is not None:
            args += f', headers={self.headers!r}'
        return f'{type(self).__name__}({args})'

    @property
    def code(self):
        return self.status


class ContentTypeError(ClientResponseError):
    """ContentType found is not valid."""


class _ConnectionKey:
    def __init__(self, host, port, ssl):
        self.host = host
        self.port = port
        self.ssl = ssl


class URL:
    """A small yarl.URL: str(), repr, host, port, scheme, path, query_string."""

    def __init__(self, val=''):
        self._val = str(val)

    def __str__(self):
        return self._val

    def __repr__(self):
        return f"URL('{self._val}')"

    def __eq__(self, other):
        return isinstance(other, URL) and self._val == other._val

    def __hash__(self):
        return hash(self._val)

    def _split(self):
        scheme, sep, rest = self._val.partition('://')
        netloc, slash, path = rest.partition('/')
        path, _, query = ('/' + path if slash else '/').partition('?')
        path = path.partition('#')[0]
        return scheme, netloc, path, query.partition('#')[0]

    @property
    def scheme(self):
        return self._split()[0]

    @property
    def host(self):
        netloc = self._split()[1].rpartition('@')[2]
        if netloc.startswith('['):
            return netloc[1:].partition(']')[0]
        return netloc.partition(':')[0]

    @property
    def port(self):
        netloc = self._split()[1].rpartition('@')[2]
        if netloc.startswith('['):
            p = netloc.partition(']')[2].lstrip(':')
        else:
            p = netloc.partition(':')[2]
        if p:
            return int(p)
        return {'http': 80, 'https': 443}.get(self.scheme)

    @property
    def path(self):
        return self._split()[2]

    @property
    def query_string(self):
        return self._split()[3]

    def human_repr(self):
        return self._val


class RequestInfo:
    def __init__(self, url, method, headers, real_url):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = real_url

    def __repr__(self):
        return (f'RequestInfo(url={self.url!r}, method={self.method!r}, '
                f'headers={self.headers!r}, real_url={self.real_url!r})')


class CIMultiDict:
    """A case-insensitive multidict of headers (multidict.CIMultiDictProxy)."""

    def __init__(self, items=()):
        if isinstance(items, dict):
            items = items.items()
        elif isinstance(items, CIMultiDict):
            items = items.items()
        self._items = [(str(k), str(v)) for k, v in items]

    def __getitem__(self, key):
        k = key.lower()
        for name, value in self._items:
            if name.lower() == k:
                return value
        raise KeyError(key)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def getone(self, key, default=None):
        return self.get(key, default)

    def getall(self, key, *default):
        k = key.lower()
        res = [v for n, v in self._items if n.lower() == k]
        if not res:
            if default:
                return default[0]
            raise KeyError(key)
        return res

    def __contains__(self, key):
        k = key.lower()
        return any(n.lower() == k for n, _ in self._items)

    def __iter__(self):
        return iter([n for n, _ in self._items])

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [n for n, _ in self._items]

    def values(self):
        return [v for _, v in self._items]

    def items(self):
        return list(self._items)

    def __eq__(self, other):
        if isinstance(other, CIMultiDict):
            return self._items == other._items
        if isinstance(other, dict):
            return dict(self._items) == other
        return NotImplemented

    def __repr__(self):
        body = ', '.join(f'{k!r}: {v!r}' for k, v in self._items)
        return f'<CIMultiDictProxy({body})>'


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None,
                 sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect

    def __repr__(self):
        return (f'ClientTimeout(total={self.total!r}, connect={self.connect!r}, '
                f'sock_read={self.sock_read!r}, sock_connect={self.sock_connect!r})')

    def __eq__(self, other):
        if not isinstance(other, ClientTimeout):
            return NotImplemented
        return (self.total, self.connect, self.sock_read, self.sock_connect) == \
            (other.total, other.connect, other.sock_read, other.sock_connect)

    def _seconds(self):
        ts = [t for t in (self.total, self.connect, self.sock_read,
                          self.sock_connect) if t]
        return min(ts) if ts else None


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60)

import sys as _sys
_USER_AGENT = 'Python/{0[0]}.{0[1]} aiohttp/{1}'.format(_sys.version_info, __version__)


class BasicAuth:
    def __init__(self, login, password='', encoding='latin1'):
        if login is None:
            raise ValueError('None is not allowed as login value')
        if ':' in login:
            raise ValueError('A ":" is not allowed in login (RFC 1945#section-11.1)')
        self.login = login
        self.password = password
        self.encoding = encoding

    def __repr__(self):
        return (f'BasicAuth(login={self.login!r}, password={self.password!r}, '
                f'encoding={self.encoding!r})')

    def encode(self):
        import base64
        creds = f'{self.login}:{self.password}'.encode(self.encoding)
        return 'Basic %s' % base64.b64encode(creds).decode(self.encoding)


class TCPConnector:
    """Connection pool options: limit (total connections, 0 for no
    limit) and ssl=False (no certificate verification)."""

    def __init__(self, *, limit=100, limit_per_host=0, ssl=True,
                 verify_ssl=True, force_close=False, **kwargs):
        self.limit = limit
        self.limit_per_host = limit_per_host
        self._insecure = ssl is False or not verify_ssl
        self._closed = False

    @property
    def closed(self):
        return self._closed

    async def close(self):
        self._closed = True


class _Content:
    """response.content: the body as a stream (already read)."""

    def __init__(self, body):
        self._body = body
        self._pos = 0

    async def read(self, n=-1):
        if n < 0:
            n = len(self._body) - self._pos
        data = self._body[self._pos:self._pos + n]
        self._pos += len(data)
        return data

    async def readline(self):
        i = self._body.find(b'\n', self._pos)
        end = len(self._body) if i < 0 else i + 1
        data = self._body[self._pos:end]
        self._pos = end
        return data

    async def iter_chunked(self, n):
        while True:
            data = await self.read(n)
            if not data:
                return
            yield data

    async def iter_any(self):
        data = await self.read()
        if data:
            yield data

    def at_eof(self):
        return self._pos >= len(self._body)

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line


def _is_expected_content_type(response_content_type, expected_content_type):
    if expected_content_type == 'application/json':
        return 'json' in response_content_type.partition(';')[0]
    return expected_content_type in response_content_type


class ClientResponse:
    def __init__(self, method, request_info, raw):
        status, reason, headers, url, body, version = raw[:6]
        self.method = method
        self.status = status
        self.reason = reason
        self.headers = CIMultiDict(headers)
        self.url = URL(url)
        self.real_url = self.url
        self.request_info = request_info
        self.history = ()
        self.version = version
        self._body = body
        self.content = _Content(body)
        self._closed = False

    def __repr__(self):
        out = f'<ClientResponse({self.url}) [{self.status} {self.reason}]>\n'
        out += repr(self.headers) + '\n'
        return out

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        ct = self.headers.get('Content-Type', 'application/octet-stream')
        return ct.partition(';')[0].strip().lower()

    @property
    def charset(self):
        ct = self.headers.get('Content-Type', '')
        for part in ct.split(';')[1:]:
            k, _, v = part.strip().partition('=')
            if k.lower() == 'charset':
                return v.strip('"')
        return None

    @property
    def content_length(self):
        v = self.headers.get('Content-Length')
        return int(v) if v is not None else None

    @property
    def closed(self):
        return self._closed

    def raise_for_status(self):
        if self.status >= 400:
            self.release()
            raise ClientResponseError(
                self.request_info, self.history, status=self.status,
                message=self.reason, headers=self.headers)

    async def read(self):
        return self._body

    def get_encoding(self):
        return self.charset or 'utf-8'

    async def text(self, encoding=None, errors='strict'):
        return self._body.decode(encoding or self.get_encoding(), errors)

    async def json(self, *, encoding=None, loads=_json.loads,
                   content_type='application/json'):
        if content_type:
            ctype = self.headers.get('Content-Type', '').lower()
            if not _is_expected_content_type(ctype, content_type):
                raise ContentTypeError(
                    self.request_info, self.history, status=self.status,
                    message='Attempt to decode JSON with unexpected mimetype: %s' % ctype,
                    headers=self.headers)
        stripped = self._body.strip()
        if not stripped:
            return None
        return loads(stripped.decode(encoding or self.get_encoding()))

    def release(self):
        self._closed = True

    def close(self):
        self._closed = True

    async def wait_for_close(self):
        self._closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        self.release()


class _RequestContextManager(_abc.Coroutine):
    """What session.get() returns: a coroutine (asyncio.create_task accepts
    it, as aiohttp's), and an async context manager that releases the
    response on exit."""

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    def send(self, arg):
        return self._coro.send(arg)

    def throw(self, *args):
        return self._coro.throw(*args)

    def close(self):
        return self._coro.close()

    def __iter__(self):
        return self.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


class _SessionRequestContextManager:
    def __init__(self, coro, session):
        self._coro = coro
        self._resp = None
        self._session = session

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        try:
            self._resp = await self._coro
        except BaseException:
            await self._session.close()
            raise
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()
        await self._session.close()


def _form_encode(data):
    from urllib.parse import urlencode
    return urlencode(data)


def _quote(s):
    safe = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~'
    out = []
    for b in str(s).encode('utf-8'):
        c = chr(b)
        if c in safe:
            out.append(c)
        elif c == ' ':
            out.append('+')
        else:
            out.append('%%%02X' % b)
    return ''.join(out)


class ClientSession:
    def __init__(self, base_url=None, *, headers=None, timeout=None,
                 raise_for_status=False, cookies=None, connector=None,
                 json_serialize=_json.dumps, **kwargs):
        if timeout is None:
            timeout = DEFAULT_TIMEOUT
        self._base_url = URL(base_url) if base_url is not None else None
        self._default_headers = CIMultiDict(headers or ())
        self._timeout = timeout
        self._raise_for_status = raise_for_status
        self._json_serialize = json_serialize
        if connector is None:
            connector = TCPConnector()
        self._connector = connector
        self._client = _pya_http.Client(connector.limit, connector.limit_per_host,
                                        connector._insecure)
        self._auth = kwargs.get('auth')
        self._closed = False

    def __repr__(self):
        return f'<aiohttp.client.ClientSession object>'

    @property
    def closed(self):
        return self._closed

    @property
    def timeout(self):
        return self._timeout

    @property
    def headers(self):
        return self._default_headers

    @property
    def connector(self):
        return self._connector

    async def close(self):
        if not self._closed:
            self._closed = True
            self._client.close()
            await self._connector.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        await self.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        return _RequestContextManager(
            self._request('GET', url, allow_redirects=allow_redirects, **kwargs))

    def options(self, url, *, allow_redirects=True, **kwargs):
        return _RequestContextManager(
            self._request('OPTIONS', url, allow_redirects=allow_redirects, **kwargs))

    def head(self, url, *, allow_redirects=False, **kwargs):
        return _RequestContextManager(
            self._request('HEAD', url, allow_redirects=allow_redirects, **kwargs))

    def post(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('POST', url, data=data, **kwargs))

    def put(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('PUT', url, data=data, **kwargs))

    def patch(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('PATCH', url, data=data, **kwargs))

    def delete(self, url, **kwargs):
        return _RequestContextManager(self._request('DELETE', url, **kwargs))

    async def _request(self, method, str_or_url, *, params=None, data=None,
                       json=None, headers=None, timeout=None,
                       allow_redirects=True, raise_for_status=None, auth=None,
                       **kwargs):
        if self._closed:
            raise RuntimeError('Session is closed')
        if data is not None and json is not None:
            raise ValueError(
                'data and json parameters can not be used at the same time')
        url = str(str_or_url)
        if self._base_url is not None and not url.startswith(('http://', 'https://')):
            url = str(self._base_url).rstrip('/') + '/' + url.lstrip('/')
        if not url.startswith(('http://', 'https://')):
            raise InvalidURL(url.replace(' ', '%20'))
        hdrs = CIMultiDict(self._default_headers)
        if headers:
            for k, v in CIMultiDict(headers).items():
                hdrs._items = [(n, x) for n, x in hdrs._items if n.lower() != k.lower()]
                hdrs._items.append((k, v))
        body = None
        ctype = None
        if json is not None:
            body = self._json_serialize(json).encode('utf-8')
            ctype = 'application/json'
        elif isinstance(data, (bytes, bytearray)):
            body = bytes(data)
            ctype = 'application/octet-stream'
        elif isinstance(data, str):
            body = data.encode('utf-8')
            ctype = 'text/plain; charset=utf-8'
        elif data is not None:
            items = data.items() if hasattr(data, 'items') else data
            body = '&'.join(f'{_quote(k)}={_quote(v)}' for k, v in items).encode()
            ctype = 'application/x-www-form-urlencoded'
        auth = auth if auth is not None else self._auth
        if auth is not None and 'Authorization' not in hdrs:
            hdrs._items.append(('Authorization', auth.encode()))
        if ctype is not None and 'Content-Type' not in hdrs:
            hdrs._items.append(('Content-Type', ctype))
        if params is not None:
            if hasattr(params, 'items'):
                params = list(params.items())
            elif isinstance(params, str):
                url = url + ('&' if '?' in url else '?') + params
                params = None
            if params is not None:
                params = [(str(k), v if isinstance(v, str) else str(v)) for k, v in params]
        if timeout is None:
            timeout = self._timeout
        if isinstance(timeout, ClientTimeout):
            seconds = timeout._seconds()
        else:
            seconds = timeout
        if 'Accept' not in hdrs:
            hdrs._items.append(('Accept', '*/*'))
        if 'User-Agent' not in hdrs:
            hdrs._items.append(('User-Agent', _USER_AGENT))
        info = RequestInfo(URL(url), method, hdrs, URL(url))
        try:
            raw = await self._client.request(
                method, url, params, hdrs.items(), body, seconds,
                bool(allow_redirects))
        except ValueError:
            raise InvalidURL(url.replace(' ', '%20')) from None
        except TimeoutError:
            raise asyncio.TimeoutError() from None
        except ConnectionError as e:
            if e.errno is not None:
                u = URL(url)
                raise ClientConnectorError(
                    _ConnectionKey(u.host, u.port, True), e) from None
            raise ServerDisconnectedError(str(e)) from None
        except OSError as e:
            u = URL(url)
            raise ClientConnectorError(_ConnectionKey(u.host, u.port, True), e) from None
        resp = ClientResponse(method, info, raw)
        history = []
        for h_status, h_reason, h_headers, h_url in raw[6]:
            h_info = RequestInfo(URL(h_url), method, hdrs, URL(h_url))
            history.append(ClientResponse(method, h_info, (h_status, h_reason, h_headers, h_url, b'', resp.version)))
        resp.history = tuple(history)
        if raise_for_status is None:
            raise_for_status = self._raise_for_status
        if raise_for_status:
            resp.raise_for_status()
        return resp


def request(method, url, **kwargs):
    session = ClientSession()
    return _SessionRequestContextManager(session._request(method, url, **kwargs), session)
