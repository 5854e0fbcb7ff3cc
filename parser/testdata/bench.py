# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.2 "Creating a coroutine with async", listing 3 (asyncio.run).
# Repaired: nothing.
import asyncio

async def add_coroutine(a,b):
    return a+b

res=asyncio.run(add_coroutine(1,2))
print(res)

# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.2 "Creating a coroutine with async", listing 2. Repaired: nothing.
# The article's printed output ("Method result is 3 and the type is ...",
# "<coroutine object coroutine_add_one at 0x1071d6040>") is from another
# program; CPython prints the two types below, and at exit warns on stderr
# that the coroutine was never awaited (RuntimeWarning).
def add_function(a,b):
    return a+b

async def add_coroutine(a,b):
    return a+b

function=add_function(1,2)
coroutine=add_coroutine(1,2)

print(type(function))
print(type(coroutine))
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.2 "Creating a coroutine with async", listing 1. Repaired: nothing.
# It only defines a coroutine function: no output.
import asyncio
async def mero_coroutine():
    print("Hello From Asyncio")
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.3 "Pausing execution with the await keyword".
# Repaired: stray leading spaces before "async def" and "asyncio.run" (copy
# artifact: as printed they are an IndentationError).
import asyncio
async def add_one(number: int) -> int:
    return number + 1
async def main() -> None:
    one_plus_one = await add_one(1)     # Pause, and wait for the result of add_one(1).
    two_plus_one = await add_one(2)     # Pause, and wait for the result of add_one(2).
    print(one_plus_one)
    print(two_plus_one)
asyncio.run(main())
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.4, listing 2: the delay helper, FAITHFUL (its bug kept): it
# prints and returns delay_seconds, which is undefined (the parameter is
# delaysecond), so CPython raises NameError after the sleep.
# Repaired: stray leading spaces; the closing fence "```bash" dropped; the
# snippet only defines delay, so the call asyncio.run(delay(1)) is added
# to run it. The repaired twin is repaired/basics_2_4_delay.pya.
import asyncio

async def delay(delaysecond):
    print(f'Sleeping for delay seconds : {delaysecond}')
    await asyncio.sleep(delaysecond)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds

asyncio.run(delay(1))
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.4, listing 4 (hello_world_message with delay).
# FAITHFUL: imports the article's util package as printed (util/), whose
# delay helper raises NameError (undefined delay_seconds) after its sleep;
# the golden output is CPython's error. Twin: repaired/basics_2_4_hello_world_delay.pya.
# Repaired: stray leading spaces before "async def main" and "asyncio.run"; the closing fence "```bash" dropped.
import asyncio
from util.delay_functions import delay

async def add_one(number):
    return number + 1

async def hello_world_message():
    await delay(1)
    print("Hello World")

async def main() -> None:
    message = await hello_world_message()      #pause until hello_world_message is finished
    one_plus_one = await add_one(1)            #pause until add_one is finished
    print(one_plus_one)
    print(message)
asyncio.run(main())
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.4 "Introducing long-running coroutines with sleep", listing 1.
# Repaired: nothing.
import asyncio
async def hello_world_message():
    await asyncio.sleep(1)
    print("Hello World")
asyncio.run(hello_world_message())
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.5 "Running concurrently with task" (Creating and Using a Task).
# FAITHFUL: imports the article's util package as printed (util/), whose
# delay helper raises NameError (undefined delay_seconds) after its sleep;
# the golden output is CPython's error. Twin: repaired/basics_2_5_create_task.pya.
# Repaired: the closing fence "```bash" dropped. The article says the type prints as <class '_asyncio.Task'>: so does CPython.
import asyncio
from util import delay  # A custom function that simulates a delay

async def main():
    # Create a task that takes 3 seconds to complete
    sleep_for_three = asyncio.create_task(delay(3))

    # Immediately print the type of the task object
    print(f"Task type: {type(sleep_for_three)}")

    # Wait for the task to finish and get the result
    result = await sleep_for_three
    print(f"Task result: {result}")

# Run the main coroutine
asyncio.run(main())
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.6 "Running multiple tasks concurrently".
# FAITHFUL: imports the article's util package as printed (util/), whose
# delay helper raises NameError (undefined delay_seconds) after its sleep;
# the golden output is CPython's error. Twin: repaired/basics_2_6_multiple_tasks.pya.
# Repaired: stray leading spaces before "import", "from" and "async def".
import asyncio
from util.delay_functions import delay

async def main():
    # Create two tasks that take 3 seconds to complete
    sleep_for_three=asyncio.create_task(delay(3))
    sleep_again=asyncio.create_task(delay(3))
    sleep_once_more=asyncio.create_task(delay(3))
    await sleep_for_three
    await sleep_again
    await sleep_once_more

asyncio.run(main())
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 3.1 "Locks" (basic example of lock). Repaired: nothing.
# The article's printed output matches CPython's.
import asyncio

async def locking(lock):
    print('Waiting for the lock')
    async with lock:
        print('Acquired the lock')
        await asyncio.sleep(2)
    print('Released the lock')

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(
        locking(lock),
        locking(lock),
        locking(lock)
    )

asyncio.run(main())
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 3.2 "Semaphores" (basic example of semaphore). Repaired: nothing.
# The article's printed output shows three "Acquired" lines before the first
# release, impossible with Semaphore(2): CPython prints two (see the .out).
import asyncio

async def semaphoring(semaphore):
    async with semaphore:
        print('Acquired the semaphore')
        await asyncio.sleep(2)
    print('Released the semaphore')

async def main():
    semaphore = asyncio.Semaphore(2)
    await asyncio.gather(
        semaphoring(semaphore),
        semaphoring(semaphore),
        semaphoring(semaphore),
        semaphoring(semaphore)
    )

asyncio.run(main())
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section "asyncio.gather function".
# FAITHFUL: imports the article's util package as printed (util/), whose
# delay helper raises NameError (undefined delay_seconds) after its sleep;
# the golden output is CPython's error. Twin: repaired/basics_gather.pya.
# Repaired: nothing.
import asyncio
from util.delay_functions import delay

async def main():
    # Create three tasks that take 3 seconds to complete and handel using asyncio.gather
    results = await asyncio.gather(
        delay(3),
        delay(3),
        delay(3)
    )

    print(results)

asyncio.run(main())
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Schedule co-routines with a time deadline", asyncio_basic_10.py.
# Repaired: line numbers and "hosted with ... by GitHub" / "view raw" lines of the
# embedded gist, and the indentation they broke (copy artifacts); "asyncio.wait for" -> "asyncio.wait_for" (copy
# artifact: as printed it is a SyntaxError); random.seed(0) added after
# the imports so that the random delay is certain (CPython's Mersenne
# Twister: randrange(1, 5) is 4: the 3-second timeout fires).
import asyncio
import random
random.seed(0)
# A co-routine
async def add(x: int, y: int):
    # function can do work between 1 second to 5 seconds
    await asyncio.sleep(random.randrange(1, 5))
    return x + y

# Create a function to schedule co-routines on the event loop
# then print results
async def get_results():
    result = None
    try:
        # Wait for 3 seconds for co-routine to execute
        result = await asyncio.wait_for(add(3, 4), timeout=3)
    except asyncio.exceptions.TimeoutError:
        result = "fallback payload"

    print(result)


asyncio.run(get_results())
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Schedule co-routines with a time deadline", asyncio_basic_10.py.
# Repaired: line numbers and "hosted with ... by GitHub" / "view raw" lines of the
# embedded gist, and the indentation they broke (copy artifacts); "asyncio.wait for" -> "asyncio.wait_for" (copy
# artifact: as printed it is a SyntaxError); random.seed(1) added after
# the imports so that the random delay is certain (CPython's Mersenne
# Twister: randrange(1, 5) is 2: the result arrives in time).
import asyncio
import random
random.seed(1)
# A co-routine
async def add(x: int, y: int):
    # function can do work between 1 second to 5 seconds
    await asyncio.sleep(random.randrange(1, 5))
    return x + y

# Create a function to schedule co-routines on the event loop
# then print results
async def get_results():
    result = None
    try:
        # Wait for 3 seconds for co-routine to execute
        result = await asyncio.wait_for(add(3, 4), timeout=3)
    except asyncio.exceptions.TimeoutError:
        result = "fallback payload"

    print(result)


asyncio.run(get_results())
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Basics of asyncio", asyncio_basic_1.py. Repaired: line numbers and "hosted with ... by GitHub" / "view raw" lines of the
# embedded gist, and the indentation they broke (copy artifacts).
# It only defines add twice (the co-routine replaces the function): no output.
# A normal function
def add(x: int, y: int):
    return x + y

# A co-routine
async def add(x: int, y: int):
    return x + y
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Basics of asyncio", asyncio_basic_2.py. Repaired: line numbers and "hosted with ... by GitHub" / "view raw" lines of the
# embedded gist, and the indentation they broke (copy artifacts).
# asyncio.get_event_loop() outside a running loop creates one (CPython
# 3.11.7 prints no DeprecationWarning here).
import asyncio

# A co-routine
async def add(x: int, y: int):
    return x + y

# An event loop
loop = asyncio.get_event_loop()

# Pass the co-routine to the loop
result = loop.run_until_complete(add(3, 4))

print(result) # Prints 7
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Schedule multiple co-routines (in different loops)", asyncio_basic_3.py.
# Repaired: line numbers and "hosted with ... by GitHub" / "view raw" lines of the
# embedded gist, and the indentation they broke (copy artifacts).
import asyncio

# A co-routine
async def add(x: int, y: int):
    return x + y

# An event loop
loop = asyncio.get_event_loop()

# Execute two co-routines
result1 = loop.run_until_complete(add(3, 4))
result2 = loop.run_until_complete(add(5, 5))

print(result1) # Prints 7
print(result2) # Prints 10
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Schedule multiple co-routines (in same loop)", asyncio_basic_4.py.
# Repaired: line numbers and "hosted with ... by GitHub" / "view raw" lines of the
# embedded gist, and the indentation they broke (copy artifacts).
import asyncio

# A co-routine
async def add(x: int, y: int):
    return x + y

# An event loop
loop = asyncio.get_event_loop()

# Create a function to schedule co-routines on the event loop
# then print results and stop the loop
async def get_results():
    result1 = await add(3, 4)
    result2 = await add(5, 5)
    print(result1, result2) # Prints 7 10
    loop.stop()


loop.create_task(get_results())

# Blocking call interrupted by loop.stop()
try:
    loop.run_forever()
finally:
    loop.close()
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Using asyncio.run", asyncio_basic_5.py. Repaired: line numbers and "hosted with ... by GitHub" / "view raw" lines of the
# embedded gist, and the indentation they broke (copy artifacts).
import asyncio

# A co-routine
async def add(x: int, y: int):
    return x + y

# Create a function to schedule co-routines on the event loop
# then print results and stop the loop
async def get_results():
    result1 = await add(3, 4)
    result2 = await add(5, 5)

    print(result1, result2) # Prints 7 10


asyncio.run(get_results())
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Understanding concurrency via asyncio", asyncio_basic_6.py.
# Repaired: line numbers and "hosted with ... by GitHub" / "view raw" lines of the
# embedded gist, and the indentation they broke (copy artifacts). The article's printed output matches CPython's.
import asyncio

# A fast co-routine
async def add_fast(x, y):
    print("starting fast add")
    await asyncio.sleep(3) # Mimic some network delay
    print("result ready for fast add")
    return x + y

# A slow co-routine
async def add_slow(x, y):
    print("starting slow add")
    await asyncio.sleep(5) # # Mimic some network delay
    print("result ready for slow add")
    return x + y
# Create a function to schedule co-routines
async def get_results():
    task1 = asyncio.create_task(add_slow(3, 4))
    task2 = asyncio.create_task(add_fast(5, 5))

    print(await task1, await task2) # Prints 7 10
asyncio.run(get_results())
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Schedule co-routines dynamically (in one go)", asyncio_basic_7.py.
# Repaired: line numbers and "hosted with ... by GitHub" / "view raw" lines of the
# embedded gist, and the indentation they broke (copy artifacts).
import asyncio

# A co-routine
async def add(x: int, y: int):
    return x + y

# Create a function to schedule co-routines on the event loop
# then print results
async def get_results():
    inputs = [(2,3), (4,5), (5,5), (7,2)]

    # Create a co-routine list
    cors = [add(x,y) for x,y in inputs]

    results = asyncio.gather(*cors)

    print(await results) # Prints [5, 9, 10, 9]
asyncio.run(get_results())
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Schedule co-routines dynamically (in one go)", asyncio_basic_8.py.
# Repaired: line numbers and "hosted with ... by GitHub" / "view raw" lines of the
# embedded gist, and the indentation they broke (copy artifacts).
import asyncio

# A co-routine
async def add(x: int, y: int):
    return x + y

# Create a function to schedule tasks on the event loop
# then print results
async def get_results():
    inputs = [(2,3), (4,5), (5,5), (7,2)]

    # Create a task list
    tasks = [asyncio.create_task(add(x,y)) for x,y in inputs]

    results = asyncio.gather(*tasks)

    print(await results) # Prints [5, 9, 10, 9]
asyncio.run(get_results())
# pya: pending CPython's order here depends on object addresses (as_completed iterates a set of coroutines)
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Schedule co-routines dynamically (as items are ready)", asyncio_basic_9.py.
# Repaired: line numbers and "hosted with ... by GitHub" / "view raw" lines of the
# embedded gist, and the indentation they broke (copy artifacts).
# as_completed() wraps the co-routines in tasks in the iteration order of a
# set of co-routine objects (hashed by address in CPython), so CPython's
# order is not guaranteed (the article says so too); the .out is the order
# CPython printed when recorded.
import asyncio

# A co-routine
async def add(x: int, y: int):
    return x + y

# Create a function to schedule co-routines on the event loop
# then print results
async def get_results():
    inputs = [(2,3), (4,5), (5,5), (7,2)]
    # Create a co-routine list
    cors = [add(x,y) for x,y in inputs]

    # Prints results of co-routines as they are ready

    # Beware of Non-deterministic ouput. The order can change based on
    # which co-routine finishes first
    for cor in asyncio.as_completed(cors):
        print(await cor)



asyncio.run(get_results())
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Co-routine vs Task in asyncio": the two ways to make a task,
# FAITHFUL: the fragment uses asyncio before its import (and an undefined
# co-routine `cor`), so CPython raises NameError at once. The
# repaired twin is repaired/guide_task_two_ways.pya. Repaired: nothing.
# 1
loop = asyncio.get_event_loop()
loop.create_task(cor) # cor = co-routine
# 2
import asyncio
asyncio.create_task(cor)
# Article: "Asyncio - Introduction" (seeds/004_0cb5eed8dd974f43.txt)
# Section "Coroutines", listing 2, FAITHFUL: `await get_api` awaits the
# function itself, not a call, so CPython raises TypeError. Repaired: the
# fragment needs `import asyncio` and the get_api of the listing just above
# (prepended). The repaired twin (awaiting a call) needs the network:
# intro_coroutines_await_get_api_call.pya.
import asyncio

async def get_api(endpoint):
  return requests.get(endpoint)

async def main():

  await get_api

if __name__ == "__main__":
  asyncio.run(main())
# pya: pending needs real I/O (requests) — issue 9
# Article: "Asyncio - Introduction" (seeds/004_0cb5eed8dd974f43.txt)
# Section "Coroutines", listing 2, REPAIRED twin of
# intro_coroutines_await_get_api.pya: `await get_api(...)` calls it; the
# endpoint is made up (the article has none). Repaired: `import asyncio`,
# `import requests` and get_api prepended. Not recorded: needs requests and
# the network.
import asyncio
import requests

async def get_api(endpoint):
  return requests.get(endpoint)

async def main():

  await get_api("http://example.com")

if __name__ == "__main__":
  asyncio.run(main())
# Article: "Asyncio - Introduction" (seeds/004_0cb5eed8dd974f43.txt)
# Section "Coroutines", listing 1. Repaired: nothing. It only defines a
# coroutine function (requests is used only inside it): no output.
async def get_api(endpoint):
  return requests.get(endpoint)
# Article: "Asyncio - Introduction" (seeds/004_0cb5eed8dd974f43.txt)
# Section "What is the event loop?" (as_completed). Repaired: the fragment
# needs `import asyncio` and `import time` (prepended) and a call of main
# (`asyncio.run(main())` appended; as printed, nothing runs).
# as_completed() wraps the co-routines in tasks in the iteration order of a
# set of co-routine objects (hashed by address in CPython), so the order of
# the "Sending" lines is CPython's order when recorded, not a guarantee.
import asyncio
import time

async def send_message(to: str):
    print(f"Sending message to {to}")
    await asyncio.sleep(2)
    print(f"Message sent to {to}")
    return f"Complete message to {to}"

async def main():
    start = time.time()
    coroutines = [
        send_message("John Does"),
        send_message("Anna Herb"),
        send_message("Chris Jakson"),
    ]

    # Returns an iterable coroutine that can be used with the await keyword
    # This means we can consume the result as it first completes inside a for loop and operate on the result

    for cor in asyncio.as_completed(coroutines):
        print(await cor)

asyncio.run(main())
# Article: "Asyncio - Introduction" (seeds/004_0cb5eed8dd974f43.txt)
# Section "How not to use them". Repaired: nothing.
# regen: virtual-clock (it prints elapsed time.time(): recorded on virtual
# time, as `pya --clock=virtual` runs it; the article's value is real-time
# jitter, e.g. 4.001295328140259).
"""How not to use async"""
import asyncio 
import time

async def send_message(to: str):
    print(f"Sending message to {to}")
    await asyncio.sleep(2)
    print(f"Message sent to {to}")
    return f"Completed message to {to}"

async def main():
    # This is now behaving synchronously!
    # Total of 4 seconds
    start = time.time()
    sent_john = await send_message("John Doe")
    sent_anna = await send_message("Anna Herb")
    end = time.time()
    print(f"Time taken {end - start}s")

if __name__ == "__main__":
    asyncio.run(main()) # Approx 4 seconds
# Article: "Asyncio - Introduction" (seeds/004_0cb5eed8dd974f43.txt)
# Section "A bit about asyncio.run()". Repaired: the fragment needs
# `import asyncio` and `import time` (prepended). The blocking time.sleep(5)
# is the point of the example.
# regen: virtual-clock (time.sleep(5) is instant on virtual time)
import asyncio
import time

async def do_something():
    print("Starting Work")
    time.sleep(5)
    print("Finishing Work")

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(do_something())
finally:
    loop.close()
# Article: "Asyncio - Introduction" (seeds/004_0cb5eed8dd974f43.txt)
# Section "Tell me wtf is going on?". Repaired: nothing. It only defines a
# coroutine function (asyncio is used only inside it): no output.
async def send_message(to: str):
    print(f"Sending message to {to}")
    await asyncio.sleep(2) # Suspend at this point
    print(f"Message sent to {to}")
# Article: "Asyncio - Introduction" (seeds/004_0cb5eed8dd974f43.txt)
# Section "Lets to better by using Tasks", listing 2 (TaskGroup). Repaired: the
# fragment needs the imports and send_message of the listings above
# (prepended) and the `if __name__ == "__main__": asyncio.run(main())` of
# the listing just above (appended).
# regen: virtual-clock (it prints elapsed time.time(): recorded on virtual
# time, as `pya --clock=virtual` runs it; the article's value is real-time
# jitter, e.g. 4.001295328140259).
"""How not to use async"""
import asyncio 
import time

async def send_message(to: str):
    print(f"Sending message to {to}")
    await asyncio.sleep(2)
    print(f"Message sent to {to}")
    return f"Completed message to {to}"

async def main():
    start = time.time()
    async with asyncio.TaskGroup() as tg:
      send_john_task = tg.create_task(send_message("John Doe"))
      send_anna_task = tg.create_task(send_message("Anna Herb"))
    end = time.time()
    print(f"Time taken {end - start}s")

if __name__ == "__main__":
    asyncio.run(main())
# Article: "Asyncio - Introduction" (seeds/004_0cb5eed8dd974f43.txt)
# Section "Lets to better by using Tasks", listing 1. Repaired: the fragment
# needs the imports and send_message of the listing just above (prepended).
# regen: virtual-clock (it prints elapsed time.time(): recorded on virtual
# time, as `pya --clock=virtual` runs it; the article's value is real-time
# jitter, e.g. 4.001295328140259).
"""How not to use async"""
import asyncio 
import time

async def send_message(to: str):
    print(f"Sending message to {to}")
    await asyncio.sleep(2)
    print(f"Message sent to {to}")
    return f"Completed message to {to}"

async def main():
    start = time.time()
    # Wrap as tasks to schedule the coroutines concurrently in the event loop
    send_john_task = asyncio.create_task(send_message("John Doe"))
    send_anna_task = asyncio.create_task(send_message("Anna Herb"))
    await send_john_task
    await send_anna_task
    end = time.time()
    print(f"Time taken {end - start}s")

if __name__ == "__main__":
    asyncio.run(main())
# Article: "Asyncio - Introduction" (seeds/004_0cb5eed8dd974f43.txt)
# Section "Tasks" (gather). Repaired: nothing. It only defines get_api and
# main (main is never run, and endpoints is never defined): no output.
async def get_api(endpoint):
  return requests.get(endpoint)

async def main():
  # Create a list of coroutines
  coroutines = [get_api(endpoint) for endpoint in endpoints]
  # Add coroutines to be scheduled in the event loop
  await asyncio.gather(*coroutines)
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Key Classes and Functions: asyncio.create_task". Repaired: nothing.
import asyncio

async def my_coroutine():
    await asyncio.sleep(1)
    print('Coroutine executed')

async def main():
    task = asyncio.create_task(my_coroutine())
    await task

asyncio.run(main())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Key Classes and Functions: asyncio.Event". Repaired: nothing.
import asyncio

event = asyncio.Event()

async def waiter():
    print('Waiting for event...')
    await event.wait()
    print('Event received!')

async def main():
    asyncio.create_task(waiter())
    await asyncio.sleep(2)
    event.set()

asyncio.run(main())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Key Classes and Functions: asyncio.Future". Repaired: nothing.
import asyncio

async def set_future_value(fut):
    await asyncio.sleep(1)
    fut.set_result('Future is done!')

async def main():
    fut = asyncio.Future()
    await asyncio.create_task(set_future_value(fut))
    print(await fut)

asyncio.run(main())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Key Classes and Functions: asyncio.gather". Repaired: nothing.
import asyncio

async def foo():
    await asyncio.sleep(1)
    return 'foo'

async def bar():
    await asyncio.sleep(1)
    return 'bar'

async def main():
    results = await asyncio.gather(foo(), bar())
    print(results)

asyncio.run(main())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Key Classes and Functions: asyncio.Lock". Repaired: nothing.
# The lock is created at module level, outside any loop: fine since Python 3.10.
import asyncio

lock = asyncio.Lock()

async def worker(n):
    async with lock:
        print(f'Worker {n} acquired lock')
        await asyncio.sleep(1)
        print(f'Worker {n} released lock')

async def main():
    await asyncio.gather(worker(1), worker(2))

asyncio.run(main())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Key Classes and Functions: asyncio.Queue". Repaired: nothing.
# The consumer loops forever: once the producer is done, gather() waits for
# it and CPython hangs after "Consumed 4" (the .out is what CPython printed
# before the hang). pya reports the deadlock instead (.errprefix).
import asyncio

async def producer(queue):
    for i in range(5):
        await queue.put(i)
        await asyncio.sleep(1)

async def consumer(queue):
    while True:
        item = await queue.get()
        print(f'Consumed {item}')
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    await asyncio.gather(producer(queue), consumer(queue))

asyncio.run(main())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Key Classes and Functions: asyncio.run". Repaired: nothing.
import asyncio

async def main():
    print('Hello, World!')

asyncio.run(main())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Key Classes and Functions: asyncio.Semaphore". Repaired: nothing.
import asyncio

semaphore = asyncio.Semaphore(2)

async def worker(n):
    async with semaphore:
        print(f'Worker {n} acquired semaphore')
        await asyncio.sleep(1)
        print(f'Worker {n} released semaphore')

async def main():
    await asyncio.gather(worker(1), worker(2), worker(3))

asyncio.run(main())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Key Classes and Functions: asyncio.sleep". Repaired: nothing.
import asyncio

async def main():
    print('Sleeping for 1 second...')
    await asyncio.sleep(1)
    print('Awake!')

asyncio.run(main())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Examples: Basic Coroutine Example". Repaired: nothing.
# The article's printed output matches CPython's.
import asyncio

async def say_hello():
    print('Hello')
    await asyncio.sleep(1)
    print('World')

asyncio.run(say_hello())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Examples: Using asyncio.Future". Repaired: nothing.
# The article's printed output matches CPython's.
import asyncio

async def set_future(future):
    await asyncio.sleep(1)
    future.set_result('Done!')

async def main():
    future = asyncio.Future()
    await asyncio.create_task(set_future(future))
    result = await future
    print(result)

asyncio.run(main())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Examples: Running Multiple Coroutines". Repaired: nothing.
# The article's printed output matches CPython's.
import asyncio

async def say(text, delay):
    await asyncio.sleep(delay)
    print(text)

async def main():
    await asyncio.gather(say('Hello', 1), say('World', 2))

asyncio.run(main())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Examples: Using asyncio.Queue". Repaired: nothing.
# The consumer loops forever: after "Consumed 4" the producer sleeps its
# last second and returns, then gather() waits for the consumer and CPython
# hangs (the article shows the output up to there, which matches CPython's;
# the .out is what CPython printed before the hang). pya reports the
# deadlock instead (.errprefix).
import asyncio

async def producer(queue):
    for i in range(5):
        await queue.put(i)
        print(f'Produced {i}')
        await asyncio.sleep(1)

async def consumer(queue):
    while True:
        item = await queue.get()
        print(f'Consumed {item}')
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    await asyncio.gather(producer(queue), consumer(queue))

asyncio.run(main())
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Examples: Synchronization Primitives". Repaired: nothing.
# The article's printed output matches CPython's.
import asyncio

async def worker(lock, n):
    async with lock:
        print(f'Worker {n} acquired lock')
        await asyncio.sleep(1)
        print(f'Worker {n} released lock')

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(worker(lock, 1), worker(lock, 2))

asyncio.run(main())
# pya: pending needs real I/O (aiohttp) — issue 9
# Article: "Python asyncio Module" (seeds/001_876cf9bf98feb058.txt; its code is not fenced)
# Section "Real-World Use Case: Asynchronous Web Scraping". Repaired: nothing.
# Not recorded: it needs aiohttp and the network (the article prints the
# three pages, "<!doctype html>...").
import asyncio
import aiohttp

async def fetch(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()

async def main():
    urls = [
        'http://example.com',
        'http://example.org',
        'http://example.net'
    ]
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    results = await asyncio.gather(*tasks)
    for result in results:
        print(result)

asyncio.run(main())
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.4, listing 2: the delay helper, REPAIRED: the body uses the
# parameter delaysecond instead of the undefined delay_seconds. Also
# repaired: stray leading spaces; the closing fence dropped; the call
# asyncio.run(delay(1)) added (the snippet only defines delay).
# The faithful copy is ../basics_2_4_delay.pya.
import asyncio

async def delay(delaysecond):
    print(f'Sleeping for delay seconds : {delaysecond}')
    await asyncio.sleep(delaysecond)
    print(f'finished sleeping for {delaysecond} second(s)')
    return delaysecond

print(asyncio.run(delay(1)))
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.4, listing 4 (hello_world_message with delay).
# REPAIRED twin of ../basics_2_4_hello_world_delay.pya: same code; the util package next to it
# (repaired/util/) has the fixed delay helper.
# Repaired: stray leading spaces before "async def main" and "asyncio.run"; the closing fence "```bash" dropped.
import asyncio
from util.delay_functions import delay

async def add_one(number):
    return number + 1

async def hello_world_message():
    await delay(1)
    print("Hello World")

async def main() -> None:
    message = await hello_world_message()      #pause until hello_world_message is finished
    one_plus_one = await add_one(1)            #pause until add_one is finished
    print(one_plus_one)
    print(message)
asyncio.run(main())
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.5 "Running concurrently with task" (Creating and Using a Task).
# REPAIRED twin of ../basics_2_5_create_task.pya: same code; the util package next to it
# (repaired/util/) has the fixed delay helper.
# Repaired: the closing fence "```bash" dropped. The article says the type prints as <class '_asyncio.Task'>: so does CPython.
import asyncio
from util import delay  # A custom function that simulates a delay

async def main():
    # Create a task that takes 3 seconds to complete
    sleep_for_three = asyncio.create_task(delay(3))

    # Immediately print the type of the task object
    print(f"Task type: {type(sleep_for_three)}")

    # Wait for the task to finish and get the result
    result = await sleep_for_three
    print(f"Task result: {result}")

# Run the main coroutine
asyncio.run(main())
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section 2.6 "Running multiple tasks concurrently".
# REPAIRED twin of ../basics_2_6_multiple_tasks.pya: same code; the util package next to it
# (repaired/util/) has the fixed delay helper.
# Repaired: stray leading spaces before "import", "from" and "async def".
import asyncio
from util.delay_functions import delay

async def main():
    # Create two tasks that take 3 seconds to complete
    sleep_for_three=asyncio.create_task(delay(3))
    sleep_again=asyncio.create_task(delay(3))
    sleep_once_more=asyncio.create_task(delay(3))
    await sleep_for_three
    await sleep_again
    await sleep_once_more

asyncio.run(main())
# Article: "Async io : Asyncio Basics (Day 2)" (seeds/000_c0ec146429f1230c.txt)
# Section "asyncio.gather function".
# REPAIRED twin of ../basics_gather.pya: same code; the util package next to it
# (repaired/util/) has the fixed delay helper.
# Repaired: nothing.
import asyncio
from util.delay_functions import delay

async def main():
    # Create three tasks that take 3 seconds to complete and handel using asyncio.gather
    results = await asyncio.gather(
        delay(3),
        delay(3),
        delay(3)
    )

    print(results)

asyncio.run(main())
# Article: "A minimalistic guide for understanding asyncio in Python" (seeds/002_b108f6923c17120e.txt)
# Section "Co-routine vs Task in asyncio": the two ways to make a task,
# REPAIRED twin of ../guide_task_two_ways.pya: the fragment needs asyncio
# imported before its first use and a co-routine `cor` (defined here); way
# #1 runs the task with run_until_complete, and way #2 (create_task needs a
# running loop) runs inside asyncio.run.
import asyncio

async def work(n):
    print("working", n)
    return n

# 1
loop = asyncio.get_event_loop()
cor = work(1)
task = loop.create_task(cor) # cor = co-routine
print(loop.run_until_complete(task))
loop.close()

# 2
async def main():
    cor = work(2)
    return await asyncio.create_task(cor)

print(asyncio.run(main()))
# The article's util package (seeds/000, section 2.4): "an __init__.py file
# with the following line". Repaired: the line's stray leading spaces.
from util.delay_functions import delay
# The article's delay helper (seeds/000, section 2.4), REPAIRED: the snippet
# prints and returns delay_seconds but names its parameter delaysecond; the
# body now uses the parameter. (The faithful copy is
# testdata/articles/util/delay_functions.pya.)
import asyncio

async def delay(delaysecond):
    print(f'Sleeping for delay seconds : {delaysecond}')
    await asyncio.sleep(delaysecond)
    print(f'finished sleeping for {delaysecond} second(s)')
    return delaysecond
# The article's util package (seeds/000, section 2.4): "an __init__.py file
# with the following line". Repaired: the line's stray leading spaces.
from util.delay_functions import delay
# The article's delay helper (seeds/000, section 2.4), FAITHFUL: it prints
# and returns the undefined name delay_seconds (the parameter is
# delaysecond), so every caller gets CPython's NameError after the sleep.
# The repaired twin is testdata/articles/repaired/util/delay_functions.pya.
# Repaired: stray leading spaces; `import asyncio` kept from the snippet.
import asyncio

async def delay(delaysecond):
    print(f'Sleeping for delay seconds : {delaysecond}')
    await asyncio.sleep(delaysecond)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds
# async def, await, asyncio.run, coroutine objects.
import asyncio

async def add(a, b):
    return a + b

async def main():
    print("main start")
    r = await add(1, 2)
    print("add ->", r)
    coro = add(3, 4)
    print(type(coro).__name__)
    print(await coro)
    await asyncio.sleep(0)
    print("after sleep(0)")
    v = await asyncio.sleep(0.01, result="slept")
    print(v)
    return "main done"

print(asyncio.run(main()))
print(asyncio.iscoroutinefunction(add), asyncio.iscoroutinefunction(print))

async def raiser():
    await asyncio.sleep(0)
    raise ValueError("from coroutine")

async def catcher():
    try:
        await raiser()
    except ValueError as e:
        print("caught:", e)
asyncio.run(catcher())

async def nested(n):
    if n == 0:
        return 0
    return 1 + await nested(n - 1)
print(asyncio.run(nested(50)))
c = add(1, 1)
try:
    c.send(None)
except StopIteration as e:
    print("driven by hand:", e.value)
# gather with return_exceptions, as_completed, wait.
import asyncio

async def job(i):
    await asyncio.sleep(i / 100)
    if i == 2:
        raise ValueError(f"job {i} failed")
    return i

async def main():
    print(await asyncio.gather(*(job(i) for i in range(4)), return_exceptions=True))
    try:
        await asyncio.gather(job(2), job(1))
    except ValueError as e:
        print("gather raised:", e)
    for fut in asyncio.as_completed([job(3), job(1), job(0)]):
        print("completed", await fut)
    tasks = [asyncio.create_task(job(i)) for i in (5, 1, 3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [t.result() for t in done])
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))

asyncio.run(main())
# Async generator protocol: asend, athrow, aclose, StopAsyncIteration.
import asyncio

async def echo():
    v = None
    try:
        while True:
            try:
                v = yield v
                print("got", v)
            except ValueError as e:
                print("caught", e)
                v = "recovered"
    finally:
        print("echo cleanup")

async def main():
    g = echo()
    print(await g.asend(None))
    print(await g.asend(1))
    print(await g.athrow(ValueError("bad")))
    await g.aclose()
    try:
        await g.asend(2)
    except StopAsyncIteration:
        print("StopAsyncIteration after aclose")
    async def short():
        yield 1
    s = short()
    print(await s.__anext__())
    try:
        await s.__anext__()
    except StopAsyncIteration:
        print("exhausted")

asyncio.run(main())
# Lock, Event, Semaphore, Queue ordering.
import asyncio

async def main():
    lock = asyncio.Lock()
    log = []
    async def crit(i):
        async with lock:
            log.append(f"in {i}")
            await asyncio.sleep(0.01)
            log.append(f"out {i}")
    await asyncio.gather(*(crit(i) for i in range(3)))
    print(log)

    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        print("waiter", i, "released")
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("setting event", ev.is_set())
    ev.set()
    await asyncio.gather(*ts)

    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0
    async def limited(i):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.01)
            active -= 1
    await asyncio.gather(*(limited(i) for i in range(6)))
    print("peak concurrency", peak)

    q = asyncio.Queue()
    async def producer():
        for i in range(4):
            await q.put(i)
            print("put", i)
        await q.put(None)
    async def consumer():
        while (item := await q.get()) is not None:
            print("got", item)
    await asyncio.gather(producer(), consumer())
    bq = asyncio.Queue(maxsize=1)
    await bq.put("x")
    print(bq.full(), bq.qsize())
    try:
        bq.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")

asyncio.run(main())
# create_task scheduling order, gather, task results and names.
import asyncio

async def worker(name, delay):
    print(f"{name} start")
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name.upper()

async def main():
    t1 = asyncio.create_task(worker("a", 0.2))
    t2 = asyncio.create_task(worker("b", 0.1))
    print("tasks created")
    await asyncio.sleep(0)
    print("after yield")
    r1 = await t1
    r2 = await t2
    print(r1, r2, t1.done(), t2.result())
    results = await asyncio.gather(worker("x", 0.3), worker("y", 0.1), worker("z", 0.2))
    print(results)
    t = asyncio.create_task(worker("named", 0), name="my-task")
    print(t.get_name())
    await t

asyncio.run(main())

async def order():
    log = []
    async def step(i):
        log.append(f"start {i}")
        await asyncio.sleep(0)
        log.append(f"mid {i}")
        await asyncio.sleep(0)
        log.append(f"end {i}")
    await asyncio.gather(*(step(i) for i in range(3)))
    print(log)
asyncio.run(order())
# wait_for timeouts, cancellation, CancelledError handling.
import asyncio

async def slow():
    try:
        await asyncio.sleep(10)
        return "finished"
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.1)
    except asyncio.TimeoutError:
        print("timed out")
    print(await asyncio.wait_for(asyncio.sleep(0.01, result="quick"), timeout=1))
    t = asyncio.create_task(slow())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())
    t2 = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0.01)
    print(t2.cancel(), t2.cancel())
    try:
        await t2
    except asyncio.CancelledError:
        print("t2 cancelled")
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
    print(asyncio.TimeoutError is TimeoutError)

asyncio.run(main())
# An exception escaping asyncio.run: traceback and exit status 1.
import asyncio

async def fail():
    await asyncio.sleep(0.01)
    raise RuntimeError("task failed")

async def main():
    print("starting")
    await asyncio.gather(fail(), asyncio.sleep(0.02))

asyncio.run(main())
# Long sleeps: instant under pya's virtual clock (the harness uses it).
# regen: python3 really waits here; keep the total under a few seconds.
import asyncio

async def sleeper(name, secs):
    await asyncio.sleep(secs)
    print(name, "woke")
    return secs

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    r = await asyncio.gather(sleeper("c", 1.5), sleeper("a", 0.5), sleeper("b", 1.0))
    print(r, round(loop.time() - start, 1))

asyncio.run(main())
# async with, async for, async generators, async comprehensions.
import asyncio

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("open", self.name)
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, et, ev, tb):
        print("close", self.name, et.__name__ if et else None)
        return False

class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * 10
    print("agen finished")

async def main():
    async with Resource("r1") as r, Resource("r2"):
        print("using", r.name)
    try:
        async with Resource("r3"):
            raise KeyError("k")
    except KeyError:
        print("KeyError propagated")
    async for t in Ticker(3):
        print("tick", t)
    async for v in agen(3):
        print("agen", v)
    print([v async for v in agen(4) if v != 10])
    print({v: v * 2 async for v in agen(2)})
    print([await asyncio.sleep(0, result=i) for i in range(3)])
    g = agen(5)
    print(type(g).__name__, await g.__anext__(), await anext(g))
    await g.aclose()
    print("closed")
    async for x in Ticker(2):
        pass
    else:
        print("async for-else", x)

asyncio.run(main())
# regen: virtual-clock
import asyncio
async def w(b, n):
    print("arrive", n)
    i = await b.wait()
    print("pass", n, i)
async def main():
    b = asyncio.Barrier(3)
    await asyncio.gather(*(w(b, n) for n in range(3)))
    print(b.n_waiting, b.parties, b.broken)
asyncio.run(main())
# regen: virtual-clock
import asyncio

def cb(tag, *args):
    print("cb", tag, *args)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.2, cb, "later0.2")
    loop.call_later(0.1, cb, "later0.1a")
    loop.call_later(0.1, cb, "later0.1b")
    loop.call_soon(cb, "soon1")
    loop.call_soon(cb, "soon2", 1, 2)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("done cb", f.result()))
    loop.call_at(loop.time() + 0.15, fut.set_result, "r")
    print("before await")
    await asyncio.sleep(0)
    print("after sleep0")
    print(await fut)
    await asyncio.sleep(0.1)
    print("end")

asyncio.run(main())
# regen: virtual-clock
import asyncio
async def w():
    try:
        print("w sleeping")
        await asyncio.sleep(10)
    finally:
        print("w finally")
async def main():
    t = asyncio.create_task(w())
    await asyncio.sleep(0.1)
    print(t.cancel("stop it"))
    print(t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("caught", e.args)
    print(t.cancelled())
asyncio.run(main())
# regen: virtual-clock
import asyncio

async def producer(queue):
    for i in range(3):
        await queue.put(i)
        await asyncio.sleep(0.1)

async def consumer(queue):
    while True:
        item = await queue.get()
        print(f"Consumed {item}")
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    try:
        await asyncio.gather(producer(queue), consumer(queue))
    finally:
        print("main finally")

asyncio.run(main())
# regen: virtual-clock
import asyncio

async def ok(n):
    await asyncio.sleep(n / 10)
    return n

async def bad(n):
    await asyncio.sleep(n / 10)
    raise ValueError(f"bad {n}")

async def main():
    print(await asyncio.gather(ok(2), bad(1), ok(3), return_exceptions=True))
    try:
        await asyncio.gather(ok(1), bad(2))
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(1)
    g = asyncio.gather(ok(5), ok(6))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    print(await asyncio.gather())
    t = asyncio.create_task(ok(1))
    print(await asyncio.gather(t, t, ok(2)))

asyncio.run(main())
# regen: virtual-clock
import asyncio
async def w(n, d):
    print("start", n)
    await asyncio.sleep(d)
    print("end", n)
    return n * 10
async def main():
    r = await asyncio.gather(w(1, 0.3), w(2, 0.1), w(3, 0.2))
    print(r)
asyncio.run(main())
# regen: virtual-clock
import asyncio
async def locking(lock, n):
    print('Waiting for the lock', n)
    async with lock:
        print('Acquired the lock', n)
        await asyncio.sleep(2)
    print('Released the lock', n)
async def sem(s, n):
    async with s:
        print('Acquired the semaphore', n)
        await asyncio.sleep(2)
    print('Released the semaphore', n)
async def main():
    lock = asyncio.Lock()
    await asyncio.gather(locking(lock, 1), locking(lock, 2), locking(lock, 3))
    s = asyncio.Semaphore(2)
    await asyncio.gather(*(sem(s, i) for i in range(4)))
asyncio.run(main())
# regen: virtual-clock
import asyncio
async def producer(q):
    for i in range(5):
        print("put", i)
        await q.put(i)
    print("producer done")
async def consumer(q):
    for _ in range(5):
        x = await q.get()
        print("got", x)
        q.task_done()
        await asyncio.sleep(0)
async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))
    await q.join()
    print("joined")
asyncio.run(main())
# regen: virtual-clock
import asyncio

async def main():
    for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        q = cls()
        for x in (3, 1, 2):
            q.put_nowait(x)
        print(cls.__name__, q.qsize(), [q.get_nowait() for _ in range(3)], q.empty())
    q = asyncio.Queue(1)
    q.put_nowait("a")
    print(q.full(), q.maxsize)
    try:
        q.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull")
    q.get_nowait()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    try:
        q.task_done()
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    q = asyncio.Queue()
    async def worker(name):
        while True:
            item = await q.get()
            print(name, "got", item)
            await asyncio.sleep(0.1)
            q.task_done()
    workers = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    for i in range(5):
        await q.put(i)
    await q.join()
    print("all done")
    for w in workers:
        w.cancel()
    print(await asyncio.gather(*workers, return_exceptions=True))

asyncio.run(main())
# regen: virtual-clock
import asyncio

async def f():
    await asyncio.sleep(0)
    return 1

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(repr(fut))
    fut.set_result(5)
    print(repr(fut))
    f2 = loop.create_future()
    f2.set_exception(ValueError("x"))
    print(repr(f2))
    print(repr(f2.exception()))
    f3 = loop.create_future()
    print(f3.cancel("boom"), f3.cancelled(), f3.done())
    print(repr(f3))
    t = asyncio.create_task(f())
    print(t.get_name(), t.done())
    await asyncio.sleep(0)
    await t
    print(repr(t).replace(__file__, "FILE"))
    print(type(t), type(fut))
    print(asyncio.Task, asyncio.Future)
    print(isinstance(t, asyncio.Future), isinstance(t, asyncio.Task))
    for m in ("result", "exception"):
        try:
            getattr(loop.create_future(), m)()
        except asyncio.InvalidStateError as e:
            print(type(e).__name__, e)
    try:
        fut.set_result(3)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    f4 = loop.create_future()
    f4.cancel("m")
    try:
        f4.result()
    except asyncio.CancelledError as e:
        print(repr(e))
    print(asyncio.current_task().get_name())
    t2 = asyncio.create_task(f(), name="bob")
    t2.cancel()
    print(repr(t2).replace(__file__, "FILE"))
    await asyncio.sleep(0)
    print(repr(t2).replace(__file__, "FILE"))
    t3 = asyncio.create_task(f())
    print(t3.get_name())
    await t3
    print(len(asyncio.all_tasks()))
    c = f()
    print(asyncio.iscoroutine(c), asyncio.iscoroutinefunction(f), asyncio.iscoroutinefunction(print))
    c.close()
    h = loop.call_soon(print, "soon", 1)
    print(repr(h))
    h2 = loop.call_later(10, print, "never")
    h2.cancel()
    print(h2.cancelled())
    await asyncio.sleep(0)

asyncio.run(main())
# regen: virtual-clock
import asyncio

async def inner():
    return 1

async def main():
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    await c
    c = inner()
    try:
        asyncio.get_running_loop().run_until_complete(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()

try:
    asyncio.run(5)
except ValueError as e:
    print("ValueError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
asyncio.run(main())
print(asyncio.run(inner()))

async def name():
    return asyncio.current_task().get_name()
print(asyncio.run(name()), asyncio.run(name()))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(name()))
print(loop.is_running(), loop.is_closed())
loop.close()
print(loop.is_closed())
# regen: virtual-clock
import asyncio

async def work(ev):
    await asyncio.sleep(0.5)
    print("work done")
    ev.set()
    return "w"

async def waiter(cond, n, box):
    async with cond:
        print("waiting", n)
        await cond.wait_for(lambda: box[0] >= n)
        print("woke", n, box[0])

async def main():
    ev = asyncio.Event()
    print(ev.is_set())
    t = asyncio.create_task(work(ev))
    s = asyncio.shield(t)
    s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("shield cancelled", t.cancelled())
    await ev.wait()
    print(ev.is_set(), await t)
    cond = asyncio.Condition()
    box = [0]
    ts = [asyncio.create_task(waiter(cond, n, box)) for n in (1, 2, 3)]
    for i in range(1, 4):
        await asyncio.sleep(0.1)
        async with cond:
            box[0] = i
            cond.notify_all()
    await asyncio.gather(*ts)
    sem = asyncio.BoundedSemaphore(1)
    async with sem:
        pass
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
# regen: virtual-clock
import asyncio
async def w(n):
    for i in range(3):
        print(n, i)
        await asyncio.sleep(0)
    return n
async def main():
    ts = [asyncio.create_task(w(n)) for n in "abc"]
    print("created")
    for t in ts:
        print("got", await t)
    print("done")
asyncio.run(main())
# regen: virtual-clock
import asyncio

async def ok(n):
    try:
        await asyncio.sleep(n)
        print("ok", n)
    except asyncio.CancelledError:
        print("cancelled", n)
        raise

async def bad():
    await asyncio.sleep(0.5)
    raise ValueError("boom")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(0.1))
            tg.create_task(ok(1))
            tg.create_task(bad())
    except* ValueError as eg:
        print("caught", repr(eg.exceptions))
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.5)
    print(cm.expired())
    try:
        async with asyncio.timeout(0.2) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout", cm.expired())
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0)
    except TimeoutError:
        print("wait_for 0 timeout")
    print(await asyncio.wait_for(asyncio.sleep(0.1, "res"), None))

asyncio.run(main())
# regen: virtual-clock
import asyncio
async def w(n, d):
    await asyncio.sleep(d)
    print("w", n)
    return n
async def main():
    ts = [asyncio.create_task(w(i, d)) for i, d in enumerate([0.3, 0.1, 0.2])]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    for c in asyncio.as_completed(ts):
        print("ac", await c)
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(w(7, 0.2))
        tg.create_task(w(8, 0.1))
    print("tg done")
asyncio.run(main())
# regen: virtual-clock
import asyncio
async def long():
    try:
        await asyncio.sleep(5)
        return 1
    finally:
        print("long finally")
async def main():
    try:
        await asyncio.wait_for(long(), 1)
    except asyncio.TimeoutError as e:
        print("timeout", type(e).__name__, type(e.__cause__).__name__)
    print(await asyncio.wait_for(long(), 10))
asyncio.run(main())
class A:
    x = 1
    def __init__(self):
        self.y = 2
class B(A):
    pass
b = B()
print(isinstance(b, A), isinstance(b, (int, (str, A))), isinstance(1, bool), isinstance(True, int))
print(issubclass(B, A), issubclass(A, B), issubclass(bool, (str, int)), issubclass(B, object))
print(hasattr(b, "x"), hasattr(b, "z"), getattr(b, "y"), getattr(b, "z", "default"))
setattr(b, "z", 3)
print(b.z, vars(b))
delattr(b, "z")
print(hasattr(b, "z"))
print(type(1), type("s"), type([]), type(None), type(b).__name__)
print([n for n in dir(b) if not n.startswith("__")])
def f():
    local_var = 1
    return sorted(locals())
print(f())
print("f" in globals(), globals()["A"] is A)
for call in [lambda: getattr(b, "nope"), lambda: isinstance(1, 2), lambda: issubclass(1, int),
             lambda: issubclass(int, 1), lambda: getattr(1, 2), lambda: setattr(b, "x"), lambda: vars(1)]:
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print(abs(-5), abs(-2.5), abs(True), abs(-(2**70)))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2))
print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 3, 5), pow(2, 3, -5))
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234.5678, -2), round(15, -1), round(25, -1), round(1.0), round(0.125, 2))
print(hex(255), hex(-255), oct(8), bin(-5), bin(0), hex(2**70))
print(chr(65), chr(0x1F600), ord("€"), ord(b"a"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnl\n\\"), ascii("café ☕"))
print(format(3.14159, ".3f"), format(42, "08b"), format("x", "^5"), format(1234567, ","), format(0.5, "%"))
print(int("42"), int("-0x1f", 16), int(" 7 "), float("1e3"), float("-inf"), str(1.0), str(1e16), str(1e-5))
print(bool(0), bool(""), bool([0]), bool(None))
print(min([3, 1, 2]), max("hello"), min(1, 2, key=lambda x: -x), max([], default="empty"), min([(1, "b"), (1, "a")]))
print(sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([1, 2], start=10))
print(sorted("banana"), sorted([3, 1, 2], key=lambda x: -x), sorted({"b": 1, "a": 2}), sorted([(1, "b"), (0, "z"), (1, "a")]))
print(sorted(["B", "a", "C"], key=lambda s: s.lower()), sorted([1.5, 1, True, 0]))
print(any([]), any([0, "", 3]), all([1, 2]), all([1, 0]))
print(id(None) == id(None), hash(42), hash(-1), hash(3.0) == hash(3), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
print(callable(print), callable(42), callable(int), callable(lambda: 0))
tests = [
    lambda: len(5),
    lambda: len(),
    lambda: abs("x"),
    lambda: divmod("a", 1),
    lambda: divmod(1, 0),
    lambda: divmod(1.0, 0),
    lambda: pow(2, 3, 0),
    lambda: pow(2.0, 3, 5),
    lambda: pow(2, -1, 4),
    lambda: round("x"),
    lambda: min(),
    lambda: max([]),
    lambda: min(1, 2, default=3),
    lambda: sum(["a"], ""),
    lambda: sorted([1, "a"]),
    lambda: next(5),
    lambda: iter(5),
    lambda: chr(-1),
    lambda: chr("a"),
    lambda: ord("ab"),
    lambda: ord(5),
    lambda: hex(1.5),
    lambda: map(len),
    lambda: reversed(5),
    lambda: hash([]),
    lambda: hash({}),
    lambda: callable(),
    lambda: [1][5],
    lambda: {}["a"],
    lambda: {[]: 1},
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: int("x"),
    lambda: float("y"),
    lambda: open("/nonexistent/file.txt"),
    lambda: any(1),
    lambda: enumerate([], "a"),
]
for t in tests:
    try:
        r = t()
        print("no error:", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)
print("before")
exit(3)
print("after")
try:
    input("prompt> ")
except EOFError as e:
    print()
    print("EOFError:", e)
print(list(enumerate(["a", "b"])), list(enumerate("xy", start=10)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])), list(map(lambda s: s.upper(), ["a"])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, 1, "", "a", None])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
calls = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(calls), 0)))
e = enumerate("ab")
print(iter(e) is e, next(e))
z = zip("ab", "cd")
print(next(z), list(z))
for kind in (enumerate, zip, map, filter, reversed):
    print(kind.__name__, type(kind) is type)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as ex:
    print("ValueError:", ex)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as ex:
    print("ValueError:", ex)
try:
    list(zip([1, 2], [1, 2], [3], strict=True))
except ValueError as ex:
    print("ValueError:", ex)
print(list(zip([1, 2], "ab", strict=True)))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
import os
path = "/tmp/pya_golden_open_files.txt"
with open(path, "w") as f:
    print(f.write("line one\n"), f.name, f.mode, f.closed)
    f.writelines(["two\n", "three\n"])
    print("four", file=f)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.readline()), repr(f.readline(2)), f.tell())
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip())
with open(path, "a") as f:
    f.write("five\n")
with open(path, "rb") as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:8])
with open(path, "r") as f:
    f.seek(5)
    print(repr(f.read(3)), f.tell())
with open(path, "wb") as f:
    print(f.write(b"bytes\x00\xff"))
with open(path, "rb") as f:
    print(f.read())
os.remove(path)
try:
    open(path)
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    open(path, "q")
except ValueError as e:
    print("ValueError:", e)
f = open("/tmp/pya_golden_closed.txt", "w")
f.close()
try:
    f.write("x")
except ValueError as e:
    print("ValueError:", e)
os.remove("/tmp/pya_golden_closed.txt")
import sys
print("a", "b", sep="-", end="!\n")
print()
print(1, 2.0, None, True, [1, "x"], (1,), {"k": 1.5}, {1}, sep=" | ")
print("no newline", end="")
print(" continued")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5), sep=",")
print("x", sep=None, end=None)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("a", 1, sep="+", file=w)
print(w.parts)
sys.stdout.write("direct\n")
for bad in [dict(sep=1), dict(end=2)]:
    try:
        print("x", **bad)
    except TypeError as e:
        print("TypeError:", e)
print(sorted([3, "a", 1]))
# Function and variable annotations.
def f(a: int, b: "str" = "x", *args: float, c: list, **kw: dict) -> bool:
    return True

ann = f.__annotations__
for k in ["a", "b", "args", "c", "kw", "return"]:
    print(k, ann[k])
print(len(ann))

def g(x, y):
    pass
print(g.__annotations__)

x: int = 5
y: str
print(x)
print(__annotations__["x"], __annotations__["y"])
try:
    print(y)
except NameError as e:
    print("NameError:", e)

class C:
    a: int
    b: str = "hello"
    def m(self) -> None:
        pass

print(C.__annotations__["a"], C.__annotations__["b"])
print(C.b)
print(hasattr(C, "a"))
print(C.m.__annotations__)

def h(n: int = 3) -> list[int]:
    return list(range(n))
print(h(), h.__annotations__["n"])
