# Generates a random asyncio program exercising the sync primitives (see run.sh).
import random, sys
seed = int(sys.argv[1])
r = random.Random(seed)
prims = ["lock", "sem", "bsem", "cond", "event", "queue", "pqueue", "barrier"]
ntasks = r.randint(3, 8)
lines = []
P = lines.append
P("import asyncio")
P("log = []")
P("k = [0]")
P("def eps():")
P("    k[0] += 1")
P("    return k[0] * 1e-7")
P("async def pause(n):")
P("    for _ in range(n):")
P("        await asyncio.sleep(0)")
def op(ind):
    c = r.choice(["lock", "lock", "sem", "sem", "cond", "event", "queue", "queue", "pq", "barrier", "bsem"])
    to = r.choice([None, None, 0.001, 0.003, 0.0])
    wrap = (lambda e: f"asyncio.wait_for({e}, {to} + eps())") if to is not None else (lambda e: e)
    i = " " * ind
    if c == "lock":
        return [f"{i}await {wrap('L.acquire()')}", f"{i}log.append((name, 'L+'))", f"{i}await pause({r.randint(0,3)})", f"{i}L.release()", f"{i}log.append((name, 'L-'))"]
    if c == "sem":
        return [f"{i}await {wrap('S.acquire()')}", f"{i}log.append((name, 'S+', S.locked()))", f"{i}await pause({r.randint(0,3)})", f"{i}S.release()"]
    if c == "bsem":
        return [f"{i}async with B:", f"{i}    log.append((name, 'B+'))", f"{i}    await pause({r.randint(0,2)})"]
    if c == "cond":
        if r.random() < 0.5:
            return [f"{i}async with C:", f"{i}    await {wrap('C.wait()')}", f"{i}    log.append((name, 'C woke', C.locked()))"]
        return [f"{i}async with C:", f"{i}    C.notify({r.randint(1,3)})", f"{i}    log.append((name, 'C notify'))"]
    if c == "event":
        if r.random() < 0.6:
            return [f"{i}await {wrap('E.wait()')}", f"{i}log.append((name, 'E woke'))"]
        return [f"{i}E.set() if {r.random() < 0.7} else E.clear()", f"{i}log.append((name, 'E', E.is_set()))"]
    if c == "queue":
        if r.random() < 0.5:
            return [f"{i}await {wrap(f'Q.put({r.randint(0,99)})')}", f"{i}log.append((name, 'Q put', Q.qsize()))"]
        return [f"{i}log.append((name, 'Q got', await {wrap('Q.get()')}))", f"{i}Q.task_done()"]
    if c == "pq":
        if r.random() < 0.5:
            return [f"{i}PQ.put_nowait({r.randint(0,9)}) if not PQ.full() else None", f"{i}log.append((name, 'PQ put', PQ.qsize()))"]
        return [f"{i}log.append((name, 'PQ got', await {wrap('PQ.get()')}))"]
    if c == "barrier":
        return [f"{i}log.append((name, 'BR', await {wrap('BR.wait()')}))"]
for t in range(ntasks):
    P(f"async def t{t}(name):")
    P(f"    try:")
    for _ in range(r.randint(2, 6)):
        for l in op(8):
            P(l)
        if r.random() < 0.5:
            P(f"        await pause({r.randint(0,2)})")
    P(f"    except (asyncio.CancelledError, TimeoutError, asyncio.BrokenBarrierError, RuntimeError, ValueError) as e:")
    P(f"        log.append((name, type(e).__name__))")
    P(f"        if isinstance(e, asyncio.CancelledError): raise")
P("async def main():")
P("    global L, S, B, C, E, Q, PQ, BR")
P(f"    L = asyncio.Lock(); S = asyncio.Semaphore({r.randint(1,3)}); B = asyncio.BoundedSemaphore({r.randint(1,2)}); C = asyncio.Condition()")
P(f"    E = asyncio.Event(); Q = asyncio.Queue({r.randint(0,3)}); PQ = asyncio.PriorityQueue({r.randint(0,3)}); BR = asyncio.Barrier({r.randint(2,3)})")
P(f"    ts = [asyncio.create_task(f(f'T{{i}}')) for i, f in enumerate([{', '.join(f't{t}' for t in range(ntasks))}])]")
for _ in range(r.randint(0, 4)):
    P(f"    await pause({r.randint(0,6)})")
    P(f"    ts[{r.randrange(ntasks)}].cancel()")
    P(f"    log.append(('main', 'cancel'))")
P("    for _ in range(50):")
P("        await pause(3)")
P("        async with C:")
P("            C.notify_all()")
P("        E.set()")
P("        if all(t.done() for t in ts): break")
P("        await asyncio.sleep(0.01)")
P("        for t in ts:")
P("            if not t.done(): t.cancel(); break")
P("    res = await asyncio.gather(*ts, return_exceptions=True)")
P("    for x in log: print(x)")
P("    print([type(x).__name__ for x in res])")
P("    print(L.locked(), repr(S).split('[')[1], repr(B).split('[')[1], C.locked(), E.is_set(), Q.qsize(), PQ.qsize(), BR.n_waiting, BR.broken)")
P("asyncio.run(main())")
print("\n".join(lines))
