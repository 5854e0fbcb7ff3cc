#!/usr/bin/env bash
# Differential fuzzing of the sync primitives: random programs (tasks on a
# Lock, Semaphore, Condition, Event, queues and a Barrier, with sleep(0)
# pauses, wait_for/timeout() around waits and random cancels) run under
# CPython 3.11 on virtual time (testdata/regen/sitecustomize.py) and under
# `pya --clock=virtual`; any difference in stdout is reported (stderr
# differs by design: CPython reports unretrieved task exceptions when the
# GC frees them). Timeouts get
# a unique epsilon so no two timers share a deadline (CPython's heapq breaks
# such ties by heap shape, pya by scheduling order).
#
#   testdata/sync/fuzz/run.sh gen_basic.py 1 500
#   testdata/sync/fuzz/run.sh gen_more.py 1 500    # + join, barrier abort/reset, shield, timeout()
#   testdata/sync/fuzz/run.sh gen_tasks.py 1 500   # gather/wait/as_completed/TaskGroup/shield nests
#
# Needs a built pya at $PYA (default /tmp/pya). Keeps differing cases in $OUT.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
gen=$1
[ -e "$gen" ] || gen=$here/$1
pya=${PYA:-/tmp/pya}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
fail=0
for s in $(seq "$2" "$3"); do
	python3 "$gen" "$s" >"$out/p$s.py"
	PYTHONPATH=$root/testdata/regen timeout 20 python3 "$out/p$s.py" >"$out/py$s.out" 2>/dev/null
	timeout 20 "$pya" --clock=virtual "$out/p$s.py" >"$out/pya$s.out" 2>/dev/null
	if cmp -s "$out/py$s.out" "$out/pya$s.out"; then
		rm -f "$out/p$s.py" "$out/py$s.out" "$out/pya$s.out"
	else
		echo "DIFF seed $s: $out/p$s.py"
		fail=1
	fi
done
exit $fail
