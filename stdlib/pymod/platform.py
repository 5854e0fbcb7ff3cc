"""Platform identification (a pya subset of CPython's platform)."""

import sys
import os


def python_version():
    return '3.11.7'


def python_version_tuple():
    return ('3', '11', '7')


def python_implementation():
    return 'CPython'


def system():
    return {'linux': 'Linux', 'darwin': 'Darwin', 'win32': 'Windows'}.get(sys.platform, sys.platform)


def machine():
    return 'x86_64'


def node():
    try:
        with open('/etc/hostname') as f:
            return f.read().strip()
    except OSError:
        return ''


def release():
    return ''


def platform(aliased=False, terse=False):
    return system() + '-' + machine()


def uname():
    return (system(), node(), release(), '', machine())
