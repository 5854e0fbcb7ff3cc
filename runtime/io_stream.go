package runtime

import (
	"errors"
	"io"
	"net"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/pya-lang/pya/vm"
)

// StreamType is the Python type of a Stream (the transport under
// asyncio's StreamReader/StreamWriter).
var StreamType = newType("Transport", "_pya_io", nil)

// Stream is a byte stream transport over a connection or a pipe: reads are
// pulled by the reader (one goroutine at a time, started when a reader
// waits and nothing is buffered), writes are pushed by a writer goroutine
// that runs while the write buffer is not empty. Fields marked "loop" are
// touched only on the loop goroutine.
type Stream struct {
	loop   *Loop
	r      io.Reader
	w      io.Writer
	closer io.Closer
	conn   net.Conn

	// Read side (loop).
	pending  []byte // data read but not yet handed out
	eof      bool
	rerr     error
	inflight bool    // a read goroutine is running
	waiter   *Future // the read waiting for data
	want     int

	// Read abort: a cancelled read sets a past deadline so that its
	// goroutine returns; gen numbers the reads so that a late start of an
	// aborted read does not clear its abort.
	rmu        sync.Mutex
	readGen    uint64
	abortedGen uint64

	// Write side: wbuf, writing, closing, shutWrite and werr under wmu.
	wmu       sync.Mutex
	wbuf      []byte
	writing   bool
	closing   bool
	shutWrite bool
	werr      error
	closed    bool

	queued  int64     // loop: bytes written by the program
	flushed int64     // loop: bytes the writer reported written
	drains  []*Future // loop: drain() waiters, by target in drainAt
	drainAt []int64
	closedF *Future // loop: wait_closed()
	pump    *pump   // loop: the protocol reader, if any (io_pump.go)
}

func (*Stream) Type() *vm.Type { return StreamType }

// NewStream returns a transport over r, w (either may be nil) closed by c.
func NewStream(l *Loop, r io.Reader, w io.Writer, c io.Closer) *Stream {
	s := &Stream{loop: l, r: r, w: w, closer: c}
	if conn, ok := c.(net.Conn); ok {
		s.conn = conn
	}
	l.track(s)
	return s
}

// Conn returns the network connection of s, or nil for a pipe.
func (s *Stream) Conn() net.Conn { return s.conn }

type deadliner interface{ SetReadDeadline(time.Time) error }

// Read returns a future of at most n bytes (n < 0: whatever arrives
// next), b"" at end of file.
func (s *Stream) Read(n int) *Future {
	if len(s.pending) > 0 {
		return DoneFuture(s.loop, vm.NewBytes(s.take(n)), nil)
	}
	if s.eof || s.r == nil {
		return DoneFuture(s.loop, vm.NewBytes(nil), nil)
	}
	if s.rerr != nil {
		err := s.rerr
		s.rerr = nil
		s.eof = true
		return DoneFuture(s.loop, vm.NULL, OSErrorFromGo(s.loop.th, err))
	}
	if s.waiter != nil && !s.waiter.Done() {
		return DoneFuture(s.loop, vm.NULL, vm.NewError(vm.RuntimeErrorType, "read() called while another coroutine is already waiting for incoming data"))
	}
	w := newWaiter(s.loop, "StreamReader.read()")
	s.waiter, s.want = w, n
	w.AddDoneCallback(streamWaiterDone, s)
	if !s.inflight {
		s.startRead()
	}
	return w
}

func (s *Stream) take(n int) []byte {
	if n < 0 || n >= len(s.pending) {
		b := s.pending
		s.pending = nil
		return b
	}
	b := append([]byte(nil), s.pending[:n]...)
	s.pending = s.pending[n:]
	return b
}

// streamWaiterDone aborts the read in flight when its reader was cancelled.
func streamWaiterDone(arg any, _ vm.Value) error {
	s := arg.(*Stream)
	if s.waiter != nil && s.waiter.Cancelled() {
		s.waiter = nil
		if s.inflight {
			s.abortRead()
		}
	}
	return nil
}

func (s *Stream) abortRead() {
	s.rmu.Lock()
	s.abortedGen = s.readGen
	if d, ok := s.r.(deadliner); ok {
		d.SetReadDeadline(time.Unix(1, 0))
	}
	s.rmu.Unlock()
}

// readResult is what a read goroutine posts back.
type readResult struct {
	s   *Stream
	b   []byte
	err error
}

var errReadAborted = errors.New("read aborted")

// readBufs holds the read goroutines' buffers (a read copies out only what
// arrived).
var readBufs = sync.Pool{New: func() any { b := make([]byte, 65536); return &b }}

func (s *Stream) startRead() {
	s.inflight = true
	s.rmu.Lock()
	s.readGen++
	gen := s.readGen
	s.rmu.Unlock()
	size := 65536
	if s.want > 0 && s.want < size {
		size = s.want
	}
	s.loop.ioBegin()
	go func() {
		s.rmu.Lock()
		if s.abortedGen == gen {
			s.rmu.Unlock()
			s.loop.Post(streamReadDone, &readResult{s: s, err: errReadAborted}, vm.NULL, true)
			return
		}
		if d, ok := s.r.(deadliner); ok {
			d.SetReadDeadline(time.Time{})
		}
		s.rmu.Unlock()
		bp := readBufs.Get().(*[]byte)
		n, err := s.r.Read((*bp)[:size])
		b := append([]byte(nil), (*bp)[:n]...) // what was read, not the whole buffer
		readBufs.Put(bp)
		s.loop.Post(streamReadDone, &readResult{s: s, b: b, err: err}, vm.NULL, true)
	}()
}

// streamReadDone runs on the loop: it buffers what was read and serves the
// waiting reader, if any.
func streamReadDone(arg any, _ vm.Value) error {
	res := arg.(*readResult)
	s := res.s
	s.inflight = false
	s.loop.ioEnd()
	if len(res.b) > 0 {
		s.pending = append(s.pending, res.b...)
	}
	if err := res.err; err != nil && len(res.b) == 0 {
		switch {
		case err == errReadAborted || errors.Is(err, os.ErrDeadlineExceeded):
		case err == io.EOF || errors.Is(err, net.ErrClosed) || errors.Is(err, os.ErrClosed):
			s.eof = true
		default:
			s.rerr = err
		}
	}
	w := s.waiter
	if w == nil || w.Done() {
		return nil
	}
	switch {
	case len(s.pending) > 0:
		s.waiter = nil
		w.SetResult(vm.NewBytes(s.take(s.want)))
	case s.eof:
		s.waiter = nil
		w.SetResult(vm.NewBytes(nil))
	case s.rerr != nil:
		s.waiter = nil
		err := s.rerr
		s.rerr = nil
		s.eof = true
		w.SetException(asException(OSErrorFromGo(s.loop.th, err)))
	default:
		s.startRead() // an aborted read finished: read for the new waiter
	}
	return nil
}

// AtEOF reports whether the stream reached its end with nothing buffered.
func (s *Stream) AtEOF() bool { return s.eof && len(s.pending) == 0 }

// Write queues b; a writer goroutine sends it.
func (s *Stream) Write(b []byte) error {
	if s.w == nil {
		return vm.NewError(vm.RuntimeErrorType, "the transport is not writable")
	}
	s.wmu.Lock()
	if s.shutWrite {
		s.wmu.Unlock()
		return vm.NewError(vm.RuntimeErrorType, "Cannot call write() after write_eof()")
	}
	if s.closing {
		s.wmu.Unlock()
		return nil // as a closing transport, drop the data
	}
	s.wbuf = append(s.wbuf, b...)
	start := !s.writing
	s.writing = true
	s.wmu.Unlock()
	s.queued += int64(len(b))
	if start {
		s.loop.ioBegin()
		go s.writer()
	}
	return nil
}

// writeResult reports the writer goroutine's progress.
type writeResult struct {
	s      *Stream
	n      int64
	err    error
	closed bool
}

// writer sends the buffer until it is empty, then closes or shuts the
// write side down if asked, and posts what it did.
func (s *Stream) writer() {
	var total int64
	for {
		s.wmu.Lock()
		buf := s.wbuf
		s.wbuf = nil
		if len(buf) == 0 || s.werr != nil {
			s.writing = false
			closeNow, shut := s.closing && !s.closed, s.shutWrite
			if closeNow {
				s.closed = true
			}
			err := s.werr
			s.wmu.Unlock()
			if closeNow {
				s.closer.Close()
			} else if shut {
				s.shutdownWrite()
			}
			s.loop.Post(streamWriteDone, &writeResult{s: s, n: total, err: err, closed: closeNow}, vm.NULL, true)
			return
		}
		s.wmu.Unlock()
		n, err := s.w.Write(buf)
		total += int64(n)
		if err != nil {
			s.wmu.Lock()
			s.werr = err
			s.wmu.Unlock()
		}
	}
}

func (s *Stream) shutdownWrite() {
	switch c := s.closer.(type) {
	case interface{ CloseWrite() error }:
		c.CloseWrite()
	default:
		if wc, ok := s.w.(io.Closer); ok {
			wc.Close()
		}
	}
}

func streamWriteDone(arg any, _ vm.Value) error {
	res := arg.(*writeResult)
	s := res.s
	s.loop.ioEnd()
	s.flushed += res.n
	kept, keptAt := s.drains[:0], s.drainAt[:0]
	for i, f := range s.drains {
		switch {
		case f.Done():
		case res.err != nil:
			f.SetException(asException(OSErrorFromGo(s.loop.th, res.err)))
		case s.flushed >= s.drainAt[i]:
			f.SetResult(vm.None)
		default:
			kept, keptAt = append(kept, f), append(keptAt, s.drainAt[i])
		}
	}
	s.drains, s.drainAt = kept, keptAt
	if res.closed {
		s.markClosed()
	}
	return nil
}

// Drain returns a future that completes when everything written so far
// has been handed to the operating system.
func (s *Stream) Drain() *Future {
	s.wmu.Lock()
	err := s.werr
	s.wmu.Unlock()
	if err != nil {
		return DoneFuture(s.loop, vm.NULL, OSErrorFromGo(s.loop.th, err))
	}
	if s.flushed >= s.queued {
		return DoneFuture(s.loop, vm.None, nil)
	}
	f := newWaiter(s.loop, "StreamWriter.drain()")
	s.drains = append(s.drains, f)
	s.drainAt = append(s.drainAt, s.queued)
	return f
}

// WriteEOF shuts the write side down once the buffer is sent.
func (s *Stream) WriteEOF() {
	s.wmu.Lock()
	s.shutWrite = true
	writing := s.writing
	s.wmu.Unlock()
	if !writing {
		s.shutdownWrite()
	}
}

// Close closes the transport once its buffer is sent.
func (s *Stream) Close() {
	s.wmu.Lock()
	if s.closing {
		s.wmu.Unlock()
		return
	}
	s.closing = true
	closeNow := !s.writing && !s.closed
	if closeNow {
		s.closed = true
	}
	s.wmu.Unlock()
	if closeNow {
		s.closer.Close()
		s.markClosed()
	}
}

// Abort closes the transport at once, dropping buffered writes.
func (s *Stream) Abort() {
	s.loop.untrack(s)
	s.wmu.Lock()
	s.wbuf = nil
	s.closing = true
	s.wmu.Unlock()
	s.closer.Close()
}

func (s *Stream) markClosed() {
	s.loop.untrack(s)
	if s.closedF == nil {
		s.closedF = NewFuture(s.loop)
	}
	if !s.closedF.Done() {
		s.closedF.SetResult(vm.None)
	}
}

// IsClosing reports whether Close was called.
func (s *Stream) IsClosing() bool {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.closing
}

// Closed returns the future wait_closed() awaits.
func (s *Stream) Closed() *Future {
	if s.closedF == nil {
		s.closedF = NewFuture(s.loop)
	}
	return s.closedF
}

// AddrTuple converts a socket address as CPython's getpeername does:
// (host, port) for IPv4, (host, port, flowinfo, scope_id) for IPv6.
func AddrTuple(a net.Addr) vm.Value {
	ta, ok := a.(*net.TCPAddr)
	if !ok {
		if a == nil {
			return vm.None
		}
		return vm.NewStr(a.String())
	}
	if ip4 := ta.IP.To4(); ip4 != nil {
		return vm.NewTuple([]vm.Value{vm.NewStr(ip4.String()), vm.Int(int64(ta.Port))})
	}
	return vm.NewTuple([]vm.Value{vm.NewStr(ta.IP.String()), vm.Int(int64(ta.Port)), vm.Int(0), vm.Int(0)})
}

// OSErrorFromGo converts a Go I/O error to OSError(errno, strerror), which
// picks CPython's subclass (ConnectionResetError, BrokenPipeError, ...).
func OSErrorFromGo(th *vm.Thread, err error) error {
	if e, ok := err.(*vm.Exception); ok {
		return e
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return NewOSError(th, int64(errno), capitalize(errno.Error()))
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return vm.NewException(vm.TimeoutErrorType, vm.NewStr("timed out"))
	}
	return vm.NewException(vm.OSErrorType, vm.NewStr(err.Error()))
}

// NewOSError is OSError(errno, msg).
func NewOSError(th *vm.Thread, errno int64, msg string) error {
	r, err := th.Call(vm.ObjectValue(vm.OSErrorType), []vm.Value{vm.Int(errno), vm.NewStr(msg)}, nil)
	if err != nil {
		return err
	}
	if e, ok := r.Object().(*vm.Exception); ok {
		return e
	}
	return vm.NewError(vm.OSErrorType, "[Errno %s] %s", strconv.FormatInt(errno, 10), msg)
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
