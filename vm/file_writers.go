package vm

import "sync"

// openWriters holds the files opened for writing and not closed yet.
// CPython closes (and so flushes) a file object as soon as its last
// reference goes away, so `open(p, "w").write(s)` followed by reading p, or
// by the end of the program, sees s. pya keeps such files here: opening a
// file flushes the pending writes of the thread's other files first, and the
// interpreter's exit flushes them all (RunAtExit).
type openWriters struct {
	mu    sync.Mutex
	files map[*File]struct{}
}

// trackWriter records f, a file just opened for writing.
func trackWriter(in *Interpreter, f *File) {
	if in == nil || f.bw == nil {
		return
	}
	w := &in.writers
	w.mu.Lock()
	if w.files == nil {
		w.files = map[*File]struct{}{}
	}
	w.files[f] = struct{}{}
	w.mu.Unlock()
}

// untrackWriter forgets f (closed).
func untrackWriter(in *Interpreter, f *File) {
	if in == nil {
		return
	}
	w := &in.writers
	w.mu.Lock()
	delete(w.files, f)
	w.mu.Unlock()
}

// flushWriters writes out the buffered data of the open writable files
// that th opened (all of them when th is nil, at exit). Another thread's
// files are left alone: that thread may be writing one right now with the
// GIL released, and a bufio.Writer flushed from two goroutines writes its
// buffer twice.
func flushWriters(in *Interpreter, th *Thread) {
	if in == nil {
		return
	}
	w := &in.writers
	w.mu.Lock()
	files := make([]*File, 0, len(w.files))
	for f := range w.files {
		if th == nil || f.th == th {
			files = append(files, f)
		}
	}
	w.mu.Unlock()
	for _, f := range files {
		if !f.closed {
			_ = f.Flush()
		}
	}
}
