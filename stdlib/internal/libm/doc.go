// Package libm gives the C library's elementary functions, which CPython's
// math module and random module call: Go's math package differs from glibc
// in the last bit for about a quarter of sin/cos/log/exp results, and pya
// promises CPython's exact output. Without cgo it falls back to Go's math.
package libm
