// Command compare runs each benchmark under pya and CPython alternately and
// prints a table of median wall times, the pya/CPython ratio and peak memory.
//
//	go run ./bench/compare            # all benchmarks, 5 runs each
//	go run ./bench/compare -n 3 fib loop
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

var all = []string{"fib", "loop", "containers", "spawn", "switch", "chain", "queue", "lock", "timers", "memory", "startup", "import", "import-first"}

type sample struct {
	wall time.Duration
	rss  int64 // peak resident set, KiB
}

func main() {
	runs := flag.Int("n", 5, "runs per benchmark and interpreter")
	python := flag.String("python", "python3", "the CPython to compare with")
	flag.Parse()
	names := flag.Args()
	if len(names) == 0 {
		names = all
	}
	dir, err := benchDir()
	check(err)
	tmp, err := os.MkdirTemp("", "pya-bench")
	check(err)
	defer os.RemoveAll(tmp)
	pya := filepath.Join(tmp, "pya")
	build := exec.Command("go", "build", "-o", pya, "./cmd/pya")
	build.Dir = filepath.Dir(dir)
	build.Stderr = os.Stderr
	check(build.Run())
	// pya's compiled-code cache lives in the temporary directory: runs
	// neither use nor fill the user's cache.
	pyaEnv := []string{"PYA_CACHE_DIR=" + filepath.Join(tmp, "cache")}
	// Resolve the real interpreter: a launcher script (pyenv's shim) would
	// add its own start-up time to every CPython run.
	if out, err := exec.Command(*python, "-c", "import sys; print(sys.executable)").Output(); err == nil {
		*python = strings.TrimSpace(string(out))
	}
	gen := exec.Command(*python, "gen_module.py")
	gen.Dir = dir
	check(gen.Run())

	fmt.Printf("| benchmark | pya | CPython | pya/CPython | pya peak MiB | CPython peak MiB |\n|---|---|---|---|---|---|\n")
	for _, name := range names {
		switch name {
		case "memory":
			memoryRow(dir, pya, *python, pyaEnv)
			continue
		}
		file := name
		penv, pyArgs := pyaEnv, []string{}
		switch name {
		case "startup":
			file = "empty"
		case "import":
			// Repeated import: one untimed run fills both code caches
			// (pya's and CPython's __pycache__).
			file = "importbig"
			run(dir, pyaEnv, pya, file+".pya")
			run(dir, nil, *python, file+".py")
		case "import-first":
			// First import: no cache is read or written.
			file = "importbig"
			penv = append(pyaEnv, "PYA_NO_CACHE=1")
			pyArgs = []string{"-B"}
			check(os.RemoveAll(filepath.Join(dir, "__pycache__")))
		}
		var p, c []sample
		for i := 0; i < *runs; i++ {
			p = append(p, run(dir, penv, pya, file+".pya"))
			c = append(c, run(dir, nil, *python, append(pyArgs, file+".py")...))
		}
		mp, mc := median(p), median(c)
		fmt.Printf("| %s | %s | %s | %.2f | %.1f | %.1f |\n", name, fmtDur(mp.wall), fmtDur(mc.wall),
			mp.wall.Seconds()/mc.wall.Seconds(), float64(mp.rss)/1024, float64(mc.rss)/1024)
	}
}

// memoryRow reports bytes per blocked task: (peak RSS at N=100k - peak at N=0) / 100k.
func memoryRow(dir, pya, python string, pyaEnv []string) {
	per := func(env []string, interp, file string) float64 {
		var full, empty []sample
		for i := 0; i < 3; i++ {
			full = append(full, run(dir, env, interp, file, "100000"))
			empty = append(empty, run(dir, env, interp, file, "0"))
		}
		return float64(median(full).rss-median(empty).rss) * 1024 / 100000
	}
	p, c := per(pyaEnv, pya, "memory.pya"), per(nil, python, "memory.py")
	fmt.Printf("| memory (bytes/blocked task) | %.0f | %.0f | %.2f | | |\n", p, c, p/c)
}

// run runs interp with args in dir, with env added to the environment.
func run(dir string, env []string, interp string, args ...string) sample {
	cmd := exec.Command(interp, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s %v: %v\n%s", interp, args, err, out.String())
		os.Exit(1)
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return sample{wall, rss}
}

func median(s []sample) sample {
	sort.Slice(s, func(i, j int) bool { return s[i].wall < s[j].wall })
	m := s[len(s)/2]
	sort.Slice(s, func(i, j int) bool { return s[i].rss < s[j].rss })
	m.rss = s[len(s)/2].rss
	return m
}

func fmtDur(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// benchDir finds bench/ from the working directory (repo root or bench/).
func benchDir() (string, error) {
	for _, d := range []string{"bench", "."} {
		if _, err := os.Stat(filepath.Join(d, "fib.pya")); err == nil {
			return filepath.Abs(d)
		}
	}
	return "", fmt.Errorf("run from the repository root")
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
