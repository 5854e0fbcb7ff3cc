package runtime

import (
	"context"
	"fmt"
	"net"
	"strings"

	"github.com/pya-lang/pya/vm"
)

// Host-resolution overrides, a testing feature in the spirit of curl's
// --resolve: PYA_RESOLVE="example.com:80=127.0.0.1:8080,..." makes every
// network dialer of pya (open_connection, aiohttp, requests) connect to
// 127.0.0.1:8080 when a program asks for example.com port 80, while the
// program still sees the name it asked for (URLs, Host headers). The golden
// tests use it to run programs that fetch real-looking URLs against a
// server they start on 127.0.0.1 (cmd/pya/golden_test.go, "# pya: serve").

// ParseResolve parses a PYA_RESOLVE value: comma-separated
// "host:port=addr:port" entries.
func ParseResolve(spec string) (map[string]string, error) {
	m := map[string]string{}
	for _, e := range strings.Split(spec, ",") {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		from, to, ok := strings.Cut(e, "=")
		if !ok {
			return nil, fmt.Errorf("PYA_RESOLVE: %q is not host:port=addr:port", e)
		}
		for _, hp := range []string{from, to} {
			if _, _, err := net.SplitHostPort(hp); err != nil {
				return nil, fmt.Errorf("PYA_RESOLVE: %q: %v", e, err)
			}
		}
		m[strings.ToLower(from)] = to
	}
	return m, nil
}

// SetResolve installs host-resolution overrides for the interpreter's
// dialers (a map from "host:port" to the "addr:port" to dial instead).
// Call it before the program runs.
func SetResolve(in *vm.Interpreter, m map[string]string) {
	envsMu.Lock()
	e := envs[in]
	envsMu.Unlock()
	if e == nil {
		e = EnvFor(in.Thread())
	}
	e.resolve = m
}

// ResolveAddr returns the address to dial for addr ("host:port"): its
// override, or addr itself.
func (e *Env) ResolveAddr(addr string) string {
	if to, ok := e.resolve[strings.ToLower(addr)]; ok {
		return to
	}
	return addr
}

// DialContext is the dial function of th's interpreter: net.Dialer's,
// honouring the PYA_RESOLVE overrides. HTTP clients use it as their
// transport's DialContext.
func DialContext(th *vm.Thread) func(ctx context.Context, network, addr string) (net.Conn, error) {
	e := EnvFor(th)
	var d net.Dialer
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		return d.DialContext(ctx, network, e.ResolveAddr(addr))
	}
}
