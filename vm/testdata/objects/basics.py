print({3, 1, 2}, set('a') == {'a'})
d = {'a': 1, 'b': [1, 2.5, None, True]}
print(d, list(d.items()), d.keys(), d.get('z', 0))
x = [3, 1, 2]
x.sort(reverse=True)
print(x, sorted(x), x[::-1], x[1:], len(x))
print(f"{3.14159:.2f} {42:>5} {'s'!r} {1e16} {0.1+0.2} {2**100}")
print("%s-%d-%.3f-%r" % ('a', 5, 2.5, 'b'))
print(1/3, 7//2, -7//2, 7 % -2, 2**-1, 10**20, 1e300*1e10)
a = [1]; a.append(a); print(a)
print(" a b ".split(), ",".join(["x", "y"]), "abc".upper(), "héllo"[1:3])
class L(list):
    pass
l = L([1, 2]); l.append(3); print(l, type(l).__name__, len(l))
class D(dict):
    def __missing__(self, k): return k * 2
dd = D(a=1); print(dd['a'], dd['zz'], dd)
print(round(2.675, 2), round(2.5), int('0x1f', 16), float('1_0.5'), divmod(-7, 2))
print(range(0, 10, 2), list(range(5))[::2], 3 in range(5), b'ab\x00', bytearray(b'x'))
try:
    {}['k']
except KeyError as e:
    print('KeyError', e)
try:
    1 + 'a'
except TypeError as e:
    print(e)
print(repr(1.0), str(-0.0), 1e-5, 123456789012345678.0, (1,), ())
print(hash((1, 2)), hash(-1), hash(1.5))
for i, c in enumerate("ab"): print(i, c)
print(int.from_bytes(b'\x01\x00', 'big'), (255).to_bytes(2, 'little'), (3.5).hex())
print("{:,}".format(1234567), format(0.5, '.0%'), "{0}{1}{0}".format('a', 'b'))
print([1].__len__(), {'a': 1}.__getitem__('a'), (1).__add__(2), 'a'.__eq__('a'), [1, 2].__contains__(2))
class DS(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
ds = DS(); ds['x'] = 1; print(ds)
print(int.__add__(1, 2), str.__len__('abc'), list.__getitem__([5], 0), (5).__lt__(6), (5).__radd__(1))
print(1 .__eq__('a'), hash(5) == (5).__hash__(), 'ab'.__mul__(2), next(iter([7])), [3].__iter__().__next__())
