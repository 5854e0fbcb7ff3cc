# aiofiles.os: the os functions as coroutines that run on a worker thread.
import asyncio
import os as _os
import os.path as _ospath


def wrap(func):
    async def run(*args, loop=None, executor=None, **kwargs):
        return await asyncio.to_thread(func, *args, **kwargs)
    run.__name__ = getattr(func, '__name__', 'run')
    return run


def _optional(name, mod=_os):
    f = getattr(mod, name, None)
    return wrap(f) if f is not None else None


remove = _optional('remove')
unlink = _optional('unlink')
rename = _optional('rename')
replace = _optional('replace')
mkdir = _optional('mkdir')
makedirs = _optional('makedirs')
rmdir = _optional('rmdir')
removedirs = _optional('removedirs')
stat = _optional('stat')
listdir = _optional('listdir')
scandir = _optional('scandir')
getcwd = _optional('getcwd')
access = _optional('access')


class _PathModule:
    pass


path = _PathModule()
for _name in ('exists', 'isfile', 'isdir', 'islink', 'ismount', 'getsize',
              'getmtime', 'getatime', 'getctime', 'samefile', 'abspath'):
    _f = getattr(_ospath, _name, None)
    if _f is not None:
        setattr(path, _name, wrap(_f))
