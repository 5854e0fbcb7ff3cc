package mt

import (
	"math/big"
	"testing"
)

func seeded(t *testing.T, dec string) *State {
	v, ok := new(big.Int).SetString(dec, 10)
	if !ok {
		t.Fatalf("bad seed %q", dec)
	}
	s := New()
	s.SeedInt(v)
	return s
}

func TestFloatMatchesCPython(t *testing.T) {
	for seed, want := range floatVectors {
		s := seeded(t, seed)
		for i, w := range want {
			if got := s.Float(); got != w {
				t.Errorf("seed %s: random() #%d = %v, want %v", seed, i, got, w)
			}
		}
	}
}

func TestGetRandBitsMatchesCPython(t *testing.T) {
	for _, tc := range bitsVectors {
		s := New()
		s.SeedInt(big.NewInt(tc.seed))
		for i, w := range tc.want {
			if got := s.BigBits(tc.k).String(); got != w {
				t.Errorf("seed %d: getrandbits(%d) #%d = %s, want %s", tc.seed, tc.k, i, got, w)
			}
		}
	}
}

func TestBelowMatchesCPython(t *testing.T) {
	for _, tc := range belowVectors {
		s := New()
		s.SeedUint64(uint64(tc.seed))
		for i, w := range tc.want {
			if got := s.Below(tc.n); got != w {
				t.Errorf("seed %d: _randbelow(%d) #%d = %d, want %d", tc.seed, tc.n, i, got, w)
			}
		}
	}
}

func TestStrSeedMatchesCPython(t *testing.T) {
	for seed, want := range strSeedVectors {
		s := New()
		s.SeedBytes([]byte(seed))
		for i, w := range want {
			if got := s.Float(); got != w {
				t.Errorf("seed %q: random() #%d = %v, want %v", seed, i, got, w)
			}
		}
	}
}

func TestBigBelow(t *testing.T) {
	s := New()
	n := new(big.Int).Lsh(big.NewInt(1), 100)
	for i := 0; i < 100; i++ {
		if r := s.BigBelow(n); r.Sign() < 0 || r.Cmp(n) >= 0 {
			t.Fatalf("BigBelow out of range: %s", r)
		}
	}
}
