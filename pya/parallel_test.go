package pya_test

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/pya-lang/pya/pya"
)

// Fifty interpreters run the same compiled program in parallel goroutines:
// async natives, asyncio, classes, generators, imports, errors; each gets
// only its own output.
//
// The VM keeps no mutable process-wide state: class registries live on heap
// types and per interpreter, shared strs carry precomputed hashes, and
// built-in types' LOAD_METHOD flags are cached in a sync.Map.
func TestParallelInterpreters(t *testing.T) {
	p, err := pya.Compile("par.pya", []byte(`
import asyncio, json, collections

class Acc:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)

def gen(n):
    for i in range(n):
        yield i * ident

async def worker(acc, k):
    await asyncio.sleep(0.001)
    v = await lookup(k)
    acc.add(v)

async def main():
    acc = Acc()
    await asyncio.gather(*(worker(acc, k) for k in range(5)))
    c = collections.defaultdict(int)
    for x in gen(30):
        c[x % 3] += 1
    try:
        {}["missing"]
    except KeyError:
        pass
    print(ident, sorted(acc.items), sum(gen(10)), json.dumps(c[0]))
    return ident

result = asyncio.run(main())
`))
	if err != nil {
		t.Fatal(err)
	}
	lookup := pya.AsyncFunc("lookup", func(ctx context.Context, a pya.Args) (any, error) {
		k, err := a.Int(0)
		if err != nil {
			return nil, err
		}
		time.Sleep(time.Millisecond)
		return k * 10, nil
	})
	inParallel(t, 50, func(i int) error {
		var out bytes.Buffer
		in, err := pya.New(&pya.Options{Stdout: &out, VirtualTime: i%2 == 0, MaxSteps: 1_000_000,
			Globals: map[string]any{"ident": i, "lookup": lookup}})
		if err != nil {
			return err
		}
		defer in.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second) // a hang guard: 50 interpreters under -race on a loaded machine are slow
		defer cancel()
		if err := in.Run(ctx, p); err != nil {
			return fmt.Errorf("interpreter %d: %v\n%s", i, err, traceback(err))
		}
		want := fmt.Sprintf("%d [0, 10, 20, 30, 40] %d %d\n", i, 45*i, map[bool]int{true: 30, false: 10}[i%3 == 0])
		if out.String() != want {
			return fmt.Errorf("interpreter %d printed %q, want %q", i, out.String(), want)
		}
		if r, _ := in.Global("result"); r != int64(i) {
			return fmt.Errorf("interpreter %d: result %v", i, r)
		}
		return nil
	})
}

// inParallel runs f(0) … f(n-1) on n goroutines at once and reports every
// error f returns.
func inParallel(t *testing.T, n int, f func(i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if err := f(i); err != nil {
				errs <- err
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestParallelClasses creates classes (deriving from a shared built-in
// type) in parallel interpreters.
func TestParallelClasses(t *testing.T) {
	p, err := pya.Compile("cls.pya", []byte("for i in range(200):\n    class C(dict):\n        pass\n    C.x = i\n"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in, err := pya.New(nil)
			if err != nil {
				t.Error(err)
				return
			}
			defer in.Close()
			if err := in.Run(context.Background(), p); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

// TestParallelRegexps compiles and matches the same patterns from parallel
// interpreters: the re module's pattern cache and each pattern's lazily
// built anchored forms are shared by the whole process.
func TestParallelRegexps(t *testing.T) {
	p, err := pya.Compile("re.pya", []byte(`
import re
hits = 0
for i in range(200):
    pat = r"(\d+)-" + str(i % 7)
    if re.match(pat, str(ident) + "-" + str(i % 7)) and re.fullmatch(r"(a+)b\1", "aabaa"):
        hits += 1
    if i % 50 == 0:
        re.purge()
print(ident, hits, re.sub(r"(?<=x)y", "Z", "xyxy"))
`))
	if err != nil {
		t.Fatal(err)
	}
	inParallel(t, 16, func(i int) error {
		var out bytes.Buffer
		in, err := pya.New(&pya.Options{Stdout: &out, Globals: map[string]any{"ident": i}})
		if err != nil {
			return err
		}
		defer in.Close()
		if err := in.Run(context.Background(), p); err != nil {
			return fmt.Errorf("interpreter %d: %v", i, err)
		}
		if want := fmt.Sprintf("%d 200 xZxZ\n", i); out.String() != want {
			return fmt.Errorf("interpreter %d printed %q, want %q", i, out.String(), want)
		}
		return nil
	})
}
