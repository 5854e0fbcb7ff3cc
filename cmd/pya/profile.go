package main

import (
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfile starts a CPU profile into the file named by $PYA_CPUPROFILE
// and an allocation profile into the one named by $PYA_MEMPROFILE (developer
// hooks for tuning the interpreter: `PYA_CPUPROFILE=cpu.out pya
// bench/fib.pya; go tool pprof cpu.out`). The returned function stops them
// and writes the files; it is a no-op when neither variable is set.
func startProfile() func() {
	stopCPU := startCPUProfile(os.Getenv("PYA_CPUPROFILE"))
	memPath := os.Getenv("PYA_MEMPROFILE")
	if memPath != "" {
		runtime.MemProfileRate = 4096 // finer than the default 512 KiB: small objects are the point
	}
	return func() {
		stopCPU()
		if memPath != "" {
			writeProfile("PYA_MEMPROFILE", memPath, func(f *os.File) error {
				return pprof.Lookup("allocs").WriteTo(f, 0)
			})
		}
	}
}

func startCPUProfile(path string) func() {
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

// writeProfile creates path and lets write fill it, reporting failures
// under the variable's name.
func writeProfile(name, path string, write func(*os.File) error) {
	f, err := os.Create(path)
	if err == nil {
		err = write(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		os.Stderr.WriteString("pya: " + name + ": " + err.Error() + "\n")
	}
}
