package runtime

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"syscall"

	"github.com/pya-lang/pya/vm"
)

// Stdio choices of create_subprocess_* (asyncio.subprocess.PIPE, STDOUT,
// DEVNULL; -0 stands for None: inherit).
const (
	StdioInherit = 0
	StdioPipe    = -1
	StdioStdout  = -2
	StdioDevnull = -3
)

// ProcessType is the Python type of a Process handle.
var ProcessType = newType("ProcessHandle", "_pya_io", nil)

// Process is a child process with its pipes as Streams. The pipes are
// made here (not by exec.Cmd) so that waiting for the child does not
// close them: what it wrote stays readable after wait(), as in CPython.
type Process struct {
	loop                  *Loop
	cmd                   *exec.Cmd
	Stdin, Stdout, Stderr *Stream
	waitF                 *Future   // the one wait of the child (never cancelled)
	waiters               []*Future // wait() calls waiting for it
	returncode            vm.Value
}

func (*Process) Type() *vm.Type { return ProcessType }

// Spawn starts argv (argv[0] looked up in PATH) with the given stdio
// choices. An inherited stream is the interpreter's: passed as is when it
// is a file, copied under the GIL when it is another writer; an input that
// is not a file (an embedder's reader) is not shared: the child reads
// /dev/null.
func (l *Loop) Spawn(argv []string, stdin, stdout, stderr int, dir string, env []string, parentIn io.Reader, parentOut, parentErr io.Writer) (*Process, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = env
	p := &Process{loop: l, cmd: cmd, returncode: vm.None}
	var childEnds []*os.File
	closeAll := func() {
		for _, f := range childEnds {
			f.Close()
		}
	}
	var devnull *os.File
	nullFile := func() (*os.File, error) {
		if devnull == nil {
			f, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
			if err != nil {
				return nil, err
			}
			devnull = f
			childEnds = append(childEnds, f)
		}
		return devnull, nil
	}
	switch stdin {
	case StdioPipe:
		r, w, err := os.Pipe()
		if err != nil {
			return nil, OSErrorFromGo(l.th, err)
		}
		childEnds = append(childEnds, r)
		cmd.Stdin = r
		p.Stdin = NewStream(l, nil, w, w)
	default:
		if f, ok := parentIn.(*os.File); ok && stdin != StdioDevnull {
			cmd.Stdin = f
			break
		}
		f, err := nullFile()
		if err != nil {
			closeAll()
			return nil, OSErrorFromGo(l.th, err)
		}
		cmd.Stdin = f
	}
	var outW *os.File
	for i, choice := range []int{stdout, stderr} {
		var target *io.Writer = &cmd.Stdout
		parent := parentOut
		if i == 1 {
			target, parent = &cmd.Stderr, parentErr
		}
		switch choice {
		case StdioPipe:
			r, w, err := os.Pipe()
			if err != nil {
				closeAll()
				return nil, OSErrorFromGo(l.th, err)
			}
			childEnds = append(childEnds, w)
			*target = w
			s := NewStream(l, r, nil, r)
			if i == 0 {
				outW = w
				p.Stdout = s
			} else {
				p.Stderr = s
			}
		case StdioStdout:
			if outW != nil {
				*target = outW
			} else {
				*target = cmd.Stdout
			}
		case StdioDevnull:
			f, err := nullFile()
			if err != nil {
				closeAll()
				return nil, OSErrorFromGo(l.th, err)
			}
			*target = f
		default:
			if _, ok := parent.(*os.File); ok || parent == nil {
				*target = parent
			} else {
				// exec copies the child's output on its own goroutine:
				// the interpreter's writer is VM state.
				*target = &gilWriter{gil: &l.env.GIL, w: parent}
			}
		}
	}
	if err := cmd.Start(); err != nil {
		closeAll()
		for _, s := range []*Stream{p.Stdin, p.Stdout, p.Stderr} {
			if s != nil {
				s.closer.Close()
			}
		}
		var ee *exec.Error
		if errors.As(err, &ee) {
			return nil, fileNotFound(l.th, argv[0], ee.Err)
		}
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, fileNotFound(l.th, argv[0], pe.Err)
		}
		return nil, OSErrorFromGo(l.th, err)
	}
	closeAll()
	return p, nil
}

// fileNotFound is "[Errno 2] No such file or directory: 'x'".
func fileNotFound(th *vm.Thread, name string, err error) error {
	var errno syscall.Errno = syscall.ENOENT
	errors.As(err, &errno)
	e := NewOSError(th, int64(errno), capitalize(errno.Error()))
	if ex, ok := e.(*vm.Exception); ok {
		r, _ := th.Call(vm.ObjectValue(vm.OSErrorType), []vm.Value{vm.Int(int64(errno)), vm.NewStr(capitalize(errno.Error())), vm.NewStr(name)}, nil)
		if x, ok := r.Object().(*vm.Exception); ok {
			return x
		}
		return ex
	}
	return e
}

// Pid is the child's process id.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Returncode is None while the child runs, then its exit status
// (-N when killed by signal N).
func (p *Process) Returncode() vm.Value { return p.returncode }

// Wait returns a future of the exit status. The wait itself runs once, on
// a future of its own, so that cancelling one wait() (a wait_for timeout)
// neither loses the status nor breaks the next wait().
func (p *Process) Wait() *Future {
	if !p.returncode.IsNone() {
		return DoneFuture(p.loop, p.returncode, nil)
	}
	if p.waitF == nil {
		p.startWait()
	}
	w := newWaiter(p.loop, "Process.wait()")
	p.waiters = append(p.waiters, w)
	return w
}

func (p *Process) startWait() {
	work := func() (any, error) {
		err := p.cmd.Wait()
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			return nil, err
		}
		ws := p.cmd.ProcessState.Sys().(syscall.WaitStatus)
		if ws.Signaled() {
			return -int64(ws.Signal()), nil
		}
		return int64(ws.ExitStatus()), nil
	}
	conv := func(th *vm.Thread, r any, err error) (vm.Value, error) {
		if err != nil {
			return vm.NULL, OSErrorFromGo(th, err)
		}
		p.returncode = vm.Int(r.(int64))
		return p.returncode, nil
	}
	p.waitF = p.loop.StartIO("Process.wait()", work, conv, nil, nil)
	p.waitF.AddDoneCallback(processWaited, p)
}

// processWaited hands the exit status to every wait() still waiting.
func processWaited(arg any, _ vm.Value) error {
	p := arg.(*Process)
	r, err := p.waitF.Result()
	for _, w := range p.waiters {
		if w.Done() {
			continue
		}
		if err != nil {
			w.SetException(asException(err))
		} else {
			w.SetResult(r)
		}
	}
	p.waiters = nil
	return nil
}

// Signal sends sig to the child; ProcessLookupError() once it was waited for.
func (p *Process) Signal(sig syscall.Signal) error {
	if !p.returncode.IsNone() {
		return vm.NewException(vm.ProcessLookupErrorType) // _check_proc
	}
	if err := p.cmd.Process.Signal(sig); err != nil {
		if errors.Is(err, os.ErrProcessDone) {
			return vm.NewException(vm.ProcessLookupErrorType)
		}
		return OSErrorFromGo(p.loop.th, err)
	}
	return nil
}

// gilWriter writes to w holding the GIL (w is the interpreter's stdout or
// stderr, which pya code writes to as well).
type gilWriter struct {
	gil *GIL
	w   io.Writer
}

func (g *gilWriter) Write(b []byte) (int, error) {
	g.gil.Acquire()
	defer g.gil.Release()
	return g.w.Write(b)
}
