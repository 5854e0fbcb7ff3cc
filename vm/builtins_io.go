package vm

import (
	"strconv"
	"strings"
	"sync"
)

// biStdio is an interpreter's standard streams as file objects, and the sys
// module's namespace once it exists (print writes to sys.stdout, so that a
// program may replace it).
type biStdio struct {
	stdin, stdout, stderr *File
	sys                   *Dict
}

var (
	biStdioMu  sync.Mutex
	biStdioMap = map[*Interpreter]*biStdio{}
)

// stdioOf returns th's interpreter's standard streams, creating them on first use.
func stdioOf(th *Thread) *biStdio {
	biStdioMu.Lock()
	defer biStdioMu.Unlock()
	s := biStdioMap[th.Interp]
	if s == nil {
		in, out, errw := biStdioSource(th.Interp)
		s = &biStdio{
			stdin:  NewStdStream("<stdin>", in, nil),
			stdout: NewStdStream("<stdout>", nil, out),
			stderr: NewStdStream("<stderr>", nil, errw),
		}
		biStdioMap[th.Interp] = s
	}
	return s
}

// StdStreams returns the file objects of th's interpreter's stdin, stdout
// and stderr (sys.stdin, sys.stdout, sys.stderr).
func StdStreams(th *Thread) (stdin, stdout, stderr Value) {
	s := stdioOf(th)
	return ObjectValue(s.stdin), ObjectValue(s.stdout), ObjectValue(s.stderr)
}

// SetSysDict records the sys module's namespace, so that print and input
// use sys.stdout/sys.stdin even after a program replaces them.
func SetSysDict(th *Thread, d *Dict) { stdioOf(th).sys = d }

// sysStream returns sys.<name> (or the original stream before sys exists).
func sysStream(th *Thread, name string) Value {
	s := stdioOf(th)
	if s.sys != nil {
		if v, ok := s.sys.GetStr(name); ok {
			return v
		}
	}
	switch name {
	case "stdin":
		return ObjectValue(s.stdin)
	case "stderr":
		return ObjectValue(s.stderr)
	}
	return ObjectValue(s.stdout)
}

// biWriteTo writes s to a file object: directly for our File, through its
// write method otherwise.
func biWriteTo(th *Thread, file Value, s string) error {
	if f, ok := file.o.(*File); ok && !f.binary {
		return f.Write(s)
	}
	w, err := GetAttr(th, file, "write")
	if err != nil {
		return err
	}
	_, err = th.Call(w, []Value{NewStr(s)}, nil)
	return err
}

func biFlush(th *Thread, file Value) error {
	if f, ok := file.o.(*File); ok {
		return f.Flush()
	}
	fl, err := GetAttr(th, file, "flush")
	if err != nil {
		return err
	}
	_, err = th.Call(fl, nil, nil)
	return err
}

// print(*objects, sep=' ', end='\n', file=None, flush=False)
func biPrint(th *Thread, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	sep, end := " ", "\n"
	file, flush := None, false
	for i, kw := range kwnames {
		v := args[npos+i]
		switch kw {
		case "sep", "end":
			if v.IsNone() {
				continue
			}
			s, ok := v.o.(*Str)
			if !ok {
				return NULL, NewError(TypeErrorType, "%s must be None or a string, not %s", kw, biTypeName(v))
			}
			if kw == "sep" {
				sep = s.s
			} else {
				end = s.s
			}
		case "file":
			file = v
		case "flush":
			b, err := Truth(th, v)
			if err != nil {
				return NULL, err
			}
			flush = b
		default:
			return NULL, NewError(TypeErrorType, "'%s' is an invalid keyword argument for print()", kw)
		}
	}
	if file.IsNone() {
		file = sysStream(th, "stdout")
		if file.IsNone() {
			return None, nil
		}
	}
	if _, ok := file.o.(*File); !ok {
		return biPrintPieces(th, file, args[:npos], sep, end, flush)
	}
	var sb strings.Builder
	for i, a := range args[:npos] {
		if i > 0 {
			sb.WriteString(sep)
		}
		if s, ok := a.o.(*Str); ok && s.ext == nil {
			sb.WriteString(s.s)
			continue
		}
		s, err := ToStr(th, a)
		if err != nil {
			return NULL, err
		}
		sb.WriteString(s)
	}
	sb.WriteString(end)
	if err := biWriteTo(th, file, sb.String()); err != nil {
		return NULL, err
	}
	if flush {
		if err := biFlush(th, file); err != nil {
			return NULL, err
		}
	}
	return None, nil
}

// biPrintPieces prints to a file-like object one write per piece, as
// CPython does (objects, separators and the end each in their own call).
func biPrintPieces(th *Thread, file Value, objs []Value, sep, end string, flush bool) (Value, error) {
	for i, a := range objs {
		if i > 0 {
			if err := biWriteTo(th, file, sep); err != nil {
				return NULL, err
			}
		}
		s, err := ToStr(th, a)
		if err != nil {
			return NULL, err
		}
		if err := biWriteTo(th, file, s); err != nil {
			return NULL, err
		}
	}
	if err := biWriteTo(th, file, end); err != nil {
		return NULL, err
	}
	if flush {
		if err := biFlush(th, file); err != nil {
			return NULL, err
		}
	}
	return None, nil
}

// input([prompt]) reads a line from sys.stdin.
func biInput(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "input() takes no keyword arguments")
	}
	if len(args) > 1 {
		return NULL, NewError(TypeErrorType, "input expected at most 1 argument, got %d", len(args))
	}
	out := sysStream(th, "stdout")
	if len(args) == 1 {
		p, err := ToStr(th, args[0])
		if err != nil {
			return NULL, err
		}
		if err := biWriteTo(th, out, p); err != nil {
			return NULL, err
		}
	}
	if !out.IsNone() {
		if err := biFlush(th, out); err != nil {
			return NULL, err
		}
	}
	in := sysStream(th, "stdin")
	var line string
	if f, ok := in.o.(*File); ok {
		f.th = th
		l, err := f.ReadLine(-1)
		if err != nil {
			return NULL, err
		}
		line = l
	} else {
		rl, err := GetAttr(th, in, "readline")
		if err != nil {
			return NULL, err
		}
		v, err := th.Call(rl, nil, nil)
		if err != nil {
			return NULL, err
		}
		s, ok := v.o.(*Str)
		if !ok {
			return NULL, NewError(TypeErrorType, "object.readline() returned non-string")
		}
		line = s.s
	}
	if line == "" {
		return NULL, NewError(EOFErrorType, "EOF when reading a line")
	}
	return NewStr(strings.TrimSuffix(line, "\n")), nil
}

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)
func biOpen(th *Thread, args []Value, kwnames []string) (Value, error) {
	var file, mode, buffering, encoding, errs, newline, closefd, opener Value
	if err := ParseArgs("open", args, kwnames, []string{"file", "mode?", "buffering?", "encoding?", "errors?", "newline?", "closefd?", "opener?"},
		&file, &mode, &buffering, &encoding, &errs, &newline, &closefd, &opener); err != nil {
		return NULL, err
	}
	fd := -1
	name, ok := file.o.(*Str)
	if !ok {
		if !file.IsInt() {
			return NULL, NewError(TypeErrorType, "expected str, bytes or os.PathLike object, not %s", biTypeName(file))
		}
		if fd = int(file.AsInt()); fd < 0 {
			return NULL, NewError(ValueErrorType, "negative file descriptor")
		}
		name = NewStr(strconv.Itoa(fd)).o.(*Str)
	}
	m := "r"
	if !mode.IsNull() {
		ms, ok := mode.o.(*Str)
		if !ok {
			return NULL, NewError(TypeErrorType, "open() argument 'mode' must be str, not %s", biTypeName(mode))
		}
		m = ms.s
	}
	if !encoding.IsNull() && !encoding.IsNone() {
		es, ok := encoding.o.(*Str)
		if !ok {
			return NULL, NewError(TypeErrorType, "open() argument 'encoding' must be str or None, not %s", biTypeName(encoding))
		}
		switch strings.ToLower(strings.ReplaceAll(es.s, "_", "-")) {
		case "utf-8", "utf8", "ascii", "us-ascii":
		default:
			return NULL, NewError(LookupErrorType, "unknown encoding: %s", es.s)
		}
		if strings.Contains(m, "b") {
			return NULL, NewError(ValueErrorType, "binary mode doesn't take an encoding argument")
		}
	}
	f, err := biOpenFileFd(th, name.s, m, fd, opener)
	if err != nil {
		return NULL, err
	}
	f.rawNL = !newline.IsNull() && !newline.IsNone()
	return ObjectValue(f), nil
}
