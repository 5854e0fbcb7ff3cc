package vm

import "io"

// blockingReader is the OS side of a file's read buffer: each read runs
// through the using thread's Blocking hook, so that a thread blocked on a
// pipe, a FIFO or stdin lets the event loop and other threads run, as
// CPython releases the GIL around read(2). The buffer itself is only
// touched with the lock held.
type blockingReader struct {
	f *File
	r io.Reader
}

func (b blockingReader) Read(p []byte) (n int, err error) {
	if b.f.th == nil {
		return b.r.Read(p)
	}
	b.f.th.Blocking(func() { n, err = b.r.Read(p) })
	return n, err
}

// blockingWriter is blockingReader's twin for a file's write buffer (a
// write to a full pipe blocks).
type blockingWriter struct {
	f *File
	w io.Writer
}

func (b blockingWriter) Write(p []byte) (n int, err error) {
	if b.f.th == nil {
		return b.w.Write(p)
	}
	b.f.th.Blocking(func() { n, err = b.w.Write(p) })
	return n, err
}
