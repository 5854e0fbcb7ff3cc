package vm

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"unsafe"
)

// Numeric hashes follow CPython exactly: an int or a float hashes to its
// value modulo the Mersenne prime 2**61-1 (keeping the sign), so that equal
// numbers of different types hash equal; -1 is reserved and becomes -2.
const (
	hashBits    = 61
	hashModulus = 1<<hashBits - 1
	hashInf     = 314159
)

// hashInt64 is hash(i) for an int that fits int64.
func hashInt64(i int64) int64 {
	var h int64
	if i >= 0 {
		h = int64(uint64(i) % hashModulus)
	} else {
		h = -int64(uint64(-i) % hashModulus) // -i is fine for MinInt64 as uint64
	}
	if h == -1 {
		return -2
	}
	return h
}

var bigHashModulus = big.NewInt(hashModulus)

// hashBig is hash(b) for a big int.
func hashBig(b *big.Int) int64 {
	var m big.Int
	m.Abs(b)
	m.Rem(&m, bigHashModulus)
	h := m.Int64()
	if b.Sign() < 0 {
		h = -h
	}
	if h == -1 {
		return -2
	}
	return h
}

// hashFloat is CPython's _Py_HashDouble (NaN hashes by identity in CPython;
// pya hashes every NaN to 0, which keeps equality semantics intact).
func hashFloat(f float64) int64 {
	if math.IsInf(f, 0) {
		if f > 0 {
			return hashInf
		}
		return -hashInf
	}
	if math.IsNaN(f) {
		return 0
	}
	m, e := math.Frexp(f)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(hashBits-28)
		m *= 268435456.0 // 2**28
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e = e % hashBits
	} else {
		e = hashBits - 1 - ((-1 - e) % hashBits)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(hashBits-uint(e))
	h := int64(x) * sign
	if h == -1 {
		return -2
	}
	return h
}

// IdentityHash is object.__hash__: derived from the object's address, as
// CPython's id()-based hash (rotated by 4 bits since objects are aligned).
func IdentityHash(v Value) int64 {
	p := uintptr((*[2]unsafe.Pointer)(unsafe.Pointer(&v.o))[1])
	h := int64(bits.RotateLeft64(uint64(p), -4))
	if h == -1 {
		return -2
	}
	return h
}

func identityHashSlot(th *Thread, v Value) (int64, error) { return IdentityHash(v), nil }

// Tuple hashing is CPython 3.11's xxHash-based tuplehash.
const (
	xxPrime1 = 11400714785074694791
	xxPrime2 = 14029467366897019727
	xxPrime5 = 2870177450012600261
)

func hashTuple(th *Thread, items []Value) (int64, error) {
	acc := uint64(xxPrime5)
	for _, it := range items {
		lane, err := Hash(th, it)
		if err != nil {
			return 0, err
		}
		acc += uint64(lane) * xxPrime2
		acc = bits.RotateLeft64(acc, 31)
		acc *= xxPrime1
	}
	acc += uint64(len(items)) ^ (xxPrime5 ^ 3527539)
	if acc == math.MaxUint64 {
		return 1546275796, nil
	}
	return int64(acc), nil
}

// Hash returns hash(v); TypeError "unhashable type: 'list'".
func Hash(th *Thread, v Value) (int64, error) {
	switch v.o {
	case intKind:
		return hashInt64(int64(v.n)), nil
	case boolKind:
		return int64(v.n), nil
	case floatKind:
		return hashFloat(v.AsFloat()), nil
	}
	if s, ok := v.o.(*Str); ok && s.ext == nil {
		return s.Hash(), nil
	}
	t := v.Type()
	if t.Hash == nil {
		return 0, NewError(TypeErrorType, "unhashable type: '%s'", t.Name)
	}
	return t.Hash(th, v)
}

// addrString is the "0x..." address CPython shows in default reprs.
func addrString(v Value) string {
	p := uintptr((*[2]unsafe.Pointer)(unsafe.Pointer(&v.o))[1])
	return "0x" + strconv.FormatUint(uint64(p), 16)
}

// AddrString is the "0x..." address of v that default reprs show (for
// native types whose repr embeds it).
func AddrString(v Value) string { return addrString(v) }
