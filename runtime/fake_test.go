package runtime

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pya-lang/pya/vm"
)

// fakeCoroType poses as the VM's coroutine type so that IsCoroutine
// accepts the fake coroutines.
var fakeCoroType = &vm.Type{Name: "coroutine", Module: "builtins"}

type resumeMsg struct {
	v   vm.Value
	exc *vm.Exception
}

type yieldMsg struct {
	val  vm.Value
	done bool
	err  error
}

// fakeCoro is a coroutine written as a Go function running on its own
// goroutine, handing control back and forth over channels, so tests read
// like the Python programs they mirror.
type fakeCoro struct {
	body    func(y *Y) (vm.Value, error)
	started bool
	to      chan resumeMsg
	from    chan yieldMsg
}

func (*fakeCoro) Type() *vm.Type { return fakeCoroType }

// Y is what a fake coroutine body uses to await.
type Y struct {
	c  *fakeCoro
	th *vm.Thread
}

func coro(body func(y *Y) (vm.Value, error)) vm.Value {
	return vm.ObjectValue(&fakeCoro{body: body, to: make(chan resumeMsg), from: make(chan yieldMsg)})
}

func (c *fakeCoro) Resume(th *vm.Thread, v vm.Value, exc *vm.Exception) (vm.Value, bool, error) {
	if !c.started {
		c.started = true
		go func() {
			m := <-c.to
			if m.exc != nil {
				c.from <- yieldMsg{err: m.exc}
				return
			}
			r, err := c.body(&Y{c: c, th: th})
			c.from <- yieldMsg{val: r, done: err == nil, err: err}
		}()
	}
	c.to <- resumeMsg{v, exc}
	m := <-c.from
	return m.val, m.done, m.err
}

// Await is `await aw`.
func (y *Y) Await(aw vm.Value) (vm.Value, error) {
	it, err := awaitIter(y.th, aw)
	if err != nil {
		return vm.NULL, err
	}
	v, exc := vm.None, (*vm.Exception)(nil)
	for {
		r, done, err := it.Resume(y.th, v, exc)
		if err != nil {
			return vm.NULL, err
		}
		if done {
			return r, nil
		}
		y.c.from <- yieldMsg{val: r}
		m := <-y.c.to
		v, exc = m.v, m.exc
	}
}

// Sleep is `await asyncio.sleep(d)`.
func (y *Y) Sleep(d float64) error {
	_, err := y.Await(NewSleep(d, vm.None))
	return err
}

// out collects printed lines.
type out struct{ lines []string }

func (o *out) p(format string, args ...any) { o.lines = append(o.lines, fmt.Sprintf(format, args...)) }

func (o *out) check(t *testing.T, want string) {
	t.Helper()
	got := strings.Join(o.lines, "\n")
	want = strings.TrimSpace(want)
	if got != want {
		t.Errorf("output mismatch\n--- got\n%s\n--- want\n%s", got, want)
	}
}

// newTestThread returns a bare thread on a virtual clock.
func newTestThread() *vm.Thread {
	th := vm.NewThread(nil)
	envsMu.Lock()
	envs[th] = newEnv(VirtualClockKind)
	envsMu.Unlock()
	return th
}

func mustTask(t *testing.T, th *vm.Thread, c vm.Value) *Task {
	t.Helper()
	l, err := GetRunningLoop(th)
	if err != nil {
		t.Fatal(err)
	}
	task, err := NewTask(l, c, vm.NULL)
	if err != nil {
		t.Fatal(err)
	}
	return task
}

func str(v vm.Value) string {
	if s := vm.AsStr(v); s != nil {
		return s.String()
	}
	if v.IsInt() {
		return fmt.Sprint(v.AsInt())
	}
	if l, ok := v.Object().(*vm.List); ok {
		parts := make([]string, len(l.Items))
		for i, x := range l.Items {
			parts[i] = str(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}
