package aiofiles_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pya-lang/pya/pya"
)

// TestRoundTrip writes, reads (whole, by line, async for, seek/tell) and
// removes files through aiofiles and aiofiles.os in a temporary directory.
// The expected output is what aiofiles 23 prints under CPython 3.11.
func TestRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sub")
	src := strings.ReplaceAll(program, "DIR", dir)
	prog, err := pya.Compile("aiofiles_test.pya", []byte(src))
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
	if err := in.Run(ctx, prog); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	if got := out.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

const program = `import asyncio, aiofiles, aiofiles.os, os

async def main():
    d = 'DIR'
    if not await aiofiles.os.path.exists(d):
        await aiofiles.os.mkdir(d)
    p = d + '/a.txt'
    async with aiofiles.open(p, 'w') as f:
        print(await f.write('line one\n'))
        await f.writelines(['line two\n', 'line three\n'])
    async with aiofiles.open(p) as f:
        print(repr(await f.read()))
        print(await f.seek(5), await f.tell())
        print(repr(await f.readline()))
        print(await f.readlines())
    async with aiofiles.open(p, 'r') as f:
        async for line in f:
            print(repr(line))
    f = await aiofiles.open(p, 'rb')
    print(await f.read(4))
    await f.close()
    print(f.closed)
    print((await aiofiles.os.stat(p)).st_size)
    await aiofiles.os.rename(p, d + '/b.txt')
    print(await aiofiles.os.path.exists(p), await aiofiles.os.path.isfile(d + '/b.txt'))
    await aiofiles.os.remove(d + '/b.txt')
    await aiofiles.os.rmdir(d)
    print(await aiofiles.os.path.exists(d))
    try:
        async with aiofiles.open('/nonexistent/x') as f:
            pass
    except FileNotFoundError as e:
        print(e)

asyncio.run(main())
`

const want = `9
'line one\nline two\nline three\n'
5 5
'one\n'
['line two\n', 'line three\n']
'line one\n'
'line two\n'
'line three\n'
b'line'
True
29
False True
False
[Errno 2] No such file or directory: '/nonexistent/x'
`
