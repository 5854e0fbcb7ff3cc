package runtime

import (
	"context"
	"errors"
	"net"
	"strconv"
	"syscall"

	"github.com/pya-lang/pya/vm"
)

// Connect is the socket part of asyncio.open_connection: a future of a
// Stream connected to host:port. Cancelling it cancels the dial.
func (l *Loop) Connect(host string, port int) *Future {
	return l.dial("tcp", host, port, net.JoinHostPort(host, strconv.Itoa(port)))
}

// ConnectUnix is open_unix_connection's socket part.
func (l *Loop) ConnectUnix(path string) *Future { return l.dial("unix", path, 0, path) }

func (l *Loop) dial(network, host string, port int, addr string) *Future {
	ctx, cancel := context.WithCancel(context.Background())
	if network == "tcp" {
		addr = l.env.ResolveAddr(addr)
	}
	work := func() (any, error) {
		var d net.Dialer
		c, err := d.DialContext(ctx, network, addr)
		cancel()
		return c, err
	}
	conv := func(th *vm.Thread, r any, err error) (vm.Value, error) {
		if err != nil {
			if network == "unix" {
				return vm.NULL, OSErrorFromGo(th, err)
			}
			return vm.NULL, connectError(th, host, port, err)
		}
		c := r.(net.Conn)
		return vm.ObjectValue(NewStream(l, c, c, c)), nil
	}
	orphan := func(r any, err error) {
		if c, ok := r.(net.Conn); ok && c != nil {
			c.Close()
		}
	}
	return l.StartIO("open_connection()", work, conv, cancel, orphan)
}

// connectError is CPython's error for a failed connect:
// "[Errno 111] Connect call failed ('127.0.0.1', 1)".
func connectError(th *vm.Thread, host string, port int, err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		var oe *net.OpError
		h := host
		if errors.As(err, &oe) {
			if ta, ok := oe.Addr.(*net.TCPAddr); ok {
				h = ta.IP.String()
			}
		}
		return NewOSError(th, int64(errno), "Connect call failed ('"+h+"', "+strconv.Itoa(port)+")")
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return NewOSError(th, -2, "Name or service not known")
	}
	return OSErrorFromGo(th, err)
}

// ListenerType is the Python type of a Listener.
var ListenerType = newType("Listener", "_pya_io", nil)

// Listener is a listening TCP socket (the socket of an asyncio.Server).
type Listener struct {
	loop    *Loop
	ln      net.Listener
	serveFn vm.Value // Serve's callback
}

func (*Listener) Type() *vm.Type { return ListenerType }

// ListenUnix binds a Unix socket at path.
func (l *Loop) ListenUnix(path string) (*Listener, error) {
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, OSErrorFromGo(l.th, err)
	}
	return l.newListener(ln), nil
}

func (l *Loop) newListener(ln net.Listener) *Listener {
	r := &Listener{loop: l, ln: ln}
	l.track(r)
	return r
}

// Listen binds host:port (port 0 picks a free port).
func (l *Loop) Listen(host string, port int) (*Listener, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		var errno syscall.Errno
		if errors.As(err, &errno) {
			return nil, NewOSError(l.th, int64(errno), "error while attempting to bind on address ('"+host+"', "+strconv.Itoa(port)+"): "+errno.Error())
		}
		return nil, OSErrorFromGo(l.th, err)
	}
	return l.newListener(ln), nil
}

// Addr returns the bound address.
func (ln *Listener) Addr() net.Addr { return ln.ln.Addr() }

// Accept returns a future of the next connection's Stream, or None once
// the listener is closed.
func (ln *Listener) Accept() *Future {
	l := ln.loop
	work := func() (any, error) { return ln.ln.Accept() }
	conv := func(th *vm.Thread, r any, err error) (vm.Value, error) {
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return vm.None, nil
			}
			return vm.NULL, OSErrorFromGo(th, err)
		}
		c := r.(net.Conn)
		return vm.ObjectValue(NewStream(l, c, c, c)), nil
	}
	orphan := func(r any, err error) {
		if c, ok := r.(net.Conn); ok && c != nil {
			c.Close()
		}
	}
	return l.StartIO("Server.accept()", work, conv, func() { ln.ln.Close() }, orphan)
}

// Close stops listening; a pending Accept completes with None.
func (ln *Listener) Close() {
	ln.loop.untrack(ln)
	ln.ln.Close()
}

// Serve accepts connections until the listener is closed, calling
// fn(transport) on the loop for each, as a server's protocol factory runs:
// no task is created for the accepting itself.
func (ln *Listener) Serve(fn vm.Value) {
	ln.serveFn = fn
	ln.Accept().AddDoneCallback(serveAccepted, ln)
}

func serveAccepted(arg any, v vm.Value) error {
	ln := arg.(*Listener)
	f := asFuture(v)
	if f.Cancelled() {
		return nil
	}
	t, err := f.Result()
	if err != nil {
		return err
	}
	if t.IsNone() {
		return nil
	}
	ln.Accept().AddDoneCallback(serveAccepted, ln)
	_, err = ln.loop.th.Call(ln.serveFn, []vm.Value{t}, nil)
	return err
}

// Fileno is the listening socket's file descriptor (-1 once closed), for
// TransportSocket.fileno() and its repr.
func (ln *Listener) Fileno() int {
	sc, ok := ln.ln.(syscall.Conn)
	if !ok {
		return -1
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return -1
	}
	fd := -1
	if rc.Control(func(f uintptr) { fd = int(f) }) != nil {
		return -1
	}
	return fd
}

// Family is the socket's address family: AF_INET, AF_INET6 or AF_UNIX.
func (ln *Listener) Family() int {
	switch a := ln.ln.Addr().(type) {
	case *net.TCPAddr:
		if a.IP.To4() == nil {
			return syscall.AF_INET6
		}
		return syscall.AF_INET
	}
	return syscall.AF_UNIX
}
