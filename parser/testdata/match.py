match x:
    case None | [1, *_, *r] | {1: _, **k} | P(a, b=c) | -1 as z if q: pass
    case (1+2j, a.b, "s"): pass
# ---
match x, y:
    case 1, 2:
        pass
    case (a, b,):
        pass
    case [a, (b, c)] | [b, (a, c)]:
        pass
    case a.b.c | -1.5 | 3 - 4j | b"x" b"y" | True | False:
        pass
    case {"k": v, a.b: [*_], **rest,}:
        pass
    case {}:
        pass
    case Point(x=0, y=yy,) if yy > 0:
        y = 1
    case a.B() | a.b.C(1, 2):
        pass
    case ():
        pass
    case []:
        pass
    case (x):
        pass
    case ((1 | 2) as n) as m:
        pass
    case _:
        pass
# ---
match *a, b:
    case 1, *rest,: pass
# ---
match (yield):
    case x: pass
# ---
match = 1
match(x)
match[x]
match.x = 2
match[x]: int = 3
match, case = 1, 2
case.x = 5
_ = 3
print(match, case, _)
match -x
match * x
match + x
match(x).y
def match(case): return case
match
case
# ---
match x:
    case 1:
        match y:
            case 2: pass
    case case:
        case = 3
    case match:
        match = case
# ---
match (x := f()):
    case [_, _]:
        pass
# ---
def f():
    match x:
        case {**rest}:
            return rest
    match -1:
        case -1: pass
    match [1]:
        case [1]: pass
    match {1}:
        case _: pass
    match not x:
        case _: pass
    match lambda: 1:
        case _: pass
    match "s":
        case "s" "t": pass
    match 1,:
        case 1,: pass
