x = 1
# ---
def f(a, b=2, *args, c, d=4, **kw):
    return a + b * c - d
# ---
class A(B, metaclass=M):
    """doc"""
    def m(self):
        pass
# ---
if a:
    b
elif c:
    d
else:
    e
# ---
for i in range(10):
    print(i, end="")
else:
    pass
while x < 10 and not y or z:
    x += 1
    break
# ---
print("hello", 'world', 1.5, 0x1f, 10**100, 3j, ...)
