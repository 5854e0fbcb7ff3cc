package vm

import (
	"io"
	"testing"
)

// benchProgram compiles src once and runs it b.N times (each run a fresh
// interpreter: the per-iteration work dominates).
func benchProgram(b *testing.B, src string) {
	code, err := compileSource("bench.pya", []byte(src))
	if err != nil {
		b.Fatal(err)
	}
	in := NewInterpreter(Config{Stdout: io.Discard, Stderr: io.Discard})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := in.ExecMain(code, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIntLoop: 10^5 iterations of an int while loop per op; must not
// allocate per iteration.
func BenchmarkIntLoop(b *testing.B) {
	benchProgram(b, `
def f():
    i = 0
    s = 0
    while i < 100000:
        s = s + i * 2
        i += 1
    return s
f()
`)
}

// BenchmarkForRange: a for loop over range.
func BenchmarkForRange(b *testing.B) {
	benchProgram(b, `
def f():
    s = 0
    for i in range(100000):
        s += i
    return s
f()
`)
}

// BenchmarkCall: 10^5 Python-to-Python calls.
func BenchmarkCall(b *testing.B) {
	benchProgram(b, `
def add(a, b):
    return a + b
def f():
    s = 0
    i = 0
    while i < 100000:
        s = add(s, i)
        i += 1
    return s
f()
`)
}

// BenchmarkFib: recursive calls.
func BenchmarkFib(b *testing.B) {
	benchProgram(b, `
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
fib(20)
`)
}

// BenchmarkAttr: instance attribute loads and stores.
func BenchmarkAttr(b *testing.B) {
	benchProgram(b, `
class P:
    def __init__(self):
        self.x = 0
def f():
    p = P()
    i = 0
    while i < 100000:
        p.x = p.x + 1
        i += 1
    return p.x
f()
`)
}

// BenchmarkMethodCall: method calls through LOAD_METHOD/CALL_METHOD.
func BenchmarkMethodCall(b *testing.B) {
	benchProgram(b, `
class C:
    def m(self, a):
        return a + 1
def f():
    c = C()
    i = 0
    s = 0
    while i < 100000:
        s = c.m(s)
        i += 1
    return s
f()
`)
}

// BenchmarkAwaitChain: 10^5 awaits of a coroutine that never suspends (the
// `chain` benchmark without an event loop).
func BenchmarkAwaitChain(b *testing.B) {
	benchProgram(b, awaitLoopProgram(100000))
}
