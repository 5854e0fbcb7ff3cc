import asyncio

count = 0

async def worker():
    global count
    for _ in range(200):
        await asyncio.sleep(0)
        count += 1

async def main():
    await asyncio.gather(*[worker() for _ in range(1000)])
    print("switch", count)

asyncio.run(main())
