package main

import (
	"errors"
	"io"
	"strings"
	"sync/atomic"

	"github.com/peterh/liner"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/parser"
	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
)

// lineSource is where the REPL reads lines: liner on a terminal, a script
// in tests. Prompt returns io.EOF at the end of input (Ctrl-D) and
// liner.ErrPromptAborted for Ctrl-C.
type lineSource interface {
	Prompt(prompt string) (string, error)
	AppendHistory(item string)
}

// inputKind says what the user did at the prompt.
type inputKind int

const (
	inputCode      inputKind = iota // a complete input (code or err is set)
	inputEOF                        // Ctrl-D at the primary prompt
	inputInterrupt                  // Ctrl-C: the partial input is discarded
)

// input is one complete input, parsed and compiled on the reader goroutine
// (both are pure: they touch no VM state).
type input struct {
	kind inputKind
	code *compile.Code
	err  error // the input's syntax error

	rd        *lineReader
	fut       *runtime.Future // completed on the loop when the input arrives
	delivered atomic.Bool
}

// lineReader reads inputs on its own goroutine, one per request, so that
// the loop keeps running tasks while the user types.
type lineReader struct {
	src  lineSource
	loop *runtime.Loop
	req  chan request
	quit chan struct{}
	got  *input // the delivered input (loop goroutine only)
	intr *interrupter
}

// request asks the reader for an input; the prompts are sys.ps1 and sys.ps2.
type request struct {
	fut      *runtime.Future
	ps1, ps2 string
}

func startReader(r *repl) *lineReader {
	rd := &lineReader{src: r.cfg.src, loop: r.loop, req: make(chan request), quit: make(chan struct{}), intr: &r.intr}
	go rd.serve()
	return rd
}

func (rd *lineReader) stop() { close(rd.quit) }

// serve answers each request with the next input, posted to the loop's
// inbox (which ends the BeginExternal of the request).
func (rd *lineReader) serve() {
	for {
		select {
		case req := <-rd.req:
			in := rd.readInput(req.ps1, req.ps2)
			in.rd, in.fut = rd, req.fut
			rd.loop.Post(deliverInput, in, vm.NULL, true)
			if in.kind == inputInterrupt {
				rd.intr.afterPromptInterrupt(in)
			}
			if in.kind == inputEOF {
				return
			}
		case <-rd.quit:
			return
		}
	}
}

// deliverInput runs on the loop: it hands the input over and completes the
// future the loop is waiting for.
func deliverInput(arg any, _ vm.Value) error {
	in := arg.(*input)
	in.delivered.Store(true)
	in.rd.got = in
	in.fut.SetResult(vm.None)
	return nil
}

// read waits for the next input while the loop runs the session's tasks.
// exit is set when a background task raised SystemExit.
func (r *repl) read() (in *input, status int, exit bool) {
	fut := runtime.NewFuture(r.loop)
	r.loop.BeginExternal()
	r.reader.got = nil
	ps1, ps2 := r.prompts()
	if f, ok := r.out.(flusher); ok {
		f.Flush()
	}
	r.reader.req <- request{fut, ps1, ps2}
	if _, err := r.runUntil(fut.Value(), nil); err != nil {
		if status, exit := r.report(err); exit {
			return nil, status, true
		}
	}
	if r.reader.got == nil {
		return &input{kind: inputEOF}, 0, false
	}
	return r.reader.got, 0, false
}

// prompts returns str(sys.ps1) and str(sys.ps2).
func (r *repl) prompts() (ps1, ps2 string) {
	return r.sysStr("ps1", ">>> "), r.sysStr("ps2", "... ")
}

// sysStr is str(sys.name), or def when it is missing or fails.
func (r *repl) sysStr(name, def string) string {
	if r.sys.IsNull() {
		return def
	}
	v, err := vm.LookupAttr(r.th, r.sys, name)
	if err != nil || v.IsNull() {
		return def
	}
	s, err := vm.ToStr(r.th, v)
	if err != nil {
		return def
	}
	return s
}

// readInput reads lines until they form a complete input, as CPython's
// interactive loop: brackets, triple-quoted strings and backslashes
// continue a line, and a compound statement continues until a blank line.
func (rd *lineReader) readInput(ps1, ps2 string) *input {
	var lines []string
	prompt := ps1
	for {
		line, err := rd.src.Prompt(prompt)
		if errors.Is(err, liner.ErrInvalidPrompt) {
			// liner refuses unprintable prompts (colour codes in sys.ps1).
			line, err = rd.src.Prompt(sanitizePrompt(prompt))
		}
		eof := false
		switch {
		case errors.Is(err, liner.ErrPromptAborted):
			return &input{kind: inputInterrupt}
		case err == io.EOF && len(lines) == 0, err != nil && err != io.EOF:
			return &input{kind: inputEOF}
		case err == io.EOF:
			// Ctrl-D in a continuation ends the input like a blank line.
			eof, line = true, ""
		}
		blank := strings.TrimSpace(line) == ""
		if !blank {
			rd.src.AppendHistory(line)
		}
		if len(lines) == 0 && (blank || isComment(line)) {
			continue
		}
		lines = append(lines, line)
		src := []byte(strings.Join(lines, "\n") + "\n")
		mod, err := parser.ParseFile("<stdin>", src)
		if err != nil {
			more := parser.Incomplete(err) && !(blank && missingBlock(err)) || isDecorator(line)
			if more && !eof {
				prompt = ps2
				continue
			}
			return &input{err: err}
		}
		keepLeadingString(mod)
		code, err := compile.Compile(mod, compile.ModeInteractive)
		if err == nil && !blank && !eof && isCompound(mod) {
			// A compile-time error shows at once, as in CPython.
			prompt = ps2
			continue
		}
		if err == nil && awaitsAtTop(code) {
			code.Flags |= compile.FlagCoroutine
		}
		return &input{code: code, err: err}
	}
}

// awaitsAtTop reports top-level code that awaits.
//
// TEMPORARY: the compiler flags the module code FlagCoroutine only for an
// await directly in it, not for one in a comprehension
// (`[await f(x) for x in xs]`), whose module code awaits the comprehension.
func awaitsAtTop(code *compile.Code) bool {
	for _, ins := range code.Code {
		switch ins.Op() {
		case compile.GET_AWAITABLE, compile.GET_AITER, compile.GET_ANEXT, compile.BEFORE_ASYNC_WITH:
			return true
		}
	}
	return false
}

// isDecorator reports a decorator line, which waits for its def or class
// (parser.Incomplete does not cover it yet).
func isDecorator(line string) bool { return strings.HasPrefix(strings.TrimSpace(line), "@") }

// sanitizePrompt drops the unprintable characters of a prompt, and ANSI
// escape sequences with them.
func sanitizePrompt(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == 0x1b && i+1 < len(p) && p[i+1] == '[' {
			i += 2
			for i < len(p) && (p[i] < 0x40 || p[i] > 0x7e) {
				i++
			}
			continue
		}
		if c >= 0x20 && c != 0x7f {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isComment reports a line holding only a comment.
func isComment(line string) bool { return strings.HasPrefix(strings.TrimSpace(line), "#") }

// missingBlock reports the "expected an indented block" error: after a
// blank line it is final, not a reason to read more.
func missingBlock(err error) bool {
	var se *ast.SyntaxError
	return errors.As(err, &se) && strings.HasPrefix(se.Msg, "expected an indented block")
}

// isCompound reports an input that starts with a compound statement, which
// the interactive loop ends only at a blank line (even `if x: y`).
func isCompound(mod *ast.Module) bool {
	if len(mod.Body) == 0 {
		return false
	}
	switch mod.Body[0].(type) {
	case *ast.FunctionDef, *ast.ClassDef, *ast.If, *ast.For, *ast.While, *ast.With, *ast.Try, *ast.Match:
		return true
	}
	return false
}

// keepLeadingString makes an input that starts with a string literal echo
// it (`>>> 'abc'` prints 'abc') instead of taking it as the module's
// docstring.
//
// TEMPORARY: compile.ModeInteractive takes the docstring as ModeExec does;
// a leading pass statement keeps the string an expression statement.
func keepLeadingString(mod *ast.Module) {
	if len(mod.Body) == 0 {
		return
	}
	if es, ok := mod.Body[0].(*ast.ExprStmt); ok {
		if k, ok := es.Value.(*ast.Constant); ok {
			if _, ok := k.Value.(string); ok {
				mod.Body = append([]ast.Stmt{&ast.Pass{Span: es.Span}}, mod.Body...)
			}
		}
	}
}
