// Package pya embeds the pya interpreter (a Python-like language with
// CPython's asyncio) in Go programs.
//
// Compile a script once and run it in as many interpreters as needed;
// each Interpreter is independent (modules, globals, event loop, clock):
//
//	prog, err := pya.Compile("handler.pya", src)
//	if err != nil {
//		return err // *pya.Error: a SyntaxError with CPython's report
//	}
//	in, err := pya.New(&pya.Options{
//		Stdout:   &buf,
//		Sandbox:  true,          // no open(), os, subprocess, sockets
//		MaxSteps: 1_000_000,     // loop iterations + calls
//		MaxDepth: 200,           // recursion limit
//		Globals:  map[string]any{"fetch": fetchFunc},
//	})
//	if err != nil {
//		return err
//	}
//	defer in.Close()
//	ctx, cancel := context.WithTimeout(ctx, time.Second)
//	defer cancel()
//	if err := in.Run(ctx, prog); err != nil {
//		return err // *pya.Error: type, message, full traceback
//	}
//	result, err := in.Call(ctx, "handle", map[string]any{"path": "/"})
//
// # Values
//
// Values cross the boundary by explicit conversion, not by sharing:
//
//	pya                      Go result            Go accepted
//	None                     nil                  nil
//	bool                     bool                 bool
//	int                      int64, *big.Int      int*, uint*, *big.Int
//	float                    float64              float32, float64
//	str                      string               string
//	bytes, bytearray         []byte (a copy)      []byte (copied to bytes)
//	list, tuple              []any                []any, []string, []int64, []float64
//	dict with only str keys  map[string]any       map[string]any
//	anything else            *Object              *Object, *Function
//
// An *Object (an instance, a set, a function, a subclass of a built-in
// type) is opaque and goes back to pya as the same object.
//
// # Native functions
//
// Func wraps a Go function that reads its arguments through typed
// accessors (Args.Int, Args.String, ...) without reflection; Reflect wraps
// any Go function by reflection, for convenience. AsyncFunc wraps a Go
// function that runs on its own goroutine: pya code awaits the Future it
// returns, and the event loop resolves it through its thread-safe inbox
// while other tasks keep running. A Module groups natives and constants
// under an importable name. A native returns Raise(...) to raise a given
// exception type.
//
// # Cancellation and limits
//
// Every call takes a context.Context. When it is done, the running script
// gets KeyboardInterrupt at its next backward jump or call, again and
// again until it ends (so that catching it does not help), an event loop
// waiting for timers or async natives is woken through its inbox, and
// time.sleep returns early; the returned *Error wraps ctx.Err().
//
// Options.MaxSteps bounds the work of each call: a step is one loop
// iteration, one function or lambda call, or one comprehension item
// (counted by instrumenting the code at compile time; straight-line code
// between steps is bounded by the program's length). Options.MaxDepth
// caps the recursion depth, and Options.Sandbox removes file, process and
// network access.
//
// # Errors
//
// Script failures are returned as *Error values carrying the exception's
// type name, its message and the traceback text CPython would print. A Go
// panic inside the interpreter is recovered and returned as an *Error
// wrapping ErrInternal; nothing panics through this API.
//
// # Concurrency
//
// An Interpreter must be used by one goroutine at a time (async natives
// run on their own goroutines but never touch it). Distinct interpreters
// may run in parallel; see the package tests for the VM state that is
// still shared between them.
package pya
