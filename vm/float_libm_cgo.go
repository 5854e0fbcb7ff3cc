//go:build cgo

package vm

// #cgo LDFLAGS: -lm
// #include <math.h>
import "C"

// libmPow is the C library's pow, which CPython's float ** calls: Go's
// math.Pow differs from glibc's in the last bit for many arguments.
func libmPow(x, y float64) float64 { return float64(C.pow(C.double(x), C.double(y))) }
