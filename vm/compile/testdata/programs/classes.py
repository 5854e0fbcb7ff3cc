class Empty:
    pass

class Point(Base, metaclass=Meta):
    "A point."
    count = 0
    x: int
    y: int = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @staticmethod
    def helper():
        return count

class Child(Point):
    def __init__(self, *a):
        super().__init__(*a)

    def cls(self):
        return __class__

def factory(v):
    class Local:
        value = v
        def get(self):
            return v
        def meth(self):
            value = 1
            return value
    return Local

def shadow():
    x = 1
    class C:
        x = 2
        def f(self):
            return x
    return C

class Star(*bases, **kw):
    pass

class Nested:
    class Inner:
        def m(self):
            return super().m()
    def __private(self):
        return self.__private
