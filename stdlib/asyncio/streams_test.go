package asyncio_test

import (
	"bytes"
	"context"
	"os"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"github.com/pya-lang/pya/pya"
)

// runPya runs src on the real clock and returns its stdout and error.
func runPya(t *testing.T, name, src string) (string, error) {
	t.Helper()
	prog, err := pya.Compile(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	in, err := pya.New(&pya.Options{Stdout: &out, Stderr: &errb})
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

// waitGoroutines fails when the goroutine count does not come back to
// base: an I/O operation leaked.
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

// TestCancelRead runs testdata/io/cancel_read.pya on the real clock (the
// golden tests run it on the virtual one) and compares it with CPython's
// output.
func TestCancelRead(t *testing.T) {
	base := goruntime.NumGoroutine()
	src, err := os.ReadFile("../../testdata/io/cancel_read.pya")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../testdata/io/cancel_read.out")
	if err != nil {
		t.Fatal(err)
	}
	got, err := runPya(t, "cancel_read.pya", string(src))
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	waitGoroutines(t, base)
}

// TestDrainThenClose checks that a large write whose drain() returned
// reaches the peer whole, even when the writer closes at once.
func TestDrainThenClose(t *testing.T) {
	base := goruntime.NumGoroutine()
	got, err := runPya(t, "drain.pya", `
import asyncio

async def main():
    done = asyncio.get_running_loop().create_future()
    async def handle(reader, writer):
        data = await reader.read()
        done.set_result(len(data))
        writer.close()
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for i in range(64):
        writer.write(b'x' * 65536)
    await writer.drain()
    writer.close()
    print(await done)
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(main())
`)
	if err != nil {
		t.Fatal(err)
	}
	if got != "4194304\n" {
		t.Errorf("got %q", got)
	}
	waitGoroutines(t, base)
}

// TestServeForeverCancel: cancelling serve_forever closes the server, and
// a client blocked in a read gets EOF when its peer goes away.
func TestServeForeverCancel(t *testing.T) {
	base := goruntime.NumGoroutine()
	got, err := runPya(t, "serve.pya", `
import asyncio

async def main():
    conns = []
    async def handle(reader, writer):
        conns.append(writer)
        writer.write(b'hi\n')
    server = await asyncio.start_server(handle, '127.0.0.1', 0, start_serving=False)
    port = server.sockets[0].getsockname()[1]
    task = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print(await reader.readline())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('serve_forever cancelled', server.is_serving())
    conns[0].close()
    print(await reader.read(), reader.at_eof())
    writer.close()
    await writer.wait_closed()

asyncio.run(main())
`)
	if err != nil {
		t.Fatal(err)
	}
	want := "b'hi\\n'\nserve_forever cancelled False\nb'' True\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	waitGoroutines(t, base)
}

// TestDeadlockWithIdleConnection: an open connection nobody reads from
// does not hide a deadlock.
func TestDeadlockWithIdleConnection(t *testing.T) {
	_, err := runPya(t, "dl.pya", `
import asyncio

async def main():
    server = await asyncio.start_server(lambda r, w: None, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    server.close()
    await asyncio.Queue().get()

asyncio.run(main())
`)
	if err == nil || !strings.Contains(err.Error(), "DeadlockError") {
		t.Fatalf("want a DeadlockError, got %v", err)
	}
}

// TestGoldenIOLeaks runs the testdata/io golden programs on the real clock
// (the golden tests run them on the virtual one) and checks that every
// goroutine their I/O started has ended.
func TestGoldenIOLeaks(t *testing.T) {
	for _, name := range []string{"echo_server", "subprocess_stream", "protocol_echo", "cancel_read", "server_api", "stream_errors"} {
		t.Run(name, func(t *testing.T) {
			base := goruntime.NumGoroutine()
			src, err := os.ReadFile("../../testdata/io/" + name + ".pya")
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile("../../testdata/io/" + name + ".out")
			if err != nil {
				t.Fatal(err)
			}
			got, err := runPya(t, name+".pya", string(src))
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			waitGoroutines(t, base)
		})
	}
}

// TestWaitTimeout: a wait() cut by wait_for keeps the exit status for the
// next wait().
func TestWaitTimeout(t *testing.T) {
	got, err := runPya(t, "wait.pya", `
import asyncio
async def main():
    p = await asyncio.create_subprocess_exec('sleep', '0.3')
    try:
        await asyncio.wait_for(p.wait(), 0.05)
    except asyncio.TimeoutError:
        print('timeout', p.returncode)
    print(await p.wait(), p.returncode, await p.wait())
asyncio.run(main())
`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "timeout None\n0 0 0\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSandbox: a sandboxed interpreter gets no sockets or processes
// through asyncio.
func TestSandbox(t *testing.T) {
	prog, err := pya.Compile("sandbox.pya", []byte(`
import asyncio
async def main():
    for f in (lambda: asyncio.open_connection('127.0.0.1', 1), lambda: asyncio.create_subprocess_exec('true')):
        try:
            await f()
        except ImportError as e:
            print(type(e).__name__, e)
asyncio.run(main())
`))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	in, err := pya.New(&pya.Options{Stdout: &out, Sandbox: true})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if err := in.Run(context.Background(), prog); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "halted") || !strings.Contains(lines[1], "halted") {
		t.Errorf("got %q, want two ModuleNotFoundErrors", out.String())
	}
}
