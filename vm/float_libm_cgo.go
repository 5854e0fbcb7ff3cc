//go:build cgo

package vm

// #cgo LDFLAGS: -lm
// #include <math.h>
import "C"

// libmPow is the C library's pow, which CPython's float ** calls: Go's
// math.Pow differs from glibc's in the last bit for many arguments.
func libmPow(x, y float64) float64 { return float64(C.pow(C.double(x), C.double(y))) }

// The C library's functions behind complex ** (CPython's _Py_c_pow).
func libmHypot(x, y float64) float64 { return float64(C.hypot(C.double(x), C.double(y))) }
func libmAtan2(y, x float64) float64 { return float64(C.atan2(C.double(y), C.double(x))) }
func libmExp(x float64) float64      { return float64(C.exp(C.double(x))) }
func libmLog(x float64) float64      { return float64(C.log(C.double(x))) }
func libmCos(x float64) float64      { return float64(C.cos(C.double(x))) }
func libmSin(x float64) float64      { return float64(C.sin(C.double(x))) }
