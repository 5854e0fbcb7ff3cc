package runtime

import (
	"math"
	"strconv"
	"strings"

	"github.com/pya-lang/pya/vm"
)

// Timeout states (timeouts._State).
const (
	toCreated uint8 = iota
	toEntered
	toExpiring
	toExpired
	toExited
)

var timeoutStateNames = [...]string{"created", "active", "expiring", "expired", "finished"}

// Timeout is asyncio.Timeout, the async context manager of timeout() and
// timeout_at(): on expiry it cancels the task, and its exit turns that
// cancellation into TimeoutError.
type Timeout struct {
	state      uint8
	handle     *Handle
	task       *Task
	when       float64
	hasWhen    bool
	cancelling int
}

func (*Timeout) Type() *vm.Type { return TimeoutType }

// NewTimeout returns Timeout(when); hasWhen false means when=None.
func NewTimeout(when float64, hasWhen bool) *Timeout {
	return &Timeout{when: when, hasWhen: hasWhen}
}

// When is timeout.when() (ok false for None).
func (t *Timeout) When() (float64, bool) { return t.when, t.hasWhen }

// Expired is timeout.expired().
func (t *Timeout) Expired() bool { return t.state == toExpiring || t.state == toExpired }

// Repr is repr(timeout).
func (t *Timeout) Repr() string {
	s := "<Timeout [" + timeoutStateNames[t.state] + "]"
	if t.state == toEntered {
		if t.hasWhen {
			w := strconv.FormatFloat(math.Round(t.when*1000)/1000, 'f', -1, 64)
			if !strings.ContainsAny(w, ".eEnN") {
				w += ".0" // float repr
			}
			s += " when=" + w
		} else {
			s += " when=None"
		}
	}
	return s + ">"
}

// Reschedule is timeout.reschedule(when).
func (t *Timeout) Reschedule(th *vm.Thread, when float64, hasWhen bool) error {
	if t.state != toEntered {
		if t.state == toCreated {
			return vm.NewError(vm.RuntimeErrorType, "Timeout has not been entered")
		}
		return vm.NewError(vm.RuntimeErrorType, "Cannot change state of %s Timeout", timeoutStateNames[t.state])
	}
	t.when, t.hasWhen = when, hasWhen
	if t.handle != nil {
		t.handle.Cancel()
	}
	if !hasWhen {
		t.handle = nil
		return nil
	}
	l, err := GetRunningLoop(th)
	if err != nil {
		return err
	}
	if when <= l.Time() {
		t.handle = l.CallSoon(timeoutFired, t, vm.NULL)
	} else {
		h := &Handle{cb: callback{fn: timeoutFired, arg: t}}
		l.CallAtHandle(when, h)
		t.handle = h
	}
	return nil
}

func timeoutFired(arg any, _ vm.Value) error {
	t := arg.(*Timeout)
	t.task.Cancel(vm.NULL)
	t.state = toExpiring
	t.handle = nil
	return nil
}

// Enter is __aenter__ (it never suspends).
func (t *Timeout) Enter(th *vm.Thread) error {
	if t.state != toCreated {
		return vm.NewError(vm.RuntimeErrorType, "Timeout has already been entered")
	}
	l, err := GetRunningLoop(th)
	if err != nil {
		return err
	}
	task := l.currentTask
	if task == nil {
		return vm.NewError(vm.RuntimeErrorType, "Timeout should be used inside a task")
	}
	t.state = toEntered
	t.task = task
	t.cancelling = task.Cancelling()
	return t.Reschedule(th, t.when, t.hasWhen)
}

// Exit is __aexit__ (it never suspends): exc is the exception leaving the
// block, or nil. It returns the exception to raise instead, if any.
func (t *Timeout) Exit(exc *vm.Exception) error {
	if t.handle != nil {
		t.handle.Cancel()
		t.handle = nil
	}
	switch t.state {
	case toExpiring:
		t.state = toExpired
		if t.task.Uncancel() <= t.cancelling && exc != nil && exc.Type() == CancelledErrorType {
			return timeoutFrom(exc)
		}
	case toEntered:
		t.state = toExited
	}
	return nil
}
