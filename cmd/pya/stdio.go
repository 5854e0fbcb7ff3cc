package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
)

// flusher is a buffered writer.
type flusher interface {
	io.Writer
	Flush() error
}

// newStdout buffers standard output as CPython does: line by line on a
// terminal (so output shows before a sleep), in blocks on a pipe or file
// (print in a loop stays cheap).
func newStdout(f *os.File) flusher {
	b := bufio.NewWriterSize(f, 64<<10)
	if isTerminal(f) {
		return &lineWriter{b}
	}
	return b
}

// lineWriter flushes after every write that ends a line.
type lineWriter struct{ *bufio.Writer }

func (w *lineWriter) Write(p []byte) (int, error) {
	n, err := w.Writer.Write(p)
	if err == nil && bytes.IndexByte(p, '\n') >= 0 {
		err = w.Writer.Flush()
	}
	return n, err
}

// flushFirst is stderr: it flushes stdout before each write so that a
// traceback appears after the output printed before it.
type flushFirst struct {
	w io.Writer
	f flusher
}

func (w *flushFirst) Write(p []byte) (int, error) {
	w.f.Flush()
	return w.w.Write(p)
}

// flushFirstReader is stdin: it flushes stdout before each read so that an
// input() prompt is visible while waiting.
type flushFirstReader struct {
	r io.Reader
	f flusher
}

func (r *flushFirstReader) Read(p []byte) (int, error) {
	r.f.Flush()
	return r.r.Read(p)
}

// isTerminal reports whether r is an interactive terminal (a character
// device), which decides between the REPL and running stdin as a script.
func isTerminal(r any) bool {
	switch f := r.(type) {
	case *os.File:
		st, err := f.Stat()
		return err == nil && st.Mode()&os.ModeCharDevice != 0
	case *flushFirstReader:
		return isTerminal(f.r)
	}
	return false
}
