// Package aiohttp is pya's aiohttp: the client API (ClientSession,
// responses, timeouts, the ClientError family) written in pya
// (aiohttp.py), over _pya_http, which runs each request with Go's
// net/http on its own goroutine and completes a future through the event
// loop's inbox. One http.Client and Transport per session: connections
// are reused within it.
package aiohttp

import (
	"bytes"
	"context"
	"crypto/tls"
	_ "embed"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/stdlib/internal/httpresp"
	"github.com/pya-lang/pya/vm"
)

//go:embed aiohttp.py
var source []byte

func init() {
	vm.RegisterModule("aiohttp", func(th *vm.Thread, m *vm.Module) error {
		return vm.ExecSource(th, m, "<frozen aiohttp>", source)
	})
	vm.RegisterModule("_pya_http", func(th *vm.Thread, m *vm.Module) error {
		if err := httpresp.CheckNetwork(th, "_pya_http"); err != nil {
			return err
		}
		m.Dict.SetStr("Client", vm.NewBuiltin("Client", newClient))
		return nil
	})
	clientType.AddMethods(map[string]vm.NativeFunc{
		"request": clientRequest,
		"close": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			c, ok := args[0].Object().(*client)
			if !ok {
				return vm.NULL, vm.NewError(vm.TypeErrorType, "close() needs a Client")
			}
			c.tr.CloseIdleConnections()
			return vm.None, nil
		},
	})
}

var clientType = vm.MakeNativeType("Client", "_pya_http", nil)

// client is a session's connection pool.
type client struct {
	hc *http.Client
	tr *http.Transport
}

func (*client) Type() *vm.Type { return clientType }

// newClient is Client(limit, limit_per_host, insecure): a connection pool
// with TCPConnector's limits (0: none).
func newClient(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if len(args) != 3 || len(kw) != 0 || !args[0].IsInt() || !args[1].IsInt() {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "Client(limit, limit_per_host, insecure)")
	}
	limit, perHost := int(args[0].AsInt()), int(args[1].AsInt())
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil                           // aiohttp ignores proxy variables unless trust_env
	tr.DialContext = runtime.DialContext(th) // with PYA_RESOLVE's overrides
	tr.MaxIdleConns = limit
	tr.MaxIdleConnsPerHost = limit
	if perHost > 0 && (limit == 0 || perHost < limit) {
		tr.MaxConnsPerHost = perHost
	} else {
		tr.MaxConnsPerHost = limit
	}
	if args[2].Is(vm.True) {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	hc := &http.Client{Transport: tr}
	return vm.ObjectValue(&client{hc: hc, tr: tr}), nil
}

// response is what a finished request hands to the loop.
type response struct {
	httpresp.Head
	body    []byte
	version string
	history []httpresp.Head // the redirects followed
}

// clientRequest is Client.request(method, url, params, headers, body,
// timeout, allow_redirects): a future of the tuple (status, reason,
// headers, url, body, version).
func clientRequest(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if len(args) != 8 || len(kw) != 0 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "request() takes 7 positional arguments")
	}
	c, ok := args[0].Object().(*client)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "request() needs a Client")
	}
	method, u := str(args[1]), str(args[2])
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" || (pu.Scheme != "http" && pu.Scheme != "https") {
		return vm.NULL, vm.NewException(vm.ValueErrorType, vm.NewStr(u))
	}
	if !args[3].IsNone() {
		var q []string
		if pu.RawQuery != "" {
			q = append(q, pu.RawQuery)
		}
		if err := httpresp.Pairs(th, args[3], func(k, v string) {
			q = append(q, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}); err != nil {
			return vm.NULL, err
		}
		pu.RawQuery = strings.Join(q, "&")
	}
	var body io.Reader
	if b, ok := args[5].Object().(*vm.Bytes); ok {
		body = bytes.NewReader(append([]byte(nil), b.B...))
	}
	ctx, cancel := context.WithCancel(context.Background())
	if args[6].IsFloat() || args[6].IsInt() {
		d := args[6].AsFloat()
		if args[6].IsInt() {
			d = float64(args[6].AsInt())
		}
		ctx, cancel = context.WithTimeout(context.Background(), time.Duration(d*1e9))
	}
	req, err := http.NewRequestWithContext(ctx, method, pu.String(), body)
	if err != nil {
		cancel()
		return vm.NULL, vm.NewException(vm.ValueErrorType, vm.NewStr(err.Error()))
	}
	if err := httpresp.Pairs(th, args[4], func(k, v string) { req.Header.Add(k, v) }); err != nil {
		cancel()
		return vm.NULL, err
	}
	if h := req.Header.Get("Host"); h != "" {
		req.Host = h
	}
	noRedirect := args[7].Is(vm.False)
	l, err := runtime.GetRunningLoop(th)
	if err != nil {
		cancel()
		return vm.NULL, err
	}
	var history []httpresp.Head
	hc := new(http.Client)
	*hc = *c.hc
	hc.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if noRedirect {
			return http.ErrUseLastResponse
		}
		if len(via) >= 10 {
			return errors.New("too many redirects")
		}
		if prev := r.Response; prev != nil {
			history = append(history, httpresp.HeadOf(prev))
		}
		return nil
	}
	work := func() (any, error) {
		defer cancel()
		resp, err := hc.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		r := &response{Head: httpresp.HeadOf(resp), body: b}
		r.version = strconv.Itoa(resp.ProtoMajor) + "." + strconv.Itoa(resp.ProtoMinor)
		r.history = history
		return r, nil
	}
	return l.StartIO("ClientSession.request()", work, convResponse, cancel, nil).Value(), nil
}

// convResponse builds the response tuple, or the error the aiohttp layer
// turns into its ClientError subclasses: TimeoutError for the total
// timeout, OSError(errno, "Connect call failed (...)") for connects, and
// ConnectionError(msg) for the rest.
func convResponse(th *vm.Thread, r any, err error) (vm.Value, error) {
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return vm.NULL, vm.NewException(vm.TimeoutErrorType)
		}
		var errno syscall.Errno
		var oe *net.OpError
		if errors.As(err, &oe) && oe.Op == "dial" && errors.As(err, &errno) {
			host, port := "", ""
			if ta, ok := oe.Addr.(*net.TCPAddr); ok {
				host, port = ta.IP.String(), strconv.Itoa(ta.Port)
			}
			return vm.NULL, runtime.NewOSError(th, int64(errno), "Connect call failed ('"+host+"', "+port+")")
		}
		var dns *net.DNSError
		if errors.As(err, &dns) {
			return vm.NULL, runtime.NewOSError(th, -2, "Name or service not known")
		}
		return vm.NULL, vm.NewException(vm.ConnectionErrorType, vm.NewStr(err.Error()))
	}
	resp := r.(*response)
	hist := make([]vm.Value, len(resp.history))
	for i, h := range resp.history {
		hist[i] = h.Tuple()
	}
	return vm.NewTuple([]vm.Value{vm.Int(int64(resp.Status)), vm.NewStr(resp.Reason), httpresp.HeaderList(resp.Headers),
		vm.NewStr(resp.URL), vm.NewBytes(resp.body), vm.NewStr(resp.version), vm.NewList(hist)}), nil
}

func str(v vm.Value) string {
	if s := vm.AsStr(v); s != nil {
		return s.String()
	}
	return ""
}
