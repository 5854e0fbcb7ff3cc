package vm

import (
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The report of an exception, in the two forms CPython 3.11 has: the
// interpreter's own (PyErr_Display in Python/pythonrun.c, printed for an
// uncaught exception) and the traceback module's (TracebackException.format,
// used by traceback.print_exc and asyncio's exception handler). They agree
// except on details listed at excPrinter.module: where the margin of an
// exception group goes, how notes split into lines, and "Did you mean".

const (
	maxGroupWidth = 15 // sub-exceptions printed per group; the rest are counted
	maxGroupDepth = 10 // nesting printed before "... (max_group_depth is 10)"
)

// excPrinter carries what CPython's exception_print_context holds: the
// exceptions already printed (cycles in __cause__/__context__), the group
// nesting depth that decides the "  | " margin, and whether the innermost
// group still owes its closing "+-----" line.
type excPrinter struct {
	in        *Interpreter
	b         strings.Builder
	seen      map[*Exception]bool
	depth     int
	needClose bool
	// module selects the traceback module's form: "[Previous line
	// repeated]" lines, SyntaxError source lines and empty note lines get
	// the margin; notes split on "\n"; no "Did you mean" suggestion.
	module bool
	// cuts are the ends of the strings traceback.format_exception would
	// list (a frame's lines form one string); hold defers a cut.
	cuts []int
	hold bool
	// noSource leaves out the source lines (a report during shutdown,
	// when CPython can no longer read them).
	noSource bool
}

// FormatException renders an exception as CPython 3.11 prints an uncaught
// one: chained causes and contexts first, then "Traceback (most recent call
// last):", one File/line entry per frame (with the stripped source line and
// carets when the failing expression is narrower than the line), the
// "Type: message" line and the notes; exception groups as boxed trees.
func (in *Interpreter) FormatException(e *Exception) string {
	p := &excPrinter{in: in, seen: map[*Exception]bool{}}
	p.recursive(e)
	return p.b.String()
}

// FormatTracebackException renders e as traceback.format_exception does,
// as the list of strings it returns (see excPrinter.module for how the
// text differs from FormatException).
func (in *Interpreter) FormatTracebackException(e *Exception) []string {
	p := &excPrinter{in: in, seen: map[*Exception]bool{}, module: true}
	p.recursive(e)
	return p.chunks()
}

// cut ends one of traceback.format_exception's strings.
func (p *excPrinter) cut() {
	if !p.hold {
		p.cuts = append(p.cuts, p.b.Len())
	}
}

// chunks splits the text at the cuts.
func (p *excPrinter) chunks() []string {
	s := p.b.String()
	var out []string
	start := 0
	for _, c := range append(p.cuts, len(s)) {
		if c > start {
			out = append(out, s[start:c])
			start = c
		}
	}
	return out
}

// indent is the group nesting's indentation; margin adds the "| " bar.
func (p *excPrinter) indent() string { return strings.Repeat(" ", 2*p.depth) }

func (p *excPrinter) margin() string {
	if p.depth == 0 {
		return ""
	}
	return p.indent() + "| "
}

// line writes s (which ends in "\n") after the margin.
func (p *excPrinter) line(s string) {
	p.b.WriteString(p.margin())
	p.b.WriteString(s)
	p.cut()
}

// recursive is print_exception_recursive: the chain, then the exception.
func (p *excPrinter) recursive(e *Exception) {
	p.causeAndContext(e)
	if isGroup(e) {
		p.group(e)
	} else {
		p.one(e)
	}
}

func (p *excPrinter) causeAndContext(e *Exception) {
	p.seen[e] = true
	if e.Cause != nil {
		if !p.seen[e.Cause] {
			p.chained(e.Cause, "The above exception was the direct cause of the following exception:\n")
		}
		return
	}
	if e.Suppress || e.Context == nil || p.seen[e.Context] {
		return
	}
	p.chained(e.Context, "During handling of the above exception, another exception occurred:\n")
}

func (p *excPrinter) chained(e *Exception, msg string) {
	needClose := p.needClose
	p.recursive(e)
	p.needClose = needClose
	p.hold = true
	p.line("\n")
	p.line(msg)
	p.line("\n")
	p.hold = false
	p.cut()
}

// group is print_exception_group: the group itself, then each member in a
// numbered box, at most maxGroupWidth of them and maxGroupDepth deep.
func (p *excPrinter) group(e *Exception) {
	if p.depth > maxGroupDepth {
		p.line("... (max_group_depth is " + strconv.Itoa(maxGroupDepth) + ")\n")
		return
	}
	top := p.depth == 0
	if top {
		p.depth++
	}
	p.one(e)
	excs := egExceptions(e)
	n := len(excs)
	if n > maxGroupWidth {
		n = maxGroupWidth + 1
	}
	p.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			// The closing frame may be written by a nested group instead.
			p.needClose = true
		}
		corner := "  "
		if i == 0 {
			corner = "+-"
		}
		title := strconv.Itoa(i + 1)
		truncated := i >= maxGroupWidth
		if truncated {
			title = "..."
		}
		p.b.WriteString(p.indent() + corner + "+---------------- " + title + " ----------------\n")
		p.cut()
		p.depth++
		if !truncated {
			p.recursive(excs[i])
		} else {
			rest := len(excs) - maxGroupWidth
			p.line("and " + strconv.Itoa(rest) + " more exception" + plural(rest) + "\n")
		}
		if last && p.needClose {
			p.b.WriteString(p.indent() + "+------------------------------------\n")
			p.cut()
			p.needClose = false
		}
		p.depth--
	}
	if top {
		p.depth--
	}
}

// one is print_exception: traceback, the SyntaxError location, the
// "Type: message" line and the notes.
func (p *excPrinter) one(e *Exception) {
	if len(e.Traceback) > 0 {
		header, hmargin := "Traceback (most recent call last):\n", p.margin()
		if isGroup(e) {
			header = "Exception Group Traceback (most recent call last):\n"
			if p.depth == 1 {
				hmargin = p.indent() + "+ "
			}
		}
		p.b.WriteString(hmargin + header)
		p.cut()
		p.entries(e.Traceback)
	}
	if e.se != nil && p.syntaxError(e) {
		return
	}
	p.line(p.in.excLastLine(e, !p.module) + "\n")
	p.notes(e)
}

// notes prints __notes__: each note's lines after the margin; a value that
// is not a sequence prints as its repr (without a newline in the
// interpreter's form, as CPython 3.11's print_exception_notes).
func (p *excPrinter) notes(e *Exception) {
	th := p.in.main
	notes, err := LookupAttr(th, Value{o: e}, "__notes__")
	if err != nil || notes.IsNull() || (p.module && notes.IsNone()) {
		return
	}
	if !isSequence(notes) {
		r, err := Repr(th, notes)
		if err != nil {
			r = "<__notes__ repr() failed>"
		}
		p.line(r)
		return
	}
	items, err := ToSlice(th, notes)
	if err != nil {
		return
	}
	for _, n := range items {
		s, err := ToStr(th, n)
		if err != nil {
			s = "<note str() failed>"
		}
		if p.module {
			for _, l := range strings.Split(s, "\n") {
				p.line(l + "\n")
			}
			continue
		}
		for _, l := range splitLinesKeep(s) {
			p.line(l)
		}
		p.b.WriteByte('\n')
	}
}

// splitLinesKeep is str.splitlines(keepends=True) for "\n", "\r\n" and "\r".
func splitLinesKeep(s string) []string {
	var out []string
	for len(s) > 0 {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			out = append(out, s)
			break
		}
		j := i + 1
		if s[i] == '\r' && j < len(s) && s[j] == '\n' {
			j++
		}
		out = append(out, s[:j])
		s = s[j:]
	}
	return out
}

// entries writes traceback entries, collapsing runs of identical entries
// as CPython does ("[Previous line repeated N more times]", which the
// interpreter's form prints without the group margin).
func (p *excPrinter) entries(tb []TraceEntry) {
	var last TraceEntry
	count := 0
	flush := func() {
		if count > 3 {
			n := count - 3
			msg := "  [Previous line repeated " + strconv.Itoa(n) + " more time" + plural(n) + "]\n"
			if p.module {
				p.line(msg)
			} else {
				p.b.WriteString(msg)
				p.cut()
			}
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
		p.entry(te)
	}
	flush()
}

func (p *excPrinter) entry(te TraceEntry) {
	p.hold = true
	defer func() { p.hold = false; p.cut() }()
	p.line("  File \"" + te.File + "\", line " + strconv.Itoa(te.Line) + ", in " + te.Name + "\n")
	if p.noSource {
		return
	}
	line := p.in.sourceLineRaw(te.File, te.Line)
	if line == "" {
		return
	}
	stripped := strings.TrimLeft(line, " \t\f")
	stripped = strings.TrimRight(stripped, " \t\f\r\n")
	if stripped == "" {
		return
	}
	p.line("    " + stripped + "\n")
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
	var c strings.Builder
	c.WriteString("    " + strings.Repeat(" ", start-indent))
	for i := 0; i < end-start; i++ {
		if anchored && (i < left || i >= right) {
			c.WriteByte('~')
		} else {
			c.WriteByte('^')
		}
	}
	c.WriteByte('\n')
	p.line(c.String())
}

// excLastLine is "Type: message" (just "Type" for an empty message), with
// the "Did you mean" suggestion when suggest is set.
func (in *Interpreter) excLastLine(e *Exception, suggest bool) string {
	name := excTypeName(e.typ)
	s, err := ToStr(in.main, Value{o: e})
	if err != nil {
		return name + ": <exception str() failed>"
	}
	if suggest {
		if sg := computeSuggestion(e, in.uncaught); sg != "" {
			s += ". Did you mean: '" + sg + "'?"
		}
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

// FormatExceptionOnly is traceback.format_exception_only(e): the
// exception's last line (the SyntaxError block for syntax errors) and its
// notes, without traceback or chained exceptions.
func (in *Interpreter) FormatExceptionOnly(e *Exception) []string {
	p := &excPrinter{in: in, seen: map[*Exception]bool{}, module: true}
	if e.se == nil || !p.syntaxError(e) {
		p.line(in.excLastLine(e, false) + "\n")
		p.notes(e)
	}
	return p.chunks()
}

// TracebackEntries returns the entries of a traceback object (ok false
// when v is not one).
func TracebackEntries(v Value) ([]TraceEntry, bool) {
	tb, ok := v.o.(*Traceback)
	if !ok {
		return nil, false
	}
	return tb.Entries, true
}

// FormatTraceEntry renders one traceback entry as traceback.format_tb
// does: the File line, the source line and the carets.
func (in *Interpreter) FormatTraceEntry(te TraceEntry) string {
	p := &excPrinter{in: in, seen: map[*Exception]bool{}, module: true}
	p.entry(te)
	return p.b.String()
}
