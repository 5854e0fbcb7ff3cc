import asyncio

counter = 0

async def worker(lock):
    global counter
    for i in range(1000):
        async with lock:
            counter += 1
            if i % 10 == 0:
                await asyncio.sleep(0)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*[worker(lock) for _ in range(100)])
    print("lock", counter)

asyncio.run(main())
