// Package mt is CPython's random number core: the MT19937 Mersenne Twister
// with CPython's seeding (init_by_array over the 32-bit words of |seed|),
// random() with 53 bits, getrandbits and the rejection-sampling randbelow.
// It has no dependency on the vm so that its sequences can be checked
// against python3 directly.
package mt

import (
	"crypto/sha512"
	"math/big"
	"math/bits"
)

const (
	n         = 624
	m         = 397
	matrixA   = 0x9908b0df
	upperMask = 0x80000000
	lowerMask = 0x7fffffff
)

// State is one generator (CPython's random.Random internal state).
type State struct {
	mt  [n]uint32
	mti int
}

// New returns a generator seeded with 0 (callers seed it properly).
func New() *State {
	s := &State{}
	s.SeedInt(new(big.Int))
	return s
}

func (s *State) initGenrand(seed uint32) {
	s.mt[0] = seed
	for i := 1; i < n; i++ {
		s.mt[i] = 1812433253*(s.mt[i-1]^(s.mt[i-1]>>30)) + uint32(i)
	}
	s.mti = n
}

// InitByArray is CPython's init_by_array.
func (s *State) InitByArray(key []uint32) {
	s.initGenrand(19650218)
	i, j := 1, 0
	k := n
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		s.mt[i] = (s.mt[i] ^ ((s.mt[i-1] ^ (s.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= n {
			s.mt[0] = s.mt[n-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = n - 1; k > 0; k-- {
		s.mt[i] = (s.mt[i] ^ ((s.mt[i-1] ^ (s.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= n {
			s.mt[0] = s.mt[n-1]
			i = 1
		}
	}
	s.mt[0] = 0x80000000
}

// SeedInt seeds from an int as random.seed(int) does: the absolute value's
// 32-bit words, least significant first ([0] for zero).
func (s *State) SeedInt(v *big.Int) {
	a := new(big.Int).Abs(v)
	words := a.Bits()
	var key []uint32
	for _, w := range words {
		if bits.UintSize == 64 {
			key = append(key, uint32(w), uint32(uint64(w)>>32))
		} else {
			key = append(key, uint32(w))
		}
	}
	for len(key) > 0 && key[len(key)-1] == 0 {
		key = key[:len(key)-1]
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	s.InitByArray(key)
}

// SeedUint64 seeds from a non-negative int that fits 64 bits.
func (s *State) SeedUint64(v uint64) {
	key := []uint32{uint32(v), uint32(v >> 32)}
	if key[1] == 0 {
		key = key[:1]
	}
	s.InitByArray(key)
}

// SeedBytes seeds as version-2 seeding of str/bytes does:
// int.from_bytes(b + sha512(b).digest(), 'big').
func (s *State) SeedBytes(b []byte) {
	sum := sha512.Sum512(b)
	all := append(append([]byte(nil), b...), sum[:]...)
	s.SeedInt(new(big.Int).SetBytes(all))
}

// Uint32 is genrand_uint32: the next 32 random bits.
func (s *State) Uint32() uint32 {
	if s.mti >= n {
		mt := &s.mt
		var kk int
		for kk = 0; kk < n-m; kk++ {
			y := (mt[kk] & upperMask) | (mt[kk+1] & lowerMask)
			mt[kk] = mt[kk+m] ^ (y >> 1) ^ (-(y & 1) & matrixA)
		}
		for ; kk < n-1; kk++ {
			y := (mt[kk] & upperMask) | (mt[kk+1] & lowerMask)
			mt[kk] = mt[kk+(m-n)] ^ (y >> 1) ^ (-(y & 1) & matrixA)
		}
		y := (mt[n-1] & upperMask) | (mt[0] & lowerMask)
		mt[n-1] = mt[m-1] ^ (y >> 1) ^ (-(y & 1) & matrixA)
		s.mti = 0
	}
	y := s.mt[s.mti]
	s.mti++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// Float is random.random(): 53 random bits in [0, 1).
func (s *State) Float() float64 {
	a := s.Uint32() >> 5
	b := s.Uint32() >> 6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// Bits64 is getrandbits(k) for 0 <= k <= 64.
func (s *State) Bits64(k int) uint64 {
	if k == 0 {
		return 0
	}
	if k <= 32 {
		return uint64(s.Uint32() >> (32 - k))
	}
	lo := uint64(s.Uint32())
	hi := uint64(s.Uint32() >> (64 - k))
	return lo | hi<<32
}

// BigBits is getrandbits(k) for any k >= 0: 32-bit words filled least
// significant first, the last one keeping its top bits.
func (s *State) BigBits(k int) *big.Int {
	if k <= 64 {
		return new(big.Int).SetUint64(s.Bits64(k))
	}
	nw := (k-1)/32 + 1
	buf := make([]byte, nw*4) // big-endian for SetBytes
	for i := 0; i < nw; i, k = i+1, k-32 {
		r := s.Uint32()
		if k < 32 {
			r >>= 32 - k
		}
		off := (nw - 1 - i) * 4
		buf[off] = byte(r >> 24)
		buf[off+1] = byte(r >> 16)
		buf[off+2] = byte(r >> 8)
		buf[off+3] = byte(r)
	}
	return new(big.Int).SetBytes(buf)
}

// Below is _randbelow(n) for 0 < n < 2**63, by rejection over
// getrandbits(n.bit_length()) exactly as CPython does.
func (s *State) Below(nv uint64) uint64 {
	k := bits.Len64(nv)
	r := s.Bits64(k)
	for r >= nv {
		r = s.Bits64(k)
	}
	return r
}

// BigBelow is _randbelow for any positive n.
func (s *State) BigBelow(nv *big.Int) *big.Int {
	if nv.IsUint64() {
		return new(big.Int).SetUint64(s.Below(nv.Uint64()))
	}
	k := nv.BitLen()
	r := s.BigBits(k)
	for r.Cmp(nv) >= 0 {
		r = s.BigBits(k)
	}
	return r
}

// GetState returns the 624 words and the position, as random.getstate()'s
// middle element holds them (the position last).
func (s *State) GetState() ([n]uint32, int) { return s.mt, s.mti }

// SetState restores a state from GetState; it reports false for a bad position.
func (s *State) SetState(words [n]uint32, pos int) bool {
	if pos < 0 || pos > n {
		return false
	}
	s.mt, s.mti = words, pos
	return true
}

// StateSize is the number of words in the state.
const StateSize = n
