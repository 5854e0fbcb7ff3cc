package vm

import (
	"math"
	"sync/atomic"
)

// NaN identity. CPython's containers compare by identity before equality,
// so with x = float('nan'), [x] == [x] and x in [x] are True while
// [float('nan')] == [float('nan')] is False: each float object is distinct.
// Floats are unboxed here, and `is` on unboxed values compares bits; a NaN
// has 51 bits of payload that arithmetic never inspects, so every NaN made
// by Float (a NaN result of any operation, float('nan'), math.nan when the
// module is created) gets a fresh payload. Copies of a Value keep it (the
// same object); any new NaN differs from every other one, as a new object
// does. Non-NaN floats need no identity: equal bits compare equal anyway.

// nanSerial numbers NaNs process-wide (NaNs are rare: no contention).
var nanSerial atomic.Uint64

const (
	nanQuiet   = 0x7ff8_0000_0000_0000 // exponent all ones and the quiet bit
	nanPayload = 1<<51 - 1
)

// freshNaN returns a NaN with f's sign and a payload no other NaN has.
func freshNaN(f float64) Value {
	sign := math.Float64bits(f) & (1 << 63)
	return Value{o: floatKind, n: sign | nanQuiet | nanSerial.Add(1)&nanPayload}
}
