// Package timeline turns the events a runtime.Recorder collected into a
// picture of a run's concurrency: one lane per task with its running and
// waiting spans, the tasks it created and awaited, and the loop's stalls.
// It writes SVG, HTML (the SVG plus a hover script), JSON for tools, and
// the text lines of pya --trace:
//
//	pya --clock=virtual --timeline=run.svg script.pya   # or run.html, run.json
//	pya --clock=virtual --trace script.pya              # t=1.000 Task-2 worker() wait sleep(1)
//
// On the virtual clock the figures are exact and the JSON deterministic
// (testdata/timeline holds golden files). Recording hooks live in the
// runtime package (trace.go): a nil check on Loop.rec when off.
package timeline

import (
	"math"

	"github.com/pya-lang/pya/runtime"
)

// Timeline is a run, ready to draw: lane 0 is the main program, lane i
// task i (in creation order).
type Timeline struct {
	Clock  string  `json:"clock"` // "virtual" or "real"
	End    float64 `json:"end"`   // seconds since recording began
	Lanes  []*Lane `json:"lanes"`
	Stalls []Stall `json:"stalls"`
	Links  []Link  `json:"links"`
	// Deadlocks are the moments pya found that no task could progress.
	Deadlocks []Deadlock `json:"deadlocks,omitempty"`
}

// Deadlock is a deadlock found at T, with pya's report.
type Deadlock struct {
	T      float64 `json:"t"`
	Report string  `json:"report"`
}

// Lane is the life of one task (or of the main program, ID 0).
type Lane struct {
	ID       int     `json:"id"`
	Name     string  `json:"name"`           // "Task-2"
	Coro     string  `json:"coro,omitempty"` // "worker()"
	Parent   int     `json:"parent"`         // the creating lane
	Created  float64 `json:"created"`
	Finished float64 `json:"finished"` // End when Outcome is "pending"
	Outcome  string  `json:"outcome"`  // result, exception, cancelled, pending
	Detail   string  `json:"detail,omitempty"`
	Spans    []Span  `json:"spans"`
}

// Label is how the lane is named in pictures: "Task-2 worker()".
func (l *Lane) Label() string {
	if l.Coro == "" {
		return l.Name
	}
	return l.Name + " " + l.Coro
}

// Span is a stretch of a lane: running on the loop, or waiting.
type Span struct {
	Kind  string  `json:"kind"` // "run" or "wait"
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	// For waits: what kind of thing (sleep, task, gather, lock, queue,
	// event, future, io, yield, loop) and its description.
	WaitKind string `json:"wait_kind,omitempty"`
	On       string `json:"on,omitempty"`
}

// Stall is a stretch during which one callback held the loop, so that no
// task could run.
type Stall struct {
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	Task  int     `json:"task"` // whose step stalled (0: another callback)
}

// Link is an arrow between lanes at time T: From created To ("create"),
// or From waited for To ("await") since Since; an await arrow stands where
// the wait resolved (To finished), so that it does not pile up on the
// creation arrows of tasks that are awaited as soon as they are made.
type Link struct {
	Kind  string  `json:"kind"`
	From  int     `json:"from"`
	To    int     `json:"to"`
	T     float64 `json:"t"`
	Since float64 `json:"since"` // create: T
}

// Build assembles the timeline of the recorded events. end is the time the
// recording stopped.
func Build(events []runtime.TraceEvent, virtual bool, end float64) *Timeline {
	tl := &Timeline{Clock: "real", End: end}
	if virtual {
		tl.Clock = "virtual"
	}
	// Times are kept to the microsecond: virtual time then gives exact
	// figures (1000.1 - 1000 is 0.1, not 0.10000000000002274).
	events = append([]runtime.TraceEvent(nil), events...)
	tl.End = micro(tl.End)
	for i := range events {
		events[i].T, events[i].Dur = micro(events[i].T), micro(events[i].Dur)
		tl.End = math.Max(tl.End, events[i].T)
	}
	main := &Lane{Name: "main program", Outcome: "result"}
	tl.Lanes = append(tl.Lanes, main)
	open := map[int]*Span{} // the open span of each lane
	openSpan := func(id int, s Span) {
		if id >= len(tl.Lanes) {
			return
		}
		closeSpan(tl.Lanes[id], open, s.Start)
		tl.Lanes[id].Spans = append(tl.Lanes[id].Spans, s)
		open[id] = &tl.Lanes[id].Spans[len(tl.Lanes[id].Spans)-1]
	}
	openSpan(0, Span{Kind: "run"})
	for _, ev := range events {
		switch ev.Kind {
		case runtime.TraceCreate:
			for len(tl.Lanes) <= ev.Task {
				tl.Lanes = append(tl.Lanes, &Lane{ID: len(tl.Lanes), Outcome: "pending"})
			}
			l := tl.Lanes[ev.Task]
			l.Name, l.Coro, l.Parent, l.Created = ev.Name, ev.Coro, ev.Parent, ev.T
			tl.Links = append(tl.Links, Link{Kind: "create", From: ev.Parent, To: ev.Task, T: ev.T, Since: ev.T})
		case runtime.TraceRun:
			openSpan(ev.Task, Span{Kind: "run", Start: ev.T})
		case runtime.TraceWait:
			openSpan(ev.Task, Span{Kind: "wait", Start: ev.T, WaitKind: ev.WaitKind, On: ev.On})
			for _, to := range ev.Targets {
				tl.Links = append(tl.Links, Link{Kind: "await", From: ev.Task, To: to, T: ev.T, Since: ev.T})
			}
		case runtime.TraceDone:
			if ev.Task < len(tl.Lanes) {
				l := tl.Lanes[ev.Task]
				closeSpan(l, open, ev.T)
				delete(open, ev.Task)
				l.Finished, l.Outcome, l.Detail = ev.T, ev.How, ev.Detail
				if ev.Name != "" {
					l.Name = ev.Name
				}
			}
		case runtime.TraceStall:
			tl.Stalls = append(tl.Stalls, Stall{Start: ev.T - ev.Dur, End: ev.T, Task: ev.Task})
		case runtime.TraceDeadlock:
			tl.Deadlocks = append(tl.Deadlocks, Deadlock{T: ev.T, Report: ev.Detail})
		case runtime.TraceLoopStart:
			openSpan(0, Span{Kind: "wait", Start: ev.T, WaitKind: "loop", On: "event loop"})
		case runtime.TraceLoopStop:
			openSpan(0, Span{Kind: "run", Start: ev.T})
		}
	}
	main.Spans = mergeLoopRuns(main.Spans)
	for i := range tl.Links {
		k := &tl.Links[i]
		if k.Kind == "await" && k.To < len(tl.Lanes) && tl.Lanes[k.To].Outcome != "pending" {
			k.T = math.Max(k.Since, tl.Lanes[k.To].Finished)
		}
	}
	for id, l := range tl.Lanes {
		if _, ok := open[id]; ok {
			closeSpan(l, open, tl.End)
		}
		if l.Outcome == "pending" || id == 0 {
			l.Finished = tl.End
		}
	}
	return tl
}

// closeSpan ends the open span of l at t.
func closeSpan(l *Lane, open map[int]*Span, t float64) {
	if s := open[l.ID]; s != nil {
		s.End = t
		open[l.ID] = nil
	}
}

func micro(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// mergeLoopRuns joins the main program's waits for loops that follow each
// other with no program code between them (asyncio.run runs its loop
// several times while shutting down): the picture shows one wait.
func mergeLoopRuns(spans []Span) []Span {
	out := spans[:0]
	for _, s := range spans {
		n := len(out)
		switch {
		case s.Kind == "run" && s.Start == s.End && n > 0:
			continue // no program code ran between two loop runs
		case n > 0 && s.Kind == out[n-1].Kind:
			out[n-1].End = s.End
			continue
		}
		out = append(out, s)
	}
	return out
}
