// Code generated from programs run by CPython 3.11 (python3) for their
// expected output; regenerate the expectations with python3, not by hand.

package vm

// interpCases are whole programs with their CPython 3.11 stdout, stderr and exit status.
var interpCases = []struct {
	name, src, out, err string
	status              int
}{
	{"args", `def f(a, b, /, c, *, d, e=5, **kw): return (a, b, c, d, e, kw)
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, z=9))
def g(a, b=2, *args, c, **kw): return a, b, args, c, kw
print(g(1, c=0), g(1, 2, 3, 4, c=5, x=6))
for call in ["f(1)", "f(1, 2, 3, 4, d=1)", "f(1, 2, 3)", "f(a=1, b=2, c=3, d=4)", "g()", "g(1, a=2, c=3)", "g(1, c=1, c2=2) or h(1, 2, zz=1)"]:
    try:
        eval(call)
    except TypeError as e:
        print(e)
def h(x, y): pass
for args, kw in [((1, 2, 3), {}), ((1,), {}), ((), {}), ((1,), {"y": 2, "z": 3})]:
    try:
        h(*args, **kw)
    except TypeError as e:
        print(e)
class A:
    def m(self, x): return x
try:
    A().m()
except TypeError as e:
    print(e)
print((lambda *a, **k: (a, k))(1, 2, x=3))
`, `(1, 2, 3, 4, 5, {}) (1, 2, 3, 4, 5, {'z': 9})
(1, 2, (), 0, {}) (1, 2, (3, 4), 5, {'x': 6})
f() missing 2 required positional arguments: 'b' and 'c'
f() takes 3 positional arguments but 4 positional arguments (and 1 keyword-only argument) were given
f() missing 1 required keyword-only argument: 'd'
f() missing 2 required positional arguments: 'a' and 'b'
g() missing 1 required positional argument: 'a'
g() got multiple values for argument 'a'
h() takes 2 positional arguments but 3 were given
h() missing 1 required positional argument: 'y'
h() missing 2 required positional arguments: 'x' and 'y'
h() got an unexpected keyword argument 'z'
A.m() missing 1 required positional argument: 'x'
((1, 2), {'x': 3})
`, ``, 0},
	{"carets", `def total(d, k):
    return d[k] * 2 + 1
def ratio(a, b):
    return (a) // (b)
try:
    ratio(1, 0)
except ZeroDivisionError as e:
    print(e)
print(total({"a": 1}, "a"))
total({}, "missing")
`, `integer division or modulo by zero
3
`, `Traceback (most recent call last):
  File "main.pya", line 10, in <module>
    total({}, "missing")
  File "main.pya", line 2, in total
    return d[k] * 2 + 1
           ~^^^
KeyError: 'missing'
`, 1},
	{"classes", `class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["tag"] = kw.get("tag", "none")
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)
class Base(metaclass=Meta, tag="b"):
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Base.registry.append(cls.__name__)
    def __init__(self, v):
        self.v = v
class Child(Base):
    pass
c = Child(3)
print(c.v, Child.tag, Base.tag, Base.registry, type(Child).__name__)
print(Child, Child.__mro__, Child.__qualname__, Child.__module__)
class P:
    def __init__(self):
        self._x = 1
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def s(a):
        return a + 1
p = P.make()
p.x = 5
print(p.x, P.s(1), p.s(2), type(P.__dict__["x"]).__name__)
try:
    del p.x
except AttributeError as e:
    print(e)
class V:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, V) and o.x == self.x
    def __lt__(self, o): return self.x < o.x
    def __add__(self, o): return V(self.x + o.x)
    def __radd__(self, o): return V(self.x + o)
    def __repr__(self): return f"V({self.x})"
    def __len__(self): return self.x
    def __getitem__(self, i): return i * 10
    def __contains__(self, i): return i == 1
    def __call__(self, *a): return ("called", a)
    def __bool__(self): return self.x > 0
print(V(1) == V(1), V(1) != V(2), V(1) < V(2), V(2) > V(1), V(1) + V(2), 5 + V(1))
print(sorted([V(3), V(1), V(2)]), len(V(4)), V(2)[3], 1 in V(0), 2 in V(0), V(1)(1, 2), bool(V(0)))
try:
    hash(V(1))
except TypeError as e:
    print(e)
class O: pass
o = O()
print(repr(o).startswith("<__main__.O object at 0x"), str(O), O.__name__)
try:
    O(1)
except TypeError as e:
    print(e)
try:
    o.missing
except AttributeError as e:
    print(e)
try:
    O.missing
except AttributeError as e:
    print(e)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
try:
    class X(A, B): pass
except TypeError as e:
    print(e)
class G:
    def __class_getitem__(cls, item):
        return f"G[{item.__name__}]"
print(G[int], list[int], dict[str, int])
class Desc:
    def __get__(self, obj, owner):
        return ("get", obj is None, owner.__name__)
    def __set__(self, obj, v):
        obj.__dict__["d"] = v * 3
class H:
    d = Desc()
h = H()
print(H.d, h.d)
h.d = 2
print(h.__dict__)
class GA:
    def __getattr__(self, n):
        return n.upper()
print(GA().abc, hasattr(GA(), "zz"))
class S:
    __slots__ = ("a",)
s = S()
s.a = 1
try:
    s.b = 2
except AttributeError as e:
    print(e)
print(type(3), type("x"), type(None), type(type), isinstance(type, object))
T = type("T", (object,), {"k": 1, "f": lambda self: self.k + 1})
print(T().f(), T.__name__, T.__bases__)
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("bad", 7)
except E as e:
    print(repr(e), str(e), e.code, e.args)
class M:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
with M() as m:
    raise ValueError("swallowed")
print("after with")
`, `Meta.__call__ Child (3,)
3 none b ['Child'] Meta
<class '__main__.Child'> (<class '__main__.Child'>, <class '__main__.Base'>, <class 'object'>) Child __main__
10 2 3 property
property 'x' of 'P' object has no deleter
True True True True V(3) V(6)
[V(1), V(2), V(3)] 4 30 True False ('called', (1, 2)) False
unhashable type: 'V'
True <class '__main__.O'> O
O() takes no arguments
'O' object has no attribute 'missing'
type object 'O' has no attribute 'missing'
DBCA ['D', 'B', 'C', 'A', 'object']
Cannot create a consistent method resolution
order (MRO) for bases A, B
G[int] list[int] dict[str, int]
('get', True, 'H') ('get', False, 'H')
{'d': 6}
ABC True
'S' object has no attribute 'b'
<class 'int'> <class 'str'> <class 'NoneType'> <class 'type'> True
2 T (<class 'object'>,)
E('bad') bad 7 ('bad',)
enter
exit ValueError swallowed
after with
`, ``, 0},
	{"closures", `def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c = counter()
print(c(), c(), c(5))
def make():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i * i)
    return [f() for f in fs]
print(make())
def outer(x):
    def mid():
        def inner():
            return x + 1
        return inner()
    return mid()
print(outer(41))
def unbound():
    def get():
        return v
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return get()
print(unbound())
def local_err():
    try:
        print(y)
        y = 1
    except UnboundLocalError as e:
        print(e)
local_err()
`, `1 2 7
[0, 1, 4]
42
NameError cannot access free variable 'v' where it is not associated with a value in enclosing scope
1
cannot access local variable 'y' where it is not associated with a value
`, ``, 0},
	{"coroutines", `class Fut:
    def __init__(self):
        self.result = None
    def __await__(self):
        v = yield self
        return v
async def leaf(x):
    v = await Fut()
    return x + v
async def mid(x):
    return await leaf(x) * 2
async def top():
    a = await mid(1)
    b = await mid(2)
    return a, b
c = top()
print(type(c).__name__, repr(c).startswith("<coroutine object top at 0x"))
f = c.send(None)
print(type(f).__name__)
f = c.send(10)
try:
    c.send(20)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
async def thrower():
    try:
        await Fut()
    except ValueError as e:
        return "handled " + str(e)
t = thrower()
t.send(None)
try:
    t.throw(ValueError("boom"))
except StopIteration as e:
    print(e.value)
async def agen():
    for i in range(3):
        await Fut()
        yield i
async def consume():
    out = []
    async for v in agen():
        out.append(v)
    return out
cc = consume()
r = cc.send(None)
while True:
    try:
        r = cc.send(1)
    except StopIteration as e:
        print("async for", e.value)
        break
async def acm():
    class CM:
        async def __aenter__(self):
            return "entered"
        async def __aexit__(self, *a):
            print("aexit", a[0])
            return False
    async with CM() as v:
        print(v)
    return "ok"
a = acm()
try:
    a.send(None)
except StopIteration as e:
    print(e.value)
async def not_awaitable():
    await 3
n = not_awaitable()
try:
    n.send(None)
except TypeError as e:
    print(e)
`, `coroutine True
Fut
result (22, 44)
cannot reuse already awaited coroutine
handled boom
async for [0, 1, 2]
entered
aexit None
ok
object int can't be used in 'await' expression
`, ``, 0},
	{"exit_status", `print("before")
raise SystemExit(3)
`, `before
`, ``, 3},
	{"generators", `def gen():
    x = yield 1
    print("got", x)
    try:
        y = yield 2
    except KeyError as e:
        print("caught", repr(e))
        y = yield 3
    finally:
        print("cleanup")
    return "done"
g = gen()
print(next(g), g.send("a"), g.throw(KeyError("k")))
try:
    g.send(None)
except StopIteration as e:
    print("stop", e.args)
g = gen()
next(g)
g.close()
print(list(gen()))
def inner():
    r = yield "i1"
    yield r
    return "inner-ret"
def deleg():
    v = yield from inner()
    yield v
d = deleg()
print(next(d), d.send("sent"), next(d))
def bad():
    yield 1
    raise StopIteration("x")
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def running():
    yield g2.send(None)
g2 = running()
try:
    next(g2)
except ValueError as e:
    print(e)
print(sum(x * x for x in range(5)), [y for y in (i for i in "abc")])
def ign():
    try:
        yield 1
    except GeneratorExit:
        yield 2
gi = ign()
next(gi)
try:
    gi.close()
except RuntimeError as e:
    print(e)
print(repr(gen()).startswith("<generator object gen at 0x"))
`, `got a
caught KeyError('k')
1 2 3
cleanup
stop ('done',)
got None
cleanup
[1, 2]
i1 sent inner-ret
RuntimeError generator raised StopIteration StopIteration
generator already executing
30 ['a', 'b', 'c']
generator ignored GeneratorExit
True
`, ``, 0},
	{"tracebacks", `def a():
    return b()
def b():
    return {}["key"]
try:
    a()
except KeyError as e:
    print("caught", repr(e))
def chain():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
try:
    chain()
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
def ctx():
    try:
        raise KeyError("a")
    except KeyError:
        raise TypeError("b")
try:
    ctx()
except TypeError as e:
    print(repr(e.__context__), e.__cause__)
def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    print(e)
class MyError(Exception):
    pass
def main():
    try:
        raise MyError("first")
    except MyError:
        raise MyError("second")
main()
`, `caught KeyError('key')
ZeroDivisionError('division by zero') True
KeyError('a') None
maximum recursion depth exceeded
`, `Traceback (most recent call last):
  File "main.pya", line 37, in main
    raise MyError("first")
MyError: first

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "main.pya", line 40, in <module>
    main()
  File "main.pya", line 39, in main
    raise MyError("second")
MyError: second
`, 1},
}
