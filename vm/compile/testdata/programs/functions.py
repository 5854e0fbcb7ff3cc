def simple(a, b=1, *args, c, d=2, **kw) -> int:
    "Docstring."
    return a + b

def posonly(a, b, /, c):
    pass

def annotated(x: int, *ys: str, z: float = 1.0, **kw: bool) -> None:
    local: int = 5
    other: str
    return local

@decorator
@other.decorator(1)
def decorated():
    pass

def closure():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    def reader():
        return x
    return inner, reader

def cellarg(a, b):
    def g():
        return a
    return g

def globals_():
    global G
    G = 1
    del G
    return H

def gen():
    yield 1
    x = yield
    yield from range(3)
    return x

def lam():
    return lambda x, *a, k=1: x + k

def comps(n):
    return [x + n for x in range(n)], {x: n for x in range(n)}, (x * n for x in range(n))

def walrus(items):
    if any((found := x) > 3 for x in items):
        return found
    return [y := i for i in items], y

def nested_comp(m):
    return [[i * j for j in row] for i, row in enumerate(m)]

def unbound():
    print(x)
    x = 1
    del x

def deep():
    a = 1
    def l1():
        def l2():
            def l3():
                return a
            return l3
        return l2
    return l1

def defaults_closure(a):
    def f(b=a):
        return b
    return f

def kwonly_only(*, a, b=2):
    return a, b

def star_only(*args):
    return args

def recursion(n):
    return n if n < 2 else recursion(n - 1) + recursion(n - 2)

def walrus_global():
    global WG
    [WG := i for i in range(3)]
    return WG
