package vm

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pya-lang/pya/ast"
)

// SyntaxError's own state and report, as CPython 3.11's: the attributes
// msg, filename, lineno, offset, text, end_lineno, end_offset and
// print_file_and_line are writable members set by __init__ from
// (msg, (filename, lineno, offset, text[, end_lineno, end_offset])), and an
// uncaught SyntaxError prints from them the "  File ..., line N" block with
// the source text and carets instead of a traceback line.

// syntaxFields holds the members of a SyntaxError; NULL reads as None.
type syntaxFields struct {
	msg, filename, lineno, offset, text, endLineno, endOffset, printFileAndLine Value
}

// field returns a pointer to the member called name, nil for other names.
func (s *syntaxFields) field(name string) *Value {
	switch name {
	case "msg":
		return &s.msg
	case "filename":
		return &s.filename
	case "lineno":
		return &s.lineno
	case "offset":
		return &s.offset
	case "text":
		return &s.text
	case "end_lineno":
		return &s.endLineno
	case "end_offset":
		return &s.endOffset
	case "print_file_and_line":
		return &s.printFileAndLine
	}
	return nil
}

func orNone(v Value) Value {
	if v.IsNull() {
		return None
	}
	return v
}

// syntaxInit is the SyntaxError part of __init__: msg from the first
// argument, the location from a 4- to 6-item sequence as the second.
func syntaxInit(th *Thread, e *Exception, args []Value) error {
	s := &syntaxFields{}
	if len(args) >= 1 {
		s.msg = args[0]
	}
	if len(args) == 2 {
		info, err := ToSlice(th, args[1])
		if err != nil {
			return err
		}
		switch {
		case len(info) < 4:
			return NewError(TypeErrorType, "function takes at least 4 arguments (%d given)", len(info))
		case len(info) > 6:
			return NewError(TypeErrorType, "function takes at most 6 arguments (%d given)", len(info))
		}
		s.filename, s.lineno, s.offset, s.text = info[0], info[1], info[2], info[3]
		if len(info) >= 5 {
			s.endLineno = info[4]
		}
		if len(info) == 6 {
			s.endOffset = info[5]
		} else if len(info) == 5 {
			e.se = s
			return NewError(TypeErrorType, "end_offset must be provided when end_lineno is provided")
		}
	}
	e.se = s
	return nil
}

// syntaxErrorException converts a compile error (from importing a module,
// compile() or exec()) into a SyntaxError exception: args (msg, (filename,
// lineno, offset, text, end_lineno, end_offset)), as CPython's.
func syntaxErrorException(se *ast.SyntaxError) *Exception {
	t := SyntaxErrorType
	switch se.Kind {
	case "IndentationError":
		t = IndentationErrorType
	case "TabError":
		t = TabErrorType
	}
	s := &syntaxFields{msg: NewStr(se.Msg), filename: NewStr(se.File), text: None, offset: None}
	e := &Exception{typ: t, se: s}
	if se.Line == 0 {
		// No location (e.g. undecodable source): CPython's args are (msg,).
		s.lineno, s.endLineno, s.endOffset = None, None, None
		e.Args = []Value{s.msg}
		return e
	}
	if se.Text != "" {
		s.text = NewStr(se.Text + "\n")
	}
	endCol := se.EndCol
	if endCol == 0 && se.Col > 0 {
		endCol = se.Col + 1
	}
	s.lineno, s.offset, s.endLineno, s.endOffset = Int(int64(se.Line)), Int(int64(se.Col)), Int(int64(se.Line)), Int(int64(endCol))
	e.Args = []Value{s.msg, NewTuple([]Value{s.filename, s.lineno, s.offset, s.text, s.endLineno, s.endOffset})}
	return e
}

// syntaxStr is SyntaxError.__str__: "msg (file.py, line 3)", with the
// base name of a str filename and an exact-int lineno when present.
func syntaxStr(th *Thread, e *Exception) (string, error) {
	s := e.se
	msg, err := ToStr(th, orNone(s.msg))
	if err != nil {
		return "", err
	}
	file, hasFile := s.filename.o.(*Str)
	hasLine := s.lineno.IsInt() && !s.lineno.IsBool()
	switch {
	case hasFile && hasLine:
		return msg + " (" + filepath.Base(file.s) + ", line " + strconv.FormatInt(s.lineno.AsInt(), 10) + ")", nil
	case hasFile:
		return msg + " (" + filepath.Base(file.s) + ")", nil
	case hasLine:
		return msg + " (line " + strconv.FormatInt(s.lineno.AsInt(), 10) + ")", nil
	}
	return msg, nil
}

// asSsize is PyLong_AsSsize_t for the report: ints and bools only.
func asSsize(v Value) (int, bool) {
	if v.IsInt() || v.IsBool() {
		if v.IsBool() {
			if v.AsBool() {
				return 1, true
			}
			return 0, true
		}
		return int(v.AsInt()), true
	}
	return 0, false
}

// syntaxError prints the location block and the message line of a
// SyntaxError (and its notes); false when its attributes cannot be read
// as a location (e.g. lineno None), and the exception prints as any other.
func (p *excPrinter) syntaxError(e *Exception) bool {
	if e.se == nil {
		return false
	}
	if p.module {
		p.syntaxErrorModule(e)
		return true
	}
	// parse_syntax_error (Python/pythonrun.c).
	s := e.se
	lineno, ok := asSsize(s.lineno)
	if !ok {
		return false
	}
	offset := -1
	if !s.offset.IsNull() && !s.offset.IsNone() {
		if offset, ok = asSsize(s.offset); !ok {
			return false
		}
	}
	endLineno, endOffset := lineno, -1
	if e.typ == SyntaxErrorType {
		if v := orNone(s.endLineno); !v.IsNone() {
			if endLineno, ok = asSsize(v); !ok {
				return false
			}
		}
		if v := orNone(s.endOffset); !v.IsNone() {
			if endOffset, ok = asSsize(v); !ok {
				return false
			}
		}
	}
	filename := "<string>"
	if f := orNone(s.filename); !f.IsNone() {
		str, err := ToStr(p.in.main, f)
		if err != nil {
			return false
		}
		filename = str
	}
	p.line("  File \"" + filename + "\", line " + strconv.Itoa(lineno) + "\n")
	if t, ok := s.text.o.(*Str); ok {
		size := len(t.s)
		if endLineno > lineno {
			endOffset = size
		}
		if endOffset > size+1 {
			endOffset = size + 1
		}
		p.errorText(offset, endOffset, t.s)
	}
	line := excTypeName(e.typ)
	if msg := orNone(s.msg); !msg.IsNone() {
		m, err := ToStr(p.in.main, msg)
		if err != nil {
			m = "<exception str() failed>"
			line += ": "
		} else if m != "" {
			line += ": "
		}
		line += m
	}
	p.line(line + "\n")
	p.notes(e)
	return true
}

// errorText is print_error_text: the source text (from its first
// non-blank character, skipping whole lines before the offset) and a caret
// line; offsets count bytes of the UTF-8 text, as CPython's C code does.
// The caret line carries no group margin in CPython 3.11.
func (p *excPrinter) errorText(offset, endOffset int, text string) {
	reps := 1
	if endOffset > 0 && endOffset > offset {
		reps = endOffset - offset
	}
	offset--
	for len(text) > 0 && (text[0] == ' ' || text[0] == '\t' || text[0] == '\f') {
		text = text[1:]
		offset--
	}
	n := len(text)
	if n > 0 && text[n-1] == '\n' {
		n--
	}
	if offset > n {
		offset = n
	}
	for {
		nl := strings.IndexByte(text, '\n')
		if nl < 0 || nl >= offset {
			break
		}
		text = text[nl+1:]
		n -= nl + 1
		offset -= nl + 1
	}
	p.b.WriteString("    " + text)
	if n >= len(text) || text[n] != '\n' {
		p.b.WriteByte('\n')
	}
	if offset < 0 {
		return
	}
	p.b.WriteString("    " + strings.Repeat(" ", offset) + strings.Repeat("^", reps) + "\n")
}

// syntaxErrorModule is traceback.TracebackException._format_syntax_error
// followed by the notes: every line gets the group margin.
func (p *excPrinter) syntaxErrorModule(e *Exception) {
	th := p.in.main
	s := e.se
	str := func(v Value) string {
		r, err := ToStr(th, v)
		if err != nil {
			return "<exception str() failed>"
		}
		return r
	}
	suffix := ""
	if ln := orNone(s.lineno); !ln.IsNone() {
		file := "<string>"
		if f := orNone(s.filename); Truthy(th, f) {
			file = str(f)
		}
		p.line("  File \"" + file + "\", line " + str(ln) + "\n")
	} else if f := orNone(s.filename); !f.IsNone() {
		suffix = " (" + str(f) + ")"
	}
	if t, ok := s.text.o.(*Str); ok {
		rtext := strings.TrimRight(t.s, "\n")
		ltext := strings.TrimLeft(rtext, " \n\f")
		spaces := len([]rune(rtext)) - len([]rune(ltext))
		p.line("    " + ltext + "\n")
		if off, ok := asSsize(orNone(s.offset)); ok {
			end := off
			if eo := orNone(s.endOffset); !eo.IsNone() {
				if v, ok := asSsize(eo); ok && v != 0 {
					end = v
				}
			}
			if off == end || end == -1 {
				end = off + 1
			}
			col, endCol := off-1-spaces, end-1-spaces
			if col >= 0 {
				lr := []rune(ltext)
				var c strings.Builder
				for i := 0; i < col && i < len(lr); i++ {
					if isSpaceRune(lr[i]) {
						c.WriteRune(lr[i])
					} else {
						c.WriteByte(' ')
					}
				}
				if endCol > col {
					c.WriteString(strings.Repeat("^", endCol-col))
				}
				p.line("    " + c.String() + "\n")
			}
		}
	}
	msg := "<no detail available>"
	if m := orNone(s.msg); Truthy(th, m) {
		msg = str(m)
	}
	p.line(excTypeName(e.typ) + ": " + msg + suffix + "\n")
	p.notes(e)
}

// Truthy is bool(v), false when __bool__ fails.
func Truthy(th *Thread, v Value) bool {
	ok, err := Truth(th, v)
	return err == nil && ok
}

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0:
		return true
	}
	return r > 0xff && strings.ContainsRune("\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000", r)
}
