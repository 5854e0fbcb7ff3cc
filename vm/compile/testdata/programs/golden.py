def add(a, b=1):
    return a + b

def loop(n):
    total = 0
    for i in range(n):
        if i % 2 and i > 3:
            continue
        total += i
    return total

def chain(a, b, c):
    return a < b < c

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

def guarded(f):
    try:
        return f()
    except ValueError as e:
        return e
    finally:
        print("done")

async def fetch(session, url):
    async with session.get(url) as resp:
        return await resp.text()
