// Command pya runs pya scripts: pya FILE.pya [ARGS], pya -c CODE [ARGS],
// pya - (or piped stdin), with CPython's command-line conventions (sys.argv,
// exit statuses, error messages).
package main

import (
	"os"
)

func main() {
	stdout := newStdout(os.Stdout)
	stderr := &flushFirst{w: os.Stderr, f: stdout}
	stdin := &flushFirstReader{r: os.Stdin, f: stdout}
	catchSigint = true
	stopProfile := startProfile()
	code := run(os.Args[1:], stdin, stdout, stderr)
	stdout.Flush()
	stopProfile()
	os.Exit(code)
}
