# requests over _pya_requests (Go's net/http): the API of requests 2.34 —
# get/post/put/patch/delete/head/options/request, Response, Session,
# requests.exceptions and their messages. Calls block the calling thread
# (releasing the interpreter lock while they wait, as CPython's sockets do).
__path__ = []  # a package: requests.exceptions, requests.structures

import builtins as _builtins
import json as _json
import datetime as _datetime
import _pya_requests
import requests.exceptions as exceptions
from requests.exceptions import (
    RequestException, Timeout, URLRequired, TooManyRedirects, HTTPError,
    ConnectionError, ConnectTimeout, ReadTimeout, JSONDecodeError,
    InvalidJSONError, InvalidURL, InvalidSchema, MissingSchema, InvalidHeader,
    SSLError, ProxyError, RequestsWarning,
)
from requests.exceptions import _wrapped
import requests.structures as structures
from requests.structures import CaseInsensitiveDict, LookupDict

__title__ = 'requests'
__version__ = '2.34.2'

_REDIRECT_STATI = (301, 302, 303, 307, 308)

_codes = {
    100: ('continue',), 101: ('switching_protocols',), 200: ('ok', 'okay', 'all_ok', 'all_okay', 'all_good', '\\o/', '✓'),
    201: ('created',), 202: ('accepted',), 204: ('no_content',), 206: ('partial_content',),
    301: ('moved_permanently', 'moved', '\\o-'), 302: ('found',), 303: ('see_other', 'other'),
    304: ('not_modified',), 307: ('temporary_redirect', 'temporary_moved', 'temporary'),
    308: ('permanent_redirect', 'resume_incomplete', 'resume'),
    400: ('bad_request', 'bad'), 401: ('unauthorized',), 403: ('forbidden',), 404: ('not_found', '-o-'),
    405: ('method_not_allowed', 'not_allowed'), 408: ('request_timeout', 'timeout'), 409: ('conflict',),
    410: ('gone',), 418: ('im_a_teapot', 'teapot', 'i_am_a_teapot'), 422: ('unprocessable_entity', 'unprocessable'),
    429: ('too_many_requests', 'too_many'), 500: ('internal_server_error', 'server_error', '/o\\', '✗'),
    501: ('not_implemented',), 502: ('bad_gateway',), 503: ('service_unavailable', 'unavailable'),
    504: ('gateway_timeout',),
}
codes = LookupDict(name='status_codes')
for _code, _titles in _codes.items():
    for _title in _titles:
        setattr(codes, _title, _code)
        if not _title.startswith(('\\', '/')):
            setattr(codes, _title.upper(), _code)


def default_headers():
    return CaseInsensitiveDict({
        'User-Agent': 'python-requests/' + __version__,
        'Accept-Encoding': 'gzip, deflate',
        'Accept': '*/*',
        'Connection': 'keep-alive',
    })


def _pairs(data):
    """The (str, str) pairs of params or form data: a dict or a sequence of
    pairs, list values repeated, None values dropped (urlencode(doseq))."""
    items = data.items() if hasattr(data, 'items') else data
    out = []
    for k, vs in items:
        if isinstance(vs, (str, bytes)) or not hasattr(vs, '__iter__'):
            vs = [vs]
        for v in vs:
            if v is None:
                continue
            if isinstance(k, bytes):
                k = k.decode('utf-8')
            out.append((k, v.decode('utf-8') if isinstance(v, bytes) else str(v)))
    return out


def _encode(data):
    if isinstance(data, (str, bytes)):
        return data
    if hasattr(data, 'read'):
        return data
    return _pya_requests.urlencode(_pairs(data))


class PreparedRequest:
    __module__ = 'requests.models'

    def __init__(self):
        self.method = None
        self.url = None
        self.headers = None
        self.body = None

    def __repr__(self):
        return f'<PreparedRequest [{self.method}]>'

    def prepare(self, method, url, headers, params, data, json, auth):
        self.method = method.upper()
        query = ''
        if params:
            query = params if isinstance(params, str) else _encode(params)
        try:
            self.url = _pya_requests.prepare_url(url if isinstance(url, str) else str(url), query)
        except ValueError as e:
            kind, msg = e.args
            raise {'schema': MissingSchema, 'adapter': InvalidSchema}.get(kind, InvalidURL)(msg) from None
        self.headers = headers
        body = None
        ctype = None
        if not data and json is not None:
            ctype = 'application/json'
            body = _json.dumps(json, allow_nan=False)
            if not isinstance(body, bytes):
                body = body.encode('utf-8')
        elif data:
            body = _encode(data)
            if isinstance(data, (str, bytes)) or hasattr(data, 'read'):
                ctype = None
            else:
                ctype = 'application/x-www-form-urlencoded'
        if hasattr(body, 'read'):
            body = body.read()
        if ctype is not None and 'content-type' not in self.headers:
            self.headers['Content-Type'] = ctype
        if auth is not None:
            if isinstance(auth, tuple) and len(auth) == 2:
                import base64
                u, p = auth
                u = u.encode('latin1') if isinstance(u, str) else u
                p = p.encode('latin1') if isinstance(p, str) else p
                self.headers['Authorization'] = 'Basic ' + base64.b64encode(u + b':' + p).decode()
            else:
                auth(self)
        self.body = body

    def copy(self):
        p = PreparedRequest()
        p.method, p.url, p.body = self.method, self.url, self.body
        p.headers = self.headers.copy() if self.headers is not None else None
        return p


class Response:
    __module__ = 'requests.models'

    def __init__(self):
        self._content = False
        self.status_code = None
        self.headers = CaseInsensitiveDict()
        self.url = None
        self.encoding = None
        self.history = []
        self.reason = None
        self.cookies = {}
        self.elapsed = _datetime.timedelta(0)
        self.request = None

    def __repr__(self):
        return f'<Response [{self.status_code}]>'

    def __bool__(self):
        return self.ok

    def __iter__(self):
        return self.iter_content(128)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    @property
    def ok(self):
        try:
            self.raise_for_status()
        except HTTPError:
            return False
        return True

    @property
    def is_redirect(self):
        return 'location' in self.headers and self.status_code in _REDIRECT_STATI

    @property
    def is_permanent_redirect(self):
        return 'location' in self.headers and self.status_code in (301, 308)

    @property
    def next(self):
        if self.is_redirect and self.request is not None:
            p = self.request.copy()
            p.url = _pya_requests.prepare_url(_join(self.url, self.headers['location']), '')
            return p
        return None

    @property
    def apparent_encoding(self):
        try:
            self.content.decode('ascii')
            return 'ascii'
        except UnicodeDecodeError:
            return 'utf-8'

    @property
    def content(self):
        if self._content is False:
            self._content = None  # no body was read (a bare Response())
        return self._content

    @property
    def text(self):
        if not self.content:
            return ''
        encoding = self.encoding
        if encoding is None:
            encoding = self.apparent_encoding
        try:
            return str(self.content, encoding, errors='replace')
        except (LookupError, TypeError):
            return str(self.content, errors='replace')

    def json(self, **kwargs):
        try:
            return _json.loads(self.text, **kwargs)
        except _json.JSONDecodeError as e:
            raise JSONDecodeError(e.msg, e.doc, e.pos)

    def iter_content(self, chunk_size=1, decode_unicode=False):
        data = self.content
        if chunk_size is None:
            chunk_size = len(data) or 1
        for i in range(0, len(data), chunk_size):
            chunk = data[i:i + chunk_size]
            if decode_unicode:
                chunk = chunk.decode(self.encoding or self.apparent_encoding, errors='replace')
            yield chunk

    def iter_lines(self, chunk_size=512, decode_unicode=False, delimiter=None):
        data = self.content
        if decode_unicode:
            data = data.decode(self.encoding or self.apparent_encoding, errors='replace')
        if delimiter:
            lines = data.split(delimiter)
        else:
            # bytes.splitlines: \n, \r and \r\n end lines
            nl = '\n' if isinstance(data, str) else b'\n'
            cr = '\r' if isinstance(data, str) else b'\r'
            lines = data.replace(cr + nl, nl).replace(cr, nl).split(nl)
            if lines and not lines[-1]:
                lines.pop()
        yield from lines

    @property
    def links(self):
        return {}

    def raise_for_status(self):
        http_error_msg = ''
        reason = self.reason
        if isinstance(reason, bytes):
            try:
                reason = reason.decode('utf-8')
            except UnicodeDecodeError:
                reason = reason.decode('iso-8859-1')
        if 400 <= self.status_code < 500:
            http_error_msg = f'{self.status_code} Client Error: {reason} for url: {self.url}'
        elif 500 <= self.status_code < 600:
            http_error_msg = f'{self.status_code} Server Error: {reason} for url: {self.url}'
        if http_error_msg:
            raise HTTPError(http_error_msg, response=self)

    def close(self):
        pass


def _join(base, location):
    if '://' in location:
        return location
    scheme, _, rest = base.partition('://')
    host = rest.partition('/')[0]
    if location.startswith('/'):
        return f'{scheme}://{host}{location}'
    path = '/' + rest.partition('/')[2]
    return f'{scheme}://{host}{path.rpartition("/")[0]}/{location}'


def _encoding_from_headers(headers):
    ctype = headers.get('content-type')
    if not ctype:
        return None
    parts = [p.strip() for p in ctype.split(';')]
    for p in parts[1:]:
        k, _, v = p.partition('=')
        if k.strip().lower() == 'charset':
            return v.strip('\'" ')
    if 'text' in parts[0]:
        return 'ISO-8859-1'
    if 'application/json' in parts[0]:
        return 'utf-8'
    return None


def _host_port(url):
    scheme, _, rest = url.partition('://')
    netloc = rest.partition('/')[0].rpartition('@')[2]
    host, _, port = netloc.rpartition(':') if ']' not in netloc.rpartition(':')[2] else (netloc, '', '')
    if not host:
        host, port = netloc, ''
    host = host.strip('[]')
    return scheme, host, int(port) if port.isdigit() else (443 if scheme == 'https' else 80)


def _pool(url):
    scheme, host, port = _host_port(url)
    name = 'HTTPSConnectionPool' if scheme == 'https' else 'HTTPConnectionPool'
    conn = 'HTTPSConnection' if scheme == 'https' else 'HTTPConnection'
    path = '/' + url.partition('://')[2].partition('/')[2]
    return f"{name}(host={host!r}, port={port})", f"{conn}(host={host!r}, port={port})", host, path


def _timeouts(timeout):
    if isinstance(timeout, tuple):
        try:
            connect, read = timeout
        except ValueError:
            raise ValueError(
                f'Invalid timeout {timeout}. Pass a (connect, read) timeout tuple, '
                f'or a single float to set both timeouts to the same value.')
        return connect, read
    return timeout, timeout


class Session:
    __module__ = 'requests.sessions'

    def __init__(self):
        self.headers = default_headers()
        self.auth = None
        self.proxies = {}
        self.hooks = {'response': []}
        self.params = {}
        self.stream = False
        self.verify = True
        self.cert = None
        self.max_redirects = 30
        self.trust_env = True
        self.cookies = {}
        self._pool = _pya_requests.Session()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def close(self):
        self._pool.close()

    def prepare_request(self, method, url, headers=None, params=None, data=None,
                        json=None, auth=None):
        merged = CaseInsensitiveDict(self.headers)
        for k, v in (headers or {}).items():
            if v is None:
                merged.pop(k, None)
            else:
                merged[k] = v
        p = dict(self.params)
        if params and not isinstance(params, (str, bytes)):
            items = params.items() if hasattr(params, 'items') else params
            p = list(p.items()) + list(items)
        elif params:
            p = params
        prep = PreparedRequest()
        prep.prepare(method, url, merged, p, data, json, auth if auth is not None else self.auth)
        return prep

    def request(self, method, url, params=None, data=None, headers=None,
                cookies=None, files=None, auth=None, timeout=None,
                allow_redirects=True, proxies=None, hooks=None, stream=None,
                verify=None, cert=None, json=None):
        prep = self.prepare_request(method, url, headers, params, data, json, auth)
        return self.send(prep, timeout=timeout, allow_redirects=allow_redirects)

    def send(self, request, timeout=None, allow_redirects=True, **kwargs):
        connect, read = _timeouts(timeout)
        headers = [(k, str(v)) for k, v in request.headers.items()]
        body = request.body.encode('utf-8') if isinstance(request.body, str) else request.body
        try:
            raw = self._pool.request(request.method, request.url, headers, body,
                                     connect, read, bool(allow_redirects))
        except TimeoutError as e:
            pool, conn, host, path = _pool(request.url)
            if e.args and e.args[0] == 'connect':
                raise ConnectTimeout(_wrapped['MaxRetryError'](
                    f"{pool}: Max retries exceeded with url: {path} (Caused by "
                    f"ConnectTimeoutError({conn}, 'Connection to {host} timed out. "
                    f"(connect timeout={connect})'))"), request=request) from None
            raise ReadTimeout(_wrapped['ReadTimeoutError'](
                f'{pool}: Read timed out. (read timeout={read})'), request=request) from None
        except RuntimeError as e:
            raise TooManyRedirects(str(e), request=request) from None
        except OSError as e:
            pool, conn, host, path = _pool(request.url)
            if isinstance(e, _builtins.ConnectionError) and e.errno is None:
                if e.args == ('aborted',):
                    raise ConnectionError(_wrapped['ProtocolError'](
                        'Connection aborted.', _wrapped['RemoteDisconnected'](
                            'Remote end closed connection without response')),
                        request=request) from None
                raise ConnectionError(str(e), request=request) from None
            if e.errno == -2:
                cause = (f'NameResolutionError("{conn}: Failed to resolve {host!r} '
                         f'([Errno -2] Name or service not known)")')
            else:
                cause = (f'NewConnectionError("{conn}: Failed to establish a new connection: '
                         f'[Errno {e.errno}] {e.strerror}")')
            raise ConnectionError(_wrapped['MaxRetryError'](
                f'{pool}: Max retries exceeded with url: {path} (Caused by {cause})'),
                request=request) from None
        status, reason, headers, url, content, history, elapsed = raw
        resp = self._response(request, status, reason, headers, url, content, elapsed)
        hist = []
        for h_status, h_reason, h_headers, h_url in history:
            hist.append(self._response(request, h_status, h_reason, h_headers, h_url, b'', 0.0))
        for i, h in enumerate(hist):
            h.history = hist[:i]
        resp.history = hist
        return resp

    def _response(self, request, status, reason, headers, url, content, elapsed):
        r = Response()
        r.status_code = status
        r.reason = reason
        r.headers = CaseInsensitiveDict(headers)
        r.url = url
        r._content = content
        r.encoding = _encoding_from_headers(r.headers)
        r.elapsed = _datetime.timedelta(seconds=elapsed)
        req = request.copy()
        req.url = url
        r.request = req
        return r

    def get(self, url, **kwargs):
        kwargs.setdefault('allow_redirects', True)
        return self.request('GET', url, **kwargs)

    def options(self, url, **kwargs):
        kwargs.setdefault('allow_redirects', True)
        return self.request('OPTIONS', url, **kwargs)

    def head(self, url, **kwargs):
        kwargs.setdefault('allow_redirects', False)
        return self.request('HEAD', url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request('POST', url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request('PUT', url, data=data, **kwargs)

    def patch(self, url, data=None, **kwargs):
        return self.request('PATCH', url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)


def session():
    return Session()


def request(method, url, **kwargs):
    with Session() as s:
        return s.request(method=method, url=url, **kwargs)


def get(url, params=None, **kwargs):
    return request('get', url, params=params, **kwargs)


def options(url, **kwargs):
    return request('options', url, **kwargs)


def head(url, **kwargs):
    kwargs.setdefault('allow_redirects', False)
    return request('head', url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request('post', url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request('put', url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request('patch', url, data=data, **kwargs)


def delete(url, **kwargs):
    return request('delete', url, **kwargs)
