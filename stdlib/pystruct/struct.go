// Package pystruct is _struct, the native part of pya's struct module
// (stdlib/pymod/struct.py adds the Struct class): packing values into
// bytes and back by a format string, with CPython's sizes, native
// alignment and error messages.
package pystruct

import (
	"encoding/binary"
	"math"
	"math/big"
	"strings"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// ErrorType is struct.error.
var ErrorType = vm.NewExceptionType("error", "struct", vm.ExceptionType)

func init() {
	vm.RegisterModule("_struct", func(th *vm.Thread, m *vm.Module) error {
		pyarg.Funcs(m.Dict, map[string]vm.NativeFunc{
			"pack":        pack,
			"pack_into":   packInto,
			"unpack":      unpack,
			"unpack_from": unpackFrom,
			"calcsize":    calcsize,
		})
		m.Dict.SetStr("error", vm.ObjectValue(ErrorType))
		return nil
	})
}

func structErr(format string, args ...any) error { return vm.NewError(ErrorType, format, args...) }

// item is one format code with its repeat count and offset.
type item struct {
	code  byte
	count int // for s/p: the length; else the number of values
	size  int // of one value (s/p: 1)
	off   int
}

// layout is a parsed format.
type layout struct {
	order  binary.ByteOrder
	native bool // '@': native sizes and alignment
	items  []item
	size   int
	nvals  int
}

var nativeSizes = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
	'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'n': 8, 'N': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1, 'P': 8}
var stdSizes = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
	'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}

func parse(th *vm.Thread, fv vm.Value) (*layout, error) {
	var f string
	switch o := fv.Object().(type) {
	case *vm.Bytes:
		f = string(o.B)
	default:
		s, ok := pyarg.Str(fv)
		if !ok {
			return nil, vm.NewError(vm.TypeErrorType, "Struct() argument 1 must be a str or bytes object, not %s", fv.Type().Name)
		}
		f = s
	}
	l := &layout{order: binary.LittleEndian, native: true}
	if f != "" {
		switch f[0] {
		case '@':
			f = f[1:]
		case '=', '<':
			l.native, f = false, f[1:]
		case '>', '!':
			l.native, l.order, f = false, binary.BigEndian, f[1:]
		}
	}
	sizes := stdSizes
	if l.native {
		sizes = nativeSizes
	}
	off := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		count, hasCount := 0, false
		for i < len(f) && f[i] >= '0' && f[i] <= '9' {
			count = count*10 + int(f[i]-'0')
			hasCount = true
			i++
		}
		if i >= len(f) {
			return nil, structErr("repeat count given without format specifier")
		}
		c = f[i]
		if !hasCount {
			count = 1
		}
		size, ok := sizes[c]
		if !ok {
			return nil, structErr("bad char in struct format")
		}
		if l.native && size > 1 && c != 's' && c != 'p' {
			off = (off + size - 1) / size * size
		}
		switch c {
		case 's', 'p':
			l.items = append(l.items, item{code: c, count: count, size: 1, off: off})
			off += count
			l.nvals++
		case 'x':
			off += count
		default:
			for k := 0; k < count; k++ {
				l.items = append(l.items, item{code: c, count: 1, size: size, off: off})
				off += size
				l.nvals++
			}
		}
	}
	l.size = off
	return l, nil
}

func calcsize(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("calcsize", args, kwnames, 1); err != nil {
		return vm.NULL, err
	}
	l, err := parse(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	return vm.Int(int64(l.size)), nil
}

// intArg converts v for an integer code: CPython's messages for non-ints
// and for values out of range.
func intArg(th *vm.Thread, v vm.Value, code byte, size int, signed, native bool) (uint64, error) {
	if !v.IsInt() {
		if _, ok := pyarg.Big(v); !ok {
			if v.Type().Lookup("__index__").IsNull() {
				return 0, structErr("required argument is not an integer")
			}
			iv, err := pyarg.Index(th, v)
			if err != nil {
				return 0, err
			}
			v = iv
		}
	}
	b, _ := pyarg.Big(v)
	if b == nil {
		b = big.NewInt(v.AsInt())
	}
	bits := uint(size * 8)
	var lo, hi *big.Int
	if signed {
		lo = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), bits-1))
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits-1), big.NewInt(1))
	} else {
		lo = big.NewInt(0)
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits), big.NewInt(1))
	}
	if b.Cmp(lo) < 0 || b.Cmp(hi) > 0 {
		if b.BitLen() > 64 {
			return 0, structErr("argument out of range")
		}
		switch code {
		case 'b':
			return 0, structErr("byte format requires -128 <= number <= 127")
		case 'B':
			return 0, structErr("ubyte format requires 0 <= number <= 255")
		case 'h':
			return 0, structErr("short format requires -32768 <= number <= 32767")
		case 'H':
			return 0, structErr("ushort format requires 0 <= number <= 65535")
		}
		if !signed && b.Sign() < 0 {
			if size == 8 && b.IsInt64() && b.Int64() == -1 {
				return 0, structErr("int too large to convert")
			}
			return 0, structErr("argument out of range")
		}
		if size == 8 {
			return 0, structErr("argument out of range")
		}
		return 0, structErr("'%c' format requires %s <= number <= %s", code, lo.String(), hi.String())
	}
	if b.Sign() < 0 {
		return uint64(b.Int64()), nil
	}
	return b.Uint64(), nil
}

func packInto1(th *vm.Thread, l *layout, vals []vm.Value, buf []byte) error {
	if len(vals) != l.nvals {
		return structErr("pack expected %d items for packing (got %d)", l.nvals, len(vals))
	}
	for i, it := range l.items {
		v := vals[i]
		p := buf[it.off:]
		switch it.code {
		case 's', 'p':
			b, ok := v.Object().(*vm.Bytes)
			if !ok {
				return structErr("argument for '%c' must be a bytes object", it.code)
			}
			data := b.B
			if it.code == 'p' {
				if it.count == 0 {
					continue
				}
				n := min(len(data), it.count-1, 255)
				p[0] = byte(n)
				copy(p[1:it.count], data[:n])
				continue
			}
			copy(p[:it.count], data)
		case 'c':
			b, ok := v.Object().(*vm.Bytes)
			if !ok || len(b.B) != 1 {
				return structErr("char format requires a bytes object of length 1")
			}
			p[0] = b.B[0]
		case '?':
			t, err := vm.Truth(th, v)
			if err != nil {
				return err
			}
			if t {
				p[0] = 1
			}
		case 'e', 'f', 'd':
			x, ok := pyarg.Float(v)
			if !ok {
				if v.Type().Lookup("__float__").IsNull() && v.Type().Lookup("__index__").IsNull() {
					return structErr("required argument is not a float")
				}
				var err error
				if x, err = pyarg.ToFloat(th, v); err != nil {
					return err
				}
			}
			switch it.code {
			case 'd':
				l.order.PutUint64(p, math.Float64bits(x))
			case 'f':
				if f := float32(x); math.IsInf(float64(f), 0) && !math.IsInf(x, 0) {
					return vm.NewError(vm.OverflowErrorType, "float too large to pack with f format")
				}
				l.order.PutUint32(p, math.Float32bits(float32(x)))
			case 'e':
				h, err := halfBits(x)
				if err != nil {
					return err
				}
				l.order.PutUint16(p, h)
			}
		default:
			signed := strings.IndexByte("bhilqn", it.code) >= 0
			u, err := intArg(th, v, it.code, it.size, signed, l.native)
			if err != nil {
				return err
			}
			switch it.size {
			case 1:
				p[0] = byte(u)
			case 2:
				l.order.PutUint16(p, uint16(u))
			case 4:
				l.order.PutUint32(p, uint32(u))
			case 8:
				l.order.PutUint64(p, u)
			}
		}
	}
	return nil
}

// halfBits is IEEE 754 binary16 with round-half-even (the 'e' code).
func halfBits(x float64) (uint16, error) {
	bits := math.Float64bits(x)
	sign := uint16(bits>>48) & 0x8000
	if math.IsNaN(x) {
		return sign | 0x7e00, nil
	}
	a := math.Abs(x)
	if math.IsInf(x, 0) {
		return sign | 0x7c00, nil
	}
	if a >= 65520 {
		return 0, vm.NewError(vm.OverflowErrorType, "float too large to pack with e format")
	}
	if a < math.Ldexp(1, -14) {
		m := math.RoundToEven(a / math.Ldexp(1, -24))
		return sign | uint16(m), nil
	}
	e := math.Floor(math.Log2(a))
	m := a/math.Ldexp(1, int(e)) - 1
	mm := math.RoundToEven(m * 1024)
	if mm == 1024 {
		mm = 0
		e++
	}
	return sign | uint16(int(e)+15)<<10 | uint16(mm), nil
}

func halfValue(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	e := int(h>>10) & 0x1f
	m := float64(h & 0x3ff)
	switch e {
	case 0:
		return sign * m * math.Ldexp(1, -24)
	case 31:
		if m == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * (1 + m/1024) * math.Ldexp(1, e-15)
}

func unpack1(l *layout, buf []byte) vm.Value {
	out := make([]vm.Value, 0, len(l.items))
	for _, it := range l.items {
		p := buf[it.off:]
		switch it.code {
		case 's':
			out = append(out, vm.NewBytes(append([]byte(nil), p[:it.count]...)))
		case 'p':
			if it.count == 0 {
				out = append(out, vm.NewBytes(nil))
				continue
			}
			n := min(int(p[0]), it.count-1)
			out = append(out, vm.NewBytes(append([]byte(nil), p[1:1+n]...)))
		case 'c':
			out = append(out, vm.NewBytes([]byte{p[0]}))
		case '?':
			out = append(out, vm.Bool(p[0] != 0))
		case 'd':
			out = append(out, vm.Float(math.Float64frombits(l.order.Uint64(p))))
		case 'f':
			out = append(out, vm.Float(float64(math.Float32frombits(l.order.Uint32(p)))))
		case 'e':
			out = append(out, vm.Float(halfValue(l.order.Uint16(p))))
		default:
			var u uint64
			switch it.size {
			case 1:
				u = uint64(p[0])
			case 2:
				u = uint64(l.order.Uint16(p))
			case 4:
				u = uint64(l.order.Uint32(p))
			case 8:
				u = l.order.Uint64(p)
			}
			if strings.IndexByte("bhilqn", it.code) >= 0 {
				shift := 64 - uint(it.size*8)
				out = append(out, vm.Int(int64(u<<shift)>>shift))
			} else if u > math.MaxInt64 {
				out = append(out, vm.NewBigInt(new(big.Int).SetUint64(u)))
			} else {
				out = append(out, vm.Int(int64(u)))
			}
		}
	}
	return vm.NewTuple(out)
}

func pack(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoKw("pack", kwnames); err != nil {
		return vm.NULL, err
	}
	if len(args) < 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "pack expected at least 1 argument, got 0")
	}
	l, err := parse(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	buf := make([]byte, l.size)
	if err := packInto1(th, l, args[1:], buf); err != nil {
		return vm.NULL, err
	}
	return vm.NewBytes(buf), nil
}

func packInto(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoKw("pack_into", kwnames); err != nil {
		return vm.NULL, err
	}
	if len(args) < 3 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "pack_into expected at least 3 arguments, got %d", len(args))
	}
	l, err := parse(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	b, ok := args[1].Object().(*vm.Bytes)
	if !ok || !b.Mutable {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "argument must be read-write bytes-like object, not %s", args[1].Type().Name)
	}
	off, err := pyarg.Int(th, args[2])
	if err != nil {
		return vm.NULL, err
	}
	if off < 0 {
		off += int64(len(b.B))
	}
	if off < 0 || int(off)+l.size > len(b.B) {
		return vm.NULL, structErr("pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d (actual buffer size is %d)", int(off)+l.size, l.size, off, len(b.B))
	}
	tmp := make([]byte, l.size)
	if err := packInto1(th, l, args[3:], tmp); err != nil {
		return vm.NULL, err
	}
	copy(b.B[off:], tmp)
	return vm.None, nil
}

func bufferArg(v vm.Value) ([]byte, error) {
	if b, ok := v.Object().(*vm.Bytes); ok {
		return b.B, nil
	}
	return nil, vm.NewError(vm.TypeErrorType, "a bytes-like object is required, not '%s'", v.Type().Name)
}

func unpack(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("unpack", args, kwnames, 2); err != nil {
		return vm.NULL, err
	}
	l, err := parse(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	buf, err := bufferArg(args[1])
	if err != nil {
		return vm.NULL, err
	}
	if len(buf) != l.size {
		return vm.NULL, structErr("unpack requires a buffer of %d bytes", l.size)
	}
	return unpack1(l, buf), nil
}

func unpackFrom(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	var format, buffer, offset vm.Value
	if err := vm.ParseArgs("unpack_from", args, kwnames, []string{"format", "buffer", "offset?"}, &format, &buffer, &offset); err != nil {
		return vm.NULL, err
	}
	l, err := parse(th, format)
	if err != nil {
		return vm.NULL, err
	}
	buf, err := bufferArg(buffer)
	if err != nil {
		return vm.NULL, err
	}
	var off int64
	if !offset.IsNull() {
		if off, err = pyarg.Int(th, offset); err != nil {
			return vm.NULL, err
		}
	}
	if off < 0 {
		off += int64(len(buf))
	}
	if off < 0 || int(off)+l.size > len(buf) {
		return vm.NULL, structErr("unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d (actual buffer size is %d)", int(off)+l.size, l.size, off, len(buf))
	}
	return unpack1(l, buf[off:]), nil
}
