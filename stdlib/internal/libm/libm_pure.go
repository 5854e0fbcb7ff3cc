//go:build !cgo

package libm

import "math"

// Cgo reports whether the functions call the C library (CPython's libm).
// Without cgo, Go's math package is used: results may differ from CPython's
// in the last bit.
const Cgo = false

var (
	Sin    = math.Sin
	Cos    = math.Cos
	Tan    = math.Tan
	Asin   = math.Asin
	Acos   = math.Acos
	Atan   = math.Atan
	Atan2  = math.Atan2
	Sinh   = math.Sinh
	Cosh   = math.Cosh
	Tanh   = math.Tanh
	Asinh  = math.Asinh
	Acosh  = math.Acosh
	Atanh  = math.Atanh
	Exp    = math.Exp
	Exp2   = math.Exp2
	Expm1  = math.Expm1
	Log    = math.Log
	Log2   = math.Log2
	Log10  = math.Log10
	Log1p  = math.Log1p
	Pow    = math.Pow
	Cbrt   = math.Cbrt
	Erf    = math.Erf
	Erfc   = math.Erfc
	Hypot  = math.Hypot
	Tgamma = math.Gamma
	Lgamma = func(x float64) float64 { l, _ := math.Lgamma(x); return l }
)
