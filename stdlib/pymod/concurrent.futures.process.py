"""Implements ProcessPoolExecutor.

pya has no multiprocessing: a ProcessPoolExecutor runs its calls on pya
threads of the same interpreter, as a ThreadPoolExecutor with os.cpu_count()
workers does. Results, exceptions, ordering, shutdown, cancel_futures, map
(with chunksize) and asyncio's run_in_executor behave as in CPython for
the usual programs. What differs: nothing is pickled (lambdas and local
functions work, and mutations of arguments are seen by the caller), the
workers share the caller's globals and os.getpid(), prints from workers
are not buffered per process, and CPU-bound calls take turns on the GIL
instead of running in parallel."""

from concurrent.futures import _base
from concurrent.futures import thread as _thread
import itertools
import os

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


class ProcessPoolExecutor(_base.Executor):
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance.

        Args:
            max_workers: The maximum number of workers (threads in pya)
                that can be used to execute the given calls. If None or not
                given then as many workers as there are CPUs are used.
            mp_context: Ignored by pya (there are no processes).
            initializer: A callable used to initialize worker threads.
            initargs: A tuple of arguments to pass to the initializer.
            max_tasks_per_child: Checked as CPython does, otherwise
                ignored: pya's workers are not replaced.
        """
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._max_tasks_per_child = max_tasks_per_child
        self._mp_context = mp_context
        self._pool = _thread.ThreadPoolExecutor(
            self._max_workers,
            thread_name_prefix="ProcessPoolExecutor-%d" % self._counter(),
            initializer=initializer, initargs=initargs)

    def submit(self, fn, /, *args, **kwargs):
        try:
            return self._pool.submit(fn, *args, **kwargs)
        except _thread.BrokenThreadPool:
            raise BrokenProcessPool('A child process terminated abruptly, '
                                    'the process pool is not usable anymore') from None
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter).

        Args:
            fn: A callable that will take as many arguments as there are
                passed iterables.
            timeout: The maximum number of seconds to wait. If None, then there
                is no limit on the wait time.
            chunksize: If greater than one, the iterables will be chopped into
                chunks of size chunksize and submitted to the pool as separate
                tasks.
        """
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        return super().map(fn, *iterables, timeout=timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
