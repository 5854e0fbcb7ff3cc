package main

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pya-lang/pya/vm/compile"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args   []string
		tty    bool
		mode   mode
		source string
		argv   []string
		clock  string
	}{
		{[]string{"x.pya", "a", "-c"}, false, modeFile, "x.pya", []string{"x.pya", "a", "-c"}, "real"},
		{[]string{"--clock=virtual", "x.pya"}, false, modeFile, "x.pya", []string{"x.pya"}, "virtual"},
		{[]string{"--clock", "virtual", "x.pya"}, false, modeFile, "x.pya", []string{"x.pya"}, "virtual"},
		{[]string{"-c", "print(1)", "a", "b"}, false, modeCommand, "print(1)", []string{"-c", "a", "b"}, "real"},
		{[]string{"-cprint(1)"}, false, modeCommand, "print(1)", []string{"-c"}, "real"},
		{[]string{"-", "a"}, true, modeStdin, "", []string{"-", "a"}, "real"},
		{nil, false, modeStdin, "", []string{""}, "real"},
		{nil, true, modeREPL, "", []string{""}, "real"},
		{[]string{"--", "-x.pya"}, false, modeFile, "-x.pya", []string{"-x.pya"}, "real"},
		{[]string{"-h", "x.pya"}, false, modeHelp, "", nil, "real"},
		{[]string{"--version"}, false, modeVersion, "", nil, "real"},
	}
	for _, tt := range tests {
		opts, err := parseArgs(tt.args, tt.tty, "")
		if err != nil {
			t.Errorf("parseArgs(%q): %v", tt.args, err)
			continue
		}
		if opts.mode != tt.mode || opts.source != tt.source || !reflect.DeepEqual(opts.argv, tt.argv) || opts.clock != tt.clock {
			t.Errorf("parseArgs(%q) = %+v", tt.args, *opts)
		}
	}
	if opts, err := parseArgs([]string{"x.pya"}, false, "virtual"); err != nil || opts.clock != "virtual" {
		t.Errorf("PYA_CLOCK=virtual not honoured: %v %v", opts, err)
	}
}

// TestCLIErrors checks the usage errors and their CPython-like messages.
func TestCLIErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.pya")
	tests := []struct {
		args   []string
		status int
		stderr string // prefix of stderr
		stdout string // prefix of stdout
	}{
		{[]string{"-c"}, 2, "Argument expected for the -c option\nusage: pya [option]", ""},
		{[]string{"-z"}, 2, "Unknown option: -z\nusage: pya", ""},
		{[]string{"--frob"}, 2, "unknown option --frob\nusage: pya", ""},
		{[]string{"--clock=fast", "x.pya"}, 2, "invalid value \"fast\" for --clock", ""},
		{[]string{missing}, 2, "pya: can't open file '" + missing + "': [Errno 2] No such file or directory\n", ""},
		{[]string{t.TempDir()}, 1, "pya: can't find '__main__' module in ", ""},
		{[]string{"--version"}, 0, "", "pya 0.1.0"},
		{[]string{"-h"}, 0, "", "usage: pya"},
		{[]string{"--help"}, 0, "", "usage: pya"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		status := run(tt.args, strings.NewReader(""), &stdout, &stderr)
		if status != tt.status || !strings.HasPrefix(stderr.String(), tt.stderr) || !strings.HasPrefix(stdout.String(), tt.stdout) {
			t.Errorf("pya %q: status %d, stdout %q, stderr %q; want %d, %q..., %q...", tt.args, status, stdout.String(), stderr.String(), tt.status, tt.stdout, tt.stderr)
		}
		if tt.stderr == "" && stderr.Len() != 0 {
			t.Errorf("pya %q: unexpected stderr %q", tt.args, stderr.String())
		}
	}
}

// TestCLIRun runs code through each entry point and checks sys.argv and
// __name__ (needs the whole pipeline).
func TestCLIRun(t *testing.T) {
	const prog = "import sys\nprint(__name__, sys.argv)\n"
	script := filepath.Join(t.TempDir(), "s.pya")
	writeFile(t, script, prog)
	tests := []struct {
		args  []string
		stdin string
		want  string
	}{
		{[]string{"-c", prog, "a"}, "", "__main__ ['-c', 'a']\n"},
		{[]string{"-", "a"}, prog, "__main__ ['-', 'a']\n"},
		{nil, prog, "__main__ ['']\n"},
		{[]string{script, "x", "y"}, "", "__main__ ['" + script + "', 'x', 'y']\n"},
		{[]string{"-c", "import sys; sys.exit(3)"}, "", ""},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		status := run(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
		wantStatus := 0
		if strings.Contains(strings.Join(tt.args, " "), "exit(3)") {
			wantStatus = 3
		}
		if status != wantStatus || stdout.String() != tt.want || stderr.Len() != 0 {
			t.Errorf("pya %q: status %d, stdout %q, stderr %q; want 0, %q", tt.args, status, stdout.String(), stderr.String(), tt.want)
		}
	}
}

// TestSyntaxErrorExit checks that a syntax error prints CPython's report and exits 1.
func TestSyntaxErrorExit(t *testing.T) {
	var stdout, stderr bytes.Buffer
	status := run([]string{"-c", "if x\n  pass\n"}, strings.NewReader(""), &stdout, &stderr)
	if status != 1 || !strings.HasSuffix(stderr.String(), "SyntaxError: expected ':'\n") {
		t.Errorf("status %d, stderr %q", status, stderr.String())
	}
}

// TestPanicIsInternalError checks that a Go panic below run is reported as
// an internal error with exit status 1, not a crash.
func TestPanicIsInternalError(t *testing.T) {
	saved := compileMain
	defer func() { compileMain = saved }()
	compileMain = func(string, []byte) (*compile.Code, error) { panic("boom") }
	var stdout, stderr bytes.Buffer
	status := run([]string{"-c", "pass"}, strings.NewReader(""), &stdout, &stderr)
	if status != 1 || !strings.HasPrefix(stderr.String(), "pya: internal error: boom\n") || !strings.Contains(stderr.String(), "This is a bug in pya") {
		t.Errorf("status %d, stderr %q", status, stderr.String())
	}
}

// TestTracebackWithoutFile checks that code from -c or stdin has tracebacks
// without source lines, as CPython prints them (there is no file to show).
func TestTracebackWithoutFile(t *testing.T) {
	const want = "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nZeroDivisionError: division by zero\n"
	var stdout, stderr bytes.Buffer
	if status := run([]string{"-c", "1/0"}, strings.NewReader(""), &stdout, &stderr); status != 1 || stderr.String() != want {
		t.Errorf("status %d, stderr %q; want 1, %q", status, stderr.String(), want)
	}
	stderr.Reset()
	wantStdin := strings.ReplaceAll(want, "<string>", "<stdin>")
	if status := run(nil, strings.NewReader("1/0\n"), &stdout, &stderr); status != 1 || stderr.String() != wantStdin {
		t.Errorf("stdin: status %d, stderr %q; want 1, %q", status, stderr.String(), wantStdin)
	}
}
