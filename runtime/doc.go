// Package runtime is pya's event loop: a mirror of CPython 3.11's asyncio
// (base_events, futures, tasks, locks, queues, timeouts, taskgroups,
// runners) written in Go over vm.Value payloads.
//
// One goroutine owns a Loop and, through the GIL, the VM. Callbacks sit in a
// FIFO ready queue as plain structs (function + argument, no closure per
// call); timers sit in a binary heap ordered by (deadline, sequence), which
// is the order real time gives CPython. Each iteration (runOnce) runs only
// the callbacks that were ready when it began, exactly as
// BaseEventLoop._run_once does, and a task wakes through a done callback
// scheduled with call_soon, so the interleaving of tasks is CPython's, turn
// for turn. Other goroutines (to_thread workers, async natives of an
// embedding host) post their completions to a thread-safe inbox
// (Loop.Post, BeginExternal).
//
// Coroutines are driven through the Resumable interface (the method set of
// vm.Resumable): the VM's coroutines and this package's native coroutines
// (sleep, Lock.acquire, Queue.get, wait_for, ...) both implement it. A
// Future's __await__ is a FutureIter: its first resume yields the future.
//
// Beyond CPython: the virtual clock (NewClock(VirtualClockKind); the loop
// jumps to the next timer when idle, time.sleep advances it), and the
// deadlock report: when nothing is ready, no timer is pending and no other
// goroutine is at work, DeadlockError (listing every blocked task and what
// it waits for) is raised into the main task instead of hanging.
//
// Hooks for the rest of pya: ConfigureInterpreter (clock kind and stderr),
// CurrentClock and CurrentGIL (the time module), Finalize (after the
// program: deferred "exception was never retrieved" reports), CoroLocator
// (optional, for the VM's coroutines: where a coroutine is suspended).
package runtime
