// Command serve runs a testserve fixture for testdata/regen.sh: it prints
// the fixture's PYA_RESOLVE value on a line and serves on 127.0.0.1 until
// its standard input is closed.
//
//	go run ./internal/testserve/serve web
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/pya-lang/pya/internal/testserve"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintf(os.Stderr, "usage: serve FIXTURE (one of %v)\n", testserve.Names())
		os.Exit(2)
	}
	s, err := testserve.Start(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer s.Close()
	fmt.Println(s.Resolve)
	io.Copy(io.Discard, os.Stdin)
}
