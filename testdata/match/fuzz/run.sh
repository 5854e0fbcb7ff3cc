#!/usr/bin/env bash
# Differential fuzzing of the match statement: random programs from
# gen_match.py run under CPython 3.11 and pya; stdout and the last stderr
# line (a SyntaxError for alternatives that bind different names) must agree.
#
#   testdata/match/fuzz/run.sh 1 500
#
# Needs a built pya at $PYA (default /tmp/pya). Keeps differing cases in $OUT.
set -u
here=$(cd "$(dirname "$0")" && pwd)
pya=${PYA:-/tmp/pya}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
fail=0
for s in $(seq "$1" "$2"); do
	python3 "$here/gen_match.py" "$s" >"$out/p$s.py"
	{ timeout 20 python3 "$out/p$s.py" 2>&1 >&3 | tail -1; } 3>"$out/py$s.out" >>"$out/py$s.out"
	{ timeout 20 "$pya" "$out/p$s.py" 2>&1 >&3 | tail -1; } 3>"$out/pya$s.out" >>"$out/pya$s.out"
	if cmp -s "$out/py$s.out" "$out/pya$s.out"; then
		rm -f "$out/p$s.py" "$out/py$s.out" "$out/pya$s.out"
	else
		echo "DIFF seed $s: $out/p$s.py"
		fail=1
	fi
done
exit $fail
