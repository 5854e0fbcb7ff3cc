package vm

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"unicode/utf8"
)

// File is a file object returned by open() and used for sys.stdin/stdout/
// stderr: CPython's TextIOWrapper in text mode, BufferedReader/Writer in
// binary mode. Text is UTF-8; reads translate "\r\n" to "\n".
type File struct {
	name   string
	nameV  Value  // the name when set by assignment or opened by descriptor (an int)
	rawNL  bool   // open(newline=...) given: reads keep "\r\n" and "\r" untranslated
	mode   string // as given to open (normalized for the repr)
	binary bool
	f      *os.File      // nil for the standard streams
	r      *bufio.Reader // nil when not readable
	w      io.Writer     // nil when not writable
	bw     *bufio.Writer // buffered writer over f (nil for the standard streams)
	closed bool
	std    bool // a standard stream: close does not close the interpreter's writer
	// th is the thread using the file now (set by each method): reads of
	// the OS file and of stdin, and writes to the OS file, run through
	// th.Blocking, without the interpreter lock (file_blocking.go).
	th *Thread
}

// FileType is the type of text files (io.TextIOWrapper).
var FileType = MakeNativeType("TextIOWrapper", "_io", nil)

// BinaryFileType is the type of binary files (io.BufferedReader and friends
// share it).
var BinaryFileType = MakeNativeType("BufferedReader", "_io", nil)

func (f *File) Type() *Type {
	if f.binary {
		return BinaryFileType
	}
	return FileType
}

// NewStdStream wraps one of the interpreter's standard streams (name is
// "<stdin>", "<stdout>" or "<stderr>").
func NewStdStream(name string, r io.Reader, w io.Writer) *File {
	f := &File{name: name, std: true, w: w}
	if r != nil {
		f.r = bufio.NewReader(blockingReader{f, r})
		f.mode = "r"
	} else {
		f.mode = "w"
	}
	return f
}

// Write writes s to the file (no newline translation is needed on POSIX).
func (f *File) Write(s string) error {
	if f.closed {
		return NewError(ValueErrorType, "I/O operation on closed file.")
	}
	if f.w == nil {
		return NewError(biUnsupportedOperation(), "not writable")
	}
	_, err := io.WriteString(f.w, s)
	return biOSError(err, f.name)
}

// Flush flushes buffered output.
func (f *File) Flush() error {
	if f.bw != nil {
		if err := f.bw.Flush(); err != nil {
			return biOSError(err, f.name)
		}
	} else if fl, ok := f.w.(interface{ Flush() error }); ok {
		fl.Flush()
	}
	return nil
}

func (f *File) checkReadable() error {
	if f.closed {
		return NewError(ValueErrorType, "I/O operation on closed file.")
	}
	if f.r == nil {
		return NewError(biUnsupportedOperation(), "not readable")
	}
	return nil
}

// ReadLine reads one line including its "\n" ("" at EOF); limit < 0 means
// no limit (in characters for text files, bytes for binary ones).
func (f *File) ReadLine(limit int) (string, error) {
	if err := f.checkReadable(); err != nil {
		return "", err
	}
	var sb strings.Builder
	n := 0
	for limit < 0 || n < limit {
		c, size, err := f.readUnit()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", biOSError(err, f.name)
		}
		_ = size
		n++
		if c == '\r' && !f.binary {
			next, err := f.r.Peek(1)
			crlf := err == nil && next[0] == '\n'
			if f.rawNL {
				sb.WriteByte('\r')
				if crlf {
					f.r.ReadByte()
					sb.WriteByte('\n')
				}
				break
			}
			if crlf {
				f.r.ReadByte()
			}
			c = '\n'
		}
		if f.binary {
			sb.WriteByte(byte(c))
		} else {
			sb.WriteRune(c)
		}
		if c == '\n' {
			break
		}
	}
	return sb.String(), nil
}

// readUnit reads one character (text) or byte (binary).
func (f *File) readUnit() (rune, int, error) {
	if f.binary {
		b, err := f.r.ReadByte()
		return rune(b), 1, err
	}
	return f.r.ReadRune()
}

// Read reads up to n characters (or bytes); n < 0 reads to EOF.
func (f *File) Read(n int) (string, error) {
	if err := f.checkReadable(); err != nil {
		return "", err
	}
	if n < 0 {
		b, err := io.ReadAll(f.r)
		if err != nil {
			return "", biOSError(err, f.name)
		}
		s := string(b)
		if !f.binary && !f.rawNL && strings.IndexByte(s, '\r') >= 0 {
			s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
		}
		return s, nil
	}
	var sb strings.Builder
	for i := 0; i < n; i++ {
		c, _, err := f.readUnit()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", biOSError(err, f.name)
		}
		if f.binary {
			sb.WriteByte(byte(c))
		} else {
			sb.WriteRune(c)
		}
	}
	return sb.String(), nil
}

// Close flushes and closes the file; closing twice is allowed.
func (f *File) Close() error {
	if f.closed {
		return nil
	}
	err := f.Flush()
	f.closed = true
	if f.bw != nil && f.th != nil {
		untrackWriter(f.th.Interp, f)
	}
	if f.f != nil {
		if cerr := f.f.Close(); err == nil && cerr != nil {
			err = biOSError(cerr, f.name)
		}
	}
	return err
}

// biOpenFile opens a file as open(name, mode) does.
func biOpenFile(th *Thread, name, mode string) (*File, error) {
	return biOpenFileFd(th, name, mode, -1, NULL)
}

// biOpenFileFd is biOpenFile for a file given by descriptor (fd >= 0) or
// opened by opener(name, flags), which returns the descriptor.
func biOpenFileFd(th *Thread, name, mode string, fd int, opener Value) (*File, error) {
	var read, write, appendM, create, excl, plus, binary, text bool
	for _, c := range mode {
		var dup bool
		switch c {
		case 'r':
			dup, read = read, true
		case 'w':
			dup, write = write, true
			create = true
		case 'a':
			dup, appendM = appendM, true
		case 'x':
			dup, excl = excl, true
		case '+':
			dup, plus = plus, true
		case 'b':
			dup, binary = binary, true
		case 't':
			dup, text = text, true
		default:
			dup = true
		}
		if dup {
			return nil, NewError(ValueErrorType, "invalid mode: '%s'", mode)
		}
	}
	_ = create
	n := 0
	for _, b := range []bool{read, write, appendM, excl} {
		if b {
			n++
		}
	}
	if binary && text {
		return nil, NewError(ValueErrorType, "can't have text and binary mode at once")
	}
	if n != 1 {
		return nil, NewError(ValueErrorType, "must have exactly one of create/read/write/append mode")
	}
	flag := 0
	switch {
	case read:
		flag = os.O_RDONLY
		if plus {
			flag = os.O_RDWR
		}
	case write:
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	case appendM:
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	case excl:
		flag = os.O_WRONLY | os.O_CREATE | os.O_EXCL
	}
	if plus && !read {
		flag = flag&^os.O_WRONLY | os.O_RDWR
	}
	var osf *os.File
	var err error
	flushWriters(th.Interp, th)
	if !opener.IsNull() && !opener.IsNone() {
		r, err := th.Call(opener, []Value{NewStr(name), Int(int64(flag | syscall.O_CLOEXEC))}, nil)
		if err != nil {
			return nil, err
		}
		if !r.IsInt() {
			return nil, NewError(TypeErrorType, "expected an integer from opener")
		}
		if fd = int(r.AsInt()); fd < 0 {
			return nil, NewError(ValueErrorType, "opener returned %d", fd)
		}
	}
	fdGiven := fd >= 0 && opener.IsNull()
	if fd >= 0 {
		osf = os.NewFile(uintptr(fd), name)
	} else {
		// Opening a FIFO blocks until the other end opens it.
		th.Blocking(func() { osf, err = os.OpenFile(name, flag, 0o666) })
		if err != nil {
			return nil, biOSError(err, name)
		}
	}
	if st, err := osf.Stat(); err == nil && st.IsDir() {
		osf.Close()
		return nil, biOSError(&fs.PathError{Op: "open", Path: name, Err: syscall.EISDIR}, name)
	}
	f := &File{name: name, mode: mode, binary: binary, f: osf, th: th}
	if fdGiven {
		f.nameV = Int(int64(fd))
	}
	if !text && !binary && !strings.ContainsAny(mode, "t") {
		f.mode = mode
	}
	if read || plus {
		f.r = bufio.NewReader(blockingReader{f, osf})
	}
	if !read || plus {
		f.bw = bufio.NewWriter(blockingWriter{f, osf})
		f.w = f.bw
		trackWriter(th.Interp, f)
	}
	return f, nil
}

// Tell returns the current byte position.
func (f *File) Tell() (int64, error) {
	if f.f == nil {
		return 0, NewError(biUnsupportedOperation(), "underlying stream is not seekable")
	}
	if err := f.Flush(); err != nil {
		return 0, err
	}
	pos, err := f.f.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, biOSError(err, f.name)
	}
	if f.r != nil {
		pos -= int64(f.r.Buffered())
	}
	return pos, nil
}

// Seek moves to offset relative to whence (0 start, 1 current, 2 end).
func (f *File) Seek(offset int64, whence int) (int64, error) {
	if f.f == nil {
		return 0, NewError(biUnsupportedOperation(), "underlying stream is not seekable")
	}
	if err := f.Flush(); err != nil {
		return 0, err
	}
	if whence == io.SeekCurrent && f.r != nil {
		offset -= int64(f.r.Buffered())
	}
	pos, err := f.f.Seek(offset, whence)
	if err != nil {
		return 0, biOSError(err, f.name)
	}
	if f.r != nil {
		f.r.Reset(f.f)
	}
	return pos, nil
}

// biUnsupportedOperation is io.UnsupportedOperation (an OSError and ValueError).
func biUnsupportedOperation() *Type {
	if unsupportedOperationType == nil {
		unsupportedOperationType = NewExceptionType("UnsupportedOperation", "io", OSErrorType)
	}
	return unsupportedOperationType
}

var unsupportedOperationType *Type

// biOSError converts a Go I/O error into the OSError subclass CPython
// raises, "[Errno 2] No such file or directory: 'x'".
func biOSError(err error, name string) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*Exception); ok {
		return err
	}
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return NewError(OSErrorType, "%s", err.Error())
	}
	t := OSErrorType
	switch errno {
	case syscall.ENOENT:
		t = FileNotFoundErrorType
	case syscall.EEXIST:
		t = FileExistsErrorType
	case syscall.EISDIR:
		t = IsADirectoryErrorType
	case syscall.ENOTDIR:
		t = NotADirectoryErrorType
	case syscall.EACCES, syscall.EPERM:
		t = PermissionErrorType
	}
	fn := None
	if name != "" {
		fn = NewStr(name)
	}
	return NewOSError(t, int64(errno), biErrnoMessage(errno), fn)
}

// OSErrorFor converts a Go error from a system call on filename ("" for
// none) into CPython's OSError subclass for its errno (FileNotFoundError,
// ...), with errno, strerror and filename set.
func OSErrorFor(err error, filename string) error { return biOSError(err, filename) }

// ErrnoMessage is strerror(errno) with glibc's capitalization (os.strerror).
func ErrnoMessage(errno syscall.Errno) string { return biErrnoMessage(errno) }

// biErrnoMessage is strerror(errno) with glibc's capitalization.
func biErrnoMessage(errno syscall.Errno) string {
	s := errno.Error()
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[size:]
}
