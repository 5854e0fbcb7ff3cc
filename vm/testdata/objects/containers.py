def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

l = [5, 3, 8, 1]
l.insert(0, 9); l.insert(-1, 7); l.insert(100, 0)
print(l, l.pop(), l.pop(0), l.count(3), l.index(8))
l.remove(3); print(l)
l[1:3] = ['a', 'b', 'c']; print(l)
l[::2] = [0] * len(l[::2]); print(l)
del l[::3]; print(l)
l.extend(range(3)); l += "xy"; print(l)
l *= 2; print(len(l), l[-1])
t(lambda: l.remove('zz'))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
print([1, 2] < [1, 2, 0], (1, 2) == (1, 2), [1, [2]] == [1, [2]], (1, 'a') < (1, 'b'))
print(list(map(str, range(3))), tuple("ab"), list({'k': 1}), list({1, 2}))
d = {}
for w in "the quick the lazy the end".split():
    d[w] = d.get(w, 0) + 1
print(d, sorted(d.items(), key=lambda kv: -kv[1]))
d.setdefault('new', []).append(1); print(d.pop('the'), d.pop('zz', 'dflt'), d)
d.update({'a': 1}, b=2); d.update([('c', 3)]); print(d)
print(dict.fromkeys('ab', 0), dict(zip('xy', [1, 2])), {**d, 'a': 9})
del d['a']; print('a' in d, 'b' in d, len(d), list(d.keys())[:2], list(d.values())[-1])
t(lambda: d.pop('missing'))
e = {}
t(lambda: e.popitem())
dd = {'x': 1}
try:
    for k in dd:
        dd['y'] = 2
except RuntimeError as ex:
    print('RuntimeError:', ex)
print({'a': 1} == {'a': 1.0}, {'a': 1}.items() == {('a', 1)}, sorted({'a': 1}.keys() | {'b'}))
s = {1, 2, 3}
s.add(4); s.discard(10); s.remove(1); print(s, s.pop(), s)
t(lambda: s.remove(99))
print({1, 2}.union([3], (4,)), {1, 2, 3}.intersection([2, 3, 4]), {1, 2, 3}.difference({1}), {1, 2}.symmetric_difference([2, 3]))
print({1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset({1}), {1}.isdisjoint({2}), frozenset([1, 2]) == {1, 2})
fs = frozenset([3, 4]); print(fs, hash(fs) == hash(frozenset([4, 3])), {fs: 1}[frozenset({3, 4})])
u = {10, 20}; u |= {30}; u &= {10, 30}; u -= {10}; u ^= {40}; print(u)
print(set(), frozenset(), set([1, 1, 2]), {(1, 2), (1, 2)}, len({1, 1.0, True}))
r = range(10, 0, -3)
print(r, list(r), len(r), r[1], r[-1], r[1:3], 4 in r, 5 in r, r.index(7), r.count(4), list(reversed(r)))
t(lambda: range(5)[10])
t(lambda: range(0, 5, 0))
print(range(3) == range(0, 3, 1), hash(range(3)) == hash(range(0, 3)), range(0), bool(range(0)))
tp = (1, 2, 3, 2)
print(tp.count(2), tp.index(3), tp[1:], tp[::-1], tp + (4,), tp * 2, (1,) * 0, 2 in tp)
b = bytearray(b'hello')
b.append(33); b.extend(b'??'); b[0] = 72; print(b, b.pop(), len(b), bytes(b), b.decode())
print(b'a-b-c'.split(b'-'), b'  x '.strip(), b'abc'.find(b'c'), b'abc'.replace(b'b', b'B'), b'ab'.hex(), bytes.fromhex('41 42'))
print(b'abc' + b'd', b'ab' * 2, b'b' in b'abc', 98 in b'abc', b'abc'[1:], list(b'hi'), b'A'.lower(), b'x'.upper())
t(lambda: b'a' + 'b')
t(lambda: bytearray(b'a').append(256))
sl = slice(1, 10, 2)
print(sl, sl.start, sl.stop, sl.step, sl.indices(5), [0, 1, 2, 3, 4, 5][sl])
class L(list):
    def __getitem__(self, i):
        return 'item%s' % (i,)
ll = L([1, 2])
print(ll[0], len(ll), ll, list(ll), isinstance(ll, list))
class C(dict):
    pass
c = C(x=1); c.attr = 5; print(c, c.attr, type(c).__name__)
class S(str):
    def shout(self):
        return self.upper() + '!'
print(S('hi').shout(), S('hi') == 'hi', len(S('abc')))
class T(tuple):
    pass
print(T([1, 2]), T((3,)) + (4,), len(T()))
