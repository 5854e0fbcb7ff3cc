a = b if c else d
x = lambda: 0
y = lambda a, b=1, *c, d, e=2, **f: a
z = lambda a, /, b: a
z2 = lambda *, k: k
z3 = lambda *a, **k: 0
# ---
a = not x == y != z < w <= v > u >= t
b = a is not b is c in d not in e
c = -x ** -y ** 2
d = ~a + +b - -c
e = 1 + 2 * 3 - 4 / 5 // 6 % 7 @ m
f = a | b ^ c & d << e >> f
g = a << b + c * d ** e
h = (a + b) * c
i = a - b - c
j = 2 ** 3 ** 4
# ---
x = a.b.c(d)[e].f
y = a[1:2, ::3]
y = a[:]
y = a[::]
y = a[1:]
y = a[:2]
y = a[::2]
y = a[1:2:3]
y = a[x, y]
y = a[x,]
y = a[*b]
y = a[()]
y = a[x:=1]
# ---
f(*args, **kwargs)
f(a, *b, c=1, *d, **e)
f(x for x in y)
f(a=1, b=2)
f(a, b,)
f()
f(**a, c=1)
# ---
l = [1, 2, *x, 3]
t = (1,)
t = ()
t = 1, 2
t = *a, b
s = {1, 2, *x}
d = {}
d = {1: 2, **x, 3: 4}
d = {a: b for a, b in c if a if b}
s = {a for a in b}
async def af():
    l = [x async for x in y]
g = (x for x in y for z in w if q)
l = [x for x in y if a or b]
def gen():
    l = [(yield)]
# ---
def g():
    x = yield
    y = yield x
    z = yield from w
    yield a, b
    yield
    return (yield)
# ---
async def f():
    await x
    a = await b
    c = await d.e()
    async for x in y:
        pass
    async with a as b, c:
        pass
    return [x async for x in y]
# ---
if (n := len(a)) > 10:
    pass
while (line := f()):
    pass
print(f"{x!r:>{width}} {y=} {{z}} {a['b']} {c:.2f}")
print(f"{x}" "y" f'{z}' 'w')
print(f"""{
x
}""")
print(f"{x=!s:>10}")
print(f'{a:{b}}')
print(rf"\n{x}")
print(f"")
print(f"{'a' if x else 'b'}")
print(f"{x,y}")
print(f"{3.14:.{n}f}")
print(f"a{{b}}c")
# ---
a = not not b
a = x and not y or z
a = not x in y
a = not x < y < z and w
a = -x ** -y
async def ag():
    a = await x ** 2
a = ~-+x
a = x if not y else z
a = [not x for x in y if not x]
a = x or y or z and w and v
a = (x or y) or z
a = x < (y < z)
a = x | y ^ z & w << v >> u + t - s * r / q // p % o @ n ** m
a = x - y + z
a = x ** y ** z
a = not (x)
# ---
x = "".join(("".join((a, b))
             for a, b in c))
y = f((a for a in b))
z = f(a for a in b)
# ---
x = (f"a{b:02d}"
     f"c{d!r:>{w}}" "e")
