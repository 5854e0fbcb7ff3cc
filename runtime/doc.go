// Package runtime is pya's event loop: a mirror of CPython 3.11's asyncio
// (base_events, futures, tasks, locks, queues, timeouts, taskgroups,
// runners) written in Go over vm.Value payloads.
//
// One goroutine owns a Loop and, through the GIL, the VM. Callbacks sit in a
// FIFO ready queue as plain structs (function + argument, no closure per
// call); timers sit in a binary heap ordered by (deadline, sequence). Each
// iteration (runOnce) runs only the callbacks that were ready when it began,
// exactly as BaseEventLoop._run_once does, so the interleaving of tasks is
// CPython's, turn for turn. Other goroutines (to_thread workers) post their
// completions to a thread-safe inbox.
//
// Coroutines are driven through the Resumable interface (the method set of
// vm.Resumable): the VM's coroutines and this package's native coroutines
// (sleep, Lock.acquire, Queue.get, wait_for, ...) both implement it.
package runtime
