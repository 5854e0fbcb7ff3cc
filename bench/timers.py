import asyncio

async def sleeper(i):
    await asyncio.sleep((i % 100) * 0.0001)
    return 1

async def main():
    results = await asyncio.gather(*[sleeper(i) for i in range(100_000)])
    print("timers", sum(results))

asyncio.run(main())
