// Package hashlib is pya's hashlib module: md5, sha1, sha224, sha256,
// sha384, sha512 and new(name) over Go's crypto packages, with update,
// digest, hexdigest, copy, name, digest_size and block_size.
package hashlib

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"strconv"
	"strings"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// HashType is the type of hash objects (CPython's _hashlib.HASH).
var HashType = vm.MakeNativeType("HASH", "_hashlib", nil)

// Hash is one hash object.
type Hash struct {
	name string
	h    hash.Hash
	data []byte // everything hashed so far, for copy()
}

func (*Hash) Type() *vm.Type { return HashType }

var constructors = map[string]func() hash.Hash{
	"md5":    md5.New,
	"sha1":   sha1.New,
	"sha224": sha256.New224,
	"sha256": sha256.New,
	"sha384": sha512.New384,
	"sha512": sha512.New,
}

func init() {
	HashType.Repr = func(th *vm.Thread, v vm.Value) (string, error) {
		return "<" + v.Object().(*Hash).name + " _hashlib.HASH object @ " + addr(v) + ">", nil
	}
	HashType.AddMethods(map[string]vm.NativeFunc{
		"update":    update,
		"digest":    digest,
		"hexdigest": hexdigest,
		"copy":      copyHash,
	})
	vm.RegisterModule("hashlib", func(th *vm.Thread, m *vm.Module) error {
		names := []vm.Value{}
		for name := range constructors {
			name := name
			m.Dict.SetStr(name, vm.NewBuiltin("openssl_"+name, func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
				return construct(th, name, args, kwnames)
			}))
			names = append(names, vm.NewStr(name))
		}
		if err := vm.SortValues(th, names, vm.NULL, false); err != nil {
			return err
		}
		m.Dict.SetStr("algorithms_guaranteed", vm.NewTuple(names))
		m.Dict.SetStr("algorithms_available", vm.NewTuple(names))
		pyarg.Funcs(m.Dict, map[string]vm.NativeFunc{"new": newHash})
		return nil
	})
}

// addr is the object's address as CPython prints it in reprs.
func addr(v vm.Value) string {
	h := uint64(vm.IdentityHash(v))
	return "0x" + strconv.FormatUint(h<<4|h>>60, 16)
}

func (h *Hash) NativeAttr(th *vm.Thread, name string) (vm.Value, error) {
	switch name {
	case "name":
		return vm.NewStr(h.name), nil
	case "digest_size":
		return vm.Int(int64(h.h.Size())), nil
	case "block_size":
		return vm.Int(int64(h.h.BlockSize())), nil
	}
	return vm.NULL, nil
}

func dataArg(v vm.Value) ([]byte, error) {
	if b, ok := v.Object().(*vm.Bytes); ok {
		return b.B, nil
	}
	if _, ok := pyarg.Str(v); ok {
		return nil, vm.NewError(vm.TypeErrorType, "Strings must be encoded before hashing")
	}
	return nil, vm.NewError(vm.TypeErrorType, "object supporting the buffer API required")
}

func construct(th *vm.Thread, name string, args []vm.Value, kwnames []string) (vm.Value, error) {
	var data, usedfor vm.Value
	if err := vm.ParseArgs("openssl_"+name, args, kwnames, []string{"string?", "$usedforsecurity?"}, &data, &usedfor); err != nil {
		return vm.NULL, err
	}
	h := &Hash{name: name, h: constructors[name]()}
	if !data.IsNull() {
		b, err := dataArg(data)
		if err != nil {
			return vm.NULL, err
		}
		h.h.Write(b)
		h.data = append(h.data, b...)
	}
	return vm.ObjectValue(h), nil
}

func newHash(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var name, data, usedfor vm.Value
	if err := vm.ParseArgs("new", args, kwnames, []string{"name", "data?", "$usedforsecurity?"}, &name, &data, &usedfor); err != nil {
		return vm.NULL, err
	}
	s, ok := pyarg.Str(name)
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "new() argument 'name' must be str, not %s", name.Type().Name)
	}
	s = strings.ToLower(s)
	if _, ok := constructors[s]; !ok {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "unsupported hash type %s", s)
	}
	rest := []vm.Value{}
	if !data.IsNull() {
		rest = append(rest, data)
	}
	return construct(th, s, rest, nil)
}

func self(args []vm.Value) (*Hash, []vm.Value, error) {
	if len(args) > 0 {
		if h, ok := args[0].Object().(*Hash); ok {
			return h, args[1:], nil
		}
	}
	return nil, nil, vm.NewError(vm.TypeErrorType, "descriptor requires a '_hashlib.HASH' object")
}

func update(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	h, rest, err := self(args)
	if err != nil {
		return vm.NULL, err
	}
	if err := pyarg.One("update", rest, kwnames); err != nil {
		return vm.NULL, err
	}
	b, err := dataArg(rest[0])
	if err != nil {
		return vm.NULL, err
	}
	h.h.Write(b)
	h.data = append(h.data, b...)
	return vm.None, nil
}

func digest(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	h, rest, err := self(args)
	if err != nil {
		return vm.NULL, err
	}
	if err := pyarg.NoArgs("digest", rest, kwnames); err != nil {
		return vm.NULL, err
	}
	return vm.NewBytes(h.h.Sum(nil)), nil
}

func hexdigest(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	h, rest, err := self(args)
	if err != nil {
		return vm.NULL, err
	}
	if err := pyarg.NoArgs("hexdigest", rest, kwnames); err != nil {
		return vm.NULL, err
	}
	return vm.NewStr(hex.EncodeToString(h.h.Sum(nil))), nil
}

func copyHash(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	h, rest, err := self(args)
	if err != nil {
		return vm.NULL, err
	}
	if err := pyarg.NoArgs("copy", rest, kwnames); err != nil {
		return vm.NULL, err
	}
	c := &Hash{name: h.name, h: constructors[h.name](), data: append([]byte(nil), h.data...)}
	c.h.Write(c.data)
	return vm.ObjectValue(c), nil
}
