import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000

async def waiter(ev):
    await ev.wait()
    return 1

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev)) for _ in range(N)]
    await asyncio.sleep(0)
    ev.set()
    print("memory", sum(await asyncio.gather(*tasks)))

asyncio.run(main())
