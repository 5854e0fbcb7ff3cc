package timeline

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/vm"
)

// Start records the asyncio activity of in (call it after the CLI has
// configured in's clock). With trace, each event is printed to stderr as
// it happens; with file, the returned function writes the timeline there
// when the program is done: JSON for a name ending in .json, HTML for
// .html, SVG otherwise. title heads the picture (the script's name).
func Start(in *vm.Interpreter, file string, trace bool, title string, stderr io.Writer) (finish func()) {
	rec := runtime.NewRecorder(runtime.InterpreterClock(in))
	if trace {
		rec.Live = NewTracer(stderr).Event
		rec.LiveOnly = file == ""
	}
	runtime.AttachRecorder(in, rec)
	return func() {
		if file == "" {
			return
		}
		tl := Build(rec.Events(), rec.Virtual(), rec.Now())
		if err := tl.WriteFile(file, title); err != nil {
			fmt.Fprintf(stderr, "pya: --timeline: %v\n", err)
		}
	}
}

// WriteFile writes the timeline to file in the format its extension names.
func (tl *Timeline) WriteFile(file, title string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	switch strings.ToLower(filepath.Ext(file)) {
	case ".json":
		err = tl.WriteJSON(w)
	case ".html", ".htm":
		err = tl.WriteHTML(w, title)
	default:
		err = tl.WriteSVG(w, title)
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
