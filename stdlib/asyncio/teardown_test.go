package asyncio_test

import (
	goruntime "runtime"
	"testing"
)

// TestRunClosesLeftovers: a server that is never closed, a connection
// whose writer is never closed and a reader left waiting on it do not
// outlive asyncio.run: its teardown closes the loop's listeners and
// transports, so that their goroutines (accept, read) end. (CPython closes
// them only when the garbage collector gets to them, with a
// ResourceWarning; pya has no finalizers for them, so the loop does it.)
func TestRunClosesLeftovers(t *testing.T) {
	base := goruntime.NumGoroutine()
	out, err := runPya(t, "leftovers.pya", `
import asyncio

async def handle(reader, writer):
    await reader.read(100)  # never gets data: the client never writes

async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    asyncio.create_task(reader.read(100))
    await asyncio.sleep(0.05)
    print('leaving with an open server and connection')
    return port

asyncio.run(main())
`)
	if err != nil {
		t.Fatal(err)
	}
	if out != "leaving with an open server and connection\n" {
		t.Errorf("got %q", out)
	}
	waitGoroutines(t, base)
}
