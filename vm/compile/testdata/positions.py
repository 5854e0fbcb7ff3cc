def f(a, b, obj, d):
    x = a + b * 2
    y = obj.attr.other
    z = (obj
         .method(1,
                 2))
    obj.value = d[a][b:2]
    w = obj.meth(a)(b)
    v = f(a, b=2) + f(*a) - f(**d)
    u = [i * 2 for i in a if i > b]
    t = a < b < d
    obj.count += 1
    d[a] -= x
    s = -a ** 2
    q = (
        a.b
        .c)
    return x, y, z, obj.call(
        a,
        b,
    )
