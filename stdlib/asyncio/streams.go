package asyncio

import (
	"io"
	"os"
	"strconv"
	"syscall"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// Streams and subprocesses: the Go side is the _pya_io module (transports,
// listeners, child processes: runtime/io*.go), and the asyncio API over it
// (StreamReader, StreamWriter, Server, open_connection, start_server,
// asyncio.subprocess) is pya code (streams_src.go), CPython's logic
// written again. asyncio loads it on first use through its module
// __getattr__, so programs that do no I/O do not pay for it.

func init() {
	vm.RegisterModule("_pya_io", initPyaIO)
	vm.RegisterModule("asyncio.streams", func(th *vm.Thread, m *vm.Module) error {
		return vm.ExecSource(th, m, "<frozen asyncio.streams>", []byte(streamsSource))
	})
	vm.RegisterModule("asyncio.queues", func(th *vm.Thread, m *vm.Module) error {
		return vm.ExecSource(th, m, "<frozen asyncio.queues>", []byte(queuesSource))
	})
	vm.RegisterModule("asyncio.subprocess", func(th *vm.Thread, m *vm.Module) error {
		return vm.ExecSource(th, m, "<frozen asyncio.subprocess>", []byte(subprocessSource))
	})
	methods(runtime.StreamType, map[string]vm.NativeFunc{
		"read":           streamRead,
		"write":          streamWrite,
		"drain":          streamFut("drain", (*runtime.Stream).Drain),
		"closed":         streamFut("closed", (*runtime.Stream).Closed),
		"close":          streamDo("close", (*runtime.Stream).Close),
		"abort":          streamDo("abort", (*runtime.Stream).Abort),
		"write_eof":      streamDo("write_eof", (*runtime.Stream).WriteEOF),
		"is_closing":     streamGet("is_closing", func(s *runtime.Stream) vm.Value { return vm.Bool(s.IsClosing()) }),
		"at_eof":         streamGet("at_eof", func(s *runtime.Stream) vm.Value { return vm.Bool(s.AtEOF()) }),
		"peername":       streamGet("peername", func(s *runtime.Stream) vm.Value { return connAddr(s, true) }),
		"sockname":       streamGet("sockname", func(s *runtime.Stream) vm.Value { return connAddr(s, false) }),
		"pause_reading":  streamDo("pause_reading", (*runtime.Stream).PausePump),
		"resume_reading": streamDo("resume_reading", (*runtime.Stream).ResumePump),
		"pump": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			s, rest, err := streamSelf("pump", args, kw, 1)
			if err != nil {
				return vm.NULL, err
			}
			s.Pump(rest[0])
			return vm.None, nil
		},
		"can_write_eof": streamGet("can_write_eof", func(s *runtime.Stream) vm.Value { return vm.True }),
	})
	methods(runtime.LoopType, map[string]vm.NativeFunc{
		"create_connection": loopStreamsCall("create_connection", "_create_connection"),
		"create_server":     loopStreamsCall("create_server", "_create_server"),
	})
	methods(runtime.ListenerType, map[string]vm.NativeFunc{
		"serve": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			ln, rest, err := selfOf[*runtime.Listener]("serve", runtime.ListenerType, args)
			if err != nil {
				return vm.NULL, err
			}
			a, err := parse("serve", rest, kw, "callback")
			if err != nil {
				return vm.NULL, err
			}
			ln.Serve(a[0])
			return vm.None, nil
		},
		"close": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			ln, _, err := selfOf[*runtime.Listener]("close", runtime.ListenerType, args)
			if err != nil {
				return vm.NULL, err
			}
			ln.Close()
			return vm.None, nil
		},
		"sockname": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			ln, _, err := selfOf[*runtime.Listener]("sockname", runtime.ListenerType, args)
			if err != nil {
				return vm.NULL, err
			}
			return runtime.AddrTuple(ln.Addr()), nil
		},
		"fileno": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			ln, _, err := selfOf[*runtime.Listener]("fileno", runtime.ListenerType, args)
			if err != nil {
				return vm.NULL, err
			}
			return vm.Int(int64(ln.Fileno())), nil
		},
		"family": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			ln, _, err := selfOf[*runtime.Listener]("family", runtime.ListenerType, args)
			if err != nil {
				return vm.NULL, err
			}
			return vm.Int(int64(ln.Family())), nil
		},
	})
	methods(runtime.ProcessType, map[string]vm.NativeFunc{
		"wait": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			p, _, err := selfOf[*runtime.Process]("wait", runtime.ProcessType, args)
			if err != nil {
				return vm.NULL, err
			}
			return p.Wait().Value(), nil
		},
		"signal": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			p, rest, err := selfOf[*runtime.Process]("signal", runtime.ProcessType, args)
			if err != nil {
				return vm.NULL, err
			}
			a, err := parse("signal", rest, kw, "sig")
			if err != nil {
				return vm.NULL, err
			}
			n, err := toInt(a[0])
			if err != nil {
				return vm.NULL, err
			}
			return vm.None, p.Signal(syscall.Signal(n))
		},
	})
	runtime.ProcessType.AddGetters(map[string]func(th *vm.Thread, v vm.Value) (vm.Value, error){
		"pid": func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return vm.Int(int64(v.Object().(*runtime.Process).Pid())), nil
		},
		"returncode": func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return v.Object().(*runtime.Process).Returncode(), nil
		},
		"stdin": func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return streamOrNone(v.Object().(*runtime.Process).Stdin), nil
		},
		"stdout": func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return streamOrNone(v.Object().(*runtime.Process).Stdout), nil
		},
		"stderr": func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return streamOrNone(v.Object().(*runtime.Process).Stderr), nil
		},
	})
}

// loopStreamsCall is a loop method written in asyncio.streams as
// fn(loop, *args, **kwargs).
func loopStreamsCall(name, fn string) vm.NativeFunc {
	return loopModuleCall("asyncio.streams", name, fn)
}

// loopModuleCall is a loop method written in the pya-source module mod as
// fn(loop, *args, **kwargs).
func loopModuleCall(mod, name, fn string) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		if _, _, err := loopOf(name, args); err != nil {
			return vm.NULL, err
		}
		if _, err := th.Import(mod, nil, vm.NULL, 0); err != nil {
			return vm.NULL, err
		}
		m, ok := th.Interp.Modules().GetStr(mod)
		if !ok {
			return vm.NULL, vm.NewError(vm.ImportErrorType, "no module named '%s'", mod)
		}
		f, err := vm.GetAttr(th, m, fn)
		if err != nil {
			return vm.NULL, err
		}
		return th.Call(f, args, kw)
	}
}

func streamOrNone(s *runtime.Stream) vm.Value {
	if s == nil {
		return vm.None
	}
	return vm.ObjectValue(s)
}

func connAddr(s *runtime.Stream, peer bool) vm.Value {
	c := s.Conn()
	if c == nil {
		return vm.None
	}
	if peer {
		return runtime.AddrTuple(c.RemoteAddr())
	}
	return runtime.AddrTuple(c.LocalAddr())
}

func streamSelf(name string, args []vm.Value, kw []string, n int) (*runtime.Stream, []vm.Value, error) {
	s, rest, err := selfOf[*runtime.Stream](name, runtime.StreamType, args)
	if err != nil {
		return nil, nil, err
	}
	if len(kw) > 0 || len(rest) != n {
		return nil, nil, vm.NewError(vm.TypeErrorType, "%s() takes %d positional arguments", name, n)
	}
	return s, rest, nil
}

func streamFut(name string, f func(*runtime.Stream) *runtime.Future) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		s, _, err := streamSelf(name, args, kw, 0)
		if err != nil {
			return vm.NULL, err
		}
		return f(s).Value(), nil
	}
}

func streamDo(name string, f func(*runtime.Stream)) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		s, _, err := streamSelf(name, args, kw, 0)
		if err != nil {
			return vm.NULL, err
		}
		f(s)
		return vm.None, nil
	}
}

func streamGet(name string, f func(*runtime.Stream) vm.Value) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		s, _, err := streamSelf(name, args, kw, 0)
		if err != nil {
			return vm.NULL, err
		}
		return f(s), nil
	}
}

// streamRead is transport.read(n): a future of at most n bytes (-1: what
// arrives next).
func streamRead(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	s, rest, err := streamSelf("read", args, kw, 1)
	if err != nil {
		return vm.NULL, err
	}
	n, err := toInt(rest[0])
	if err != nil {
		return vm.NULL, err
	}
	return s.Read(int(n)).Value(), nil
}

// streamWrite is transport.write(data) for bytes-like data.
func streamWrite(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	s, rest, err := streamSelf("write", args, kw, 1)
	if err != nil {
		return vm.NULL, err
	}
	b, ok := rest[0].Object().(*vm.Bytes)
	if !ok {
		if mv := rest[0].Type().Name; mv == "memoryview" {
			r, err := vm.GetAttr(th, rest[0], "tobytes")
			if err == nil {
				if r, err = th.Call(r, nil, nil); err == nil {
					b, ok = r.Object().(*vm.Bytes)
				}
			}
		}
		if !ok {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "data argument must be a bytes-like object, not '%s'", rest[0].Type().Name)
		}
	}
	return vm.None, s.Write(b.B)
}

// blocked reports whether the embedder's sandbox removed the modules that
// reach outside the interpreter (pya.Options.Sandbox sets them to None in
// sys.modules): sockets and processes through asyncio must not reopen
// that door.
func blocked(th *vm.Thread, names ...string) bool {
	if th.Interp == nil {
		return false
	}
	for _, n := range names {
		if v, ok := th.Interp.Modules().GetStr(n); ok && v.IsNone() {
			return true
		}
	}
	return false
}

func initPyaIO(th *vm.Thread, m *vm.Module) error {
	if blocked(th, "socket", "subprocess") {
		return vm.NewError(vm.ModuleNotFoundErrorType, "import of _pya_io halted; None in sys.modules")
	}
	d := m.Dict
	for name, fn := range map[string]vm.NativeFunc{
		"connect": ioConnect,
		"listen":  ioListen,
		"spawn":   ioSpawn,
		"connect_unix": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			l, p, err := unixPathCall(th, "connect_unix", args, kw)
			if err != nil {
				return vm.NULL, err
			}
			return l.ConnectUnix(p).Value(), nil
		},
		"listen_unix": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			l, p, err := unixPathCall(th, "listen_unix", args, kw)
			if err != nil {
				return vm.NULL, err
			}
			ln, err := l.ListenUnix(p)
			if err != nil {
				return vm.NULL, err
			}
			return vm.ObjectValue(ln), nil
		},
	} {
		d.SetStr(name, vm.NewBuiltin(name, fn))
	}
	d.SetStr("Transport", vm.ObjectValue(runtime.StreamType))
	return nil
}

// unixPathCall parses the (path) argument of the native named name and
// returns it with the running loop.
func unixPathCall(th *vm.Thread, name string, args []vm.Value, kw []string) (*runtime.Loop, string, error) {
	a, err := parse(name, args, kw, "path")
	if err != nil {
		return nil, "", err
	}
	p, err := pathArg(th, a[0])
	if err != nil {
		return nil, "", err
	}
	l, err := runtime.GetRunningLoop(th)
	return l, p, err
}

// ioNames are asyncio's names defined by its streams and subprocess
// modules, loaded on first use.
var ioNames = map[string]string{
	"open_connection":         "asyncio.streams",
	"start_server":            "asyncio.streams",
	"StreamReader":            "asyncio.streams",
	"StreamWriter":            "asyncio.streams",
	"Server":                  "asyncio.streams",
	"BaseProtocol":            "asyncio.streams",
	"Protocol":                "asyncio.streams",
	"open_unix_connection":    "asyncio.streams",
	"start_unix_server":       "asyncio.streams",
	"create_subprocess_exec":  "asyncio.subprocess",
	"create_subprocess_shell": "asyncio.subprocess",
}

// installIO makes asyncio a package and gives it a module __getattr__ that imports asyncio.streams
// or asyncio.subprocess when one of their names is first looked up.
func installIO(m *vm.Module) {
	m.Dict.SetStr("__path__", vm.NewList(nil)) // a package: import asyncio.subprocess
	m.Dict.SetStr("__getattr__", vm.NewBuiltin("__getattr__", func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
		a, err := parse("__getattr__", args, kw, "name")
		if err != nil {
			return vm.NULL, err
		}
		name := ""
		if s := vm.AsStr(a[0]); s != nil {
			name = s.String()
		}
		mod, ok := ioNames[name]
		if name == "streams" || name == "subprocess" {
			mod, ok = "asyncio."+name, true
		}
		if !ok {
			return vm.NULL, vm.NewError(vm.AttributeErrorType, "module 'asyncio' has no attribute '%s'", name)
		}
		if _, err := th.Import(mod, m.Dict, vm.NULL, 0); err != nil {
			return vm.NULL, err
		}
		sm, ok := th.Interp.Modules().GetStr(mod)
		if !ok {
			return vm.NULL, vm.NewError(vm.ImportErrorType, "no module named '%s'", mod)
		}
		if name == "streams" || name == "subprocess" {
			return sm, nil
		}
		v, err := vm.GetAttr(th, sm, name)
		if err != nil {
			return vm.NULL, err
		}
		m.Dict.SetStr(name, v)
		return v, nil
	}))
}

// hostPort converts (host, port) arguments: None host is all interfaces
// for listen, localhost for connect.
func hostPort(th *vm.Thread, fname string, h, p vm.Value, def string) (string, int, error) {
	host := def
	if !h.IsNone() && !h.IsNull() {
		s := vm.AsStr(h)
		if s == nil {
			return "", 0, vm.NewError(vm.TypeErrorType, "%s(): host must be str, not %s", fname, h.Type().Name)
		}
		host = s.String()
	}
	port := 0
	if !p.IsNone() && !p.IsNull() {
		if s := vm.AsStr(p); s != nil {
			n, err := strconv.Atoi(s.String())
			if err != nil {
				return "", 0, vm.NewError(vm.OSErrorType, "Servname not supported for ai_socktype")
			}
			port = n
		} else {
			n, err := toInt(p)
			if err != nil {
				return "", 0, err
			}
			port = int(n)
		}
	}
	return host, port, nil
}

func ioConnect(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("connect", args, kw, "host", "port")
	if err != nil {
		return vm.NULL, err
	}
	host, port, err := hostPort(th, "open_connection", a[0], a[1], "localhost")
	if err != nil {
		return vm.NULL, err
	}
	l, err := runtime.GetRunningLoop(th)
	if err != nil {
		return vm.NULL, err
	}
	return l.Connect(host, port).Value(), nil
}

func ioListen(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("listen", args, kw, "host", "port")
	if err != nil {
		return vm.NULL, err
	}
	host, port, err := hostPort(th, "start_server", a[0], a[1], "")
	if err != nil {
		return vm.NULL, err
	}
	l, err := runtime.GetRunningLoop(th)
	if err != nil {
		return vm.NULL, err
	}
	ln, err := l.Listen(host, port)
	if err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(ln), nil
}

// ioSpawn is spawn(argv, stdin, stdout, stderr, cwd, env).
func ioSpawn(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("spawn", args, kw, "argv", "stdin", "stdout", "stderr", "cwd", "env")
	if err != nil {
		return vm.NULL, err
	}
	var argv []string
	if err := vm.Iterate(th, a[0], func(v vm.Value) error {
		s, err := pathArg(th, v)
		argv = append(argv, s)
		return err
	}); err != nil {
		return vm.NULL, err
	}
	if len(argv) == 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "empty command")
	}
	var stdio [3]int
	for i := range stdio {
		if a[1+i].IsNone() {
			continue
		}
		n, err := toInt(a[1+i])
		if err != nil {
			return vm.NULL, err
		}
		stdio[i] = int(n)
	}
	dir := ""
	if !a[4].IsNone() {
		if dir, err = pathArg(th, a[4]); err != nil {
			return vm.NULL, err
		}
	}
	var env []string
	if !a[5].IsNone() {
		d, ok := a[5].Object().(*vm.Dict)
		if !ok {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "env must be a dict")
		}
		var ferr error
		d.Items(func(k, v vm.Value) bool {
			ks, err := vm.ToStr(th, k)
			if err != nil {
				ferr = err
				return false
			}
			vs, err := vm.ToStr(th, v)
			if err != nil {
				ferr = err
				return false
			}
			env = append(env, ks+"="+vs)
			return true
		})
		if ferr != nil {
			return vm.NULL, ferr
		}
	}
	l, err := runtime.GetRunningLoop(th)
	if err != nil {
		return vm.NULL, err
	}
	in, out, errw := io.Reader(os.Stdin), io.Writer(os.Stdout), io.Writer(os.Stderr)
	if th.Interp != nil {
		cfg := th.Interp.Config()
		if cfg.Stdin != nil {
			in = cfg.Stdin
		}
		if cfg.Stdout != nil {
			out = cfg.Stdout
		}
		if cfg.Stderr != nil {
			errw = cfg.Stderr
		}
	}
	p, err := l.Spawn(argv, stdio[0], stdio[1], stdio[2], dir, env, in, out, errw)
	if err != nil {
		return vm.NULL, err
	}
	return vm.ObjectValue(p), nil
}

func pathArg(th *vm.Thread, v vm.Value) (string, error) {
	if s := vm.AsStr(v); s != nil {
		return s.String(), nil
	}
	if b, ok := v.Object().(*vm.Bytes); ok {
		return string(b.B), nil
	}
	return vm.ToStr(th, v)
}
