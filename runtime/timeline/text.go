package timeline

import (
	"fmt"
	"io"
	"strconv"

	"github.com/pya-lang/pya/runtime"
)

// Tracer prints events as text lines (pya --trace):
//
//	t=1.000 Task-2 worker() wait sleep(1)
//
// Times are seconds since the recording began.
type Tracer struct {
	w      io.Writer
	labels []string // by task id
}

// NewTracer returns a tracer writing to w.
func NewTracer(w io.Writer) *Tracer { return &Tracer{w: w, labels: []string{"main program"}} }

func (tr *Tracer) label(id int) string {
	if id < len(tr.labels) {
		return tr.labels[id]
	}
	return "Task#" + strconv.Itoa(id)
}

// Event prints one event.
func (tr *Tracer) Event(ev runtime.TraceEvent) {
	fmt.Fprintln(tr.w, FormatEvent(ev, tr))
}

// FormatEvent renders ev as a line, naming tasks through tr (which learns
// their names from the creation events it is given).
func FormatEvent(ev runtime.TraceEvent, tr *Tracer) string {
	t := "t=" + strconv.FormatFloat(ev.T, 'f', 3, 64) + " "
	switch ev.Kind {
	case runtime.TraceCreate:
		for len(tr.labels) <= ev.Task {
			tr.labels = append(tr.labels, "")
		}
		tr.labels[ev.Task] = ev.Name + " " + ev.Coro
		return t + tr.label(ev.Task) + " created by " + tr.label(ev.Parent)
	case runtime.TraceRun:
		return t + tr.label(ev.Task) + " run"
	case runtime.TraceWait:
		return t + tr.label(ev.Task) + " wait " + ev.On
	case runtime.TraceDone:
		s := t + tr.label(ev.Task) + " done " + ev.How
		if ev.Detail != "" {
			s += " " + ev.Detail
		}
		return s
	case runtime.TraceStall:
		s := t + "stall " + strconv.FormatFloat(ev.Dur, 'f', 3, 64) + "s"
		if ev.Task != 0 {
			s += " in " + tr.label(ev.Task)
		}
		return s
	case runtime.TraceLoopStart:
		return t + "loop start"
	case runtime.TraceLoopStop:
		return t + "loop stop"
	case runtime.TraceDeadlock:
		return t + ev.Detail
	}
	return t + ev.Kind.String()
}
