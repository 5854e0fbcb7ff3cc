// Package codecache keeps compiled code of source files on disk so that
// running or importing an unchanged module skips parsing and compiling (the
// role of CPython's __pycache__).
//
// Entries live in one directory: PYA_CACHE_DIR when set, else
// os.UserCacheDir()/pya. PYA_NO_CACHE=1 turns the cache off. The cache is
// never required: a missing, unwritable, stale, truncated or corrupt entry
// means "compile the source", and a failed write is ignored. Deleting the
// directory at any time is safe.
//
// An entry is a file named after the source's file name, holding a header
// (magic, a stamp of the pya build and instruction set, the digest of the
// file name and source content, a checksum of the payload) and the code in
// compile.Marshal's form. It is used only when the stamp and the content
// digest match, so edited sources and rebuilt interpreters recompile; the
// file name is part of the digest because compiled code (and so tracebacks)
// carries it. Writes go to a temporary file renamed into place, so a reader
// never sees half an entry.
package codecache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/pya-lang/pya/vm/compile"
)

// Cache is a cache directory. A nil *Cache caches nothing.
type Cache struct {
	dir   string
	stamp [32]byte
}

// CompileFunc parses and compiles one source file.
type CompileFunc func(filename string, src []byte) (*compile.Code, error)

var (
	defaultOnce  sync.Once
	defaultCache *Cache
)

// Default returns the cache configured by the environment (see the package
// documentation), or nil when it is turned off or has no directory. The
// environment is read once, on first use.
func Default() *Cache {
	defaultOnce.Do(func() {
		if v := os.Getenv("PYA_NO_CACHE"); v != "" && v != "0" {
			return
		}
		dir := os.Getenv("PYA_CACHE_DIR")
		if dir == "" {
			base, err := os.UserCacheDir()
			if err != nil {
				return
			}
			dir = filepath.Join(base, "pya")
		}
		defaultCache = New(dir)
	})
	return defaultCache
}

// New returns a cache in dir (created on first write), or nil when the
// running executable cannot be identified: without its identity, code
// cached by another build could not be told apart.
func New(dir string) *Cache {
	id, ok := buildIdentity()
	if !ok {
		return nil
	}
	c := &Cache{dir: dir}
	h := sha256.New()
	op := compile.OpcodeTableHash()
	h.Write(op[:])
	h.Write([]byte(strconv.Itoa(compile.MarshalVersion) + "\x00" + id))
	copy(c.stamp[:], h.Sum(nil))
	return c
}

// buildIdentity names this build of pya: the executable's path, size and
// modification time, which change with every rebuild.
func buildIdentity() (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "", false
	}
	return exe + "\x00" + strconv.FormatInt(st.Size(), 10) + "\x00" + strconv.FormatInt(st.ModTime().UnixNano(), 10), true
}

// Compile returns the cached code for filename with content src, or
// compiles it with compileFn and caches the result. Errors are compileFn's
// only. Pseudo-files ("<string>", "<stdin>") are not cached; frozen modules
// ("<frozen name>") are.
func (c *Cache) Compile(filename string, src []byte, compileFn CompileFunc) (*compile.Code, error) {
	if c == nil || (strings.HasPrefix(filename, "<") && !strings.HasPrefix(filename, "<frozen ")) {
		return compileFn(filename, src)
	}
	path, key := c.entry(filename, src)
	if code := c.load(path, key); code != nil {
		return code, nil
	}
	code, err := compileFn(filename, src)
	if err == nil {
		c.store(path, key, code)
	}
	return code, err
}

// header layout: magic, stamp, key, payload checksum (CRC-32C), payload length.
const (
	magic      = "pyac"
	headerSize = len(magic) + 32 + 32 + 4 + 4
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// entry returns the entry's path (one per source file name, so that an
// edited file replaces its old entry) and the content key.
func (c *Cache) entry(filename string, src []byte) (string, [32]byte) {
	abs := filename
	if !strings.HasPrefix(filename, "<") {
		if a, err := filepath.Abs(filename); err == nil {
			abs = a
		}
	}
	name := sha256.Sum256([]byte(abs))
	h := sha256.New()
	h.Write([]byte(filename))
	h.Write([]byte{0})
	h.Write(src)
	var key [32]byte
	copy(key[:], h.Sum(nil))
	return filepath.Join(c.dir, hex.EncodeToString(name[:16])+".pyac"), key
}

// load returns the entry's code if it is intact and matches, else nil.
func (c *Cache) load(path string, key [32]byte) *compile.Code {
	data, err := os.ReadFile(path)
	if err != nil || len(data) < headerSize || string(data[:4]) != magic {
		return nil
	}
	h := data[4:]
	if !bytes.Equal(h[:32], c.stamp[:]) || !bytes.Equal(h[32:64], key[:]) {
		return nil
	}
	sum, n := binary.LittleEndian.Uint32(h[64:]), binary.LittleEndian.Uint32(h[68:])
	payload := data[headerSize:]
	if uint64(n) != uint64(len(payload)) || crc32.Checksum(payload, crcTable) != sum {
		return nil
	}
	code, err := compile.Unmarshal(payload)
	if err != nil {
		return nil
	}
	return code
}

// store writes the entry atomically; any failure leaves no entry behind
// and is otherwise ignored.
func (c *Cache) store(path string, key [32]byte, code *compile.Code) {
	payload := compile.Marshal(code)
	data := make([]byte, 0, headerSize+len(payload))
	data = append(data, magic...)
	data = append(data, c.stamp[:]...)
	data = append(data, key[:]...)
	data = binary.LittleEndian.AppendUint32(data, crc32.Checksum(payload, crcTable))
	data = binary.LittleEndian.AppendUint32(data, uint32(len(payload)))
	data = append(data, payload...)
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(c.dir, ".tmp-*")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}
