// Package base64 is pya's base64 module (b64, urlsafe b64, b32 and b16
// encodings) over Go's encoding packages.
package base64

import (
	"encoding/base32"
	gob64 "encoding/base64"
	"encoding/hex"
	"strings"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// BinasciiErrorType is binascii.Error (a ValueError).
var BinasciiErrorType = vm.NewExceptionType("Error", "binascii", vm.ValueErrorType)

func init() {
	vm.RegisterModule("base64", func(th *vm.Thread, m *vm.Module) error {
		pyarg.Funcs(m.Dict, map[string]vm.NativeFunc{
			"b64encode":          encoder("b64encode", gob64.StdEncoding.EncodeToString),
			"standard_b64encode": encoder("standard_b64encode", gob64.StdEncoding.EncodeToString),
			"urlsafe_b64encode":  encoder("urlsafe_b64encode", gob64.URLEncoding.EncodeToString),
			"b32encode":          encoder("b32encode", base32.StdEncoding.EncodeToString),
			"b16encode":          encoder("b16encode", func(b []byte) string { return strings.ToUpper(hex.EncodeToString(b)) }),
			"b64decode":          decoder("b64decode", b64decode(gob64.StdEncoding)),
			"standard_b64decode": decoder("standard_b64decode", b64decode(gob64.StdEncoding)),
			"urlsafe_b64decode":  decoder("urlsafe_b64decode", b64decode(gob64.URLEncoding)),
			"b32decode":          decoder("b32decode", base32.StdEncoding.DecodeString),
			"b16decode":          decoder("b16decode", hex.DecodeString),
		})
		m.Dict.SetStr("Error", vm.ObjectValue(BinasciiErrorType))
		return nil
	})
}

// bytesLike returns the bytes of bytes/bytearray, or of an ASCII str when
// allowStr (decoders accept str).
func bytesLike(v vm.Value, allowStr bool) ([]byte, error) {
	if b, ok := v.Object().(*vm.Bytes); ok {
		return b.B, nil
	}
	if s, ok := pyarg.Str(v); ok && allowStr {
		for _, r := range s {
			if r > 127 {
				return nil, vm.NewError(vm.ValueErrorType, "string argument should contain only ASCII characters")
			}
		}
		return []byte(s), nil
	}
	if allowStr {
		return nil, vm.NewError(vm.TypeErrorType, "argument should be a bytes-like object or ASCII string, not '%s'", v.Type().Name)
	}
	return nil, vm.NewError(vm.TypeErrorType, "a bytes-like object is required, not '%s'", v.Type().Name)
}

func encoder(name string, enc func([]byte) string) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		var s, altchars vm.Value
		if err := pyarg.ParsePy(name, 0, args, kwnames, []string{"s", "altchars?"}, &s, &altchars); err != nil {
			return vm.NULL, err
		}
		b, err := bytesLike(s, false)
		if err != nil {
			return vm.NULL, err
		}
		return vm.NewBytes([]byte(enc(b))), nil
	}
}

func decoder(name string, dec func(string) ([]byte, error)) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		var s, extra vm.Value
		if err := pyarg.ParsePy(name, 0, args, kwnames, []string{"s", "altchars?"}, &s, &extra); err != nil {
			return vm.NULL, err
		}
		b, err := bytesLike(s, true)
		if err != nil {
			return vm.NULL, err
		}
		out, derr := dec(string(b))
		if derr != nil {
			if e, ok := derr.(*vm.Exception); ok {
				return vm.NULL, e
			}
			return vm.NULL, vm.NewError(BinasciiErrorType, "Non-base16 digit found")
		}
		return vm.NewBytes(out), nil
	}
}

// b64decode decodes non-strictly as binascii.a2b_base64: characters outside
// the alphabet are skipped; missing padding is "Incorrect padding".
func b64decode(enc *gob64.Encoding) func(string) ([]byte, error) {
	return func(s string) ([]byte, error) {
		var clean strings.Builder
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '=':
				clean.WriteByte(c)
			case c == '+' || c == '/':
				if enc == gob64.StdEncoding {
					clean.WriteByte(c)
				}
			case c == '-' || c == '_':
				if enc == gob64.URLEncoding {
					clean.WriteByte(c)
				}
			}
		}
		t := clean.String()
		if i := strings.IndexByte(t, '='); i >= 0 {
			t = strings.TrimRight(t[:i], "=") + strings.Repeat("=", strings.Count(t[i:], "="))
		}
		data := strings.TrimRight(t, "=")
		if len(data)%4 == 1 {
			return nil, vm.NewError(BinasciiErrorType, "Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4", len(data))
		}
		if pad := (4 - len(data)%4) % 4; len(t)-len(data) < pad {
			return nil, vm.NewError(BinasciiErrorType, "Incorrect padding")
		}
		return enc.WithPadding(gob64.NoPadding).DecodeString(data)
	}
}
