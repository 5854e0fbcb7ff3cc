package main

import (
	"os"
	"testing"
)

// TestMain points the compiled-code cache at a fresh directory for the
// whole test binary (and the pya processes it starts), so that tests
// neither depend on nor fill the user's cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pya-test-cache")
	if err != nil {
		panic(err)
	}
	os.Setenv("PYA_CACHE_DIR", dir)
	os.Unsetenv("PYA_NO_CACHE")
	status := m.Run()
	os.RemoveAll(dir)
	os.Exit(status)
}
