package vm

import (
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// FormatException renders an exception as CPython 3.11 prints an uncaught
// one: chained causes and contexts first, then "Traceback (most recent call
// last):", one File/line entry per frame (with the stripped source line and
// carets when the failing expression is narrower than the line), and the
// "Type: message" line.
func (in *Interpreter) FormatException(e *Exception) string {
	var b strings.Builder
	in.formatChain(&b, e, map[*Exception]bool{})
	return b.String()
}

func (in *Interpreter) formatChain(b *strings.Builder, e *Exception, seen map[*Exception]bool) {
	seen[e] = true
	if e.Cause != nil && !seen[e.Cause] {
		in.formatChain(b, e.Cause, seen)
		b.WriteString("\nThe above exception was the direct cause of the following exception:\n\n")
	} else if e.Context != nil && !e.Suppress && !seen[e.Context] {
		in.formatChain(b, e.Context, seen)
		b.WriteString("\nDuring handling of the above exception, another exception occurred:\n\n")
	}
	in.formatOne(b, e)
}

func (in *Interpreter) formatOne(b *strings.Builder, e *Exception) {
	if len(e.Traceback) > 0 {
		b.WriteString("Traceback (most recent call last):\n")
		in.formatEntries(b, e.Traceback)
	}
	if e.syntax != nil {
		// The source location block, then "SyntaxError: msg".
		b.WriteString(e.syntax.Format())
	} else {
		b.WriteString(in.excLastLine(e))
		b.WriteByte('\n')
	}
	for _, n := range e.Notes {
		if s, ok := n.o.(*Str); ok {
			b.WriteString(s.s)
		} else {
			r, _ := Repr(in.main, n)
			b.WriteString(r)
		}
		b.WriteByte('\n')
	}
}

// formatEntries writes traceback entries, collapsing runs of identical
// entries as CPython does ("[Previous line repeated N more times]").
func (in *Interpreter) formatEntries(b *strings.Builder, tb []TraceEntry) {
	var last TraceEntry
	count := 0
	flush := func() {
		if count > 3 {
			n := count - 3
			s := "s"
			if n == 1 {
				s = ""
			}
			b.WriteString("  [Previous line repeated " + strconv.Itoa(n) + " more time" + s + "]\n")
		}
	}
	for i, te := range tb {
		if i > 0 && te.File == last.File && te.Line == last.Line && te.Name == last.Name {
			count++
			if count > 3 {
				continue
			}
		} else {
			flush()
			count = 1
		}
		last = te
		in.formatEntry(b, te)
	}
	flush()
}

func (in *Interpreter) formatEntry(b *strings.Builder, te TraceEntry) {
	b.WriteString("  File \"" + te.File + "\", line " + strconv.Itoa(te.Line) + ", in " + te.Name + "\n")
	line := in.sourceLineRaw(te.File, te.Line)
	if line == "" {
		return
	}
	stripped := strings.TrimLeft(line, " \t\f")
	stripped = strings.TrimRight(stripped, " \t\f\r\n")
	if stripped == "" {
		return
	}
	b.WriteString("    " + stripped + "\n")
	if te.Col <= 0 || te.EndCol <= 0 {
		return
	}
	runes := []rune(line)
	indent := len(runes) - utf8.RuneCountInString(strings.TrimLeft(line, " \t\f"))
	start := te.Col - 1 // 0-based code point columns
	end := te.EndCol - 1
	if te.EndLine != te.Line {
		end = indent + utf8.RuneCountInString(stripped)
	}
	if end <= start || start < indent || end > len(runes) {
		return
	}
	left, right, anchored := 0, 0, false
	if te.EndLine == te.Line {
		left, right, anchored = caretAnchors(runes[start:end])
	}
	if end-start >= utf8.RuneCountInString(stripped) && !(anchored && right > left) {
		return
	}
	b.WriteString("    " + strings.Repeat(" ", start-indent))
	for i := 0; i < end-start; i++ {
		if anchored && (i < left || i >= right) {
			b.WriteByte('~')
		} else {
			b.WriteByte('^')
		}
	}
	b.WriteByte('\n')
}

// excLastLine is "Type: message" (just "Type" for an empty message).
func (in *Interpreter) excLastLine(e *Exception) string {
	name := excTypeName(e.typ)
	s, err := ToStr(in.main, Value{o: e})
	if err != nil {
		return name + ": <exception str() failed>"
	}
	if sg := computeSuggestion(e, in.uncaught); sg != "" {
		s += ". Did you mean: '" + sg + "'?"
	}
	if s == "" {
		return name
	}
	return name + ": " + s
}

// sourceLine returns line n of file, stripped (for warnings).
func (in *Interpreter) sourceLine(file string, n int) string {
	return strings.TrimSpace(in.sourceLineRaw(file, n))
}

// sourceLineRaw returns line n (1-based) of file from the recorded sources
// or the file system, "" when unavailable.
func (in *Interpreter) sourceLineRaw(file string, n int) string {
	if n <= 0 {
		return ""
	}
	src, ok := in.sources[file]
	if !ok {
		data, err := os.ReadFile(file)
		if err != nil {
			in.sources[file] = nil
			return ""
		}
		src = data
		in.sources[file] = src
	}
	lines := strings.SplitAfter(string(src), "\n")
	if n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r\n")
}
