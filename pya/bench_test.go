package pya_test

import (
	"context"
	"testing"

	"github.com/pya-lang/pya/pya"
)

// BenchmarkFreshInterpreter is the per-request cost of the
// fresh-interpreter-per-run model: New, Run of a small program, Close.
func BenchmarkFreshInterpreter(b *testing.B) {
	p, err := pya.Compile("b.pya", []byte("def handle(n):\n    return sum(range(n))\nr = handle(100)\n"))
	if err != nil {
		b.Fatal(err)
	}
	for _, sandbox := range []bool{false, true} {
		name := "plain"
		if sandbox {
			name = "sandbox"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				in, err := pya.New(&pya.Options{Sandbox: sandbox})
				if err != nil {
					b.Fatal(err)
				}
				if err := in.Run(context.Background(), p); err != nil {
					b.Fatal(err)
				}
				in.Close()
			}
		})
	}
}

// BenchmarkStepCounting compares a loop with and without MaxSteps.
func BenchmarkStepCounting(b *testing.B) {
	p, err := pya.Compile("b.pya", []byte("def f():\n    t = 0\n    for i in range(100000):\n        t += i\n    return t\n"))
	if err != nil {
		b.Fatal(err)
	}
	for _, steps := range []int64{0, 1 << 40} {
		name := "off"
		if steps > 0 {
			name = "on"
		}
		b.Run(name, func(b *testing.B) {
			in, _ := pya.New(&pya.Options{MaxSteps: steps})
			defer in.Close()
			if err := in.Run(context.Background(), p); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := in.Call(context.Background(), "f"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
