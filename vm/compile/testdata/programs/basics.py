"""Module docstring."""
import sys
import os.path
import a.b.c as d
from collections import OrderedDict as OD, deque
from . import sibling
from ..pkg.mod import *
x = 1
y = x + 2 * 3 - 4 / 5 // 6 % 7 ** 8
z = -x, +x, ~x, not x
a = b = [1, 2, *y, 3]
t = (1, 2, (3, 4))
s = {1, *a}
dd = {"k": 1, **{"j": 2}, "l": 3}
e = {}
x += 1
a[0] += 2
obj.attr -= 3
a[1:2] = [3]
a[::2]
a[1:2, 3]
del a[0], obj.attr, e
first, *rest = a
p, (q, r) = 1, (2, 3)
if x < y < z and not (a or b):
    print("yes", x, sep="")
elif x is None or y is not None:
    pass
else:
    print(*a, **dd)
while x:
    x -= 1
    if x == 5:
        continue
    if x == 3:
        break
else:
    print("done")
for i in range(10):
    if i in a or i not in s:
        break
else:
    print("no break")
f"{x!r:>{y}} and {z=} {a!s} {b!a}"
v = x if y else z
w = (n := 10) + n
assert x, "message"
assert y
lst = [i * j for i in range(3) for j in range(i) if i if j]
st = {i for i in a}
dc = {k: v for k, v in dd.items()}
ge = (i for i in a)
obj.meth(1, 2)
obj.meth(1, k=2)
f(1, *a, 2, *b, k=1, **dd, m=2)
print(__debug__, ..., b"bytes", 1.5, 2j, 10**30)
raise ValueError("x") from None
