// Package testserve holds the local servers that golden programs marked
// "# pya: serve NAME" run against. The golden harness (cmd/pya) starts one
// in-process and passes its PYA_RESOLVE value to pya; testdata/regen.sh
// starts the same server (./internal/testserve/serve) and runs CPython with
// a getaddrinfo override (testdata/regen/resolve/sitecustomize.py), so that
// both print what the same server says. Servers listen on 127.0.0.1 only,
// and every response is deterministic (no Date header).
package testserve

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Server is a running fixture server.
type Server struct {
	srv *httptest.Server
	// Resolve is the PYA_RESOLVE value that sends the fixture's host names
	// to the server.
	Resolve string
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// fixtures maps a fixture name to its handler and the host names
// ("host:port") that resolve to it.
var fixtures = map[string]struct {
	hosts   []string
	handler func() http.Handler
}{
	"web": {[]string{"example.com:80", "example.org:80", "example.net:80"}, webHandler},
}

// Names lists the fixtures.
func Names() []string {
	var ns []string
	for n := range fixtures {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// Start starts the fixture server name on 127.0.0.1.
func Start(name string) (*Server, error) {
	f, ok := fixtures[name]
	if !ok {
		return nil, fmt.Errorf("testserve: no fixture %q (have %s)", name, strings.Join(Names(), ", "))
	}
	srv := httptest.NewServer(f.handler())
	addr := strings.TrimPrefix(srv.URL, "http://")
	var rs []string
	for _, h := range f.hosts {
		rs = append(rs, h+"="+addr)
	}
	return &Server{srv: srv, Resolve: strings.Join(rs, ",")}, nil
}

// webHandler is the "web" fixture: example.com, example.org and
// example.net. Paths:
//
//	/             an HTML page naming the host
//	/json         {"host": HOST, "items": [1, 2, 3]}
//	/echo         the request as JSON: method, path, query, body, headers
//	              (sorted; only Content-Type, Accept and X-* ones)
//	/status/N     status N with a short text body
//	/sleep?ms=N   waits N ms (at most 5 s), then "slept N"
//	/redirect     302 to /
//
// Anything else is 404.
func webHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			text(w, http.StatusNotFound, "no page "+r.URL.Path+"\n")
			return
		}
		host := hostName(r)
		body := "<!doctype html>\n<html>\n<head>\n    <title>Example Domain</title>\n</head>\n<body>\n" +
			"<h1>Example Domain</h1>\n<p>" + host + " is for use in illustrative examples in documents.</p>\n" +
			"</body>\n</html>\n"
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		write(w, http.StatusOK, body)
	})
	mux.HandleFunc("/json", func(w http.ResponseWriter, r *http.Request) {
		b, _ := json.Marshal(map[string]any{"host": hostName(r), "items": []int{1, 2, 3}})
		w.Header().Set("Content-Type", "application/json")
		write(w, http.StatusOK, string(b))
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		hs := map[string]string{}
		for k, v := range r.Header {
			if k == "Content-Type" || k == "Accept" || strings.HasPrefix(k, "X-") {
				hs[k] = strings.Join(v, ", ")
			}
		}
		b, _ := json.Marshal(map[string]any{"method": r.Method, "path": r.URL.Path,
			"query": r.URL.RawQuery, "body": string(body), "headers": hs})
		w.Header().Set("Content-Type", "application/json")
		write(w, http.StatusOK, string(b))
	})
	mux.HandleFunc("/status/", func(w http.ResponseWriter, r *http.Request) {
		code, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/status/"))
		if err != nil || code < 200 || code > 599 {
			text(w, http.StatusBadRequest, "bad status\n")
			return
		}
		text(w, code, http.StatusText(code)+"\n")
	})
	mux.HandleFunc("/sleep", func(w http.ResponseWriter, r *http.Request) {
		ms, _ := strconv.Atoi(r.URL.Query().Get("ms"))
		ms = min(max(ms, 0), 5000)
		select {
		case <-time.After(time.Duration(ms) * time.Millisecond):
		case <-r.Context().Done():
			return
		}
		text(w, http.StatusOK, "slept "+strconv.Itoa(ms)+"\n")
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/")
		write(w, http.StatusFound, "")
	})
	return mux
}

// hostName is the request's host without its port.
func hostName(r *http.Request) string {
	h, _, ok := strings.Cut(r.Host, ":")
	if !ok {
		return r.Host
	}
	return h
}

func text(w http.ResponseWriter, code int, s string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	write(w, code, s)
}

// write sends a response with a Content-Length and no Date header.
func write(w http.ResponseWriter, code int, s string) {
	w.Header()["Date"] = nil
	w.Header().Set("Content-Length", strconv.Itoa(len(s)))
	w.WriteHeader(code)
	io.WriteString(w, s)
}
