// Package requests is pya's requests: the blocking HTTP client API of the
// requests library (get/post/put/delete/head/request, Response, Session,
// requests.exceptions, CaseInsensitiveDict), written in pya (requests.py,
// exceptions.py, structures.py) over _pya_requests, which runs each
// request with Go's net/http. As in CPython, a request blocks its thread
// but releases the interpreter lock while it waits, so that the event loop
// or other threads run meanwhile (asyncio.to_thread(requests.get, url)
// overlaps requests). Dialing honours PYA_RESOLVE (runtime.DialContext).
// Proxy variables are ignored.
package requests

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	_ "embed"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/stdlib/internal/httpresp"
	"github.com/pya-lang/pya/vm"
)

//go:embed requests.py
var source []byte

//go:embed exceptions.py
var excSource []byte

//go:embed structures.py
var structSource []byte

func init() {
	vm.RegisterModule("requests", func(th *vm.Thread, m *vm.Module) error {
		return vm.ExecSource(th, m, "<frozen requests>", source)
	})
	vm.RegisterModule("requests.exceptions", func(th *vm.Thread, m *vm.Module) error {
		return vm.ExecSource(th, m, "<frozen requests.exceptions>", excSource)
	})
	vm.RegisterModule("requests.structures", func(th *vm.Thread, m *vm.Module) error {
		return vm.ExecSource(th, m, "<frozen requests.structures>", structSource)
	})
	vm.RegisterModule("_pya_requests", func(th *vm.Thread, m *vm.Module) error {
		if err := httpresp.CheckNetwork(th, "_pya_requests"); err != nil {
			return err
		}
		m.Dict.SetStr("Session", vm.NewBuiltin("Session", newSession))
		m.Dict.SetStr("prepare_url", vm.NewBuiltin("prepare_url", prepareURL))
		m.Dict.SetStr("urlencode", vm.NewBuiltin("urlencode", urlencode))
		return nil
	})
	sessionType.AddMethods(map[string]vm.NativeFunc{
		"request": sessionRequest,
		"close": func(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
			if s, ok := args[0].Object().(*session); ok {
				s.tr.CloseIdleConnections()
			}
			return vm.None, nil
		},
	})
}

var sessionType = vm.MakeNativeType("Session", "_pya_requests", nil)

// session is a requests.Session's connection pool.
type session struct {
	tr *http.Transport
}

func (*session) Type() *vm.Type { return sessionType }

func newSession(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	s := &session{}
	dial := runtime.DialContext(th)
	tr := &http.Transport{
		Proxy:               nil,
		DisableCompression:  true, // requests asks for gzip itself and decodes it (decode)
		MaxIdleConnsPerHost: 10,
		IdleConnTimeout:     90 * time.Second,
	}
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if d := dialTimeout(ctx); d > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, d)
			defer cancel()
			c, err := dial(ctx, network, addr)
			if err != nil && errors.Is(err, context.DeadlineExceeded) {
				return nil, errConnectTimeout
			}
			return c, err
		}
		return dial(ctx, network, addr)
	}
	s.tr = tr
	return vm.ObjectValue(s), nil
}

var errConnectTimeout = errors.New("connect timeout")
var errReadTimeout = errors.New("read timeout")

type dialTimeoutKey struct{}

func dialTimeout(ctx context.Context) time.Duration {
	d, _ := ctx.Value(dialTimeoutKey{}).(time.Duration)
	return d
}

// seconds reads a timeout argument: None (0) or a number of seconds.
func seconds(v vm.Value) time.Duration {
	switch {
	case v.IsInt():
		return time.Duration(v.AsInt()) * time.Second
	case v.IsFloat():
		return time.Duration(v.AsFloat() * 1e9)
	}
	return 0
}

// result is what a finished request returns to pya.
type result struct {
	httpresp.Head
	body []byte
}

// sessionRequest is Session.request(method, url, headers, body,
// connect_timeout, read_timeout, allow_redirects): it blocks (releasing the
// interpreter lock) and returns (status, reason, headers, url, body,
// history, elapsed_seconds), history being (status, reason, headers, url)
// tuples of the redirects followed. Errors: TimeoutError('connect' or
// 'read'), OSError(errno, strerror) for a failed connect (errno -2 for a
// name that does not resolve), ConnectionError(msg) otherwise.
func sessionRequest(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if len(args) != 8 || len(kw) != 0 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "request() takes 7 positional arguments")
	}
	s, ok := args[0].Object().(*session)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "request() needs a Session")
	}
	method, u := vm.AsStr(args[1]), vm.AsStr(args[2])
	if method == nil || u == nil {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "request(): method and url must be str")
	}
	var body io.Reader
	var bodyBytes []byte
	if b, ok := args[4].Object().(*vm.Bytes); ok {
		bodyBytes = append([]byte(nil), b.B...)
		body = bytes.NewReader(bodyBytes)
	}
	connectTO, readTO := seconds(args[5]), seconds(args[6])
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), dialTimeoutKey{}, connectTO))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method.String(), u.String(), body)
	if err != nil {
		return vm.NULL, vm.NewException(vm.ValueErrorType, vm.NewStr("url"), vm.NewStr(err.Error()))
	}
	if bodyBytes == nil && method.String() != "GET" && method.String() != "HEAD" {
		req.ContentLength = 0
		req.Body = http.NoBody
	}
	if err := httpresp.Pairs(th, args[3], func(k, v string) { req.Header.Add(k, v) }); err != nil {
		return vm.NULL, err
	}
	if h := req.Header.Get("Host"); h != "" {
		req.Host = h
	}
	var history []httpresp.Head
	hc := &http.Client{Transport: s.tr, CheckRedirect: func(r *http.Request, via []*http.Request) error {
		if args[7].Is(vm.False) {
			return http.ErrUseLastResponse
		}
		if len(via) >= 30 {
			return errTooManyRedirects
		}
		if prev := r.Response; prev != nil {
			history = append(history, httpresp.HeadOf(prev))
		}
		return nil
	}}

	var res *result
	start := time.Now()
	th.Blocking(func() { res, err = do(hc, req, readTO, cancel) })
	if err != nil {
		return vm.NULL, requestError(th, err)
	}
	elapsed := time.Since(start)
	hs := make([]vm.Value, len(history))
	for i, h := range history {
		hs[i] = h.Tuple()
	}
	return vm.NewTuple([]vm.Value{vm.Int(int64(res.Status)), vm.NewStr(res.Reason), httpresp.HeaderList(res.Headers),
		vm.NewStr(res.URL), vm.NewBytes(res.body), vm.NewList(hs), vm.Float(elapsed.Seconds())}), nil
}

var errTooManyRedirects = errors.New("Exceeded 30 redirects.")

// do runs the request (without the interpreter lock): the read timeout
// bounds the wait for the response head and each wait for body data, as
// urllib3's socket timeout does.
func do(hc *http.Client, req *http.Request, readTO time.Duration, cancel func()) (*result, error) {
	var timer *time.Timer
	var timedOut atomic.Bool
	if readTO > 0 {
		timer = time.AfterFunc(readTO+dialTimeout(req.Context()), func() { timedOut.Store(true); cancel() })
		defer timer.Stop()
	}
	resp, err := hc.Do(req)
	if err != nil {
		if timedOut.Load() {
			return nil, errReadTimeout
		}
		return nil, err
	}
	defer resp.Body.Close()
	r := &result{Head: httpresp.HeadOf(resp)}
	var rd io.Reader = resp.Body
	if timer != nil {
		timer.Reset(readTO)
		rd = &timedReader{r: resp.Body, t: timer, d: readTO}
	}
	b, err := io.ReadAll(rd)
	if err != nil {
		if timedOut.Load() {
			return nil, errReadTimeout
		}
		return nil, err
	}
	if r.body, err = decode(resp.Header.Get("Content-Encoding"), b); err != nil {
		return nil, err
	}
	return r, nil
}

// timedReader restarts the read timeout after every read.
type timedReader struct {
	r io.Reader
	t *time.Timer
	d time.Duration
}

func (t *timedReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.t.Reset(t.d)
	return n, err
}

// decode undoes a gzip or deflate Content-Encoding, as requests does.
func decode(enc string, b []byte) ([]byte, error) {
	var r io.ReadCloser
	var err error
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "gzip":
		r, err = gzip.NewReader(bytes.NewReader(b))
	case "deflate":
		r, err = zlib.NewReader(bytes.NewReader(b))
	default:
		return b, nil
	}
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// requestError converts a failed request into the exception requests.py
// turns into its own.
func requestError(th *vm.Thread, err error) error {
	switch {
	case errors.Is(err, errConnectTimeout):
		return vm.NewException(vm.TimeoutErrorType, vm.NewStr("connect"))
	case errors.Is(err, errReadTimeout):
		return vm.NewException(vm.TimeoutErrorType, vm.NewStr("read"))
	case errors.Is(err, errTooManyRedirects):
		return vm.NewException(vm.RuntimeErrorType, vm.NewStr(errTooManyRedirects.Error()))
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return runtime.NewOSError(th, -2, "Name or service not known")
	}
	var oe *net.OpError
	var errno syscall.Errno
	if errors.As(err, &oe) && oe.Op == "dial" && errors.As(err, &errno) {
		return runtime.NewOSError(th, int64(errno), strings.ToUpper(errno.Error()[:1])+errno.Error()[1:])
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) {
		return vm.NewException(vm.ConnectionErrorType, vm.NewStr("aborted"))
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return vm.NewException(vm.TimeoutErrorType, vm.NewStr("read"))
	}
	return vm.NewException(vm.ConnectionErrorType, vm.NewStr(err.Error()))
}

// urlencode is urllib.parse.urlencode of (name, value) str pairs
// (quote_plus, as requests encodes params and form data).
func urlencode(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if len(args) != 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "urlencode(pairs)")
	}
	var q []string
	if err := httpresp.Pairs(th, args[0], func(k, v string) { q = append(q, url.QueryEscape(k)+"="+url.QueryEscape(v)) }); err != nil {
		return vm.NULL, err
	}
	return vm.NewStr(strings.Join(q, "&")), nil
}

// prepareURL is PreparedRequest.prepare_url(url, query): the URL with a
// lower-case scheme and host, a path of at least "/", and query (already
// encoded) appended. A bad URL raises ValueError(kind, message), kind
// being "schema" (MissingSchema), "adapter" (InvalidSchema) or "url"
// (InvalidURL), with requests' messages.
func prepareURL(th *vm.Thread, args []vm.Value, kw []string) (vm.Value, error) {
	if len(args) != 2 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "prepare_url(url, query)")
	}
	raw, query := vm.AsStr(args[0]), vm.AsStr(args[1])
	if raw == nil || query == nil {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "prepare_url(url, query) takes str")
	}
	s := strings.TrimSpace(raw.String())
	bad := func(kind, msg string) (vm.Value, error) {
		return vm.NULL, vm.NewException(vm.ValueErrorType, vm.NewStr(kind), vm.NewStr(msg))
	}
	scheme, _, ok := strings.Cut(s, "://")
	if !ok || scheme == "" {
		if i := strings.Index(s, ":"); i > 0 && !strings.Contains(s[:i], "/") {
			return bad("adapter", "No connection adapters were found for "+vm.StrRepr(s))
		}
		return bad("schema", "Invalid URL "+vm.StrRepr(s)+": No scheme supplied. Perhaps you meant https://"+s+"?")
	}
	if ls := strings.ToLower(scheme); ls != "http" && ls != "https" {
		return bad("adapter", "No connection adapters were found for "+vm.StrRepr(s))
	}
	u, err := url.Parse(strings.ReplaceAll(s, " ", "%20"))
	if err != nil {
		return bad("url", "Invalid URL "+vm.StrRepr(s)+": "+err.Error())
	}
	if u.Host == "" || u.Hostname() == "" {
		return bad("url", "Invalid URL "+vm.StrRepr(s)+": No host supplied")
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if u.Path == "" {
		u.Path = "/"
	}
	if q := query.String(); q != "" {
		if u.RawQuery != "" {
			u.RawQuery += "&" + q
		} else {
			u.RawQuery = q
		}
	}
	u.Fragment = ""
	return vm.NewStr(u.String()), nil
}
