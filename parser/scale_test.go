package parser

import (
	"strings"
	"testing"
	"time"
)

func TestScale(t *testing.T) {
	for _, n := range []int{1000, 2000, 4000, 8000} {
		src := strings.Repeat("x = 1\n", n)
		start := time.Now()
		ParseFile("x.py", []byte(src))
		t.Logf("%d lines: %v", n, time.Since(start))
	}
}
