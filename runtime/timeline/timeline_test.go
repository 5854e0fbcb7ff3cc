package timeline_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pya-lang/pya/parser"
	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/runtime/timeline"
	_ "github.com/pya-lang/pya/stdlib/all"
	"github.com/pya-lang/pya/vm"
	"github.com/pya-lang/pya/vm/compile"
)

var update = flag.Bool("update", false, "rewrite the golden .json and .trace files")

const dir = "../../testdata/timeline"

func compileSource(filename string, src []byte) (*compile.Code, error) {
	return compileMode(filename, src, compile.ModeExec)
}

// compileMode is the interpreter's compiler (vm.Config.Compile).
func compileMode(filename string, src []byte, mode compile.Mode) (*compile.Code, error) {
	mod, err := parser.ParseFile(filename, src)
	if err != nil {
		return nil, err
	}
	return compile.Compile(mod, mode)
}

// record runs a program on the virtual clock with a recorder attached, as
// pya --clock=virtual --timeline does, and returns its timeline and the
// --trace lines.
func record(t *testing.T, name string, src []byte) (*timeline.Timeline, string) {
	t.Helper()
	code, err := compileSource(name, src)
	if err != nil {
		t.Fatal(err)
	}
	var out, errs, trace bytes.Buffer
	in := vm.NewInterpreter(vm.Config{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs, Argv: []string{name}, Compile: compileMode})
	runtime.ConfigureInterpreter(in, runtime.VirtualClockKind, &errs)
	defer runtime.ForgetInterpreter(in)
	rec := runtime.NewRecorder(runtime.InterpreterClock(in))
	rec.Live = timeline.NewTracer(&trace).Event
	runtime.AttachRecorder(in, rec)
	if err := in.ExecMain(code, src); err != nil {
		in.ReportError(err)
		t.Fatalf("%s failed:\n%s", name, errs.String())
	}
	return timeline.Build(rec.Events(), rec.Virtual(), rec.Now()), trace.String()
}

// golden compares got with the file, or rewrites it with -update.
func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (go test -update rewrites it); got:\n%s", file, got)
	}
}

// TestGolden checks the JSON timeline and the --trace text of each article
// snippet in testdata/timeline against its golden files: on the virtual
// clock both are exact and deterministic.
func TestGolden(t *testing.T) {
	scripts, _ := filepath.Glob(filepath.Join(dir, "*.pya"))
	if len(scripts) < 5 {
		t.Fatalf("only %d scripts in %s", len(scripts), dir)
	}
	for _, path := range scripts {
		base := strings.TrimSuffix(path, ".pya")
		t.Run(filepath.Base(base), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tl, trace := record(t, filepath.Base(path), src)
			var js bytes.Buffer
			if err := tl.WriteJSON(&js); err != nil {
				t.Fatal(err)
			}
			golden(t, base+".json", js.String())
			golden(t, base+".trace", trace)
			// Twice the same: nothing depends on map order or wall time.
			tl2, trace2 := record(t, filepath.Base(path), src)
			var js2 bytes.Buffer
			tl2.WriteJSON(&js2)
			if js2.String() != js.String() || trace2 != trace {
				t.Errorf("second run differs")
			}
			checkSVG(t, tl)
		})
	}
}

// checkSVG decodes the SVG as XML and checks that every lane is drawn and
// named.
func checkSVG(t *testing.T, tl *timeline.Timeline) {
	t.Helper()
	var b bytes.Buffer
	if err := tl.WriteSVG(&b, "test.pya"); err != nil {
		t.Fatal(err)
	}
	lanes, texts := 0, map[string]bool{}
	dec := xml.NewDecoder(&b)
	var inText bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inText = e.Name.Local == "text"
			for _, a := range e.Attr {
				if a.Name.Local == "class" && a.Value == "lane" {
					lanes++
				}
			}
		case xml.CharData:
			if inText {
				texts[strings.TrimSpace(string(e))] = true
			}
		case xml.EndElement:
			inText = false
		}
	}
	if lanes != len(tl.Lanes) {
		t.Errorf("SVG has %d lanes, want %d", lanes, len(tl.Lanes))
	}
	for _, l := range tl.Lanes[1:] {
		if !texts[l.Label()] {
			t.Errorf("no lane label %q in the SVG", l.Label())
		}
	}
}

// TestManyTasks checks that 200 tasks still give a well-formed picture,
// with thin lanes and no lane labels that would overlap.
func TestManyTasks(t *testing.T) {
	src := []byte(`import asyncio

async def worker(i):
    await asyncio.sleep(i % 7 * 0.1)
    await asyncio.sleep(0.05)
    return i

async def main():
    await asyncio.gather(*(worker(i) for i in range(200)))

asyncio.run(main())
`)
	tl, _ := record(t, "many.pya", src)
	if len(tl.Lanes) != 202 {
		t.Fatalf("%d lanes, want 202 (main program, main(), 200 workers)", len(tl.Lanes))
	}
	var b bytes.Buffer
	tl.WriteSVG(&b, "many.pya")
	svg := b.String()
	if err := wellFormed(svg); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(svg, `class="lane"`); n != 202 {
		t.Errorf("%d lanes drawn, want 202", n)
	}
	if n := strings.Count(svg, " worker()<"); n == 0 || n > 100 {
		t.Errorf("%d of 200 thin lanes named, want some but not all", n)
	}
	var h bytes.Buffer
	tl.WriteHTML(&h, "many.pya")
	html := h.String()
	for _, bad := range []string{`src="http`, `href="http`, "<link", "@import"} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML refers to an external resource (%s)", bad)
		}
	}
	if !strings.Contains(html, "<svg") || !strings.Contains(html, "<script>") {
		t.Errorf("HTML lacks the embedded SVG or its script")
	}
}

func wellFormed(s string) error {
	dec := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("not well-formed XML: %v", err)
		}
	}
}

// TestTraceFormat checks the text form of each kind of event.
func TestTraceFormat(t *testing.T) {
	var b bytes.Buffer
	tr := timeline.NewTracer(&b)
	for _, ev := range []runtime.TraceEvent{
		{T: 0, Kind: runtime.TraceCreate, Task: 1, Name: "Task-1", Coro: "main()"},
		{T: 0, Kind: runtime.TraceCreate, Task: 2, Parent: 1, Name: "Task-2", Coro: "worker()"},
		{T: 1, Kind: runtime.TraceWait, Task: 2, On: "sleep(1)"},
		{T: 2.5, Kind: runtime.TraceStall, Task: 2, Dur: 1.5},
		{T: 3, Kind: runtime.TraceDone, Task: 2, How: "exception", Detail: "ValueError('x')"},
	} {
		tr.Event(ev)
	}
	want := `t=0.000 Task-1 main() created by main program
t=0.000 Task-2 worker() created by Task-1 main()
t=1.000 Task-2 worker() wait sleep(1)
t=2.500 stall 1.500s in Task-2 worker()
t=3.000 Task-2 worker() done exception ValueError('x')
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestStartWritesFile runs a program through Start, as pya --timeline=FILE
// does, for each output format.
func TestStartWritesFile(t *testing.T) {
	src := []byte("import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n")
	code, err := compileSource("s.pya", src)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for _, name := range []string{"t.svg", "t.html", "t.json"} {
		var out, errs bytes.Buffer
		in := vm.NewInterpreter(vm.Config{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs, Argv: []string{"s.pya"}, Compile: compileMode})
		runtime.ConfigureInterpreter(in, runtime.VirtualClockKind, &errs)
		file := filepath.Join(tmp, name)
		finish := timeline.Start(in, file, true, "s.pya", &errs)
		if err := in.ExecMain(code, src); err != nil {
			t.Fatal(err)
		}
		finish()
		runtime.ForgetInterpreter(in)
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		switch filepath.Ext(name) {
		case ".svg":
			if err := wellFormed(s); err != nil || !strings.HasPrefix(s, "<svg") {
				t.Errorf("%s: not an SVG document (%v)", name, err)
			}
		case ".html":
			if !strings.HasPrefix(s, "<!DOCTYPE html>") || !strings.Contains(s, "<svg") {
				t.Errorf("%s: not the HTML page", name)
			}
		case ".json":
			if !strings.Contains(s, `"on": "sleep(1)"`) {
				t.Errorf("%s lacks the sleep:\n%s", name, s)
			}
		}
		if !strings.Contains(errs.String(), "t=1.000 Task-1 main() run\n") {
			t.Errorf("trace lacks the wakeup:\n%s", errs.String())
		}
	}
}

// TestDeadlock: the moment pya finds a deadlock is on the timeline, with
// its report, and the waits that caused it.
func TestDeadlock(t *testing.T) {
	src := []byte(`import asyncio

async def consumer(q):
    await q.get()

async def main():
    q = asyncio.Queue()
    t = asyncio.create_task(consumer(q))
    await asyncio.sleep(1)
    await t

asyncio.run(main())
`)
	code, err := compileSource("dl.pya", src)
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	in := vm.NewInterpreter(vm.Config{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs, Argv: []string{"dl.pya"}, Compile: compileMode})
	runtime.ConfigureInterpreter(in, runtime.VirtualClockKind, &errs)
	defer runtime.ForgetInterpreter(in)
	rec := runtime.NewRecorder(runtime.InterpreterClock(in))
	runtime.AttachRecorder(in, rec)
	if err := in.ExecMain(code, src); err == nil {
		t.Fatal("no DeadlockError")
	}
	tl := timeline.Build(rec.Events(), rec.Virtual(), rec.Now())
	if len(tl.Deadlocks) != 1 || tl.Deadlocks[0].T != 1 || !strings.Contains(tl.Deadlocks[0].Report, "waits for Queue.get()") {
		t.Fatalf("deadlocks = %+v", tl.Deadlocks)
	}
	var b bytes.Buffer
	tl.WriteSVG(&b, "dl.pya")
	if err := wellFormed(b.String()); err != nil || !strings.Contains(b.String(), ">deadlock</text>") {
		t.Errorf("SVG lacks the deadlock mark (%v)", err)
	}
}
