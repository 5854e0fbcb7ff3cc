import a
import a.b.c as d, e
from . import x
from .. import y as z
from ...a.b import (c, d as e,)
from a import *
from .a import b
# ---
def outer():
    c = 1
    def inner():
        global a, b
        nonlocal c
del a, b[1], c.d
del (a, b)
del [a]
assert x, "msg"
assert y
raise
raise E
raise E from e
# ---
try:
    pass
except E as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
# ---
try:
    pass
finally:
    pass
# ---
try:
    pass
except* ValueError:
    pass
except* (A, B) as e:
    pass
# ---
with a: pass
with a as b, c as d: pass
with (a as b, c as d): pass
with (a, b): pass
with (a, b) as c: pass
with (a): pass
with (a as b,): pass
with a as (b, c): pass
with open(f) as self.x: pass
# ---
@dec
@dec.attr(1)
def f(): pass
@dec
class C: pass
@dec
async def g(): pass
# ---
a = b = c = 1
a, b = b, a
a, *b = c
[a, b] = c
(a, b) = c
a.b = c[d] = e
x: int
x: int = 1
(y): int = 2
a.b: str = "s"
a[0]: int
x += 1; y -= 2; z *= 3;
x /= 1
x //= 1
x %= 1
x **= 1
x @= 1
x &= 1
x |= 1
x ^= 1
x <<= 1
x >>= 1
# ---
for x, in y: pass
for x, y in z: pass
for (x, y) in z: pass
for [x, y] in z: pass
for *a, b in c: pass
for i in 1, 2, 3: pass
for i in *a, *b: pass
# ---
def f(a, /, b, *, c): pass
def f(a, /): pass
def f(a=1, /, b=2): pass
def f(*, a=1, b): pass
def f(a: int, b: str = "x", *args: int, c: float, **kw: dict) -> None: pass
def f(a, b,): pass
def f(*args,): pass
def f(**kw,): pass
# ---
class A: pass
class B(): pass
class C(A, *bases, **kw): x = 1
# ---
if x: pass
elif y: pass
if x:
    pass
else:
    if y:
        pass
# ---
x = 1 if y else 2 if z else 3
x = [1,
     2,
     3]
x = 'a' \
    'b'
x = """multi
line""" + '''other
'''
x = b'bytes' b"more"
x = u"unicode"
x = R"raw\d" r'\n'
x = Br"\x00" rb'\y'
x = "\x41\u00e9\U0001F600\101\N{EURO SIGN}\t\\"
x = '\''
x = "caf\xe9"
# ---
match = 1
case = 2
_ = match + case
print(match)
# ---
x = 1_000_000
y = 0x_FF
z = 0o777
w = 0b1010
v = 1e10
u = 1.5e-3
t = .5
s = 5.
r = 1_000.5
q = 123456789012345678901234567890
p = 0xFFFFFFFFFFFFFFFFFFFFFF
o = 1e400
n = 2.5j
m = 00
k = 9223372036854775807
k2 = 9223372036854775808
k3 = -9223372036854775808
