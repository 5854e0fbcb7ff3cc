package main

import (
	"fmt"
	"strings"
)

// version is what `pya --version` prints.
const version = "pya 0.1.0 (Python 3.11 compatible)"

const usageLine = "usage: pya [option] ... [-c cmd | file | -] [arg] ...\n"

const usageHint = "Try `pya -h' for more information.\n"

const helpText = usageLine + `Options:
-c cmd         : program passed in as string (terminates option list)
-h, --help     : print this help message and exit
--version      : print the pya version number and exit
--clock=CLOCK  : asyncio clock: "real" (default) or "virtual" (sleeps take no
                 wall time; the clock jumps to the next timer when idle)
--timeline=FILE: write a picture of the run's tasks to FILE (.svg, .html,
                 or .json for tools)
--trace        : print task events (created, run, wait, done, stalls) to stderr
file           : program read from script file
-              : program read from stdin (default; interactive mode if a tty)
arg ...        : arguments passed to program in sys.argv[1:]

Environment variables:
PYA_CLOCK      : the default for --clock
PYA_RESOLVE    : host:port=addr:port[,...]: dial addr:port whenever a program
                 connects to host:port (open_connection, aiohttp, requests);
                 for testing against a local server, like curl's --resolve
`

// mode is what the command line asks pya to do.
type mode int

const (
	modeFile    mode = iota // run the script file opts.source
	modeCommand             // run the code given with -c
	modeStdin               // run stdin as a script ("-", or stdin is not a terminal)
	modeREPL                // interactive prompt (no arguments, stdin is a terminal)
	modeHelp
	modeVersion
)

// options is the parsed command line.
type options struct {
	mode   mode
	source string   // the script path (modeFile) or the code (modeCommand)
	argv   []string // sys.argv
	clock  string   // "real" or "virtual"

	timeline string // --timeline=FILE (.svg, .html, .json): write the run's task timeline
	trace    bool   // --trace: print task events to stderr

	resolve map[string]string // PYA_RESOLVE's host-resolution overrides
}

// usageError is a bad command line: pya prints msg, the usage line and a
// hint, and exits with status 2, as CPython does.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// parseArgs parses the arguments after the program name. As in CPython,
// options come first; the script (or -c CODE, or -) ends them and
// everything after it goes to sys.argv. stdinIsTerminal decides what no
// script means; clock is the default clock (from PYA_CLOCK).
func parseArgs(args []string, stdinIsTerminal bool, clock string) (*options, error) {
	opts := &options{clock: clock}
	if opts.clock == "" {
		opts.clock = "real"
	}
	if err := checkClock(opts.clock, "PYA_CLOCK"); err != nil {
		return nil, err
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-":
			opts.mode = modeStdin
			opts.argv = append([]string{"-"}, args[i+1:]...)
			return opts, nil
		case a == "--":
			if i+1 < len(args) {
				return scriptOptions(opts, args[i+1:]), nil
			}
			return stdinOptions(opts, stdinIsTerminal), nil
		case a == "-h" || a == "--help" || a == "-?":
			opts.mode = modeHelp
			return opts, nil
		case a == "--version" || a == "-V":
			opts.mode = modeVersion
			return opts, nil
		case a == "--clock" || strings.HasPrefix(a, "--clock="):
			v, ok := strings.CutPrefix(a, "--clock=")
			if !ok {
				if i+1 >= len(args) {
					return nil, &usageError{"Argument expected for the --clock option"}
				}
				i++
				v = args[i]
			}
			if err := checkClock(v, "--clock"); err != nil {
				return nil, err
			}
			opts.clock = v
		case a == "--trace":
			opts.trace = true
		case strings.HasPrefix(a, "--timeline="):
			opts.timeline = a[len("--timeline="):]
		case strings.HasPrefix(a, "-c"):
			code := a[2:]
			rest := args[i+1:]
			if code == "" {
				if len(rest) == 0 {
					return nil, &usageError{"Argument expected for the -c option"}
				}
				code, rest = rest[0], rest[1:]
			}
			opts.mode = modeCommand
			opts.source = code
			opts.argv = append([]string{"-c"}, rest...)
			return opts, nil
		case strings.HasPrefix(a, "--"):
			return nil, &usageError{"unknown option " + a}
		case strings.HasPrefix(a, "-"):
			return nil, &usageError{"Unknown option: " + a[:2]}
		default:
			return scriptOptions(opts, args[i:]), nil
		}
	}
	return stdinOptions(opts, stdinIsTerminal), nil
}

// scriptOptions runs args[0] as the script, with args as sys.argv.
func scriptOptions(opts *options, args []string) *options {
	opts.mode = modeFile
	opts.source = args[0]
	opts.argv = append([]string(nil), args...)
	return opts
}

// stdinOptions is the no-script case: the REPL on a terminal, else stdin
// runs as a script with sys.argv[0] empty, as in CPython.
func stdinOptions(opts *options, stdinIsTerminal bool) *options {
	opts.mode = modeStdin
	if stdinIsTerminal {
		opts.mode = modeREPL
	}
	opts.argv = []string{""}
	return opts
}

func checkClock(v, where string) error {
	if v == "real" || v == "virtual" {
		return nil
	}
	return &usageError{fmt.Sprintf("invalid value %q for %s (expected \"real\" or \"virtual\")", v, where)}
}
