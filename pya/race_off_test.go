//go:build !race

package pya_test

const raceEnabled = false
