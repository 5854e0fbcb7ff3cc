"""Host-resolution overrides for CPython, used by testdata/regen.sh when
recording a program marked "# pya: serve NAME": the same PYA_RESOLVE value
that pya honours ("host:port=addr:port,..."), applied to
socket.getaddrinfo, which aiohttp (its default ThreadedResolver), requests
(urllib3) and asyncio.open_connection all resolve through. The program
still sees the names it asked for (URLs, Host headers).

With PYA_REGEN_VIRTUAL_CLOCK=1 it also loads ../sitecustomize.py (virtual
time), since only one sitecustomize module is imported.
"""
import os
import socket

_resolve = {}
for _e in os.environ.get('PYA_RESOLVE', '').split(','):
    if '=' in _e:
        _src, _dst = _e.strip().split('=', 1)
        _h, _, _p = _dst.rpartition(':')
        _resolve[_src.lower()] = (_h, int(_p))

_getaddrinfo = socket.getaddrinfo


def getaddrinfo(host, port, *args, **kwargs):
    h = host.decode() if isinstance(host, bytes) else host
    p = port.decode() if isinstance(port, bytes) else port
    to = _resolve.get(f'{h}:{p}'.lower()) if h is not None else None
    if to is not None:
        host, port = to
    return _getaddrinfo(host, port, *args, **kwargs)


socket.getaddrinfo = getaddrinfo

if os.environ.get('PYA_REGEN_VIRTUAL_CLOCK') == '1':
    import runpy
    runpy.run_path(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                'sitecustomize.py'), run_name='sitecustomize')
