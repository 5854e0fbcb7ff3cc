package pya_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pya-lang/pya/pya"
)

func Example() {
	prog, err := pya.Compile("hello.pya", []byte(`
import asyncio

async def greet(name, delay):
    await asyncio.sleep(delay)
    print("hello,", name)

async def main():
    await asyncio.gather(greet("world", 0.2), greet("pya", 0.1))

asyncio.run(main())
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	// Compiled once, run in fresh interpreters (virtual time: no waiting).
	for i := 0; i < 2; i++ {
		in, _ := pya.New(&pya.Options{VirtualTime: true})
		if err := in.Run(context.Background(), prog); err != nil {
			fmt.Println(err)
		}
		in.Close()
	}
	// Output:
	// hello, pya
	// hello, world
	// hello, pya
	// hello, world
}

func ExampleInterpreter_Eval() {
	in, _ := pya.New(nil)
	defer in.Close()
	v, err := in.Eval(context.Background(), "[n * n for n in range(5)]")
	fmt.Println(v, err)
	v, _ = in.Eval(context.Background(), "2 ** 100")
	fmt.Printf("%T %v\n", v, v)
	// Output:
	// [0 1 4 9 16] <nil>
	// *big.Int 1267650600228229401496703205376
}

func ExampleInterpreter_SetGlobal() {
	in, _ := pya.New(nil)
	defer in.Close()
	in.SetGlobal("config", map[string]any{"name": "svc", "ports": []any{80, 443}})
	in.Exec(context.Background(), "setup.pya", `summary = f"{config['name']}: {len(config['ports'])} ports"`)
	s, ok := in.Global("summary")
	fmt.Println(s, ok)
	// Output: svc: 2 ports true
}

func ExampleInterpreter_Call() {
	in, _ := pya.New(&pya.Options{VirtualTime: true})
	defer in.Close()
	in.Exec(context.Background(), "lib.pya", `
import asyncio

def add(a, b):
    return a + b

async def fetch_all(keys):
    async def one(k):
        await asyncio.sleep(1)
        return k.upper()
    return await asyncio.gather(*(one(k) for k in keys))
`)
	sum, _ := in.Call(context.Background(), "add", 2, 40)
	fmt.Println(sum)
	// An async def runs to completion on a new event loop.
	all, _ := in.Call(context.Background(), "fetch_all", []string{"a", "b"})
	fmt.Println(all)
	// Output:
	// 42
	// [A B]
}

func ExampleFunc() {
	repeat := pya.Func("repeat", func(args pya.Args) (any, error) {
		s, err := args.String(0)
		if err != nil {
			return nil, err
		}
		n, err := args.Int(1)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, pya.Raise("ValueError", "negative count")
		}
		return strings.Repeat(s, int(n)), nil
	})
	in, _ := pya.New(&pya.Options{Globals: map[string]any{"repeat": repeat}})
	defer in.Close()
	in.Exec(context.Background(), "f.pya", `
print(repeat("ab", 3))
try:
    repeat("ab", -1)
except ValueError as e:
    print("ValueError:", e)
try:
    repeat(1, 2)
except TypeError as e:
    print("TypeError:", e)
`)
	// Output:
	// ababab
	// ValueError: negative count
	// TypeError: repeat() argument 1 must be str, not int
}

func ExampleReflect() {
	in, _ := pya.New(&pya.Options{Globals: map[string]any{
		"hypot": pya.Reflect("hypot", func(a, b float64) float64 { return a*a + b*b }),
	}})
	defer in.Close()
	v, _ := in.Eval(context.Background(), "hypot(3, 4)")
	fmt.Println(v)
	// Output: 25
}

func ExampleModule() {
	kv := map[string]any{}
	store := &pya.Module{Name: "store", Members: map[string]any{
		"VERSION": "1.0",
		"put": pya.Func("put", func(a pya.Args) (any, error) {
			k, err := a.String(0)
			if err != nil {
				return nil, err
			}
			v, err := a.Value(1)
			kv[k] = v
			return nil, err
		}),
	}}
	in, _ := pya.New(&pya.Options{Modules: []*pya.Module{store}})
	defer in.Close()
	in.Exec(context.Background(), "m.pya", "import store\nfrom store import put\nput('v', store.VERSION)\nput('xs', [1, 2])")
	fmt.Println(kv)
	// Output: map[v:1.0 xs:[1 2]]
}

func ExampleAsyncFunc() {
	// fetch runs on its own goroutine; the event loop keeps running the
	// other tasks until the loop's inbox delivers the result.
	fetch := pya.AsyncFunc("fetch", func(ctx context.Context, a pya.Args) (any, error) {
		url, err := a.String(0)
		if err != nil {
			return nil, err
		}
		select {
		case <-time.After(20 * time.Millisecond):
			return "<body of " + url + ">", nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	})
	in, _ := pya.New(&pya.Options{Globals: map[string]any{"fetch": fetch}})
	defer in.Close()
	err := in.Exec(context.Background(), "a.pya", `
import asyncio

spins = 0

async def spinner():
    global spins
    while True:
        spins += 1
        await asyncio.sleep(0.001)

async def main():
    s = asyncio.create_task(spinner())
    body = await fetch("http://example.com")
    s.cancel()
    print("spinner ran meanwhile:", spins > 0)
    print(body)

asyncio.run(main())
`)
	fmt.Println(err)
	// Output:
	// spinner ran meanwhile: True
	// <body of http://example.com>
	// <nil>
}

func ExampleInterpreter_Run_cancel() {
	prog, _ := pya.Compile("spin.pya", []byte("while True:\n    pass\n"))
	in, _ := pya.New(nil)
	defer in.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	err := in.Run(ctx, prog)
	fmt.Println(errors.Is(err, context.DeadlineExceeded), err)
	// Output: true KeyboardInterrupt
}

func ExampleOptions_maxSteps() {
	in, _ := pya.New(&pya.Options{MaxSteps: 1000})
	defer in.Close()
	err := in.Exec(context.Background(), "fib.pya", "def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)\nfib(30)\n")
	fmt.Println(errors.Is(err, pya.ErrStepLimit), err)
	// Output: true StepLimitError: step limit of 1000 exceeded
}

func ExampleOptions_maxDepth() {
	in, _ := pya.New(&pya.Options{MaxDepth: 100})
	defer in.Close()
	err := in.Exec(context.Background(), "r.pya", "def f(n):\n    return f(n + 1)\nf(0)\n")
	fmt.Println(err)
	// Output: RecursionError: maximum recursion depth exceeded
}

func ExampleOptions_sandbox() {
	in, _ := pya.New(&pya.Options{Sandbox: true})
	defer in.Close()
	for _, src := range []string{"open('/etc/passwd')", "import os", "import json"} {
		fmt.Println(src, "->", in.Exec(context.Background(), "s.pya", src))
	}
	// Output:
	// open('/etc/passwd') -> NameError: name 'open' is not defined
	// import os -> ModuleNotFoundError: import of os halted; None in sys.modules
	// import json -> <nil>
}

func ExampleOptions_stdio() {
	var out strings.Builder
	in, _ := pya.New(&pya.Options{Stdin: strings.NewReader("3\n"), Stdout: &out})
	defer in.Close()
	in.Exec(context.Background(), "io.pya", "n = int(input())\nprint('x' * n)")
	fmt.Printf("%q\n", out.String())
	// Output: "xxx\n"
}

func ExampleError() {
	in, _ := pya.New(nil)
	defer in.Close()
	err := in.Exec(context.Background(), "calc.pya", "def parse(s):\n    return int(s)\n\nparse('x')\n")
	var e *pya.Error
	if errors.As(err, &e) {
		fmt.Println(e.Type, "|", e.Message)
		fmt.Print(e.Traceback)
	}
	// Output:
	// ValueError | invalid literal for int() with base 10: 'x'
	// Traceback (most recent call last):
	//   File "calc.pya", line 4, in <module>
	//     parse('x')
	//   File "calc.pya", line 2, in parse
	//     return int(s)
	//            ^^^^^^
	// ValueError: invalid literal for int() with base 10: 'x'

}

func ExampleCompile() {
	_, err := pya.Compile("bad.pya", []byte("def f(:\n    pass\n"))
	fmt.Print(err.(*pya.Error).Traceback)
	// Output:
	//   File "bad.pya", line 1
	//     def f(:
	//           ^
	// SyntaxError: invalid syntax
}
