def main():
    total = 0
    for i in range(10_000_000):
        total += i * 2 % 7
    return total

print("loop", main())
