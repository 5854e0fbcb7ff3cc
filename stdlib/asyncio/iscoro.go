package asyncio

import (
	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// asyncio.iscoroutinefunction: a function whose code has CO_COROUTINE
// (through bound methods and functools.partial, as inspect does), or one
// of the functions CPython writes as `async def` that pya writes in Go
// (asyncio.sleep, Queue.get, Lock.acquire, loop.create_connection, ...).

// nativeCoroFuncs are the module functions written in Go that are
// coroutine functions in CPython.
var nativeCoroFuncs = []string{
	"sleep", "wait", "wait_for", "to_thread", "open_connection", "start_server",
	"open_unix_connection", "start_unix_server", "create_subprocess_exec", "create_subprocess_shell",
}

// nativeCoroMethods are, per type, the Go methods that are coroutine
// functions in CPython (async with's __aenter__/__aexit__ included).
var nativeCoroMethods = map[*vm.Type][]string{
	runtime.QueueType:     {"put", "get", "join"},
	runtime.LockType:      {"acquire", "__aenter__", "__aexit__"},
	runtime.SemaphoreType: {"acquire", "__aenter__", "__aexit__"},
	runtime.EventType:     {"wait"},
	runtime.ConditionType: {"acquire", "wait", "wait_for", "__aenter__", "__aexit__"},
	runtime.BarrierType:   {"wait", "reset", "abort", "__aenter__", "__aexit__"},
	runtime.TaskGroupType: {"__aenter__", "__aexit__"},
	runtime.TimeoutType:   {"__aenter__", "__aexit__"},
	runtime.LoopType: {"shutdown_asyncgens", "shutdown_default_executor", "getaddrinfo", "getnameinfo",
		"create_connection", "create_server", "create_unix_connection", "create_unix_server",
		"sock_recv", "sock_recv_into", "sock_sendall", "sock_connect", "sock_accept", "sock_sendfile",
		"create_datagram_endpoint", "connect_read_pipe", "connect_write_pipe", "subprocess_exec",
		"subprocess_shell", "sendfile", "start_tls", "connect_accepted_socket"},
}

func iscoroutinefunction(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	a, err := parse("iscoroutinefunction", args, kw, "func")
	if err != nil {
		return vm.NULL, err
	}
	ok, err := isCoroFunc(th, a[0])
	return vm.Bool(ok), err
}

func isCoroFunc(th *vm.Thread, f vm.Value) (bool, error) {
	// inspect._unwrap_partial, then a method's __func__.
	for f.Type().Name == "partial" {
		inner, err := vm.LookupAttr(th, f, "func")
		if err != nil || inner.IsNull() {
			return false, err
		}
		f = inner
	}
	if nativeCoroFunc(th, f) {
		return true, nil
	}
	code, err := vm.LookupAttr(th, f, "__code__")
	if err != nil || code.IsNull() {
		return false, err
	}
	flags, err := vm.LookupAttr(th, code, "co_flags")
	if err != nil || !flags.IsInt() {
		return false, err
	}
	return flags.AsInt()&0x80 != 0, nil
}

// nativeCoroFunc reports whether f is one of the Go functions or methods
// that are coroutine functions in CPython.
func nativeCoroFunc(th *vm.Thread, f vm.Value) bool {
	var name string
	var owner *vm.Type
	switch o := f.Object().(type) {
	case *vm.Builtin:
		name = o.Name
		if o.Self.IsNull() || o.Self.IsNone() {
			return isAsyncioFunc(th, name, f)
		}
		owner = o.Self.Type()
	case *vm.MethodDescr:
		name, owner = o.Name, o.Owner
	default:
		return false
	}
	for t, names := range nativeCoroMethods {
		if !owner.IsSubtype(t) {
			continue
		}
		for _, n := range names {
			if n == name {
				return true
			}
		}
	}
	return false
}

// isAsyncioFunc reports whether f is asyncio's function name, one of
// nativeCoroFuncs.
func isAsyncioFunc(th *vm.Thread, name string, f vm.Value) bool {
	if th.Interp == nil {
		return false
	}
	m, ok := th.Interp.Modules().GetStr("asyncio")
	if !ok {
		return false
	}
	mod, ok := m.Object().(*vm.Module)
	if !ok {
		return false
	}
	for _, n := range nativeCoroFuncs {
		if n == name {
			v, ok := mod.Dict.GetStr(n)
			return ok && v.Is(f)
		}
	}
	return false
}

func init() {
	// <coroutine object sleep at 0x...>, as CPython's coroutine repr shows
	// its __qualname__.
	runtime.NativeCoroType.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		name := ""
		if q, ok := v.Object().(interface{ QualName() string }); ok {
			name = q.QualName() + " "
		}
		return "<coroutine object " + name + "at " + vm.AddrString(v) + ">", nil
	}
}
