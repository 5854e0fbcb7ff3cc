def main():
    d = {}
    for i in range(200_000):
        d["key" + str(i)] = i
    s = 0
    for i in range(200_000):
        s += d["key" + str(i)]
    xs = []
    x = 12345
    for i in range(300_000):
        x = (x * 1103515245 + 12345) % 2147483648
        xs.append(x)
    xs.sort()
    return s, xs[0], xs[-1], xs[150_000]

print("containers", main())
