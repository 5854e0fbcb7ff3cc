package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/peterh/liner"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// The interactive REPL, modelled on `python -m asyncio`: one event loop
// lives for the whole session, every input runs on it (plain statements in
// a loop callback, inputs with a top-level await as a task), and while the
// user types, the loop keeps running the tasks created earlier. Lines are
// read on a goroutine (repl_input.go) that posts each complete input to the
// loop's thread-safe inbox; the loop goroutine owns the VM throughout.

// replBanner is the line printed when the REPL starts.
const replBanner = version + ": type help() for help, exit() to leave."

// runREPL is the interactive prompt, started when pya has no script and
// stdin is a terminal: lines are edited with liner (history in
// ~/.pya_history or $PYA_HISTORY, tab completion), Ctrl-C interrupts.
func runREPL(opts *options, stdin io.Reader, stdout, stderr io.Writer) int {
	orig, origErr := liner.TerminalMode()
	ln := liner.NewLiner()
	src := &linerSource{State: ln}
	if raw, err := liner.TerminalMode(); err == nil && origErr == nil {
		src.orig, src.raw = orig, raw
		orig.ApplyMode()
	}
	ln.SetCtrlCAborts(true)
	ln.SetTabCompletionStyle(liner.TabPrints)
	histPath := historyPath(os.Getenv)
	loadHistory(ln, histPath)

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)

	cwd, _ := os.Getwd()
	r := newREPL(replConfig{
		src:     src,
		stdin:   stdin,
		stdout:  stdout,
		stderr:  stderr,
		argv:    opts.argv,
		path:    []string{cwd},
		clock:   opts.clock,
		sigint:  sig,
		saveHis: func() { saveHistory(ln, histPath) },
	})
	ln.SetWordCompleter(r.completeWord)
	status := r.run()
	ln.Close()
	saveHistory(ln, histPath)
	return status
}

// linerSource reads lines with liner. liner puts the terminal in raw mode
// for good; linerSource keeps it there only while a prompt is up, so that
// statements run with the terminal as the user had it (input() echoes,
// Ctrl-C sends SIGINT).
type linerSource struct {
	*liner.State
	orig, raw liner.ModeApplier // nil when stdin is not a terminal
}

func (s *linerSource) Prompt(p string) (string, error) {
	if s.raw == nil {
		return s.State.Prompt(p)
	}
	s.raw.ApplyMode()
	defer s.orig.ApplyMode()
	return s.State.Prompt(p)
}

// replConfig is what a REPL session runs with; tests fill it with a
// scripted line source and buffers.
type replConfig struct {
	src            lineSource
	stdin          io.Reader
	stdout, stderr io.Writer
	argv, path     []string
	clock          string
	// sigint delivers SIGINT (Ctrl-C while a statement runs); may be nil.
	sigint <-chan os.Signal
	// saveHis persists the history after each input; may be nil.
	saveHis func()
	// noBanner leaves the banner out (tests).
	noBanner bool
}

// historyPath is $PYA_HISTORY, else ~/.pya_history ("" if there is no home).
func historyPath(getenv func(string) string) string {
	if p := getenv("PYA_HISTORY"); p != "" {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	return filepath.Join(home, ".pya_history")
}

// loadHistory reads the saved history; a missing or unreadable file is an
// empty history.
func loadHistory(ln *liner.State, path string) {
	if path == "" {
		return
	}
	if f, err := os.Open(path); err == nil {
		ln.ReadHistory(f)
		f.Close()
	}
}

// saveHistory writes the history (liner keeps the last liner.HistoryLimit
// lines, so the file stays small). An unwritable home is not an error: the
// history is simply not kept.
func saveHistory(ln *liner.State, path string) {
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		return
	}
	ln.WriteHistory(f)
	f.Close()
}

// repl is one session: the interpreter, its __main__ module and the loop.
type repl struct {
	cfg  replConfig
	in   *vm.Interpreter
	th   *vm.Thread
	main *vm.Module
	loop *runtime.Loop
	// out is stdout: on a terminal it is line-buffered (lines printed by
	// background tasks show while the prompt waits) and read flushes it
	// before each prompt.
	out io.Writer

	reader *lineReader
	intr   interrupter
	// compTh is the thread tab completion runs on (holding the GIL).
	compTh *vm.Thread

	// sys is the sys module (sys.ps1 and sys.ps2 are the prompts).
	sys vm.Value

	// current is the task running an input with a top-level await.
	current *runtime.Task
}

// lineFlusher flushes a buffered stdout after each write that ends a line,
// so that lines printed by background tasks show while the prompt waits.
// It has no WriteString: io.WriteString must come through Write (the
// CLI's lineWriter inherits bufio's WriteString, which skips its flush).
type lineFlusher struct{ f flusher }

func (w lineFlusher) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if err == nil && bytes.IndexByte(p, '\n') >= 0 {
		err = w.f.Flush()
	}
	return n, err
}

func (w lineFlusher) Flush() error { return w.f.Flush() }

func newREPL(cfg replConfig) *repl {
	r := &repl{cfg: cfg, out: cfg.stdout}
	if f, ok := cfg.stdout.(flusher); ok {
		r.out = lineFlusher{f}
	}
	r.in = vm.NewInterpreter(vm.Config{
		Stdin:   cfg.stdin,
		Stdout:  r.out,
		Stderr:  cfg.stderr,
		Argv:    cfg.argv,
		Path:    cfg.path,
		Compile: compileMode,
	})
	r.th = r.in.Thread()
	r.compTh = vm.NewThread(r.in)
	r.main = vm.NewModule("__main__")
	if b, ok := r.in.Modules().GetStr("builtins"); ok {
		r.main.Dict.SetStr("__builtins__", b)
	}
	r.in.Modules().SetStr("__main__", vm.ObjectValue(r.main))
	r.in.Builtins().SetStr("help", vm.ObjectValue(&helper{r}))
	return r
}

// run is the session: banner, then read-execute until EOF or SystemExit.
// It returns the exit status.
func (r *repl) run() int {
	release := configureClock(r.in, r.cfg.clock, r.cfg.stderr)
	defer release()
	r.loop = runtime.NewLoop(r.th)
	runtime.SetEventLoop(r.th, r.loop)
	r.reader = startReader(r)
	defer r.reader.stop()
	// Closing the loop at the end reports the task exceptions nobody
	// retrieved, as CPython does when it collects those tasks.
	defer r.loop.Close()
	r.intr.start(r)
	defer r.intr.stop()

	if !r.cfg.noBanner {
		fmt.Fprintln(r.out, replBanner)
	}
	if err := r.execSource("import asyncio"); err != nil {
		r.in.ReportError(err)
	}
	r.sys = r.importSys()
	for {
		in, status, exit := r.read()
		if exit {
			return status
		}
		switch in.kind {
		case inputEOF:
			fmt.Fprintln(r.out)
			return 0
		case inputInterrupt:
			fmt.Fprintln(r.cfg.stderr, "KeyboardInterrupt")
			continue
		}
		if r.cfg.saveHis != nil {
			r.cfg.saveHis()
		}
		if in.err != nil {
			r.report(in.err)
			continue
		}
		if status, exit := r.exec(in); exit {
			return status
		}
	}
}

// importSys imports sys and sets sys.ps1 and sys.ps2 as CPython does in
// interactive mode.
func (r *repl) importSys() vm.Value {
	scratch := vm.NewModule("__repl__")
	code, err := compileSource("<repl>", []byte("import sys\nsys.ps1 = '>>> '\nsys.ps2 = '... '\n"))
	if err != nil {
		return vm.NULL
	}
	if _, err := r.th.RunModule(vm.LoadCode(code), scratch); err != nil {
		return vm.NULL
	}
	v, _ := scratch.Dict.GetStr("sys")
	return v
}
