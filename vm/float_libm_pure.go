//go:build !cgo

package vm

import "math"

// libmPow falls back to Go's math.Pow without cgo (results may differ from
// CPython's in the last bit).
var libmPow = math.Pow
