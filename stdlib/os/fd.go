package os

import (
	"syscall"
	"unsafe"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/stdlib/internal/structseq"
	"github.com/pya-lang/pya/stdlib/signal"
	"github.com/pya-lang/pya/vm"
)

// The low-level POSIX calls scripts and pure-Python modules (tempfile,
// shutil, glob) use: file descriptors, access checks, permissions,
// signals to processes and the terminal size.

// TerminalSizeType is os.terminal_size.
var TerminalSizeType = structseq.NewType("terminal_size", "os", []string{"columns", "lines"}, 2)

// fdFuncs are os's descriptor-level functions.
var fdFuncs = map[string]vm.NativeFunc{
	"open":              osOpen,
	"close":             osClose,
	"read":              osRead,
	"write":             osWrite,
	"lseek":             osLseek,
	"access":            osAccess,
	"chmod":             osChmod,
	"umask":             osUmask,
	"kill":              osKill,
	"isatty":            osIsatty,
	"strerror":          osStrerror,
	"get_terminal_size": osGetTerminalSize,
	"getuid":            intFn("getuid", syscall.Getuid),
	"geteuid":           intFn("geteuid", syscall.Geteuid),
	"getgid":            intFn("getgid", syscall.Getgid),
	"getegid":           intFn("getegid", syscall.Getegid),
}

// fdConstants are the flag and mode constants of Linux.
var fdConstants = map[string]int64{
	"O_RDONLY": syscall.O_RDONLY, "O_WRONLY": syscall.O_WRONLY, "O_RDWR": syscall.O_RDWR,
	"O_APPEND": syscall.O_APPEND, "O_CREAT": syscall.O_CREAT, "O_EXCL": syscall.O_EXCL,
	"O_TRUNC": syscall.O_TRUNC, "O_NONBLOCK": syscall.O_NONBLOCK, "O_NOFOLLOW": syscall.O_NOFOLLOW,
	"O_CLOEXEC": syscall.O_CLOEXEC, "O_DIRECTORY": syscall.O_DIRECTORY, "O_SYNC": syscall.O_SYNC,
	"O_NOCTTY": syscall.O_NOCTTY, "O_ACCMODE": syscall.O_ACCMODE,
	"F_OK": 0, "R_OK": 4, "W_OK": 2, "X_OK": 1,
	"SEEK_SET": 0, "SEEK_CUR": 1, "SEEK_END": 2,
	"EX_OK": 0, "TMP_MAX": 238328,
	"WNOHANG": 1,
}

func intFn(name string, fn func() int) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		if err := pyarg.NoArgs(name, args, kwnames); err != nil {
			return vm.NULL, err
		}
		return vm.Int(int64(fn())), nil
	}
}

// intArgs reads n int arguments (after the ones ParsePy bound).
func intArgs(th *vm.Thread, vals ...vm.Value) ([]int64, error) {
	out := make([]int64, len(vals))
	for i, v := range vals {
		n, err := pyarg.Int(th, v)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

func osOpen(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var path, flags, mode, dirFd vm.Value
	if err := vm.ParseArgs("open", args, kwnames, []string{"path", "flags", "mode?", "$dir_fd?"}, &path, &flags, &mode, &dirFd); err != nil {
		return vm.NULL, err
	}
	p, err := pathArg("open", path)
	if err != nil {
		return vm.NULL, err
	}
	if mode.IsNull() {
		mode = vm.Int(0o777)
	}
	n, err := intArgs(th, flags, mode)
	if err != nil {
		return vm.NULL, err
	}
	fd, err := syscall.Open(p, int(n[0])|syscall.O_CLOEXEC, uint32(n[1]))
	if err != nil {
		return vm.NULL, vm.OSErrorFor(err, p)
	}
	return vm.Int(int64(fd)), nil
}

func fdArg(th *vm.Thread, fname string, args []vm.Value, kwnames []string, n int) ([]int64, error) {
	if err := pyarg.Exactly(fname, args, kwnames, n); err != nil {
		return nil, err
	}
	return intArgs(th, args...)
}

func osClose(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	n, err := fdArg(th, "close", args, kwnames, 1)
	if err != nil {
		return vm.NULL, err
	}
	if err := syscall.Close(int(n[0])); err != nil {
		return vm.NULL, vm.OSErrorFor(err, "")
	}
	return vm.None, nil
}

func osRead(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	n, err := fdArg(th, "read", args, kwnames, 2)
	if err != nil {
		return vm.NULL, err
	}
	if n[1] < 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "negative count")
	}
	buf := make([]byte, n[1])
	got, err := syscall.Read(int(n[0]), buf)
	if err != nil {
		return vm.NULL, vm.OSErrorFor(err, "")
	}
	return vm.NewBytes(buf[:got]), nil
}

func osWrite(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("write", args, kwnames, 2); err != nil {
		return vm.NULL, err
	}
	fd, err := pyarg.Int(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	b, ok := args[1].Object().(*vm.Bytes)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "a bytes-like object is required, not '%s'", args[1].Type().Name)
	}
	data := b.B
	got, err := syscall.Write(int(fd), data)
	if err != nil {
		return vm.NULL, vm.OSErrorFor(err, "")
	}
	return vm.Int(int64(got)), nil
}

func osLseek(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	n, err := fdArg(th, "lseek", args, kwnames, 3)
	if err != nil {
		return vm.NULL, err
	}
	off, err := syscall.Seek(int(n[0]), n[1], int(n[2]))
	if err != nil {
		return vm.NULL, vm.OSErrorFor(err, "")
	}
	return vm.Int(off), nil
}

func osAccess(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var path, mode, dirFd, effective, follow vm.Value
	if err := vm.ParseArgs("access", args, kwnames, []string{"path", "mode", "$dir_fd?", "effective_ids?", "follow_symlinks?"}, &path, &mode, &dirFd, &effective, &follow); err != nil {
		return vm.NULL, err
	}
	p, err := pathArg("access", path)
	if err != nil {
		return vm.NULL, err
	}
	m, err := pyarg.Int(th, mode)
	if err != nil {
		return vm.NULL, err
	}
	return vm.Bool(syscall.Access(p, uint32(m)) == nil), nil
}

func osChmod(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var path, mode, dirFd, follow vm.Value
	if err := vm.ParseArgs("chmod", args, kwnames, []string{"path", "mode", "$dir_fd?", "follow_symlinks?"}, &path, &mode, &dirFd, &follow); err != nil {
		return vm.NULL, err
	}
	p, err := pathArg("chmod", path)
	if err != nil {
		return vm.NULL, err
	}
	m, err := pyarg.Int(th, mode)
	if err != nil {
		return vm.NULL, err
	}
	if err := syscall.Chmod(p, uint32(m)); err != nil {
		return vm.NULL, vm.OSErrorFor(err, p)
	}
	return vm.None, nil
}

func osUmask(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	n, err := fdArg(th, "umask", args, kwnames, 1)
	if err != nil {
		return vm.NULL, err
	}
	return vm.Int(int64(syscall.Umask(int(n[0])))), nil
}

func osKill(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	n, err := fdArg(th, "kill", args, kwnames, 2)
	if err != nil {
		return vm.NULL, err
	}
	if int(n[0]) == syscall.Getpid() && n[1] > 0 && n[1] < 65 {
		// A signal to this process: its Python handler runs now, on this
		// thread, as CPython runs it when kill() returns.
		if handled, err := signal.DeliverToSelf(th, int(n[1])); handled || err != nil {
			return vm.None, err
		}
	}
	if err := syscall.Kill(int(n[0]), syscall.Signal(n[1])); err != nil {
		return vm.NULL, vm.OSErrorFor(err, "")
	}
	return vm.None, nil
}

func osStrerror(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	n, err := fdArg(th, "strerror", args, kwnames, 1)
	if err != nil {
		return vm.NULL, err
	}
	return vm.NewStr(vm.ErrnoMessage(syscall.Errno(n[0]))), nil
}

// winsize is struct winsize of TIOCGWINSZ.
type winsize struct{ Row, Col, X, Y uint16 }

func ioctlWinsize(fd int) (winsize, error) {
	var ws winsize
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(syscall.TIOCGWINSZ), uintptr(unsafe.Pointer(&ws)))
	if e != 0 {
		return ws, e
	}
	return ws, nil
}

func osIsatty(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	n, err := fdArg(th, "isatty", args, kwnames, 1)
	if err != nil {
		return vm.NULL, err
	}
	var t syscall.Termios
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(n[0]), uintptr(syscall.TCGETS), uintptr(unsafe.Pointer(&t)))
	return vm.Bool(e == 0), nil
}

func osGetTerminalSize(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Range("get_terminal_size", args, kwnames, 0, 1); err != nil {
		return vm.NULL, err
	}
	fd := int64(1)
	if len(args) == 1 {
		var err error
		if fd, err = pyarg.Int(th, args[0]); err != nil {
			return vm.NULL, err
		}
	}
	ws, err := ioctlWinsize(int(fd))
	if err != nil {
		return vm.NULL, vm.OSErrorFor(err, "")
	}
	return structseq.New(TerminalSizeType, []vm.Value{vm.Int(int64(ws.Col)), vm.Int(int64(ws.Row))}), nil
}
