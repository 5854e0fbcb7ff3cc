#!/usr/bin/env bash
# Differential fuzzing of the event loop against CPython 3.11:
#   go build -o /tmp/pya ./cmd/pya
#   runtime/testdata/difffuzz/run.sh 1 200
# Each seed generates a random asyncio program (gen.py: tasks, sleeps,
# locks, semaphores, queues, events, conditions, wait_for, timeout,
# TaskGroup, shield, wait, cancellation) and compares CPython's stdout (on
# virtual time, with testdata/regen/sitecustomize.py) with `pya --clock=virtual`.
# Programs that hang under CPython are skipped (pya reports a deadlock).
# Known benign differences: the order in which asyncio.run's shutdown
# cancels leftover tasks (CPython iterates a set ordered by addresses).
dir=$(cd "$(dirname "$0")" && pwd)
pya=${PYA:-/tmp/pya}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0; skip=0
for s in $(seq "$1" "$2"); do
	python3 "$dir/gen.py" "$s" >"$tmp/p.py"
	PYTHONPATH=$dir/../../../testdata/regen timeout 5 python3 "$tmp/p.py" >"$tmp/c.out" 2>/dev/null
	if [ $? = 124 ]; then skip=$((skip + 1)); continue; fi
	timeout 5 "$pya" --clock=virtual "$tmp/p.py" >"$tmp/g.out" 2>/dev/null
	if cmp -s "$tmp/c.out" "$tmp/g.out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); cp "$tmp/p.py" "fail_$s.py"; echo "differs: seed $s (kept as fail_$s.py)"
	fi
done
echo "pass=$pass fail=$fail skip=$skip"
