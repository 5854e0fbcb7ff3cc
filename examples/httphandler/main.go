// Command httphandler is a Go HTTP service whose requests are answered by
// a pya script: the script is compiled once at startup, and every request
// runs it in a fresh sandboxed interpreter, under a timeout and a step
// limit, with an async native (lookup) standing for a database.
//
//	go run ./examples/httphandler -addr 127.0.0.1:8080
//	curl '127.0.0.1:8080/hello?name=ada'
//	curl '127.0.0.1:8080/users?ids=1,2,3'
package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/pya-lang/pya/pya"
)

//go:embed handler.pya
var handlerSource []byte

// Server runs a compiled pya handler per request.
type Server struct {
	prog    *pya.Program
	timeout time.Duration
	natives map[string]any
	log     *log.Logger
}

// NewServer compiles the handler script once.
func NewServer(src []byte, timeout time.Duration, logger *log.Logger) (*Server, error) {
	prog, err := pya.Compile("handler.pya", src)
	if err != nil {
		return nil, err
	}
	users := map[int64]string{1: "ada", 2: "grace", 3: "barbara"}
	lookup := pya.AsyncFunc("lookup", func(ctx context.Context, a pya.Args) (any, error) {
		id, err := a.Int(0)
		if err != nil {
			return nil, err
		}
		select { // a slow backend
		case <-time.After(10 * time.Millisecond):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		name, ok := users[id]
		if !ok {
			return nil, pya.Raise("KeyError", "%d", id)
		}
		return name, nil
	})
	return &Server{prog: prog, timeout: timeout, natives: map[string]any{"lookup": lookup}, log: logger}, nil
}

// ServeHTTP runs handle(req) in a new interpreter.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
	defer cancel()
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	query := map[string]any{}
	for k, v := range r.URL.Query() {
		query[k] = v[0]
	}
	var scriptOut strings.Builder
	in, err := pya.New(&pya.Options{
		Stdout:   &scriptOut,
		Stderr:   &scriptOut,
		Sandbox:  true,
		MaxSteps: 5_000_000,
		MaxDepth: 200,
		Globals:  s.natives,
	})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer in.Close()
	if err := in.Run(ctx, s.prog); err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := in.Call(ctx, "handle", map[string]any{
		"method": r.Method,
		"path":   r.URL.Path,
		"query":  query,
		"body":   string(body),
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m, ok := res.(map[string]any)
	status, _ := m["status"].(int64)
	text, _ := m["body"].(string)
	if !ok || status < 100 || status > 999 {
		http.Error(w, "handler returned a bad response", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(int(status))
	io.WriteString(w, text)
}

// fail maps script errors to responses: a timeout is 504, any other
// script error 500 with its last traceback line; the full traceback goes
// to the log, not to the client.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *pya.Error
	if errors.As(err, &pe) && s.log != nil {
		s.log.Printf("%s %s: %s", r.Method, r.URL.Path, strings.TrimSpace(pe.Traceback))
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, pya.ErrStepLimit):
		http.Error(w, "handler timed out", http.StatusGatewayTimeout)
	default:
		http.Error(w, "handler failed: "+err.Error(), http.StatusInternalServerError)
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	timeout := flag.Duration("timeout", time.Second, "per-request time limit")
	flag.Parse()
	logger := log.New(os.Stderr, "httphandler: ", log.LstdFlags)
	srv, err := NewServer(handlerSource, *timeout, logger)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	logger.Printf("listening on %s", *addr)
	logger.Fatal(http.ListenAndServe(*addr, srv))
}
