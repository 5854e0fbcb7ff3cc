package compile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pya-lang/pya/ast"
)

// verify checks the invariants the interpreter relies on, independently of
// the code generator's own bookkeeping: every jump and handler target is in
// range, the stack depth (following jumps and exception edges as described
// by Code.Handlers) is consistent at merge points, never negative and never
// above MaxStack, every handler's depth is at most the depth of the
// instructions it covers, and every argument indexes an existing table entry.
func verify(code *Code) error {
	n := len(code.Code)
	if len(code.Positions) != n {
		return fmt.Errorf("%s: %d positions for %d instructions", code.QualName, len(code.Positions), n)
	}
	if n == 0 {
		return fmt.Errorf("%s: empty code", code.QualName)
	}
	for i, h := range code.Handlers {
		if h.Start < 0 || h.End > int32(n) || h.Start >= h.End || h.Target < 0 || h.Target >= int32(n) {
			return fmt.Errorf("%s: bad handler %d %+v", code.QualName, i, h)
		}
	}
	// The first entry covering a pc wins: fill from the last entry back.
	cover := make([]*Handler, n)
	for i := len(code.Handlers) - 1; i >= 0; i-- {
		h := &code.Handlers[i]
		for pc := h.Start; pc < h.End; pc++ {
			cover[pc] = h
		}
	}
	handlerAt := func(pc int) *Handler { return cover[pc] }
	depth := make([]int, n)
	for i := range depth {
		depth[i] = -1
	}
	var work []int
	var err error
	visit := func(from, pc, d int) {
		if err != nil {
			return
		}
		if pc < 0 || pc >= n {
			err = fmt.Errorf("%s: pc %d: target %d out of range", code.QualName, from, pc)
			return
		}
		if d < 0 || d > code.MaxStack {
			err = fmt.Errorf("%s: pc %d: depth %d outside [0, %d]", code.QualName, from, d, code.MaxStack)
			return
		}
		if depth[pc] < 0 {
			depth[pc] = d
			work = append(work, pc)
		} else if depth[pc] != d {
			err = fmt.Errorf("%s: pc %d reached with depths %d and %d (from %d)", code.QualName, pc, depth[pc], d, from)
		}
	}
	visit(0, 0, 0)
	for len(work) > 0 && err == nil {
		pc := work[len(work)-1]
		work = work[:len(work)-1]
		d := depth[pc]
		in := code.Code[pc]
		if h := handlerAt(pc); h != nil {
			if int(h.Depth) > d {
				return fmt.Errorf("%s: pc %d at depth %d covered by handler with depth %d", code.QualName, pc, d, h.Depth)
			}
			extra := 1
			if h.Lasti {
				extra = 2
			}
			visit(pc, int(h.Target), int(h.Depth)+extra)
		}
		next, jump, terminal := stackEffect(in)
		if isJump(in.Op()) {
			visit(pc, in.Arg(), d+jump)
		}
		if in.Op() == FOR_ITER {
			visit(pc, pc, d) // the pushed item must fit
			if d+1 > code.MaxStack {
				return fmt.Errorf("%s: pc %d: FOR_ITER overflows", code.QualName, pc)
			}
		}
		if !terminal {
			if pc+1 >= n {
				return fmt.Errorf("%s: falls off the end at %d", code.QualName, pc)
			}
			visit(pc, pc+1, d+next)
		}
		if e := checkArg(code, pc, in); e != nil {
			return e
		}
	}
	if err != nil {
		return err
	}
	for _, k := range code.Consts {
		if sub, ok := k.(*Code); ok {
			if err := verify(sub); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkArg(code *Code, pc int, in Instr) error {
	arg := in.Arg()
	limit := -1
	switch in.Op() {
	case LOAD_CONST:
		limit = len(code.Consts)
	case LOAD_FAST, STORE_FAST, DELETE_FAST:
		limit = len(code.LocalNames)
	case LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLOSURE, LOAD_CLASSDEREF:
		limit = code.NumCells()
	case LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL, LOAD_NAME, STORE_NAME, DELETE_NAME,
		LOAD_ATTR, STORE_ATTR, DELETE_ATTR, LOAD_METHOD, IMPORT_NAME, IMPORT_FROM:
		limit = len(code.Names)
	}
	if limit >= 0 && arg >= limit {
		return fmt.Errorf("%s: pc %d: %s arg %d out of range %d", code.QualName, pc, in.Op(), arg, limit)
	}
	if in.Op() == LOAD_FAST || in.Op() == STORE_FAST {
		if code.Flags&(FlagModule|FlagClassBody) != 0 {
			return fmt.Errorf("%s: pc %d: fast local in a namespace body", code.QualName, pc)
		}
	}
	return nil
}

func TestProgramsInvariants(t *testing.T) {
	f := loadFixtures(t)
	if len(f.Programs) == 0 {
		t.Fatal("no programs")
	}
	for _, p := range f.Programs {
		t.Run(p.Name, func(t *testing.T) {
			code, err := Compile(jsonModule(p.Name, p.AST), ModeExec)
			if err != nil {
				t.Fatal(err)
			}
			if err := verify(code); err != nil {
				t.Fatalf("%v\n%s", err, Disassemble(code))
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	f := loadFixtures(t)
	for _, e := range f.Errors {
		_, err := Compile(jsonModule("f.py", e.AST), ModeExec)
		se, ok := err.(*ast.SyntaxError)
		if !ok {
			t.Errorf("%q: got %v, want %q", e.Src, err, e.Want.Msg)
			continue
		}
		w := e.Want
		wantEnd := w.EndCol
		if w.EndLine != w.Line || wantEnd <= w.Col {
			wantEnd = 0
		}
		if se.Kind != "SyntaxError" || se.Msg != w.Msg || se.Line != w.Line || se.Col != w.Col || se.EndCol != wantEnd {
			t.Errorf("%q:\n got %s %q %d:%d-%d\nwant %q %d:%d-%d", e.Src, se.Kind, se.Msg, se.Line, se.Col, se.EndCol,
				w.Msg, w.Line, w.Col, wantEnd)
		}
	}
}

// findCode returns the nested code object with the given qualified name.
func findCode(code *Code, qual string) *Code {
	if code.QualName == qual {
		return code
	}
	for _, k := range code.Consts {
		if sub, ok := k.(*Code); ok {
			if c := findCode(sub, qual); c != nil {
				return c
			}
		}
	}
	return nil
}

func compileProgram(t *testing.T, name string) *Code {
	t.Helper()
	for _, p := range loadFixtures(t).Programs {
		if p.Name == name {
			code, err := Compile(jsonModule(name, p.AST), ModeExec)
			if err != nil {
				t.Fatal(err)
			}
			return code
		}
	}
	t.Fatalf("no program %s", name)
	return nil
}

func TestCodeAttributes(t *testing.T) {
	code := compileProgram(t, "functions.py")
	tests := []struct {
		qual                  string
		locals, cells, frees  string
		argc, posonly, kwonly int
		flags                 Flags
	}{
		{"simple", "a b c d args kw", "", "", 2, 0, 2, FlagVarArgs | FlagVarKeywords | FlagNoFree},
		{"posonly", "a b c", "", "", 3, 2, 0, FlagNoFree},
		{"closure", "inner reader", "x", "", 0, 0, 0, FlagNoFree},
		{"closure.<locals>.inner", "", "", "x", 0, 0, 0, FlagNested},
		{"cellarg", "a b g", "a", "", 2, 0, 0, FlagNoFree},
		{"gen", "x", "", "", 0, 0, 0, FlagGenerator | FlagNoFree},
		{"comps.<locals>.<listcomp>", ".0 x", "", "n", 1, 0, 0, FlagNested},
		{"comps.<locals>.<genexpr>", ".0 x", "", "n", 1, 0, 0, FlagNested | FlagGenerator},
		{"walrus", "items", "found y", "", 1, 0, 0, FlagNoFree},
		{"walrus.<locals>.<genexpr>", ".0 x", "", "found", 1, 0, 0, FlagNested | FlagGenerator},
		{"deep.<locals>.l1.<locals>.l2", "l3", "", "a", 0, 0, 0, FlagNested},
		{"lam.<locals>.<lambda>", "x k a", "", "", 1, 0, 1, FlagNested | FlagVarArgs | FlagNoFree},
	}
	for _, tt := range tests {
		c := findCode(code, tt.qual)
		if c == nil {
			t.Errorf("no code %s", tt.qual)
			continue
		}
		got := fmt.Sprintf("%s|%s|%s|%d %d %d|%#x", strings.Join(c.LocalNames, " "), strings.Join(c.CellNames, " "),
			strings.Join(c.FreeVars, " "), c.ArgCount, c.PosOnlyArgCount, c.KwOnlyArgCount, uint16(c.Flags))
		want := fmt.Sprintf("%s|%s|%s|%d %d %d|%#x", tt.locals, tt.cells, tt.frees, tt.argc, tt.posonly, tt.kwonly, uint16(tt.flags))
		if got != want {
			t.Errorf("%s:\n got %s\nwant %s", tt.qual, got, want)
		}
	}
	if c := findCode(code, "simple"); c.Doc != "Docstring." {
		t.Errorf("doc = %v", c.Doc)
	}
	if c := findCode(code, "cellarg"); len(c.CellArgs) != 1 || c.CellArgs[0] != 0 {
		t.Errorf("cellarg CellArgs = %v", c.CellArgs)
	}
}

func TestClassScopes(t *testing.T) {
	code := compileProgram(t, "classes.py")
	tests := []struct {
		qual         string
		cells, frees string
		flags        Flags
	}{
		{"Child", "__class__", "", FlagClassBody | FlagNoFree},
		{"Child.__init__", "", "__class__", FlagVarArgs},
		{"Child.cls", "", "__class__", 0},
		{"factory.<locals>.Local", "", "v", FlagClassBody | FlagNested},
		{"factory.<locals>.Local.get", "", "v", FlagNested},
		{"shadow.<locals>.C", "", "x", FlagClassBody | FlagNested},
		{"Nested.Inner", "__class__", "", FlagClassBody | FlagNoFree},
		{"Point", "", "", FlagClassBody | FlagNoFree},
	}
	for _, tt := range tests {
		c := findCode(code, tt.qual)
		if c == nil {
			t.Errorf("no code %s", tt.qual)
			continue
		}
		got := fmt.Sprintf("%s|%s|%#x", strings.Join(c.CellNames, " "), strings.Join(c.FreeVars, " "), uint16(c.Flags))
		want := fmt.Sprintf("%s|%s|%#x", tt.cells, tt.frees, uint16(tt.flags))
		if got != want {
			t.Errorf("%s:\n got %s\nwant %s", tt.qual, got, want)
		}
	}
	// Names in a class body are not visible to its methods.
	dis := Disassemble(findCode(code, "Point.helper"))
	if !strings.Contains(dis, "LOAD_GLOBAL          0 (count)") {
		t.Errorf("Point.helper should load count as a global:\n%s", dis)
	}
	// A free name in a class body is looked up with LOAD_CLASSDEREF.
	dis = Disassemble(findCode(code, "factory.<locals>.Local"))
	if !strings.Contains(dis, "LOAD_CLASSDEREF") {
		t.Errorf("Local should use LOAD_CLASSDEREF:\n%s", dis)
	}
	// Private names are mangled in class bodies and methods.
	dis = Disassemble(findCode(code, "Nested"))
	if !strings.Contains(dis, "STORE_NAME           4 (_Nested__private)") {
		t.Errorf("Nested should store _Nested__private:\n%s", dis)
	}
	if c := findCode(code, "Nested.__private"); c == nil || !strings.Contains(Disassemble(c), "LOAD_ATTR            0 (_Nested__private)") {
		t.Errorf("Nested.__private should load _Nested__private")
	}
	dis = Disassemble(findCode(code, "Child"))
	if !strings.Contains(dis, "STORE_NAME           3 (__classcell__)") && !strings.Contains(dis, "(__classcell__)") {
		t.Errorf("Child should store __classcell__:\n%s", dis)
	}
}
