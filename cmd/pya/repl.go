package main

import (
	"fmt"
	"io"
)

// runREPL is the interactive prompt, started when pya has no script and
// stdin is a terminal. HOOK: the REPL is a separate issue (it will compile
// with compile.ModeInteractive); until then it explains and exits.
func runREPL(opts *options, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "pya: the interactive REPL is not available yet; run a script: pya FILE.pya (see pya -h)")
	return 2
}
