"""Random match statements for differential fuzzing (run.sh): nested
sequence, mapping, class, or- and as-patterns over random subjects, printing
which case matched and every name bound. Or-patterns repeat an alternative
with its items reversed, so that their captures come in another order."""
import random, sys

NAMES = list("abcdefgh")


class Gen:
    def __init__(self, rnd):
        self.r = rnd
        self.used = set()

    def name(self):
        free = [n for n in NAMES if n not in self.used]
        if not free:
            return None
        n = self.r.choice(free)
        self.used.add(n)
        return n

    def pat(self, depth, refutable_only=False):
        r = self.r
        k = r.randrange(9 if depth > 0 else 4)
        if k == 0:
            return str(r.randrange(4))
        if k == 1:
            return r.choice(["None", "True", "-1", "'s'"])
        if k == 2 and not refutable_only:
            n = self.name()
            return n if n else "_"
        if k == 3 and not refutable_only:
            return "_"
        if k in (0, 1, 2, 3):
            return "0"
        if k == 4:
            items = [self.pat(depth - 1) for _ in range(r.randrange(4))]
            if r.random() < 0.4:
                n = self.name() or "_"
                items.insert(r.randrange(len(items) + 1), "*" + n)
            if r.random() < 0.5:
                return "[" + ", ".join(items) + "]"
            return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
        if k == 5:
            keys = r.sample(["0", "1", "'k'", "'j'"], r.randrange(3))
            items = [f"{key}: {self.pat(depth - 1)}" for key in keys]
            if r.random() < 0.3:
                n = self.name()
                if n:
                    items.append("**" + n)
            return "{" + ", ".join(items) + "}"
        if k == 6:
            if r.random() < 0.5:
                args = [self.pat(depth - 1) for _ in range(r.randrange(3))]
            else:
                args = [f"{a}={self.pat(depth - 1)}" for a in r.sample(["x", "y"], r.randrange(3))]
            return "Point(" + ", ".join(args) + ")"
        if k == 7:
            # An or-pattern whose alternatives bind the same names in other orders.
            before = set(self.used)
            p = self.pat(depth - 1, refutable_only=True)
            alts = [p]
            for _ in range(r.randrange(1, 3)):
                alts.append(self.permute(p))
            alts.append(r.choice(["0", "[]", "None"]) if r.random() < 0.5 else alts[0])
            # Wrap in parens so that `|` binds tightly.
            return "(" + " | ".join(dict.fromkeys(alts)) + ")"
        p = self.pat(depth - 1, refutable_only)
        n = self.name()
        if n is None:
            return p
        return f"({p} as {n})"

    def permute(self, p):
        # Reverse the items of a top-level sequence, keeping names.
        if p.startswith("[") and p.endswith("]") and "*" not in p and "|" not in p and "{" not in p and "(" not in p:
            items = p[1:-1].split(", ")
            if items != [""]:
                return "[" + ", ".join(reversed(items)) + "]"
        return p


def value(r, depth):
    k = r.randrange(7 if depth > 0 else 3)
    if k == 0:
        return str(r.randrange(4))
    if k == 1:
        return r.choice(["None", "True", "-1", "'s'"])
    if k == 2:
        return str(r.randrange(2))
    if k == 3:
        return "[" + ", ".join(value(r, depth - 1) for _ in range(r.randrange(4))) + "]"
    if k == 4:
        items = [value(r, depth - 1) for _ in range(r.randrange(4))]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if k == 5:
        keys = r.sample(["0", "1", "'k'", "'j'"], r.randrange(4))
        return "{" + ", ".join(f"{key}: {value(r, depth - 1)}" for key in keys) + "}"
    return f"Point({value(r, depth - 1)}, {value(r, depth - 1)})"


def program(seed):
    r = random.Random(seed)
    out = ["""class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


def show(case, ns):
    print(case, sorted((k, v) for k, v in ns.items() if len(k) == 1 and k in "abcdefgh"))


def f(v):"""]
    ncases = r.randrange(1, 5)
    out.append("    match v:")
    for i in range(ncases):
        g = Gen(r)
        p = g.pat(3, refutable_only=(i < ncases - 1))
        guard = ""
        if r.random() < 0.2 and g.used:
            guard = f" if {r.choice(sorted(g.used))} != 0"
        out.append(f"        case {p}{guard}:")
        out.append(f"            show({i}, locals())")
    out.append("    show('none', locals())")
    out.append("")
    for _ in range(8):
        out.append(f"f({value(r, 3)})")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(program(int(sys.argv[1])))
