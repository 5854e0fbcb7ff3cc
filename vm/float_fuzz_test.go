package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
)

func TestFloatRepr(t *testing.T) {
	// python3: repr(x) for each x.
	a, b := 0.1, 0.2 // variables: Go constant arithmetic is exact
	cases := map[float64]string{
		a + b: "0.30000000000000004", math.Copysign(0, -1): "-0.0",
		1e16: "1e+16", 1e-5: "1e-05", 1e15: "1000000000000000.0", 0.0001: "0.0001",
		1e22: "1e+22", 123456789012345678.0: "1.2345678901234568e+17",
		1.0: "1.0", 1.5e300: "1.5e+300", 5e-324: "5e-324", 2.5: "2.5",
		math.Inf(1): "inf", math.Inf(-1): "-inf", 9007199254740993: "9007199254740992.0",
	}
	for f, want := range cases {
		if got := FloatRepr(f); got != want {
			t.Errorf("FloatRepr(%v) = %s, want %s", f, got, want)
		}
	}
	if got := FloatRepr(math.NaN()); got != "nan" {
		t.Errorf("nan: %s", got)
	}
}

// FuzzFloatRepr: repr round-trips through float() and uses the shortest
// digits, in fixed notation exactly when the exponent is in [-4, 16).
func FuzzFloatRepr(f *testing.F) {
	for _, x := range []float64{0, 1, 0.1, 1e16, 1e-5, 5e-324, math.MaxFloat64, 123.456} {
		f.Add(math.Float64bits(x))
	}
	f.Fuzz(func(t *testing.T, bits uint64) {
		x := math.Float64frombits(bits)
		r := FloatRepr(x)
		if math.IsNaN(x) {
			if r != "nan" {
				t.Fatalf("nan repr %s", r)
			}
			return
		}
		y, err := ParseFloat(r)
		if err != nil || math.Float64bits(y) != bits {
			t.Fatalf("repr %s of %v parses back as %v (%v)", r, x, y, err)
		}
		if math.IsInf(x, 0) || x == 0 {
			return
		}
		_, exp := shortestDigits(x)
		fixed := !strings.ContainsAny(r, "e")
		if fixed != (exp > -4 && exp <= 16) {
			t.Fatalf("repr %s: wrong notation for decimal exponent %d", r, exp)
		}
	})
}

// FuzzParseInt: int(s) never panics; results agree with math/big on plain
// decimal input and re-parse from their str().
func FuzzParseInt(f *testing.F) {
	for _, s := range []string{"0", "-12", " 1_000 ", "0x_ff", "99999999999999999999", "1__2", "", "+", "٣"} {
		f.Add(s, 10)
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, base int) {
		if base < 0 || base > 40 {
			base %= 41
			if base < 0 {
				base = -base
			}
		}
		v, err := ParseInt(s, base)
		if err != nil {
			if _, ok := err.(*Exception); !ok {
				t.Fatalf("non-exception error %v", err)
			}
			return
		}
		str := intString(v)
		w, err := ParseInt(str, 10)
		if err != nil || cmpInts(v, w) != 0 {
			t.Fatalf("int(%q, %d) = %s does not re-parse (%v)", s, base, str, err)
		}
		if base == 10 && isASCIIStr(s) && !strings.ContainsAny(s, "_ \t\n\r\v\f\x1c\x1d\x1e\x1f") {
			b, ok := new(big.Int).SetString(s, 10)
			if ok && b.String() != str {
				t.Fatalf("int(%q) = %s, big says %s", s, str, b.String())
			}
		}
		if i, ok := IntValue(v); ok {
			_ = strconv.FormatInt(i, 10)
		}
	})
}
