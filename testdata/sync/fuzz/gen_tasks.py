# Random programs on tasks: gather/wait/as_completed/TaskGroup/shield/wait_for/timeout with cancels.
import random, sys
r = random.Random(int(sys.argv[1]))
L = []
P = L.append
P("import asyncio")
P("log = []")
P("k = [0]")
P("def eps():")
P("    k[0] += 1")
P("    return k[0] * 1e-7")
P("async def leaf(name, n, fail):")
P("    try:")
P("        for _ in range(n):")
P("            await asyncio.sleep(0)")
P("        if fail: raise ValueError(name)")
P("        log.append((name, 'done'))")
P("        return name")
P("    except asyncio.CancelledError:")
P("        log.append((name, 'cancelled'))")
P("        raise")
P("    finally:")
P("        log.append((name, 'finally'))")
cnt = [0]
def leaf():
    cnt[0] += 1
    return f"leaf('l{cnt[0]}', {r.randint(0,4)}, {r.random() < 0.2})"
def expr(depth):
    c = r.choice(["leaf", "gather", "gatherx", "waitfor", "shield", "tg", "wait", "ascomp", "tmo"] if depth < 2 else ["leaf"])
    if c == "leaf":
        return leaf()
    if c == "gather":
        return f"asyncio.gather({', '.join(expr(depth+1) for _ in range(r.randint(1,3)))})"
    if c == "gatherx":
        return f"asyncio.gather({', '.join(expr(depth+1) for _ in range(r.randint(1,3)))}, return_exceptions=True)"
    if c == "waitfor":
        return f"asyncio.wait_for({expr(depth+1)}, {r.choice(['None', '0.0 + eps()', '0.001 + eps()'])})"
    if c == "shield":
        return f"asyncio.shield({expr(depth+1)})"
    cnt[0] += 1
    n = cnt[0]
    subs = ", ".join(f"lambda: wrap({expr(depth+1)})" for _ in range(r.randint(1,3)))
    if c == "tg":
        return f"tg_run('g{n}', [{subs}])"
    if c == "wait":
        return f"wait_run('w{n}', [{subs}], {r.choice(['asyncio.FIRST_COMPLETED', 'asyncio.FIRST_EXCEPTION', 'asyncio.ALL_COMPLETED'])})"
    if c == "ascomp":
        return f"ascomp_run('a{n}', [{subs}])"
    return f"tmo_run('t{n}', lambda: {expr(depth+1)}, {r.choice([0.0, 0.001, 1.0])} + eps())"
P("async def wrap(aw):")
P("    return await aw")
P("async def tg_run(name, fs):")
P("    try:")
P("        async with asyncio.TaskGroup() as tg:")
P("            ts = [tg.create_task(f()) for f in fs]")
P("        return [t.result() for t in ts]")
P("    except BaseException as e:")
P("        log.append((name, type(e).__name__, repr(e)[:80]))")
P("        raise")
P("async def wait_run(name, fs, rw):")
P("    ts = [asyncio.ensure_future(f()) for f in fs]")
P("    done, pending = await asyncio.wait(ts, return_when=rw)")
P("    log.append((name, [ts.index(t) for t in ts if t in done]))")
P("    for t in ts:")
P("        if t in pending: t.cancel()")
P("    res = await asyncio.gather(*ts, return_exceptions=True)")
P("    return [type(x).__name__ for x in res]")
P("async def ascomp_run(name, fs):")
P("    out = []")
P("    for f in asyncio.as_completed([asyncio.ensure_future(f()) for f in fs]):  # tasks: a set of coroutines starts in id order")
P("        try:")
P("            out.append(await f)")
P("        except Exception as e:")
P("            out.append(repr(e))")
P("    return out")
P("async def tmo_run(name, f, d):")
P("    try:")
P("        async with asyncio.timeout(d):")
P("            return await f()")
P("    except TimeoutError:")
P("        log.append((name, 'timeout'))")
P("        return 'timeout'")
P("async def main():")
n = r.randint(1, 4)
for i in range(n):
    P(f"    async def top{i}():")
    P(f"        return await {expr(0)}")
P(f"    ts = [asyncio.create_task(top{i}(), name='top{i}') for i in range({n})]")
for _ in range(r.randint(0, 3)):
    P(f"    for _ in range({r.randint(0, 5)}): await asyncio.sleep(0)")
    P(f"    log.append(('main cancels', {r.randrange(n)}, ts[{r.randrange(n)}].cancel()))")
P("    res = await asyncio.gather(*ts, return_exceptions=True)")
P("    await asyncio.sleep(0.01)")
P("    for x in log: print(x)")
P("    for x in res: print(repr(x)[:200])")
P("asyncio.run(main())")
print("\n".join(L))
