# Random asyncio programs for differential testing (see run.sh).
import random, sys

def gen(seed):
    r = random.Random(seed)
    n = r.randint(2, 5)
    out = ["import asyncio", "", "async def worker(name, lock, sem, q, ev, depth):"]
    body = []
    ops = r.randint(3, 8)
    for i in range(ops):
        k = r.choice(["sleep0", "sleep", "lock", "sem", "put", "get", "ev_set", "ev_wait", "print", "sub", "wf", "to", "tg", "cond", "shield", "waitfc"])
        if k == "sleep0":
            body.append(f"await asyncio.sleep(0)")
        elif k == "sleep":
            body.append(f"await asyncio.sleep({r.choice([0.1, 0.2, 0.3])})")
        elif k == "lock":
            body.append(f"async with lock:\n        print(name, 'locked {i}')\n        await asyncio.sleep({r.choice([0, 0.1])})")
        elif k == "sem":
            body.append(f"async with sem:\n        print(name, 'sem {i}')\n        await asyncio.sleep({r.choice([0, 0.1])})")
        elif k == "put":
            body.append(f"await q.put((name, {i}))")
        elif k == "get":
            body.append(f"if not q.empty():\n        print(name, 'got', await q.get())")
        elif k == "ev_set":
            body.append("ev.set()")
        elif k == "ev_wait":
            body.append("if ev.is_set():\n        await ev.wait()")
        elif k == "wf":
            body.append(f"try:\n        print(name, 'wf', await asyncio.wait_for(asyncio.sleep({r.choice([0.1, 0.2])}, 'x'), {r.choice([0.05, 0.1, 0.3])}))\n    except TimeoutError:\n        print(name, 'wf timeout')")
        elif k == "to":
            body.append(f"try:\n        async with asyncio.timeout({r.choice([0.05, 0.1, 0.3])}):\n            await asyncio.sleep({r.choice([0.1, 0.2])})\n            print(name, 'in time')\n    except TimeoutError:\n        print(name, 'to timeout')")
        elif k == "tg":
            body.append(f"async with asyncio.TaskGroup() as tg:\n        for j in range({r.randint(1,3)}):\n            tg.create_task(asyncio.sleep(0.1 * j))\n    print(name, 'tg done')")
        elif k == "cond":
            body.append(f"async with cond:\n        if {r.choice([True, False])}:\n            cond.notify_all()\n            print(name, 'notified')\n        else:\n            try:\n                await asyncio.wait_for(cond.wait(), 0.1)\n                print(name, 'cond woke')\n            except TimeoutError:\n                print(name, 'cond timeout')")
        elif k == "shield":
            body.append(f"st = asyncio.create_task(asyncio.sleep(0.1, 's'))\n    try:\n        print(name, 'shield', await asyncio.wait_for(asyncio.shield(st), {r.choice([0.05, 0.2])}))\n    except TimeoutError:\n        print(name, 'shield timeout', await st)")
        elif k == "waitfc":
            body.append(f"ws = [asyncio.create_task(asyncio.sleep(d, d)) for d in (0.2, 0.1)]\n    dn, pn = await asyncio.wait(ws, return_when=asyncio.FIRST_COMPLETED)\n    print(name, 'wait', sorted(t.result() for t in dn), len(pn))\n    await asyncio.wait(ws)")
        elif k == "print":
            body.append(f"print(name, 'step {i}')")
        elif k == "sub":
            body.append(f"if depth < 2:\n        t = asyncio.create_task(worker(name + '.{i}', lock, sem, q, ev, depth + 1))\n        await asyncio.sleep(0)\n        if {r.choice([True, False])}:\n            t.cancel()\n        print(name, 'sub', await asyncio.gather(t, return_exceptions=True))")
    out.append("    print(name, 'start')")
    out.append("    try:")
    for b in body:
        out.append("        " + b.replace("\n", "\n    "))
    out.append("    except asyncio.CancelledError:")
    out.append("        print(name, 'cancelled')")
    out.append("        raise")
    out.append("    print(name, 'end')")
    out.append("    return name")
    out.append("")
    out.append("async def main():")
    out.append("    lock = asyncio.Lock()")
    out.append(f"    sem = asyncio.Semaphore({r.randint(1, 3)})")
    out.append(f"    q = asyncio.Queue({r.randint(0, 3)})")
    out.append("    ev = asyncio.Event()")
    out.append("    global cond")
    out.append("    cond = asyncio.Condition()")
    mode = r.choice(["gather", "tasks", "wait_for"])
    if mode == "gather":
        out.append(f"    print(await asyncio.gather(*(worker(f'w{{i}}', lock, sem, q, ev, 0) for i in range({n})), return_exceptions=True))")
    elif mode == "tasks":
        out.append(f"    ts = [asyncio.create_task(worker(f'w{{i}}', lock, sem, q, ev, 0)) for i in range({n})]")
        out.append(f"    await asyncio.sleep({r.choice([0, 0.1, 0.15])})")
        out.append(f"    ts[{r.randrange(n)}].cancel()")
        out.append("    for t in ts:")
        out.append("        try:")
        out.append("            print('result', await t)")
        out.append("        except asyncio.CancelledError:")
        out.append("            print('cancelled', t.get_name())")
    else:
        out.append(f"    for i in range({n}):")
        out.append("        try:")
        out.append(f"            print(await asyncio.wait_for(worker(f'w{{i}}', lock, sem, q, ev, 0), {r.choice([0.05, 0.15, 0.3])}))")
        out.append("        except TimeoutError:")
        out.append("            print('timeout', i)")
    out.append("    print('qsize', q.qsize())")
    out.append("")
    out.append("asyncio.run(main())")
    return "\n".join(out) + "\n"

if __name__ == "__main__":
    print(gen(int(sys.argv[1])), end="")
