"""Virtual time for CPython, used by testdata/regen.sh when recording a
program whose first lines contain "# regen: virtual-clock".

It makes CPython behave like `pya --clock=virtual`: the event loop's clock
only moves when the loop has nothing ready, jumping to the next timer;
time.sleep(d) advances it by d without blocking; time.time(), monotonic()
and perf_counter() read it. Outputs that print elapsed times are then exact
(4.0 rather than 4.001295328140259) and long sleeps take no wall time. The
order of events is unchanged: timers still fire in (deadline, sequence)
order, as in real time.
"""
import asyncio.base_events as _be
import time as _time

_now = [0.0]
_MONO = 1000.0  # the monotonic epoch, like pya's virtual clock
_WALL = 1_700_000_000.0


def _mono():
    return _MONO + _now[0]


def _sleep(d):
    if d > 0:
        _now[0] += d


_time.time = lambda: _WALL + _now[0]
_time.monotonic = _mono
_time.perf_counter = _mono
_time.sleep = _sleep
_be.BaseEventLoop.time = lambda self: _mono()
_orig_run_once = _be.BaseEventLoop._run_once


def _run_once(self):
    if not self._ready:
        whens = [h._when for h in self._scheduled if not h._cancelled]
        if whens and min(whens) - _MONO > _now[0]:
            _now[0] = min(whens) - _MONO
    _orig_run_once(self)


_be.BaseEventLoop._run_once = _run_once

# Timers with equal deadlines fire in the order they were scheduled, as on
# the real clock (where deadlines practically never tie) and in pya: heapq
# alone compares only _when and breaks ties by heap shape.
import asyncio.events as _ev
import itertools as _it
_seq = _it.count()


class _SeqTimerHandle(_ev.TimerHandle):
    __slots__ = ("_seq",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._seq = next(_seq)

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)


_ev.TimerHandle = _SeqTimerHandle
_SeqTimerHandle.__name__ = _SeqTimerHandle.__qualname__ = "TimerHandle"
