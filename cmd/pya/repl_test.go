package main

import (
	"bytes"
	"io"
	"os"
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
}

func (s *scriptSource) Prompt(p string) (string, error) {
	io.WriteString(s.out, p)
	if len(s.steps) == 0 {
		return "", io.EOF
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
