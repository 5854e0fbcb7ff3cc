package vm

import (
	"math"
	"math/big"
)

// CPython 3.11's limit on conversions between int and decimal str (a guard
// against quadratic-time conversions of huge ints): int(s) with a base that
// is not a power of two and str(i) / format(i) / %d of an int refuse more
// than sys.get_int_max_str_digits() digits; 0 disables the limit. The limit
// belongs to the interpreter (sys.set_int_max_str_digits), not the process.

const (
	// defaultMaxStrDigits is sys.int_info.default_max_str_digits.
	defaultMaxStrDigits = 4300
	// MaxStrDigitsThreshold is sys.int_info.str_digits_check_threshold: the
	// smallest limit allowed besides 0, and the size below which no int is
	// ever checked.
	MaxStrDigitsThreshold = 640
)

// IntMaxStrDigits is sys.get_int_max_str_digits().
func (in *Interpreter) IntMaxStrDigits() int {
	if in == nil || !in.intMaxStrSet {
		return defaultMaxStrDigits
	}
	return in.intMaxStrDigits
}

// SetIntMaxStrDigits is sys.set_int_max_str_digits(n).
func (in *Interpreter) SetIntMaxStrDigits(n int64) error {
	if n != 0 && n < MaxStrDigitsThreshold {
		return NewError(ValueErrorType, "maxdigits must be 0 or larger than %d", MaxStrDigitsThreshold)
	}
	if n > 1<<31-1 {
		return NewError(OverflowErrorType, "Python int too large to convert to C int")
	}
	in.intMaxStrDigits, in.intMaxStrSet = int(n), true
	return nil
}

// maxStrDigits is the limit in force for th (the default without an interpreter).
func maxStrDigits(th *Thread) int {
	if th == nil {
		return defaultMaxStrDigits
	}
	return th.Interp.IntMaxStrDigits()
}

// errStrDigitsFromInt is CPython's error for int -> str beyond the limit.
func errStrDigitsFromInt(limit int) error {
	return NewError(ValueErrorType, "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", limit)
}

// errStrDigitsToInt is CPython's error for str -> int beyond the limit.
func errStrDigitsToInt(limit, digits int) error {
	return NewError(ValueErrorType, "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", limit, digits)
}

// bigDecimal is the decimal text of b under th's limit. Ints below 2**2000
// (fewer than 640 digits) are never checked; beyond, the digits (the sign
// not counted) must not exceed the limit.
func bigDecimal(th *Thread, b *big.Int) (string, error) {
	if b.BitLen() <= 2000 {
		return b.String(), nil
	}
	limit := maxStrDigits(th)
	// At least floor((bits-1)*log10(2))+1 digits: refuse before converting.
	if limit > 0 && float64(b.BitLen()-1)*math.Log10(2) >= float64(limit) {
		return "", errStrDigitsFromInt(limit)
	}
	s := b.String()
	n := len(s)
	if b.Sign() < 0 {
		n--
	}
	if limit > 0 && n > limit {
		return "", errStrDigitsFromInt(limit)
	}
	return s, nil
}

// intDecimal is str(v) for a plain int under th's limit.
func intDecimal(th *Thread, v Value) (string, error) {
	if b, ok := v.o.(*BigInt); ok {
		return bigDecimal(th, b.b)
	}
	return intString(v), nil
}
