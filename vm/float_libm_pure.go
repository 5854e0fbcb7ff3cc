//go:build !cgo

package vm

import "math"

// libmPow falls back to Go's math.Pow without cgo (results may differ from
// CPython's in the last bit).
var libmPow = math.Pow

// The functions behind complex ** (CPython's _Py_c_pow), from Go's math.
var (
	libmHypot = math.Hypot
	libmAtan2 = math.Atan2
	libmExp   = math.Exp
	libmLog   = math.Log
	libmCos   = math.Cos
	libmSin   = math.Sin
)
