package main

import (
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// newTestServer serves on 127.0.0.1 only.
func newTestServer(t *testing.T, timeout time.Duration) *httptest.Server {
	t.Helper()
	var logs strings.Builder
	var mu sync.Mutex
	srv, err := NewServer(handlerSource, timeout, log.New(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return logs.Write(p)
	}), "", 0))
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(srv)
	ts.Listener.Close()
	ts.Listener = l
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestHandler(t *testing.T) {
	ts := newTestServer(t, 500*time.Millisecond)
	cases := []struct {
		path   string
		status int
		body   string
	}{
		{"/hello?name=ada", 200, "hello ada\n"},
		{"/hello", 200, "hello world\n"},
		{"/users?ids=1,3", 200, `{"1": "ada", "3": "barbara"}` + "\n"},
		{"/users?ids=9", 500, "handler failed: KeyError: '9'\n"},
		{"/boom", 500, "handler failed: ZeroDivisionError: division by zero\n"},
		{"/nope", 404, "no route for /nope\n"},
	}
	for _, c := range cases {
		status, body := get(t, ts.URL+c.path)
		if status != c.status || body != c.body {
			t.Errorf("GET %s = %d %q, want %d %q", c.path, status, body, c.status, c.body)
		}
	}
}

func TestHandlerTimeout(t *testing.T) {
	ts := newTestServer(t, 50*time.Millisecond)
	start := time.Now()
	status, body := get(t, ts.URL+"/spin")
	if status != http.StatusGatewayTimeout || body != "handler timed out\n" {
		t.Errorf("GET /spin = %d %q", status, body)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("timeout took %v", d)
	}
	// The server is still fine.
	if status, _ := get(t, ts.URL+"/hello"); status != 200 {
		t.Errorf("after timeout: %d", status)
	}
}

// TestHandlerConcurrent serves requests in parallel interpreters.
func TestHandlerConcurrent(t *testing.T) {
	ts := newTestServer(t, 2*time.Second)
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			path := "/users?ids=1,2"
			want := `{"1": "ada", "2": "grace"}` + "\n"
			if i%2 == 0 {
				path, want = "/hello?name=n", "hello n\n"
			}
			resp, err := http.Get(ts.URL + path)
			if err != nil {
				t.Error(err)
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || string(b) != want {
				t.Errorf("GET %s = %d %q", path, resp.StatusCode, b)
			}
		}(i)
	}
	wg.Wait()
}
