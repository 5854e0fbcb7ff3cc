// Package signal is _signal, the native part of pya's signal module
// (stdlib/pymod/signal.py wraps it with the Signals/Handlers enums as
// CPython's signal.py wraps its _signal). A Python handler installed with
// signal() receives the process's signal on the main thread: the signal is
// recorded (vm.Interpreter.PostSignal), the eval loop runs the handler at
// its next poll point, and an idle asyncio loop is woken to run it.
package signal

import (
	"os"
	ossignal "os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// nsig is NSIG of Linux: signals are 1..64.
const nsig = 65

// state is one interpreter's handlers.
type state struct {
	mu       sync.Mutex
	handlers map[int]vm.Value       // installed handlers; absent: SIG_DFL (SIGINT: default_int_handler)
	chans    map[int]chan os.Signal // per signal with a Python handler: receives it
	alarm    *time.Timer
	alarmAt  time.Time
	wakeupFd int64
}

var (
	statesMu sync.Mutex
	states   = map[*vm.Interpreter]*state{}
)

func stateOf(in *vm.Interpreter) *state {
	statesMu.Lock()
	defer statesMu.Unlock()
	s := states[in]
	if s == nil {
		s = &state{handlers: map[int]vm.Value{}, chans: map[int]chan os.Signal{}, wakeupFd: -1}
		states[in] = s
	}
	return s
}

// defaultIntHandler is signal.default_int_handler.
var defaultIntHandler = vm.NewBuiltin("default_int_handler", func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	return vm.NULL, vm.NewException(vm.KeyboardInterruptType)
})

func init() {
	vm.SignalDispatch = dispatch
	vm.RegisterModule("_signal", initModule)
}

func initModule(th *vm.Thread, m *vm.Module) error {
	d := m.Dict
	pyarg.Funcs(d, map[string]vm.NativeFunc{
		"signal":        signalFn,
		"getsignal":     getsignal,
		"raise_signal":  raiseSignal,
		"strsignal":     strsignal,
		"alarm":         alarm,
		"set_wakeup_fd": setWakeupFd,
		"siginterrupt": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
			if err := pyarg.Exactly("siginterrupt", args, kwnames, 2); err != nil {
				return vm.NULL, err
			}
			_, err := signumArg(th, args[0])
			return vm.None, err
		},
		"pause": func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
			return vm.NULL, vm.NewError(vm.NotImplementedErrorType, "signal.pause() is not supported by pya")
		},
	})
	d.SetStr("default_int_handler", defaultIntHandler)
	d.SetStr("NSIG", vm.Int(nsig))
	d.SetStr("SIG_DFL", vm.Int(0))
	d.SetStr("SIG_IGN", vm.Int(1))
	d.SetStr("SIG_BLOCK", vm.Int(0))
	d.SetStr("SIG_UNBLOCK", vm.Int(1))
	d.SetStr("SIG_SETMASK", vm.Int(2))
	for name, n := range signalNumbers {
		d.SetStr(name, vm.Int(int64(n)))
	}
	return nil
}

// signalNumbers are Linux's signal names and numbers.
var signalNumbers = map[string]int{
	"SIGHUP": 1, "SIGINT": 2, "SIGQUIT": 3, "SIGILL": 4, "SIGTRAP": 5, "SIGABRT": 6, "SIGIOT": 6,
	"SIGBUS": 7, "SIGFPE": 8, "SIGKILL": 9, "SIGUSR1": 10, "SIGSEGV": 11, "SIGUSR2": 12,
	"SIGPIPE": 13, "SIGALRM": 14, "SIGTERM": 15, "SIGSTKFLT": 16, "SIGCHLD": 17, "SIGCONT": 18,
	"SIGSTOP": 19, "SIGTSTP": 20, "SIGTTIN": 21, "SIGTTOU": 22, "SIGURG": 23, "SIGXCPU": 24,
	"SIGXFSZ": 25, "SIGVTALRM": 26, "SIGPROF": 27, "SIGWINCH": 28, "SIGIO": 29, "SIGPOLL": 29,
	"SIGPWR": 30, "SIGSYS": 31, "SIGRTMIN": 34, "SIGRTMAX": 64,
}

func signumArg(th *vm.Thread, v vm.Value) (int, error) {
	n, err := pyarg.Int(th, v)
	if err != nil {
		return 0, err
	}
	if n < 1 || n >= nsig {
		return 0, vm.NewError(vm.ValueErrorType, "signal number out of range")
	}
	return int(n), nil
}

// current is the handler of sig (what getsignal returns).
func (s *state) current(sig int) vm.Value {
	if h, ok := s.handlers[sig]; ok {
		return h
	}
	if sig == int(syscall.SIGINT) {
		return defaultIntHandler
	}
	return vm.Int(0)
}

func isInt(v vm.Value, n int64) bool { return v.IsInt() && v.AsInt() == n }

func signalFn(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("signal", args, kwnames, 2); err != nil {
		return vm.NULL, err
	}
	sig, err := signumArg(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	h := args[1]
	if !isInt(h, 0) && !isInt(h, 1) && !vm.IsCallable(h) {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
	}
	if th.Interp == nil || th != vm.MainThreadOf(th.Interp) {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "signal only works in main thread of the main interpreter")
	}
	if sig == int(syscall.SIGKILL) || sig == int(syscall.SIGSTOP) {
		return vm.NULL, vm.OSErrorFor(syscall.EINVAL, "")
	}
	in := th.Interp
	s := stateOf(in)
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.current(sig)
	s.handlers[sig] = h
	gosig := syscall.Signal(sig)
	if ch := s.chans[sig]; ch != nil && (!vm.IsCallable(h) || h.Is(defaultIntHandler)) {
		ossignal.Stop(ch)
		close(ch)
		delete(s.chans, sig)
	}
	switch {
	case isInt(h, 1):
		ossignal.Ignore(gosig)
	case isInt(h, 0):
		ossignal.Reset(gosig)
	case h.Is(defaultIntHandler) && sig == int(syscall.SIGINT):
		// The CLI's own SIGINT handling (KeyboardInterrupt) takes over.
		delete(s.handlers, sig)
	default:
		if s.chans[sig] == nil {
			ch := make(chan os.Signal, 8)
			s.chans[sig] = ch
			go forward(in, ch)
			ossignal.Notify(ch, gosig)
		}
	}
	return old, nil
}

// forward records each signal for the main thread and wakes a loop.
func forward(in *vm.Interpreter, ch chan os.Signal) {
	for sig := range ch {
		if n, ok := sig.(syscall.Signal); ok {
			post(in, int(n))
		}
	}
}

// Post records sig for in's main thread (its Python handler runs at the
// next poll point) and wakes an idle asyncio loop to run it.
func Post(in *vm.Interpreter, sig int) { post(in, sig) }

func post(in *vm.Interpreter, sig int) {
	in.PostSignal(sig)
	go func() {
		for i := 0; i < 100 && in.Interrupted(); i++ {
			if runtime.WakeForSignals(in) {
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
}

// HasHandler reports whether a Python handler (or SIG_IGN) replaced the
// default action of sig on in: the CLI then leaves SIGINT to it.
func HasHandler(in *vm.Interpreter, sig int) bool {
	s := stateOf(in)
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.handlers[sig]
	return ok
}

// dispatch is vm.SignalDispatch: calls sig's Python handler with
// (signum, frame).
func dispatch(th *vm.Thread, sig int) error {
	s := stateOf(th.Interp)
	s.mu.Lock()
	h := s.current(sig)
	s.mu.Unlock()
	if isInt(h, 0) || isInt(h, 1) {
		return nil
	}
	_, err := th.Call(h, []vm.Value{vm.Int(int64(sig)), vm.None}, nil)
	return err
}

func getsignal(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("getsignal", args, kwnames, 1); err != nil {
		return vm.NULL, err
	}
	sig, err := signumArg(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	s := stateOf(th.Interp)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.current(sig), nil
}

// raiseSignal is raise_signal(sig): a Python handler runs now, on this
// thread, as CPython runs it when raise_signal returns.
func raiseSignal(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("raise_signal", args, kwnames, 1); err != nil {
		return vm.NULL, err
	}
	sig, err := signumArg(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	handled, err := DeliverToSelf(th, sig)
	if handled || err != nil {
		return vm.None, err
	}
	if err := syscall.Kill(os.Getpid(), syscall.Signal(sig)); err != nil {
		return vm.NULL, vm.OSErrorFor(err, "")
	}
	return vm.None, nil
}

// DeliverToSelf runs the Python-level disposition of a signal the program
// sends to itself (raise_signal, os.kill(os.getpid(), sig)): its handler,
// KeyboardInterrupt for SIGINT's default handler, nothing for SIG_IGN.
// handled false: the default action applies (the caller sends the signal).
func DeliverToSelf(th *vm.Thread, sig int) (handled bool, err error) {
	if th.Interp == nil {
		return false, nil
	}
	s := stateOf(th.Interp)
	s.mu.Lock()
	h := s.current(sig)
	s.mu.Unlock()
	switch {
	case isInt(h, 1):
		return true, nil
	case isInt(h, 0):
		return false, nil
	}
	_, err = th.Call(h, []vm.Value{vm.Int(int64(sig)), vm.None}, nil)
	return true, err
}

func strsignal(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("strsignal", args, kwnames, 1); err != nil {
		return vm.NULL, err
	}
	sig, err := signumArg(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	if sig >= 34 {
		return vm.NewStr("Real-time signal " + itoa(sig-34)), nil
	}
	s := syscall.Signal(sig).String()
	if s == "" {
		return vm.None, nil
	}
	return vm.NewStr(strings.ToUpper(s[:1]) + s[1:]), nil
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// alarm(seconds) delivers SIGALRM after seconds (0 cancels); it returns
// the seconds that remained of the previous alarm.
func alarm(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("alarm", args, kwnames, 1); err != nil {
		return vm.NULL, err
	}
	secs, err := pyarg.Int(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	in := th.Interp
	s := stateOf(in)
	s.mu.Lock()
	defer s.mu.Unlock()
	var left int64
	if s.alarm != nil && s.alarm.Stop() {
		left = int64(time.Until(s.alarmAt)/time.Second) + 1
	}
	s.alarm = nil
	if secs > 0 {
		s.alarmAt = time.Now().Add(time.Duration(secs) * time.Second)
		s.alarm = time.AfterFunc(time.Duration(secs)*time.Second, func() {
			if HasHandler(in, int(syscall.SIGALRM)) {
				post(in, int(syscall.SIGALRM))
				return
			}
			_ = syscall.Kill(os.Getpid(), syscall.SIGALRM)
		})
	}
	return vm.Int(left), nil
}

func setWakeupFd(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var fd, warn vm.Value
	if err := vm.ParseArgs("set_wakeup_fd", args, kwnames, []string{"fd", "$warn_on_full_buffer?"}, &fd, &warn); err != nil {
		return vm.NULL, err
	}
	n, err := pyarg.Int(th, fd)
	if err != nil {
		return vm.NULL, err
	}
	s := stateOf(th.Interp)
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.wakeupFd
	s.wakeupFd = n
	return vm.Int(old), nil
}
