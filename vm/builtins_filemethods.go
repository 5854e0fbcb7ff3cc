package vm

import "io"

// File methods, shared by text and binary files (binary ones take and
// return bytes).

func init() {
	methods := map[string]NativeFunc{
		"read":       fileRead,
		"readline":   fileReadline,
		"readlines":  fileReadlines,
		"write":      fileWrite,
		"writelines": fileWritelines,
		"close":      fileClose,
		"flush":      fileFlush,
		"seek":       fileSeek,
		"tell":       fileTell,
		"readable":   fileReadable,
		"writable":   fileWritable,
		"seekable":   fileSeekable,
		"isatty":     func(th *Thread, args []Value, kw []string) (Value, error) { return False, nil },
		"fileno":     fileFileno,
		"__enter__":  fileEnter,
		"__exit__":   fileExit,
		"__iter__":   fileEnter,
		"__next__":   fileNext,
	}
	for _, t := range []*Type{FileType, BinaryFileType} {
		t.AddMethods(methods)
		t.Repr = fileRepr
		t.Iter = func(th *Thread, v Value) (Value, error) { return v, nil }
		t.Next = fileNextSlot
		t.SetAttr = fileSetAttr
	}
}

// fileSetAttr lets name be assigned (tempfile names the files it opens
// by descriptor); other attributes are read-only or absent.
func fileSetAttr(th *Thread, v Value, name string, val Value) error {
	f := v.o.(*File)
	if name == "name" && !val.IsNull() {
		f.nameV = val
		return nil
	}
	switch name {
	case "mode", "closed", "encoding", "name":
		return NewError(AttributeErrorType, "attribute '%s' of '%s' objects is not writable", name, TypeName(v))
	}
	return NewError(AttributeErrorType, "'%s' object has no attribute '%s'", TypeName(v), name)
}

func (f *File) NativeAttr(th *Thread, name string) (Value, error) {
	switch name {
	case "name":
		if !f.nameV.IsNull() {
			return f.nameV, nil
		}
		return NewStr(f.name), nil
	case "mode":
		return NewStr(f.mode), nil
	case "closed":
		return Bool(f.closed), nil
	case "encoding":
		if !f.binary {
			return NewStr("utf-8"), nil
		}
	}
	return NULL, nil
}

func fileRepr(th *Thread, v Value) (string, error) {
	f := v.o.(*File)
	if f.binary {
		kind := "BufferedReader"
		if f.r == nil {
			kind = "BufferedWriter"
		} else if f.w != nil {
			kind = "BufferedRandom"
		}
		return "<_io." + kind + " name=" + StrRepr(f.name) + ">", nil
	}
	enc := "'UTF-8'" // open()'s locale encoding on Linux; the standard streams say 'utf-8'
	if f.std {
		enc = "'utf-8'"
	}
	return "<_io.TextIOWrapper name=" + StrRepr(f.name) + " mode=" + StrRepr(f.mode) + " encoding=" + enc + ">", nil
}

// fileSelf returns the file a method is called on, which th now uses
// (its OS reads and writes release the interpreter lock through th).
func fileSelf(th *Thread, args []Value, name string) (*File, error) {
	if len(args) == 0 {
		return nil, NewError(TypeErrorType, "descriptor '%s' needs an argument", name)
	}
	f, ok := args[0].o.(*File)
	if !ok {
		return nil, NewError(TypeErrorType, "descriptor '%s' requires a file object", name)
	}
	f.th = th
	return f, nil
}

// fileResult converts read text to str, or to bytes for binary files.
func (f *File) result(s string) Value {
	if f.binary {
		return biMakeBytes([]byte(s))
	}
	return NewStr(s)
}

// sizeArg reads an optional size argument (None or negative: no limit).
func sizeArg(th *Thread, fname string, args []Value, kwnames []string) (int, error) {
	var size Value
	if err := ParseArgs(fname, args, kwnames, []string{"size?"}, &size); err != nil {
		return 0, err
	}
	if size.IsNull() || size.IsNone() {
		return -1, nil
	}
	n, err := biIndexInt(th, size)
	if err != nil {
		return 0, err
	}
	return int(n), nil
}

func fileRead(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "read")
	if err != nil {
		return NULL, err
	}
	n, err := sizeArg(th, "read", args[1:], kwnames)
	if err != nil {
		return NULL, err
	}
	s, err := f.Read(n)
	if err != nil {
		return NULL, err
	}
	return f.result(s), nil
}

func fileReadline(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "readline")
	if err != nil {
		return NULL, err
	}
	n, err := sizeArg(th, "readline", args[1:], kwnames)
	if err != nil {
		return NULL, err
	}
	s, err := f.ReadLine(n)
	if err != nil {
		return NULL, err
	}
	return f.result(s), nil
}

func fileReadlines(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "readlines")
	if err != nil {
		return NULL, err
	}
	var lines []Value
	for {
		s, err := f.ReadLine(-1)
		if err != nil {
			return NULL, err
		}
		if s == "" {
			return NewList(lines), nil
		}
		lines = append(lines, f.result(s))
	}
}

// fileData returns the str (text) or bytes-like (binary) argument's content.
func (f *File) data(v Value) (string, error) {
	if f.binary {
		b, ok := biBytesOf(v)
		if !ok {
			return "", NewError(TypeErrorType, "a bytes-like object is required, not '%s'", biTypeName(v))
		}
		return string(b), nil
	}
	s, ok := v.o.(*Str)
	if !ok {
		return "", NewError(TypeErrorType, "write() argument must be str, not %s", biTypeName(v))
	}
	return s.s, nil
}

func fileWrite(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "write")
	if err != nil {
		return NULL, err
	}
	var v Value
	if err := ParseArgs("write", args[1:], kwnames, []string{"s"}, &v); err != nil {
		return NULL, err
	}
	s, err := f.data(v)
	if err != nil {
		return NULL, err
	}
	if err := f.Write(s); err != nil {
		return NULL, err
	}
	if f.binary {
		return Int(int64(len(s))), nil
	}
	return Int(int64(NewStr(s).o.(*Str).Len())), nil
}

func fileWritelines(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "writelines")
	if err != nil {
		return NULL, err
	}
	var lines Value
	if err := ParseArgs("writelines", args[1:], kwnames, []string{"lines"}, &lines); err != nil {
		return NULL, err
	}
	err = Iterate(th, lines, func(v Value) error {
		s, err := f.data(v)
		if err != nil {
			return err
		}
		return f.Write(s)
	})
	if err != nil {
		return NULL, err
	}
	return None, nil
}

func fileClose(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "close")
	if err != nil {
		return NULL, err
	}
	if f.std {
		return None, f.Flush()
	}
	return None, f.Close()
}

func fileFlush(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "flush")
	if err != nil {
		return NULL, err
	}
	if f.closed {
		return NULL, NewError(ValueErrorType, "I/O operation on closed file.")
	}
	return None, f.Flush()
}

func fileSeek(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "seek")
	if err != nil {
		return NULL, err
	}
	var off, whence Value
	if err := ParseArgs("seek", args[1:], kwnames, []string{"cookie", "whence?"}, &off, &whence); err != nil {
		return NULL, err
	}
	o, err := biIndexInt(th, off)
	if err != nil {
		return NULL, err
	}
	w := int64(io.SeekStart)
	if !whence.IsNull() {
		if w, err = biIndexInt(th, whence); err != nil {
			return NULL, err
		}
	}
	pos, err := f.Seek(o, int(w))
	if err != nil {
		return NULL, err
	}
	return Int(pos), nil
}

func fileTell(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "tell")
	if err != nil {
		return NULL, err
	}
	pos, err := f.Tell()
	if err != nil {
		return NULL, err
	}
	return Int(pos), nil
}

func fileReadable(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "readable")
	if err != nil {
		return NULL, err
	}
	return Bool(f.r != nil), nil
}

func fileWritable(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "writable")
	if err != nil {
		return NULL, err
	}
	return Bool(f.w != nil), nil
}

func fileSeekable(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "seekable")
	if err != nil {
		return NULL, err
	}
	return Bool(f.f != nil), nil
}

func fileFileno(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "fileno")
	if err != nil {
		return NULL, err
	}
	if f.f == nil {
		switch f.name {
		case "<stdin>":
			return Int(0), nil
		case "<stdout>":
			return Int(1), nil
		}
		return Int(2), nil
	}
	return Int(int64(f.f.Fd())), nil
}

func fileEnter(th *Thread, args []Value, kwnames []string) (Value, error) {
	if _, err := fileSelf(th, args, "__enter__"); err != nil {
		return NULL, err
	}
	return args[0], nil
}

func fileExit(th *Thread, args []Value, kwnames []string) (Value, error) {
	f, err := fileSelf(th, args, "__exit__")
	if err != nil {
		return NULL, err
	}
	if err := f.Close(); err != nil {
		return NULL, err
	}
	return False, nil
}

func fileNextSlot(th *Thread, v Value) (Value, error) {
	f := v.o.(*File)
	f.th = th
	s, err := f.ReadLine(-1)
	if err != nil || s == "" {
		return NULL, err
	}
	return f.result(s), nil
}

func fileNext(th *Thread, args []Value, kwnames []string) (Value, error) {
	if _, err := fileSelf(th, args, "__next__"); err != nil {
		return NULL, err
	}
	v, err := fileNextSlot(th, args[0])
	if err != nil {
		return NULL, err
	}
	if v.IsNull() {
		return NULL, NewException(StopIterationType)
	}
	return v, nil
}
