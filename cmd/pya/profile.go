package main

import (
	"os"
	"runtime/pprof"
)

// startProfile starts a CPU profile into the file named by $PYA_CPUPROFILE
// (a developer hook for tuning the interpreter: `PYA_CPUPROFILE=cpu.out pya
// bench/fib.pya; go tool pprof cpu.out`). The returned function stops it; it
// is a no-op when the variable is unset.
func startProfile() func() {
	path := os.Getenv("PYA_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		os.Stderr.WriteString("pya: PYA_CPUPROFILE: " + err.Error() + "\n")
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		os.Stderr.WriteString("pya: PYA_CPUPROFILE: " + err.Error() + "\n")
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
