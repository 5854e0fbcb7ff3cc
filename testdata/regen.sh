#!/usr/bin/env bash
# regen.sh records the golden outputs: it runs every test program under
# CPython 3.11 (the source of truth; never hand-write a .out or .err) and
# writes NAME.out (stdout) and, when the program fails, NAME.err (the last
# non-empty stderr line: the exception or SyntaxError line, with the
# repository root cut from paths) and NAME.status
# (when the exit status is neither 0 nor 1), and NAME.stderr: the whole
# stderr with the repository root cut from paths (checked by
# TestGoldenStderr; not written when CPython's traceback shows its own
# library files, e.g. asyncio internals).
#
#   testdata/regen.sh                      # lang/ async/ articles/
#   testdata/regen.sh testdata/lang/x.pya  # some files or directories
#
# Runs from the repository root, as `python3 testdata/DIR/NAME.pya`, so
# sys.argv[0] and tracebacks match `pya testdata/DIR/NAME.pya`. Helper modules
# (.pya files that have no .out, in package folders such as articles/util/)
# are mirrored as .py into a temporary PYTHONPATH so that imports work.
# A program with a line "# regen: virtual-clock" among its first 30 lines
# runs with testdata/regen/sitecustomize.py: CPython on virtual time, as
# `pya --clock=virtual` (elapsed times print exactly; sleeps are instant).
# A program whose first line is "# pya: pending needs real I/O ..." is not
# recorded (the network is not available here).
# A program with a line "# pya: serve NAME" among its first 30 lines talks
# to a local server (internal/testserve's fixture NAME, e.g. "web":
# example.com/.org/.net): regen.sh starts that server on 127.0.0.1 and runs
# CPython with PYA_RESOLVE and testdata/regen/resolve/sitecustomize.py, which
# sends those host names to it, as the golden harness does for pya.
# A program that imports aiohttp or aiofiles runs under $PYTHON_NET when
# python3 lacks them (default /usr/bin/python3.11: Debian's CPython 3.11
# with `apt-get install -y python3-aiohttp python3-aiofiles`); python3 is
# the oracle for the rest (its requests 2.34 / urllib3 2.x messages are
# the ones pya copies).
# REGEN_CHECK=1 writes nothing: it reports golden files that differ from
# what CPython produces now (hand-edited or stale).
# NAME.stdin, when present (hand-written input), is the program's stdin.
# Every program runs twice with different hash seeds: the outputs must agree.
# A program still running after $REGEN_TIMEOUT seconds (default 60) is a
# hang (e.g. a consumer that never ends): its stdout up to the hang is kept
# (python3 -u), no .err is written, and it needs a hand-written NAME.errprefix
# (what pya reports: the deadlock).
set -uo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-python3}
timeout=${REGEN_TIMEOUT:-60}
$py -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' || exit 1

if [ $# -eq 0 ]; then set -- testdata/lang testdata/async testdata/articles; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# is_test FILE: a test is a .pya not inside a package folder (a folder with __init__.pya).
is_test() {
	local d; d=$(dirname "$1")
	while [ "$d" != testdata ] && [ "$d" != . ]; do
		[ -e "$d/__init__.pya" ] && return 1
		d=$(dirname "$d")
	done
	return 0
}

files=()
for a in "$@"; do
	if [ -d "$a" ]; then
		while IFS= read -r f; do is_test "$f" && files+=("$f"); done < <(find "$a" -name '*.pya' | sort)
	else
		files+=("$a")
	fi
done

# serve NAME: starts the fixture server NAME (fd 9 keeps it running; closing
# it stops the server) and exports its PYA_RESOLVE value.
serve() {
	[ -x "$tmp/serve" ] || go build -o "$tmp/serve" ./internal/testserve/serve || return 1
	rm -f "$tmp/srvin" "$tmp/srvout"; mkfifo "$tmp/srvin"
	"$tmp/serve" "$1" <"$tmp/srvin" >"$tmp/srvout" &
	exec 9>"$tmp/srvin"
	for _ in $(seq 100); do [ -s "$tmp/srvout" ] && break; sleep 0.05; done
	PYA_RESOLVE=$(head -n 1 "$tmp/srvout")
	[ -n "$PYA_RESOLVE" ] || return 1
	export PYA_RESOLVE
}

fail=0
for f in "${files[@]}"; do
	base=${f%.pya}
	real=$base
	if [ -n "${REGEN_CHECK:-}" ]; then
		# check mode: record into a scratch folder, then compare
		rm -rf "$tmp/chk"; mkdir -p "$tmp/chk"; base="$tmp/chk/$(basename "$real")"
		[ -e "$real.errprefix" ] && cp "$real.errprefix" "$base.errprefix"
	fi
	dir=$(dirname "$f")
	lib="$tmp/lib"; rm -rf "$lib"; mkdir -p "$lib"
	(cd "$dir" && find . -name '*.pya' ! -path "./$(basename "$f")" | while IFS= read -r m; do
		mkdir -p "$lib/$(dirname "$m")"; cp "$m" "$lib/${m%.pya}.py"; done)
	if head -n 30 "$f" | grep -q '^# pya: pending needs real I/O'; then
		echo "skip (needs the network; not recorded): $f"; continue
	fi
	pypath=$lib
	stdin=/dev/null
	[ -e "$real.stdin" ] && stdin=$real.stdin
	virtual=0
	head -n 30 "$f" | grep -q '^# regen: virtual-clock' && virtual=1 && pypath="$lib:$PWD/testdata/regen"
	fpy=$py
	for lib in aiohttp aiofiles; do
		if grep -Eq "^\s*(import|from)\s.*\b$lib\b" "$f" && ! $py -c "import $lib" 2>/dev/null; then
			fpy=${PYTHON_NET:-/usr/bin/python3.11}
			if ! $fpy -c "import sys, $lib; assert sys.version_info[:2] == (3, 11)" 2>/dev/null; then
				echo "SKIP (needs $fpy: CPython 3.11 with $lib): $f"; fail=1; continue 2
			fi
		fi
	done
	fixture=$(head -n 30 "$f" | sed -n 's/^# pya: serve \([A-Za-z0-9_-]*\).*/\1/p' | head -n 1)
	if [ -n "$fixture" ]; then
		serve "$fixture" || { echo "CANNOT START fixture server $fixture: $f"; fail=1; continue; }
		pypath="$lib:$PWD/testdata/regen/resolve"
	fi
	for seed in 1 2; do
		PYTHONPATH="$pypath" PYTHONHASHSEED=$seed PYTHONDONTWRITEBYTECODE=1 PYA_REGEN_VIRTUAL_CLOCK=$virtual \
			timeout "$timeout" $fpy -u "$f" <"$stdin" >"$tmp/out$seed" 2>"$tmp/err$seed"
		echo $? >"$tmp/status$seed"
	done
	if [ -n "$fixture" ]; then exec 9>&-; wait; unset PYA_RESOLVE; fi
	status=$(cat "$tmp/status1")
	if ! cmp -s "$tmp/out1" "$tmp/out2" || [ "$status" != "$(cat "$tmp/status2")" ]; then
		echo "NONDETERMINISTIC (hash seed or timing): $f"; diff "$tmp/out1" "$tmp/out2" | head -5; fail=1
	fi
	# Paths printed on stdout are cut to the repository too (checkouts move).
	sed "s|$PWD/||g" "$tmp/out1" >"$base.out"
	rm -f "$base.err" "$base.status" "$base.stderr"
	# The whole stderr (tracebacks with carets, SyntaxError reports), with
	# the repository root cut from paths, unless it shows CPython's own
	# library frames (asyncio internals), which pya cannot have.
	if [ -s "$tmp/err1" ] && ! grep -q '/lib/python3' "$tmp/err1"; then
		# (helper modules ran from their .py mirror: name the .pya instead)
		sed -e "s|$lib/\([^\"]*\)\.py\"|$dir/\1.pya\"|g" -e "s|$PWD/||g" "$tmp/err1" >"$base.stderr"
	fi
	if [ "$status" = 124 ]; then
		echo "HANG (stdout kept; needs $base.errprefix): $f"
		[ -e "$base.errprefix" ] || { echo "  missing $base.errprefix"; fail=1; }
		continue
	fi
	if [ "$status" != 0 ]; then
		grep -v '^[[:space:]]*$' "$tmp/err1" | tail -n 1 | sed "s|$PWD/||g" >"$base.err"
		[ -s "$base.err" ] || rm -f "$base.err"
		{ [ "$status" != 1 ] || [ ! -e "$base.err" ]; } && echo "$status" >"$base.status"
	elif [ -s "$tmp/err1" ]; then
		# e.g. "RuntimeWarning: coroutine ... was never awaited": recorded too.
		echo "NOTE: $f exited 0 but wrote to stderr (recorded in .err, .status 0):"; head -3 "$tmp/err1"
		grep -v '^[[:space:]]*$' "$tmp/err1" | tail -n 1 | sed "s|$PWD/||g" >"$base.err"
		echo 0 >"$base.status"
	fi
	if [ -n "${REGEN_CHECK:-}" ]; then
		for ext in out err status stderr; do
			if [ -e "$base.$ext" ] || [ -e "$real.$ext" ]; then
				cmp -s "$base.$ext" "$real.$ext" 2>/dev/null || { echo "STALE $real.$ext"; fail=1; }
			fi
		done
		continue
	fi
	echo "ok  $f (status $status)"
done
exit $fail
