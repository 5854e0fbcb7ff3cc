import asyncio

async def main():
    await asyncio.sleep(1)
    async with lock as l:
        await x
    async for item in aiter_():
        print(item)
    else:
        pass
    r = [await c for c in coros]
    s = [x async for x in agen()]
    t = {x: y async for x, y in agen()}
    g = (await x for x in y)
    return r

async def agen():
    yield 1
    await asyncio.sleep(0)
    yield 2

async def with_try():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise
    finally:
        await cleanup()

async def tg():
    async with asyncio.TaskGroup() as g:
        g.create_task(main())
    try:
        pass
    except* ValueError:
        pass

async def nested_async_comp():
    return [[x async for x in y] for y in z]

async def ret_in_async_with():
    async with a:
        return 1

asyncio.run(main())
