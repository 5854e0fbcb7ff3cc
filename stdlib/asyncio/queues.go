package asyncio

import (
	"strconv"
	"strings"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

func init() {
	for _, q := range []struct {
		t    *vm.Type
		kind runtime.QueueKind
	}{{runtime.QueueType, runtime.FIFOQueue}, {runtime.LifoQueueType, runtime.LIFOQueue}, {runtime.PriorityQueueType, runtime.PriorityQueueKind}} {
		kind, name := q.kind, q.t.Name
		subclassable(q.t, func(th *vm.Thread, args []vm.Value, kw []string) (*runtime.Queue, error) {
			a, err := parse(name, args, kw, "maxsize?")
			if err != nil {
				return nil, err
			}
			n := int64(0)
			if !a[0].IsNull() {
				if n, err = toInt(a[0]); err != nil {
					return nil, err
				}
			}
			return runtime.NewQueue(kind, n), nil
		})
		q.t.SubclassVia = queueTwin(name)
		q.t.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
			s, err := queueFormat(th, v)
			r := objectRepr(v)
			addr := r[strings.LastIndex(r, " at ")+4 : len(r)-1]
			return "<" + v.Type().Name + " at " + addr + " " + s + ">", err
		}
		q.t.Str = func(th *vm.Thread, v vm.Value) (string, error) {
			s, err := queueFormat(th, v)
			return "<" + v.Type().Name + " " + s + ">", err
		}
	}
	qOf := func(name string, args []vm.Value) (*runtime.Queue, []vm.Value, error) {
		return selfOf[*runtime.Queue](name, runtime.QueueType, args)
	}
	simple := func(name string, f func(th *vm.Thread, q *runtime.Queue) (vm.Value, error)) vm.NativeFunc {
		return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			q, rest, err := qOf(name, args)
			if err != nil {
				return vm.NULL, err
			}
			if _, err := parse(name, rest, kw); err != nil {
				return vm.NULL, err
			}
			return f(th, q)
		}
	}
	withItem := func(name string, f func(th *vm.Thread, q *runtime.Queue, item vm.Value) (vm.Value, error)) vm.NativeFunc {
		return func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			q, rest, err := qOf(name, args)
			if err != nil {
				return vm.NULL, err
			}
			a, err := parse(name, rest, kw, "item")
			if err != nil {
				return vm.NULL, err
			}
			return f(th, q, a[0])
		}
	}
	methods(runtime.QueueType, map[string]vm.NativeFunc{
		"qsize": simple("qsize", func(th *vm.Thread, q *runtime.Queue) (vm.Value, error) { return vm.Int(int64(q.Qsize())), nil }),
		"empty": simple("empty", func(th *vm.Thread, q *runtime.Queue) (vm.Value, error) { return vm.Bool(q.Empty()), nil }),
		"full":  simple("full", func(th *vm.Thread, q *runtime.Queue) (vm.Value, error) { return vm.Bool(q.Full()), nil }),
		"get":   simple("get", func(th *vm.Thread, q *runtime.Queue) (vm.Value, error) { return q.Get(), nil }),
		"get_nowait": simple("get_nowait", func(th *vm.Thread, q *runtime.Queue) (vm.Value, error) {
			return q.GetNowait(th)
		}),
		"task_done": simple("task_done", func(th *vm.Thread, q *runtime.Queue) (vm.Value, error) { return vm.None, q.TaskDone() }),
		"join":      simple("join", func(th *vm.Thread, q *runtime.Queue) (vm.Value, error) { return q.Join(), nil }),
		"put":       withItem("put", func(th *vm.Thread, q *runtime.Queue, item vm.Value) (vm.Value, error) { return q.Put(item), nil }),
		"put_nowait": withItem("put_nowait", func(th *vm.Thread, q *runtime.Queue, item vm.Value) (vm.Value, error) {
			return vm.None, q.PutNowait(th, item)
		}),
	})
}

// queueFormat is Queue._format.
func queueFormat(th *vm.Thread, v vm.Value) (string, error) {
	q := v.Object().(*runtime.Queue)
	s := "maxsize=" + itoa(q.Maxsize())
	if items := q.Items(); len(items) > 0 {
		list := vm.NewList(append([]vm.Value(nil), items...))
		r, err := vm.Repr(th, list)
		if err != nil {
			return "", err
		}
		s += " _queue=" + r
	}
	if n := q.Getters(); n > 0 {
		s += " _getters[" + itoa(int64(n)) + "]"
	}
	if n := q.Putters(); n > 0 {
		s += " _putters[" + itoa(int64(n)) + "]"
	}
	if n := q.Unfinished(); n > 0 {
		s += " tasks=" + itoa(n)
	}
	return s, nil
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

// queueTwin returns the SubclassVia of a native queue type: the class of
// the same name in asyncio.queues (queuesSource), or nil while that module
// is being executed (its classes extend the native ones).
func queueTwin(name string) func(th *vm.Thread) (*vm.Type, error) {
	return func(th *vm.Thread) (*vm.Type, error) {
		if th.Interp == nil {
			return nil, nil
		}
		m, ok := th.Interp.Modules().GetStr("asyncio.queues")
		if !ok {
			if _, err := th.Import("asyncio.queues", nil, vm.NULL, 0); err != nil {
				return nil, err
			}
			if m, ok = th.Interp.Modules().GetStr("asyncio.queues"); !ok {
				return nil, nil
			}
		}
		v, err := vm.LookupAttr(th, m, name)
		if err != nil || v.IsNull() {
			return nil, err // being defined
		}
		t, _ := v.Object().(*vm.Type)
		return t, nil
	}
}
