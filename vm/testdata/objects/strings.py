s = "Hello, World"
print(s.lower(), s.upper(), s.swapcase(), s.title(), s.casefold(), s.capitalize())
print(s.find('o'), s.rfind('o'), s.index('W'), s.count('l'), s.startswith('Hell'), s.endswith(('x', 'ld')))
print(s.replace('l', 'L'), s.replace('l', 'L', 1), s.split(', '), s.partition(', '), s.rpartition('o'))
print(repr(s.center(20, '*')), repr(s.ljust(15)), repr(s.rjust(15, '.')), s.zfill(15), '-5'.zfill(4))
print(' x y '.strip(), 'xxhixx'.strip('x'), '..a..'.lstrip('.'), '..a..'.rstrip('.'))
print('a\nb\r\nc'.splitlines(), 'a\nb\n'.splitlines(True), 'a  b\tc'.split(), 'a,b,,c'.split(','), 'a b c d'.rsplit(' ', 2))
print('ab'.isalpha(), '12'.isdigit(), 'a1'.isalnum(), '  '.isspace(), 'Ab Cd'.istitle(), 'ABC'.isupper(), 'abc'.islower(), 'x_1'.isidentifier())
print('-'.join('abc'), ''.join(['x', 'y']), 'tab\there'.expandtabs(4), 'prefix_x'.removeprefix('prefix_'), 'x.py'.removesuffix('.py'))
print('abc'.translate(str.maketrans('abc', 'xyz')), 'hello'.translate({ord('l'): None}), 'é'.encode('utf-8'), 'ñ'.encode('latin-1'))
print(repr('quote\'s'), repr("dq\"s"), repr('both\'"'), repr('\x00\x1f\x7f\x80\xff\u0100\uffff'), repr('emoji 😀'), ascii('é😀'))
print('abc'[1], 'abc'[-1], 'abcdef'[1:5:2], 'abc'[::-1], 'héllo wörld'[::-2], len('héllo'), 'é' in 'café')
print('a' < 'b', 'B' < 'a', 'abc' < 'abd', 'ab' < 'abc', 'é' > 'z', 'x' * 3, 3 * 'y', 'a' + 'b')
print(str(1), str(1.5), str(None), str([1, 'a']), str((1,)), str({'k': 'v'}), str(b'x'), str(True))
print('{} {}'.format(1, 2), '{1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{0[1]} {0[k]}'.format({1: 'one', 'k': 'kay'}), '{:{w}.{p}f}'.format(3.14159, w=8, p=2))
print('{!r:>6}'.format('a'), '{:*^11,}'.format(1234567), '{{literal}}'.format(), 'x{}y'.format(None))
for bad in ['{', '}', '{0!x}', '{:d}']:
    try:
        print(bad.format('s'))
    except Exception as e:
        print(type(e).__name__, e)
print(b'\xc3\xa9'.decode(), b'\xff'.decode('utf-8', 'replace'), b'\xff'.decode('latin-1'), b'\xffab'.decode('ascii', 'ignore'))
try:
    b'\xff'.decode()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
it = iter('ab'); print(next(it), next(it), list(it))
print(sorted('hello'), list(enumerate('ab')), 'a b'.split(' '), 'abc'.find(''), 'abc'.find('c', -1), 'aaaa'.count('aa'))
