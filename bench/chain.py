import asyncio

async def add_one(x):
    return x + 1

async def main():
    x = 0
    for _ in range(1_000_000):
        x = await add_one(x)
    print("chain", x)

asyncio.run(main())
