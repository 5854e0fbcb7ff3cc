package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pya-lang/pya/internal/testserve"
)

// The golden tests: every testdata/**/NAME.pya with a sibling NAME.out is a
// program whose expected output was recorded by running the very same file
// under CPython 3.11 (testdata/regen.sh). Files without .out (helper modules
// such as testdata/articles/util/) are not tests. Next to NAME.out:
//
//	NAME.err        the last non-empty line of stderr (the exception line),
//	                repository root cut from paths; status 1
//	NAME.errprefix  stderr from its last unindented line on (the exception
//	                line and the indented details pya's deadlock report
//	                follows it with) starts with this; status 1.
//	                Hand-written: it states what pya reports where CPython
//	                hangs.
//	NAME.status     the expected exit status (overrides the defaults above)
//	NAME.stdin      the program's standard input (hand-written; default empty)
//
// Without .err/.errprefix, stderr must be empty and the status 0. A first
// line "# pya: pending <reason>" skips the test, printing the reason; such a
// program is a test even without a .out (it could not be recorded). In the
// first 30 lines, "# pya: serve NAME" runs the program against a local
// server (serveMarker) and "# pya: compare-sorted <why>" compares stdout as
// a multiset of lines (compareSortedMarker).

const repoRoot = "../.."

// goldenTimeout bounds one program: a hang is a failure, not a stuck test
// run. (On the real clock, PYA_GOLDEN_CLOCK=real, programs really sleep:
// run with -timeout 30m.)
const goldenTimeout = 60 * time.Second

func TestGolden(t *testing.T) {
	var mu sync.Mutex
	var failures []string
	t.Cleanup(func() {
		// One line per failing program, after all of them ran: the cause at
		// a glance (the full diffs are above).
		if len(failures) > 0 {
			sort.Strings(failures)
			t.Logf("%d golden programs failed:\n%s", len(failures), strings.Join(failures, "\n"))
		}
	})
	for _, rel := range goldenTests(t) {
		t.Run(strings.TrimPrefix(rel, "testdata/"), func(t *testing.T) {
			t.Parallel()
			if why := runGolden(t, rel); why != "" {
				mu.Lock()
				failures = append(failures, rel+": "+why)
				mu.Unlock()
			}
		})
	}
}

// TestGoldenStderr compares the whole stderr (tracebacks with their source
// lines and carets, SyntaxError reports) with NAME.stderr, recorded by
// regen.sh from CPython with the repository root cut from paths. It is
// separate from TestGolden, which checks only the exception line.
func TestGoldenStderr(t *testing.T) {
	root := absRoot(t)
	var mu sync.Mutex
	var failures []string
	t.Cleanup(func() {
		if len(failures) > 0 {
			sort.Strings(failures)
			t.Logf("%d programs print a different stderr:\n%s", len(failures), strings.Join(failures, "\n"))
		}
	})
	for _, rel := range goldenTests(t) {
		base := strings.TrimSuffix(filepath.Join(repoRoot, rel), ".pya")
		if !exists(base + ".stderr") {
			continue
		}
		t.Run(strings.TrimPrefix(rel, "testdata/"), func(t *testing.T) {
			t.Parallel()
			if pending(t, rel) {
				return
			}
			want := hideAddresses(readFile(t, base+".stderr"))
			_, stderr, _ := runProgram(t, rel)
			got := hideAddresses(strings.ReplaceAll(stderr, root+string(filepath.Separator), ""))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: stderr mismatch (-want +got):\n%s", rel, diff)
				mu.Lock()
				failures = append(failures, rel+": "+firstDiff("stderr", want, got))
				mu.Unlock()
			}
		})
	}
}

// addressRE matches an object address in a repr ("<generator object f at
// 0x7f...>", as "Exception ignored in:" reports print), which differs
// from run to run and between interpreters.
var addressRE = regexp.MustCompile(` at 0x[0-9a-f]+>`)

// hideAddresses replaces the addresses of reprs in s by "0x...".
func hideAddresses(s string) string { return addressRE.ReplaceAllString(s, " at 0x...>") }

// absRoot is the absolute repository root: it is cut from the paths pya
// prints (tracebacks name scripts by absolute path), as regen.sh cuts it
// from CPython's.
func absRoot(t *testing.T) string {
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// goldenTests lists the golden programs, as paths relative to the root.
func goldenTests(t *testing.T) []string {
	var tests []string
	err := filepath.WalkDir(filepath.Join(repoRoot, "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".pya") && (exists(strings.TrimSuffix(path, ".pya")+".out") || isPending(path)) {
			rel, err := filepath.Rel(repoRoot, path)
			if err != nil {
				return err
			}
			tests = append(tests, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(tests) == 0 {
		t.Fatal("no golden tests found under testdata/")
	}
	return tests
}

// isPending reports whether a program starts with the pending marker: such
// a program is listed (and skipped with its reason) even without a .out,
// e.g. one that needs the network and so could not be recorded.
func isPending(path string) bool {
	b, err := os.ReadFile(path)
	return err == nil && strings.HasPrefix(string(b), pendingMarker)
}

const pendingMarker = "# pya: pending"

// TestGoldenFilesComplete fails for a program that would otherwise be
// skipped silently: every .pya outside package folders (helper modules live
// in folders with an __init__.pya) needs a recorded .out or a pending marker.
func TestGoldenFilesComplete(t *testing.T) {
	err := filepath.WalkDir(filepath.Join(repoRoot, "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".pya") || inPackage(path) {
			return err
		}
		if !exists(strings.TrimSuffix(path, ".pya")+".out") && !isPending(path) {
			t.Errorf("%s: no .out (run testdata/regen.sh on it) and no pending marker", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// inPackage reports whether a file lies in a package folder under testdata.
func inPackage(path string) bool {
	for d := filepath.Dir(path); filepath.Base(d) != "testdata" && d != "." && d != "/"; d = filepath.Dir(d) {
		if exists(filepath.Join(d, "__init__.pya")) {
			return true
		}
	}
	return false
}

// golden is what one test expects.
type golden struct {
	stdout    string
	errLine   string // exact last stderr line, or ""
	errPrefix string // prefix of the last exception in stderr, or ""
	status    int
}

func loadGolden(t *testing.T, base string) golden {
	var g golden
	g.stdout = readFile(t, base+".out")
	if exists(base + ".err") {
		g.errLine = lastLine(readFile(t, base+".err"))
		g.status = 1
	}
	if exists(base + ".errprefix") {
		g.errPrefix = strings.TrimRight(readFile(t, base+".errprefix"), "\r\n")
		g.status = 1
	}
	if exists(base + ".status") {
		s := strings.TrimSpace(readFile(t, base+".status"))
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("%s.status: %v", base, err)
		}
		g.status = n
	}
	return g
}

// pending skips the test (reporting why) when the program starts with the
// pending marker, or when it was recorded on virtual time and the tests run
// on the real clock.
func pending(t *testing.T, rel string) bool {
	src := readFile(t, filepath.Join(repoRoot, rel))
	if first, _, _ := strings.Cut(src, "\n"); strings.HasPrefix(first, pendingMarker) {
		t.Skipf("%s: %s", rel, strings.TrimSpace(first[len("# pya:"):]))
		return true
	}
	if goldenClock() == "real" && strings.Contains(src, "\n# regen: virtual-clock") {
		t.Skipf("%s: recorded on virtual time (prints elapsed time)", rel)
		return true
	}
	return false
}

// goldenClock is the clock the programs run on: virtual (instant sleeps),
// or real with PYA_GOLDEN_CLOCK=real, which checks that the real-time event
// loop gives the same outputs (slow: every sleep takes its time).
func goldenClock() string {
	if os.Getenv("PYA_GOLDEN_CLOCK") == "real" {
		return "real"
	}
	return "virtual"
}

// serveMarker names the local server a program talks to: a line
// "# pya: serve NAME" among its first 30 lines starts internal/testserve's
// fixture NAME (once for all tests) and runs the program with PYA_RESOLVE
// sending the fixture's host names (example.com, ...) to it, as regen.sh
// does for CPython. No test touches an address outside 127.0.0.1.
const serveMarker = "# pya: serve "

var fixtures struct {
	sync.Mutex
	servers map[string]*testserve.Server
}

// fixtureResolve starts the fixture src asks for, if any, and returns its
// PYA_RESOLVE value ("" for none).
func fixtureResolve(t *testing.T, src string) string {
	lines := strings.SplitN(src, "\n", 31)
	for _, l := range lines[:min(len(lines), 30)] {
		rest, ok := strings.CutPrefix(strings.TrimSpace(l), serveMarker)
		if !ok || len(strings.Fields(rest)) == 0 {
			continue
		}
		name := strings.Fields(rest)[0]
		fixtures.Lock()
		defer fixtures.Unlock()
		s := fixtures.servers[name]
		if s == nil {
			var err error
			if s, err = testserve.Start(name); err != nil {
				t.Fatal(err)
			}
			if fixtures.servers == nil {
				fixtures.servers = map[string]*testserve.Server{}
			}
			fixtures.servers[name] = s
		}
		return s.Resolve
	}
	return ""
}

// compareSortedMarker, a line "# pya: compare-sorted <why>" among a
// program's first 30 lines, compares its stdout as a multiset of lines:
// for a program whose line order CPython itself leaves to chance (e.g.
// as_completed over a set of coroutines, ordered by their addresses), so
// that no order is "the" output while every line still must be there.
const compareSortedMarker = "# pya: compare-sorted"

// hasMarker reports whether one of src's first 30 lines starts with marker.
func hasMarker(src, marker string) bool {
	lines := strings.SplitN(src, "\n", 31)
	for _, l := range lines[:min(len(lines), 30)] {
		if strings.HasPrefix(l, marker) {
			return true
		}
	}
	return false
}

// sortedLines returns s's lines sorted.
func sortedLines(s string) string {
	lines := strings.SplitAfter(s, "\n")
	if n := len(lines); n > 0 && lines[n-1] == "" {
		lines = lines[:n-1]
	}
	for i, l := range lines {
		if !strings.HasSuffix(l, "\n") {
			lines[i] = l + "\n" // a last line without newline still compares
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "")
}

// runProgram runs `pya --clock=virtual rel` from the repository root,
// in-process, with NAME.stdin (or nothing) as stdin; a program still
// running after goldenTimeout fails the test.
func runProgram(t *testing.T, rel string) (stdout, stderr string, status int) {
	stdin := ""
	if in := strings.TrimSuffix(filepath.Join(repoRoot, rel), ".pya") + ".stdin"; exists(in) {
		stdin = readFile(t, in)
	}
	resolve := fixtureResolve(t, readFile(t, filepath.Join(repoRoot, rel)))
	var out, errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		e := env{dir: repoRoot, getenv: func(k string) string {
			if k == "PYA_RESOLVE" {
				return resolve
			}
			return ""
		}}
		done <- runEnv(e, []string{"--clock=" + goldenClock(), rel}, strings.NewReader(stdin), &out, &errb)
	}()
	select {
	case status = <-done:
	case <-time.After(goldenTimeout):
		t.Fatalf("%s: still running after %v (hang or deadlock not reported)", rel, goldenTimeout)
	}
	return out.String(), errb.String(), status
}

// runGolden runs one golden program and checks it; for a failure it also
// returns a one-line cause for TestGolden's summary.
func runGolden(t *testing.T, rel string) (why string) {
	if pending(t, rel) {
		return ""
	}
	want := loadGolden(t, strings.TrimSuffix(filepath.Join(repoRoot, rel), ".pya"))
	stdout, stderr, status := runProgram(t, rel)
	// Goldens name scripts relative to the repository, wherever it is checked out.
	stderr = strings.ReplaceAll(stderr, absRoot(t)+string(filepath.Separator), "")
	stdout = strings.ReplaceAll(stdout, absRoot(t)+string(filepath.Separator), "")

	if hasMarker(readFile(t, filepath.Join(repoRoot, rel)), compareSortedMarker) {
		want.stdout, stdout = sortedLines(want.stdout), sortedLines(stdout)
	}
	if diff := cmp.Diff(want.stdout, stdout); diff != "" {
		t.Errorf("%s: stdout mismatch (-want +got):\n%s", rel, diff)
	}
	last := lastLine(stderr)
	switch {
	case want.errLine != "":
		if last != want.errLine {
			t.Errorf("%s: last stderr line:\n got: %q\nwant: %q", rel, last, want.errLine)
		}
	case want.errPrefix != "":
		if tail := lastException(stderr); !strings.HasPrefix(tail, want.errPrefix) {
			t.Errorf("%s: last exception in stderr:\n got: %q\nwant prefix: %q", rel, tail, want.errPrefix)
		}
	default:
		if stderr != "" {
			t.Errorf("%s: unexpected stderr", rel)
		}
	}
	if status != want.status {
		t.Errorf("%s: exit status %d, want %d", rel, status, want.status)
	}
	if t.Failed() && stderr != "" {
		t.Logf("stderr:\n%s", stderr)
	}
	if !t.Failed() {
		return ""
	}
	switch {
	case want.errLine == "" && want.errPrefix == "" && last != "":
		return "stderr: " + last
	case want.errLine != "" && last != want.errLine:
		return fmt.Sprintf("stderr: %s (want %s)", last, want.errLine)
	case want.errPrefix != "" && !strings.HasPrefix(lastException(stderr), want.errPrefix):
		line, _, _ := strings.Cut(lastException(stderr), "\n")
		return "stderr: " + line
	}
	if why := firstDiff("stdout", want.stdout, stdout); why != "" {
		return why
	}
	return fmt.Sprintf("exit status %d, want %d", status, want.status)
}

// firstDiff describes the first line where got differs from want.
func firstDiff(what, want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			// Show both lines from a little before the first difference.
			wr, gr := []rune(wl), []rune(gl)
			at := 0
			for at < len(wr) && at < len(gr) && wr[at] == gr[at] {
				at++
			}
			from := max(0, at-20)
			return fmt.Sprintf("%s line %d col %d: want %.50q, got %.50q", what, i+1, at+1, string(wr[from:]), string(gr[from:]))
		}
	}
	return ""
}

// lastLine returns the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\r\n \t"), "\n")
	return strings.TrimRight(lines[len(lines)-1], "\r")
}

// lastException returns s from its last non-empty line that does not start
// with white space (the exception line) to the end, trailing white space
// cut: the exception and the indented lines that follow it.
func lastException(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if l := lines[i]; l != "" && l[0] != ' ' && l[0] != '\t' {
			return strings.TrimRight(strings.Join(lines[i:], "\n"), " \t\n")
		}
	}
	return ""
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSortedLines(t *testing.T) {
	for in, want := range map[string]string{
		"":            "",
		"b\na\n":      "a\nb\n",
		"9\n5\n10\n9": "10\n5\n9\n9\n",
	} {
		if got := sortedLines(in); got != want {
			t.Errorf("sortedLines(%q) = %q, want %q", in, got, want)
		}
	}
	if sortedLines("5\n9\n") == sortedLines("5\n10\n") {
		t.Error("different lines compare equal")
	}
}
