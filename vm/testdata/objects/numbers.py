vals = [0, 1, -1, 7, -7, 2**63, -2**63 - 1, 10**30, 0.0, -0.0, 0.5, -2.5, 1e16, 1e-5, 3.14159, True, False]
for a in vals:
    print(repr(a), str(a), hash(a) if a == a else 'nan', abs(a), -a, +a, bool(a), int(a), float(a))
for a in [7, -7, 2**64, 7.5]:
    for b in [2, -2, 3.0, 2**65]:
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(2**100, 2**-2, (-2)**3, 0**0, 7**0.5, 2**0.5 * 2**0.5)
print(1 << 70, -1 >> 3, 5 & 3, 5 | 3, 5 ^ 3, ~5, 2**70 >> 60, -(2**70) >> 69)
print(int('1010', 2), int(' -42 '), int('0o17', 0), int('z', 36), int(3.99), int(-3.99), int('١٢'))
print(float('  1.5e3 '), float('-inf'), float('nan'), float(10**20), float('1_000.25'))
print(round(0.125, 2), round(0.375, 2), round(1e15 + 0.5), round(-0.5), round(123.456, 1), round(5555, -1), round(-6665, -1))
print((10).bit_length(), (-1).bit_count(), (2**70).bit_length(), (6).as_integer_ratio(), (2.5).as_integer_ratio())
print((1024).to_bytes(4, 'big'), (-2).to_bytes(2, 'little', signed=True), int.from_bytes(b'\xfe\xff', 'little', signed=True))
print((0.1).hex(), float.fromhex('0x1.999999999999ap-4'), (5e-324).hex(), float.fromhex('1p10'), (1.0).is_integer())
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e22, 1e21, 123456789.123456789, 1e-4, 1e-7, 9007199254740993, 2.5e-310)
print(pow(3, 200, 1000), pow(7, -1, 13), pow(2, 3), pow(2.0, -1))
print(10 == 10.0, 2**53 + 1 > 2.0**53, 10**400 > 1e308, -10**400 < -1e308, 1 < 1.5 < 2, 0.5 < True)
print(max(1, 2.5), min(-1, -1.5), sum([1, 2.5]), True * 3, False - 1, True / 2)
print(f"{12345.6789:e} {12345.6789:.3g} {0.000012:g} {255:08b} {-17:+x} {1e100:.2e} {100:,.2f} {2**64:_}")
print("{:>10.3%}|{:<+8d}|{:^9.2f}|{:#o}".format(0.12345, 42, -1.005, 8))
print("%e %G %.0f %#x %o %5s %-5s| %.2s %c%c" % (1234.5, 0.00001234, 2.5, 255, 8, 'ab', 'cd', 'xyz', 72, 'i'))
