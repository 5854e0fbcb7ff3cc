package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peterh/liner"
)

// syncBuffer is a transcript written by the loop and reader goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// step is one user action at a prompt: a line typed after wait, or an
// error (io.EOF for Ctrl-D, liner.ErrPromptAborted for Ctrl-C).
type step struct {
	line string
	err  error
	wait time.Duration
	// sigint sends Ctrl-C this long after the line is entered (while it runs).
	sigint time.Duration
}

// scriptSource types the steps, echoing prompts and lines into the
// transcript as a terminal shows them.
type scriptSource struct {
	out     io.Writer
	steps   []step
	sig     chan os.Signal
	history []string
	// onLast runs before the last step is typed.
	onLast func()
}

func (s *scriptSource) Prompt(p string) (string, error) {
	io.WriteString(s.out, p)
	if len(s.steps) == 0 {
		return "", io.EOF
	}
	if len(s.steps) == 1 && s.onLast != nil {
		s.onLast()
	}
	st := s.steps[0]
	s.steps = s.steps[1:]
	time.Sleep(st.wait)
	if st.err != nil {
		if st.err == liner.ErrPromptAborted {
			io.WriteString(s.out, "^C\n")
		}
		return "", st.err
	}
	io.WriteString(s.out, st.line+"\n")
	if st.sigint > 0 {
		time.AfterFunc(st.sigint, func() { s.sig <- os.Interrupt })
	}
	return st.line, nil
}

func (s *scriptSource) AppendHistory(item string) { s.history = append(s.history, item) }

// lines makes steps typed without delay.
func lines(ls ...string) []step {
	st := make([]step, len(ls))
	for i, l := range ls {
		st[i] = step{line: l}
	}
	return st
}

// session runs a REPL over the steps and returns the transcript (prompts,
// echoed lines, stdout and stderr interleaved) and the exit status.
func session(t *testing.T, clock string, steps ...step) (string, int) {
	t.Helper()
	out := &syncBuffer{}
	sig := make(chan os.Signal, 1)
	src := &scriptSource{out: out, steps: steps, sig: sig}
	r := newREPL(replConfig{
		src: src, stdin: strings.NewReader(""), stdout: out, stderr: out,
		argv: []string{""}, path: []string{t.TempDir()}, clock: clock,
		sigint: sig, noBanner: true,
	})
	done := make(chan int)
	go func() { done <- r.run() }()
	select {
	case status := <-done:
		return out.String(), status
	case <-time.After(20 * time.Second):
		t.Fatalf("REPL did not finish; transcript:\n%s", out.String())
	}
	return "", 0
}

func checkTranscript(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("transcript:\n%s\nwant:\n%s", got, want)
	}
}

func TestREPLDefThenCall(t *testing.T) {
	got, status := session(t, "real", lines(
		"def add(a, b):",
		"    return a + b",
		"",
		"add(2, 3)",
		"_ * 2",
		"x = add('a', 'b')",
		"x",
		"None",
	)...)
	checkTranscript(t, got, `>>> def add(a, b):
...     return a + b
... 
>>> add(2, 3)
5
>>> _ * 2
10
>>> x = add('a', 'b')
>>> x
'ab'
>>> None
>>> 
`)
	if status != 0 {
		t.Errorf("status %d", status)
	}
}

func TestREPLTopLevelAwait(t *testing.T) {
	got, _ := session(t, "virtual", lines(
		"await asyncio.sleep(1, 'slept')",
		"async def f(x):",
		"    await asyncio.sleep(x)",
		"    return x * 10",
		"",
		"r = await asyncio.gather(f(1), f(2))",
		"r",
		"loop = asyncio.get_running_loop()",
		"t0 = loop.time()",
		"await f(3)",
		"round(loop.time() - t0)",
		"asyncio.current_task()",
		"await asyncio.sleep(0, asyncio.current_task().get_name())",
		"'abc'",
	)...)
	checkTranscript(t, got, `>>> await asyncio.sleep(1, 'slept')
'slept'
>>> async def f(x):
...     await asyncio.sleep(x)
...     return x * 10
... 
>>> r = await asyncio.gather(f(1), f(2))
>>> r
[10, 20]
>>> loop = asyncio.get_running_loop()
>>> t0 = loop.time()
>>> await f(3)
30
>>> round(loop.time() - t0)
3
>>> asyncio.current_task()
>>> await asyncio.sleep(0, asyncio.current_task().get_name())
'Task-6'
>>> 'abc'
'abc'
>>> 
`)
}

func TestREPLAsyncWithFor(t *testing.T) {
	got, _ := session(t, "virtual", lines(
		"lock = asyncio.Lock()",
		"async with lock:",
		"    lock.locked()",
		"",
		"async def agen():",
		"    for i in range(3):",
		"        yield i",
		"",
		"async for i in agen():",
		"    i",
		"",
		"[i async for i in agen()]",
		"x: int = await asyncio.sleep(0, 5)",
		"x, __annotations__",
	)...)
	checkTranscript(t, got, `>>> lock = asyncio.Lock()
>>> async with lock:
...     lock.locked()
... 
True
>>> async def agen():
...     for i in range(3):
...         yield i
... 
>>> async for i in agen():
...     i
... 
0
1
2
>>> [i async for i in agen()]
[0, 1, 2]
>>> x: int = await asyncio.sleep(0, 5)
>>> x, __annotations__
(5, {'x': <class 'int'>})
>>> 
`)
}

func TestREPLBackgroundTask(t *testing.T) {
	got, _ := session(t, "real",
		step{line: "async def tick():\n"},
		step{line: "    for i in range(3):"},
		step{line: "        await asyncio.sleep(0.1)"},
		step{line: "        print('tick', i)"},
		step{line: ""},
		step{line: "t = asyncio.create_task(tick())"},
		step{line: "t.done()", wait: 600 * time.Millisecond},
	)
	// The ticks print while the prompt waits for the next line.
	want := ">>> t = asyncio.create_task(tick())\n>>> tick 0\ntick 1\ntick 2\nt.done()\nTrue\n>>> \n"
	if !strings.HasSuffix(got, want) {
		t.Errorf("transcript:\n%s\nwant suffix:\n%s", got, want)
	}
}

func TestREPLErrorKeepsState(t *testing.T) {
	got, status := session(t, "real", lines(
		"x = 42",
		"1/0",
		"def f():",
		"    raise ValueError('bad')",
		"",
		"f()",
		"await asyncio.sleep(0, f())",
		"x = = 1",
		"x",
		"undefined_name",
	)...)
	checkTranscript(t, got, `>>> x = 42
>>> 1/0
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
ZeroDivisionError: division by zero
>>> def f():
...     raise ValueError('bad')
... 
>>> f()
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
  File "<stdin>", line 2, in f
ValueError: bad
>>> await asyncio.sleep(0, f())
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
  File "<stdin>", line 2, in f
ValueError: bad
>>> x = = 1
  File "<stdin>", line 1
    x = = 1
        ^
SyntaxError: invalid syntax
>>> x
42
>>> undefined_name
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
NameError: name 'undefined_name' is not defined
>>> 
`)
	if status != 0 {
		t.Errorf("status %d", status)
	}
}

func TestREPLContinuationLines(t *testing.T) {
	got, _ := session(t, "real", lines(
		"(1 +",
		"",
		" 2)",
		"'''a",
		"b'''",
		"1 + \\",
		"2",
		"if True: 'one-line block'",
		"",
		"# a comment",
		"if True:",
		"",
	)...)
	checkTranscript(t, got, `>>> (1 +
... 
...  2)
3
>>> '''a
... b'''
'a\nb'
>>> 1 + \
... 2
3
>>> if True: 'one-line block'
... 
'one-line block'
>>> # a comment
>>> if True:
... 
  File "<stdin>", line 2
    
    ^
IndentationError: expected an indented block after 'if' statement on line 1
>>> 
`)
}

func TestREPLExit(t *testing.T) {
	got, status := session(t, "real", lines("print('bye')", "exit(3)", "print('not reached')")...)
	checkTranscript(t, got, ">>> print('bye')\nbye\n>>> exit(3)\n")
	if status != 3 {
		t.Errorf("status %d, want 3", status)
	}
	got, status = session(t, "real", step{line: "1"}, step{err: io.EOF})
	checkTranscript(t, got, ">>> 1\n1\n>>> \n")
	if status != 0 {
		t.Errorf("status %d, want 0", status)
	}
}

func TestREPLCtrlC(t *testing.T) {
	got, status := session(t, "real",
		step{line: "x = 1"},
		step{err: liner.ErrPromptAborted},
		step{line: "while True: x += 1", sigint: 200 * time.Millisecond},
		step{line: ""},
		step{line: "x > 1"},
		step{line: "await asyncio.sleep(30)", sigint: 200 * time.Millisecond},
		step{line: "'still here'"},
	)
	checkTranscript(t, got, `>>> x = 1
>>> ^C
KeyboardInterrupt
>>> while True: x += 1
... 
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
KeyboardInterrupt
>>> x > 1
True
>>> await asyncio.sleep(30)

KeyboardInterrupt
>>> 'still here'
'still here'
>>> 
`)
	if status != 0 {
		t.Errorf("status %d", status)
	}
}

// completeIn runs a session that defines things, then completes line at
// its end.
func completeIn(t *testing.T, setup []string, line string) []string {
	t.Helper()
	out := &syncBuffer{}
	var got []string
	src := &scriptSource{out: out, steps: lines(setup...)}
	r := newREPL(replConfig{src: src, stdin: strings.NewReader(""), stdout: out, stderr: out,
		argv: []string{""}, clock: "real", noBanner: true})
	// Complete at the last prompt, while the loop waits for input.
	src.steps = append(src.steps, step{line: "pass"})
	src.onLast = func() {
		head, comps, tail := r.completeWord(line, len([]rune(line)))
		for _, c := range comps {
			got = append(got, head+c+tail)
		}
	}
	r.run()
	if testing.Verbose() {
		t.Log(out.String())
	}
	return got
}

func TestREPLCompletion(t *testing.T) {
	setup := []string{
		"class C:",
		"    x = 1",
		"    @property",
		"    def p(self): raise Exception('evaluated')",
		"    def meth(self): pass",
		"",
		"c = C()",
		"c.attr = 2",
		"counter = 0",
	}
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"asyncio.cr", []string{"asyncio.create_task("}},
		{"x = asyncio.sl", []string{"x = asyncio.sleep("}},
		{"cou", []string{"counter"}},
		{"pri", []string{"print("}},
		{"whi", []string{"while "}},
		{"tr", []string{"try:"}},
		{"c.", []string{"c.attr", "c.meth(", "c.p", "c.x"}},
		{"c.__cla", []string{"c.__class__("}},
		{"C.me", []string{"C.meth("}},
		{"  ", []string{"  " + indentUnit}},
		{"nosuch.x", nil},
		{"f(1).x", nil},
	} {
		got := completeIn(t, setup, tc.line)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("complete %q = %q, want %q", tc.line, got, tc.want)
		}
	}
}

func TestREPLDecoratorAtEnd(t *testing.T) {
	got, _ := session(t, "real", lines(
		"@staticmethod",
		"def f(): return 1",
		"",
		"class C:",
		"    @property",
		"",
		"1",
	)...)
	checkTranscript(t, got, `>>> @staticmethod
... def f(): return 1
... 
>>> class C:
...     @property
... 
  File "<stdin>", line 4
SyntaxError: invalid syntax
>>> 1
1
>>> 
`)
}

func TestREPLWaitersAcrossPrompts(t *testing.T) {
	got, _ := session(t, "real", lines(
		"ev = asyncio.Event()",
		"async def waiter():",
		"    await ev.wait()",
		"    print('event seen')",
		"    return 'done'",
		"",
		"t = asyncio.create_task(waiter())",
		"await asyncio.sleep(0.05)",
		"t.done()",
		"ev.set()",
		"await t",
		"await asyncio.Event().wait()",
		"'session goes on'",
	)...)
	// A task waiting at the prompt is normal; an input that can never
	// finish gets the deadlock report instead of hanging.
	checkTranscript(t, got, `>>> ev = asyncio.Event()
>>> async def waiter():
...     await ev.wait()
...     print('event seen')
...     return 'done'
... 
>>> t = asyncio.create_task(waiter())
>>> await asyncio.sleep(0.05)
>>> t.done()
False
>>> ev.set()
event seen
>>> await t
'done'
>>> await asyncio.Event().wait()
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
asyncio.exceptions.DeadlockError: deadlock: no task can make progress:
  task 'Task-4' waits for Event.wait()
    File "<stdin>", line 1, in <module>
>>> 'session goes on'
'session goes on'
>>> 
`)
}

func TestREPLCompileErrorsAndPrompts(t *testing.T) {
	got, _ := session(t, "virtual", lines(
		"return 5",
		"def f():",
		"    await x",
		"[await asyncio.sleep(0, i) for i in range(3)]",
		"import sys",
		"sys.ps1 = 'pya> '",
		"sys.ps2 = '  | '",
		"if 1:",
		"    'ok'",
		"",
	)...)
	checkTranscript(t, got, `>>> return 5
  File "<stdin>", line 1
SyntaxError: 'return' outside function
>>> def f():
...     await x
  File "<stdin>", line 2
SyntaxError: 'await' outside async function
>>> [await asyncio.sleep(0, i) for i in range(3)]
[0, 1, 2]
>>> import sys
>>> sys.ps1 = 'pya> '
pya> sys.ps2 = '  | '
pya> if 1:
  |     'ok'
  | 
'ok'
pya> 
`)
}

func TestREPLInterruptBusyBackgroundTask(t *testing.T) {
	got, _ := session(t, "real",
		step{line: "async def hog():"},
		step{line: "    await asyncio.sleep(0.1)"},
		step{line: "    while True: pass"},
		step{line: ""},
		step{line: "t = asyncio.create_task(hog())"},
		// The hog takes the loop while the user types: Ctrl-C at the
		// prompt interrupts it.
		step{err: liner.ErrPromptAborted, wait: 300 * time.Millisecond},
		step{line: "t.done()"},
	)
	want := `>>> t = asyncio.create_task(hog())
>>> ^C
KeyboardInterrupt
>>> t.done()
True
>>> 
Task exception was never retrieved
future: <Task finished name='Task-1' coro=<hog() done, defined at <stdin>:1> exception=KeyboardInterrupt()>
Traceback (most recent call last):
  File "<stdin>", line 3, in hog
KeyboardInterrupt
`
	if !strings.HasSuffix(got, want) {
		t.Errorf("transcript:\n%s\nwant suffix:\n%s", got, want)
	}
}

func TestREPLAsyncioRunAndUnretrieved(t *testing.T) {
	got, _ := session(t, "virtual", lines(
		"async def main():",
		"    raise ValueError('lost')",
		"",
		"asyncio.run(main())",
		"t = asyncio.create_task(main())",
		"await main()",
	)...)
	// (Whether asyncio.run warns about the coroutine it did not run is
	// the runtime's business.)
	var kept []string
	for _, l := range strings.SplitAfter(got, "\n") {
		if !strings.Contains(l, "RuntimeWarning") {
			kept = append(kept, l)
		}
	}
	checkTranscript(t, strings.Join(kept, ""), `>>> async def main():
...     raise ValueError('lost')
... 
>>> asyncio.run(main())
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
RuntimeError: asyncio.run() cannot be called from a running event loop
`+asyncioRunHint+`
>>> t = asyncio.create_task(main())
>>> await main()
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
  File "<stdin>", line 2, in main
ValueError: lost
>>> 
Task exception was never retrieved
future: <Task finished name='Task-1' coro=<main() done, defined at <stdin>:1> exception=ValueError('lost')>
Traceback (most recent call last):
  File "<stdin>", line 2, in main
ValueError: lost
`)
}

func TestREPLStaleInterruptIsDropped(t *testing.T) {
	out := &syncBuffer{}
	src := &scriptSource{out: out, steps: lines("x = 1", "sum(range(10))")}
	r := newREPL(replConfig{src: src, stdin: strings.NewReader(""), stdout: out, stderr: out,
		argv: []string{""}, clock: "real", noBanner: true})
	// A Ctrl-C that came after its statement ended must not hit the next.
	src.onLast = func() { r.in.Interrupt() }
	r.run()
	checkTranscript(t, out.String(), ">>> x = 1\n>>> sum(range(10))\n45\n>>> \n")
}

func TestREPLHelp(t *testing.T) {
	got, _ := session(t, "real", lines("help", "help()", "def f():", "    'Doc of f.'", "", "help(f)")...)
	checkTranscript(t, got, `>>> help
Type help() for interactive help, or help(object) for help about object.
>>> help()
`+replHelp+`>>> def f():
...     'Doc of f.'
... 
>>> help(f)
Help on f:

Doc of f.
>>> 
`)
}

func TestHistoryPath(t *testing.T) {
	env := map[string]string{"PYA_HISTORY": "/x/h"}
	if p := historyPath(func(k string) string { return env[k] }); p != "/x/h" {
		t.Errorf("PYA_HISTORY: %q", p)
	}
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip(err)
	}
	if p := historyPath(func(string) string { return "" }); p != filepath.Join(home, ".pya_history") {
		t.Errorf("default: %q", p)
	}
}

func TestSanitizePrompt(t *testing.T) {
	for in, want := range map[string]string{
		">>> ":                     ">>> ",
		"\x1b[32m>>> \x1b[0m":      ">>> ",
		"a\x07b\x1b[1;31mc\x1b[m ": "abc ",
	} {
		if got := sanitizePrompt(in); got != want {
			t.Errorf("sanitizePrompt(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestREPLExitFromBackgroundTask(t *testing.T) {
	got, status := session(t, "real",
		step{line: "async def quit_later():"},
		step{line: "    await asyncio.sleep(0.05)"},
		step{line: "    raise SystemExit(5)"},
		step{line: ""},
		step{line: "t = asyncio.create_task(quit_later())"},
		step{line: "'never run'", wait: 2 * time.Second},
	)
	if status != 5 {
		t.Errorf("status %d, want 5; transcript:\n%s", status, got)
	}
}

func TestREPLEOFInContinuation(t *testing.T) {
	got, _ := session(t, "real",
		step{line: "if 1:"},
		step{line: "    print(5)"},
		step{err: io.EOF},
		step{line: "(1,"},
		step{err: io.EOF},
		step{line: "6"},
	)
	checkTranscript(t, got, `>>> if 1:
...     print(5)
... 5
>>> (1,
...   File "<stdin>", line 1
    (1,
    ^
SyntaxError: '(' was never closed
>>> 6
6
>>> 
`)
}

// TestREPLMatch: a match statement is a compound statement that the loop
// ends at a blank line; match and case stay names elsewhere.
func TestREPLMatch(t *testing.T) {
	got, _ := session(t, "real", lines(
		"match [1, 2]:",
		"    case [a, b]:",
		"        a + b",
		"",
		"match = 3",
		"match",
		"case = match",
		"case",
	)...)
	checkTranscript(t, got, `>>> match [1, 2]:
...     case [a, b]:
...         a + b
... 
3
>>> match = 3
>>> match
3
>>> case = match
>>> case
3
>>> 
`)
}
