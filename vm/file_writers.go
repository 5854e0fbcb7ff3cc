package vm

import "sync"

// Files opened for writing and not closed yet. CPython closes (and so
// flushes) a file object as soon as its last reference goes away, so
// `open(p, "w").write(s)` followed by reading p, or by the end of the
// program, sees s. pya keeps such files here: opening a file flushes the
// pending writes of the others first, and the interpreter's exit flushes
// them all (RunAtExit).
type openWriters struct {
	mu    sync.Mutex
	files map[*File]struct{}
}

var writersByInterp sync.Map // *Interpreter → *openWriters

func writersOf(in *Interpreter) *openWriters {
	if in == nil {
		return nil
	}
	if w, ok := writersByInterp.Load(in); ok {
		return w.(*openWriters)
	}
	w, _ := writersByInterp.LoadOrStore(in, &openWriters{files: map[*File]struct{}{}})
	return w.(*openWriters)
}

// trackWriter records f, a file just opened for writing.
func trackWriter(in *Interpreter, f *File) {
	if w := writersOf(in); w != nil && f.bw != nil {
		w.mu.Lock()
		w.files[f] = struct{}{}
		w.mu.Unlock()
	}
}

// untrackWriter forgets f (closed).
func untrackWriter(in *Interpreter, f *File) {
	if w := writersOf(in); w != nil {
		w.mu.Lock()
		delete(w.files, f)
		w.mu.Unlock()
	}
}

// flushWriters writes out the buffered data of every open writable file.
func flushWriters(in *Interpreter) {
	w := writersOf(in)
	if w == nil {
		return
	}
	w.mu.Lock()
	files := make([]*File, 0, len(w.files))
	for f := range w.files {
		files = append(files, f)
	}
	w.mu.Unlock()
	for _, f := range files {
		if !f.closed {
			_ = f.Flush()
		}
	}
}
