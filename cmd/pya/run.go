package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/parser"
	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/runtime/timeline"
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
	"github.com/pya-lang/pya/vm/compile/codecache"
)

// env is what run takes from the process besides its arguments and streams;
// tests fill it to run scripts in parallel as if from another directory.
type env struct {
	dir    string                  // working directory relative paths resolve against ("" = process cwd)
	getenv func(key string) string // environment variables
}

// run is the whole command: args are the arguments after the program name.
// It returns the exit status. A Go panic anywhere below is a bug in pya: it
// is reported as an internal error with exit status 1.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runEnv(env{getenv: os.Getenv}, args, stdin, stdout, stderr)
}

func runEnv(e env, args []string, stdin io.Reader, stdout, stderr io.Writer) (status int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "pya: internal error: %v\n%s\nThis is a bug in pya; please report it with the script that caused it.\n", r, debug.Stack())
			status = 1
		}
	}()
	opts, err := parseArgs(args, isTerminal(stdin), e.getenv("PYA_CLOCK"))
	if err != nil {
		fmt.Fprintf(stderr, "%s\n%s%s", err, usageLine, usageHint)
		return 2
	}
	if opts.resolve, err = runtime.ParseResolve(e.getenv("PYA_RESOLVE")); err != nil {
		fmt.Fprintf(stderr, "pya: %v\n", err)
		return 2
	}
	switch opts.mode {
	case modeHelp:
		fmt.Fprint(stdout, helpText)
		return 0
	case modeVersion:
		fmt.Fprintln(stdout, version)
		return 0
	case modeREPL:
		return runREPL(opts, stdin, stdout, stderr)
	}

	var filename string
	var src []byte
	var path []string
	switch opts.mode {
	case modeCommand:
		filename, src, path = "<string>", []byte(opts.source), []string{e.abs("")}
	case modeStdin:
		filename, path = "<stdin>", []string{e.abs("")}
		if src, err = io.ReadAll(stdin); err != nil {
			fmt.Fprintf(stderr, "pya: can't read <stdin>: %v\n", err)
			return 2
		}
		stdin = eofReader{}
	case modeFile:
		// As in CPython, __file__ and tracebacks name the script by its
		// absolute path; sys.argv[0] stays as given.
		filename = e.abs(opts.source)
		if st, err := os.Stat(filename); err == nil && st.IsDir() {
			dir := opts.source
			if dir == "" {
				dir = filename
			}
			fmt.Fprintf(stderr, "pya: can't find '__main__' module in '%s'\n", dir)
			return 1
		}
		if src, err = os.ReadFile(filename); err != nil {
			fmt.Fprintf(stderr, "pya: can't open file '%s': %s\n", e.joinRaw(opts.source), errnoText(err))
			return 2
		}
		// sys.path[0] is the directory of the script with symlinks
		// resolved, so that a linked script finds its sibling modules.
		real := filename
		if r, err := filepath.EvalSymlinks(filename); err == nil {
			real = r
		}
		path = []string{filepath.Dir(real)}
	}
	return execute(opts, filename, src, path, stdin, stdout, stderr)
}

// execute compiles and runs a main module, and turns its outcome into an
// exit status: 1 for a syntax error or an uncaught exception, SystemExit's
// code, else 0.
func execute(opts *options, filename string, src []byte, path []string, stdin io.Reader, stdout, stderr io.Writer) int {
	code, err := compileMain(filename, src)
	if err != nil {
		var se *ast.SyntaxError
		if errors.As(err, &se) {
			fmt.Fprint(stderr, se.Format())
			return 1
		}
		fmt.Fprintf(stderr, "pya: %v\n", err)
		return 1
	}
	in := vm.NewInterpreter(vm.Config{
		Stdin:   stdin,
		Stdout:  stdout,
		Stderr:  stderr,
		Argv:    opts.argv,
		Path:    path,
		Compile: compileMode,
	})
	defer configureClock(in, opts.clock, stderr)()
	if len(opts.resolve) > 0 {
		runtime.SetResolve(in, opts.resolve)
	}
	if opts.timeline != "" || opts.trace {
		defer timeline.Start(in, opts.timeline, opts.trace, filepath.Base(filename), stderr)()
	}
	// CPython prints no source lines in tracebacks for code that has no
	// file (-c, stdin): give the interpreter the source only for a file.
	var tbSrc []byte
	if opts.mode == modeFile {
		tbSrc = src
	}
	if catchSigint {
		defer handleSigint(in)()
	}
	defer in.FinalizeGenerators()
	defer in.RunAtExit()
	if err := in.ExecMain(code, tbSrc); err != nil {
		// The shell sees the status modulo 256 (sys.exit(256) exits 0, -1
		// exits 255): run returns what the shell would see.
		return in.ReportError(err) & 0xff
	}
	return 0
}

// compileMain compiles the main module; a variable so that tests can make
// it fail in ways the pipeline never should (a panic).
var compileMain = compileSource

// compileSource is the parse+compile step, also injected into the
// interpreter to compile imported modules. Code of files (the main script,
// imported and frozen modules) comes from the compiled-code cache when
// the source is unchanged.
func compileSource(filename string, src []byte) (*compile.Code, error) {
	return codecache.Default().Compile(filename, src, parseAndCompile)
}

// compileMode is the interpreter's compiler (vm.Config.Compile): modules
// and exec go through compileSource; eval's expressions are not cached.
func compileMode(filename string, src []byte, mode compile.Mode) (*compile.Code, error) {
	if mode == compile.ModeExec {
		return compileSource(filename, src)
	}
	mod, err := parser.ParseFile(filename, src)
	if err != nil {
		return nil, err
	}
	return compile.Compile(mod, mode)
}

// parseAndCompile compiles without the cache.
func parseAndCompile(filename string, src []byte) (*compile.Code, error) {
	mod, err := parser.ParseFile(filename, src)
	if err != nil {
		return nil, err
	}
	return compile.Compile(mod, compile.ModeExec)
}

// abs resolves a path against the working directory of e.
func (e env) abs(p string) string {
	if e.dir == "" {
		if p == "" {
			p = "."
		}
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return p
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(e.dir, p)
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// joinRaw joins a relative path to the working directory without cleaning
// it, as CPython's "can't open file '/cwd/./x.pya'" message does.
func (e env) joinRaw(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	dir := e.dir
	if dir == "" {
		dir, _ = os.Getwd()
	} else if a, err := filepath.Abs(dir); err == nil {
		dir = a
	}
	return strings.TrimSuffix(dir, "/") + "/" + p
}

// errnoText formats a file error as CPython does: "[Errno 2] No such file or directory".
func errnoText(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return fmt.Sprintf("[Errno %d] %s", int(errno), capitalize(errno.Error()))
	}
	return err.Error()
}

func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// eofReader is stdin once the script itself was read from it.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
