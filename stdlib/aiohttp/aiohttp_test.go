package aiohttp_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	goruntime "runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pya-lang/pya/pya"
)

// run runs src on the real clock with BASE replaced by base.
func run(t *testing.T, src, base string) (string, error) {
	t.Helper()
	return runOn(t, src, base, false)
}

// runOn runs src on the virtual clock or the real one.
func runOn(t *testing.T, src, base string, virtual bool) (string, error) {
	t.Helper()
	src = strings.ReplaceAll(src, "BASE", base)
	prog, err := pya.Compile("test.pya", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	in, err := pya.New(&pya.Options{Stdout: &out, Stderr: &errb, VirtualTime: virtual})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = in.Run(ctx, prog)
	if errb.Len() > 0 {
		t.Logf("stderr:\n%s", errb.String())
	}
	return out.String(), err
}

// server is a local test server: /page/NAME, /sleep (100 ms), /json,
// /echo (method, query, headers and body as JSON), /status/N, /hang.
func server(t *testing.T) *httptest.Server {
	var hits atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/page/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html>\n<title>%s</title>", strings.TrimPrefix(r.URL.Path, "/page/"))
	})
	mux.HandleFunc("/sleep", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(100 * time.Millisecond)
		fmt.Fprintf(w, "slept %d", hits.Add(1))
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"method": r.Method, "query": r.URL.RawQuery, "body": string(b),
			"ctype": r.Header.Get("Content-Type"), "x": r.Header.Get("X-Test"),
		})
	})
	mux.HandleFunc("/status/", func(w http.ResponseWriter, r *http.Request) {
		var code int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/status/"), "%d", &code)
		w.WriteHeader(code)
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	s := httptest.NewServer(mux) // 127.0.0.1 only
	t.Cleanup(s.Close)
	return s
}

// TestArticleWebScraping runs the "Real-World Use Case" of seeds/001
// (testdata/articles/module_web_scraping.pya) against a local server.
func TestArticleWebScraping(t *testing.T) {
	s := server(t)
	src, err := os.ReadFile("../../testdata/articles/module_web_scraping.pya")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	for _, host := range []string{"com", "org", "net"} {
		text = strings.Replace(text, "'http://example."+host+"'", "'BASE/page/example."+host+"'", 1)
	}
	got, err := run(t, text, s.URL)
	if err != nil {
		t.Fatal(err)
	}
	want := "<!doctype html>\n<title>example.com</title>\n<!doctype html>\n<title>example.org</title>\n<!doctype html>\n<title>example.net</title>\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestFanOut: 50 concurrent gets of a handler sleeping 100 ms overlap, on
// either clock.
func TestFanOut(t *testing.T) {
	for _, virtual := range []bool{false, true} {
		t.Run(fmt.Sprint("virtual=", virtual), func(t *testing.T) { fanOut(t, virtual) })
	}
}

func fanOut(t *testing.T, virtual bool) {
	s := server(t)
	base := goruntime.NumGoroutine()
	start := time.Now()
	got, err := runOn(t, `
import asyncio, aiohttp

async def fetch(session, i):
    async with session.get('BASE/sleep') as resp:
        return resp.status, (await resp.text()).startswith('slept')

async def main():
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch(session, i) for i in range(50)))
    print(len(results), all(r == (200, True) for r in results), session.closed)

asyncio.run(main())
`, s.URL, virtual)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if got != "50 True True\n" {
		t.Errorf("got %q", got)
	}
	if elapsed > 3*time.Second {
		t.Errorf("50 requests of 100 ms took %v: they did not overlap", elapsed)
	}
	s.CloseClientConnections()
	waitGoroutines(t, base)
}

func waitGoroutines(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for goruntime.NumGoroutine() > base {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			n := goruntime.Stack(buf, true)
			t.Fatalf("%d goroutines left (started with %d):\n%s", goruntime.NumGoroutine(), base, buf[:n])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestClientAPI covers methods, params, json and data bodies, headers,
// awaiting a request directly, raise_for_status and json() errors.
func TestClientAPI(t *testing.T) {
	s := server(t)
	got, err := run(t, `
import asyncio, aiohttp

async def main():
    async with aiohttp.ClientSession(headers={'X-Test': 'session'}) as session:
        async with session.get('BASE/echo', params={'q': 'a b', 'n': 1}) as r:
            print(r.status, r.reason, r.content_type, r.ok)
            d = await r.json()
            print(d['method'], d['query'], d['x'])
            print(r.headers['content-type'], 'Content-Type' in r.headers)
            print(str(r.url).endswith('/echo?q=a+b&n=1'), r.url.path)
        async with session.post('BASE/echo', json={'k': [1, 2]}, headers={'X-Test': 'req'}) as r:
            d = await r.json()
            print(d['method'], d['body'], d['ctype'], d['x'])
        r = await session.put('BASE/echo', data={'a': '1', 'b': 'x y'})
        d = await r.json()
        print(d['method'], d['body'], d['ctype'])
        r = await session.delete('BASE/echo', data=b'raw')
        print((await r.json())['body'], await r.read() == r._body)
        r = await session.request('PATCH', 'BASE/echo', data='text')
        print((await r.json())['ctype'])
        async with session.get('BASE/status/404') as r:
            print(r.status, r.reason, r.ok)
            try:
                r.raise_for_status()
            except aiohttp.ClientResponseError as e:
                print(type(e).__name__, e.status, e.message, isinstance(e, aiohttp.ClientError))
                print(str(e).startswith("404, message='Not Found', url="))
        async with session.get('BASE/page/x') as r:
            try:
                await r.json()
            except aiohttp.ContentTypeError as e:
                print(e.message)
        try:
            await session.get('BASE/status/500', raise_for_status=True)
        except aiohttp.ClientResponseError as e:
            print('raised', e.status)
    print(aiohttp.ClientTimeout(total=5))
    conn = aiohttp.TCPConnector(limit=2)
    async with aiohttp.ClientSession(connector=conn, auth=aiohttp.BasicAuth('u', 'p')) as s:
        rs = await asyncio.gather(*(s.get('BASE/echo') for _ in range(6)))
        print([r.status for r in rs], s.connector is conn)
    print(conn.closed, aiohttp.BasicAuth('u', 'p').encode())

asyncio.run(main())
`, s.URL)
	if err != nil {
		t.Fatal(err)
	}
	want := `200 OK application/json True
GET q=a+b&n=1 session
application/json True
True /echo
POST {"k": [1, 2]} application/json req
PUT a=1&b=x+y application/x-www-form-urlencoded
raw True
text/plain; charset=utf-8
404 Not Found False
ClientResponseError 404 Not Found True
True
Attempt to decode JSON with unexpected mimetype: text/html; charset=utf-8
raised 500
ClientTimeout(total=5, connect=None, sock_read=None, sock_connect=None)
[200, 200, 200, 200, 200, 200] True
True Basic dTpw
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestErrors: connection refused, a timeout, and cancelling a request in
// flight (the server sees its request end).
func TestErrors(t *testing.T) {
	s := server(t)
	base := goruntime.NumGoroutine()
	got, err := run(t, `
import asyncio, aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        try:
            await session.get('http://127.0.0.1:1/')
        except aiohttp.ClientConnectorError as e:
            print(type(e).__name__, isinstance(e, aiohttp.ClientConnectionError), isinstance(e, OSError))
            print(e)
        try:
            async with session.get('BASE/hang', timeout=aiohttp.ClientTimeout(total=0.1)) as r:
                pass
        except asyncio.TimeoutError as e:
            print('TimeoutError', repr(e))
        async def hang():
            return await session.get('BASE/hang')
        task = asyncio.create_task(hang())
        await asyncio.sleep(0.05)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print('cancelled')
        try:
            await session.get('not a url')
        except aiohttp.InvalidURL as e:
            print('InvalidURL', e)

asyncio.run(main())
`, s.URL)
	if err != nil {
		t.Fatal(err)
	}
	want := `ClientConnectorError True True
Cannot connect to host 127.0.0.1:1 ssl:default [Connect call failed ('127.0.0.1', 1)]
TimeoutError TimeoutError()
cancelled
InvalidURL not%20a%20url
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	s.CloseClientConnections()
	waitGoroutines(t, base)
}

// TestSandbox: a sandboxed interpreter cannot import aiohttp's transport.
func TestSandbox(t *testing.T) {
	prog, err := pya.Compile("sandbox.pya", []byte("import aiohttp\n"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := pya.New(&pya.Options{Sandbox: true, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	err = in.Run(context.Background(), prog)
	if err == nil || !strings.Contains(err.Error(), "_pya_http halted") {
		t.Fatalf("want an ImportError, got %v", err)
	}
}
