package timeline

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Layout of the picture, in pixels. Lanes share a fixed plot height, so
// that 3 tasks get wide lanes and 200 get thin ones; labels that would not
// fit a lane (or a span) are dropped rather than overlapped.
const (
	svgWidth   = 1100
	labelWidth = 200 // the column of lane names
	plotLeft   = labelWidth + 12
	plotRight  = svgWidth - 24
	axisY      = 52 // the time axis; lanes start below it
	lanesTop   = axisY + 8
	maxLaneH   = 30
	minLaneH   = 4
	lanesSpace = 600 // the height lanes share before they stop shrinking
	legendH    = 56
)

// waitColors gives each kind of wait its hatch colour.
var waitColors = map[string]string{
	"sleep":     "#7b8794",
	"yield":     "#9aa5b1",
	"task":      "#8e44ad",
	"gather":    "#8e44ad",
	"taskgroup": "#8e44ad",
	"wait":      "#8e44ad",
	"wait_for":  "#8e44ad",
	"lock":      "#d35400",
	"queue":     "#138d75",
	"event":     "#b7950b",
	"io":        "#2874a6",
	"future":    "#5d6d7e",
	"loop":      "#aab7b8",
}

const (
	runColor   = "#2f6fd6"
	stallColor = "#e03131"
)

func waitColor(kind string) string {
	if c, ok := waitColors[kind]; ok {
		return c
	}
	return "#5d6d7e"
}

// geometry maps times and lanes to pixels.
type geometry struct {
	end          float64
	laneH        float64
	lanesBottom  float64
	height       float64
	fontSize     float64
	labelEvery   int  // name every k-th lane
	showSpanText bool // wait labels inside the bars
	showLinks    bool // arrows (too dense to read when lanes are thin)
}

func (tl *Timeline) geometry() geometry {
	g := geometry{end: tl.End}
	if g.end <= 0 {
		g.end = 1e-3
	}
	n := float64(len(tl.Lanes))
	g.laneH = math.Max(minLaneH, math.Min(maxLaneH, math.Floor(lanesSpace/n)))
	g.lanesBottom = lanesTop + g.laneH*n
	g.height = g.lanesBottom + 24 + legendH
	g.fontSize = math.Min(12, math.Floor(g.laneH*0.6))
	g.labelEvery = 1
	if g.laneH < 10 {
		// Thin lanes: name every k-th lane in a small font (the
		// HTML form's hover names the others).
		g.fontSize = 8
		g.labelEvery = int(math.Ceil(9 / g.laneH))
	}
	g.showSpanText = g.laneH >= 16
	g.showLinks = g.laneH >= 10
	return g
}

func (g *geometry) x(t float64) float64 { return plotLeft + t/g.end*(plotRight-plotLeft) }

func (g *geometry) laneY(i int) float64 { return lanesTop + g.laneH*float64(i) }

// mid is the vertical centre of lane i.
func (g *geometry) mid(i int) float64 { return g.laneY(i) + g.laneH/2 }

// textWidth estimates the width of s in the sans-serif font at size px.
func textWidth(s string, size float64) float64 { return float64(len([]rune(s))) * size * 0.58 }

// WriteSVG draws the timeline as a standalone SVG document.
func (tl *Timeline) WriteSVG(w io.Writer, title string) error {
	bw := bufio.NewWriter(w)
	tl.writeSVG(bw, title)
	return bw.Flush()
}

func (tl *Timeline) writeSVG(w *bufio.Writer, title string) {
	g := tl.geometry()
	f := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	f(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%s" viewBox="0 0 %d %s" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">`+"\n",
		svgWidth, num(g.height), svgWidth, num(g.height))
	tl.writeDefs(w)
	f(`<rect width="100%%" height="100%%" fill="#ffffff"/>` + "\n")
	heading := "pya timeline"
	if title != "" {
		heading += " — " + title
	}
	heading += " (" + tl.Clock + " clock, " + seconds(tl.End) + ", " + strconv.Itoa(len(tl.Lanes)-1) + " tasks)"
	f(`<text x="12" y="20" font-size="14" font-weight="bold" fill="#1f2933">%s</text>`+"\n", esc(heading))

	// Lane backgrounds and names.
	f(`<g class="lanes">` + "\n")
	for i := 1; i < len(tl.Lanes); i += 2 {
		f(`<rect x="0" y="%s" width="%d" height="%s" fill="#f4f6f8"/>`+"\n", num(g.laneY(i)), svgWidth, num(g.laneH))
	}
	for i, l := range tl.Lanes {
		if i%g.labelEvery == 0 {
			label := fit(l.Label(), labelWidth-12, g.fontSize)
			f(`<text x="%d" y="%s" font-size="%s" fill="#1f2933">%s<title>%s</title></text>`+"\n",
				8, num(g.mid(i)+g.fontSize*0.36), num(g.fontSize), esc(label), esc(laneTip(l)))
		}
	}
	f("</g>\n")

	tl.writeAxis(w, &g)

	// Stalls: the loop ran nothing else, so they cross every lane.
	for _, s := range tl.Stalls {
		x0, x1 := g.x(s.Start), g.x(s.End)
		tip := "loop stalled " + seconds(s.End-s.Start) + " (" + seconds(s.Start) + " – " + seconds(s.End) + ")"
		if s.Task > 0 && s.Task < len(tl.Lanes) {
			tip += " by a blocking call in " + tl.Lanes[s.Task].Label()
		}
		f(`<g class="stall"><rect x="%s" y="%d" width="%s" height="%s" fill="%s" fill-opacity="0.13" stroke="%s" stroke-dasharray="4 3"/>`,
			num(x0), lanesTop, num(math.Max(x1-x0, 2)), num(g.lanesBottom-lanesTop), stallColor, stallColor)
		f(`<text x="%s" y="%s" font-size="11" fill="%s" text-anchor="middle">stall %s</text><title>%s</title></g>`+"\n",
			num((x0+x1)/2), num(g.lanesBottom+14), stallColor, esc(seconds(s.End-s.Start)), esc(tip))
	}

	for _, d := range tl.Deadlocks {
		x := num(g.x(d.T))
		f(`<g class="deadlock"><line x1="%s" y1="%d" x2="%s" y2="%s" stroke="%s" stroke-width="2.5"/><text x="%s" y="%s" font-size="11" font-weight="bold" fill="%s" text-anchor="end">deadlock</text><title>%s</title></g>`+"\n",
			x, lanesTop, x, num(g.lanesBottom), stallColor, x, num(g.lanesBottom+14), stallColor, esc(d.Report))
	}

	// Lifelines, spans and end markers.
	for i, l := range tl.Lanes {
		tl.writeLane(w, &g, i, l)
	}
	if g.showLinks {
		tl.writeLinks(w, &g)
	}
	tl.writeLegend(w, &g)
	f("</svg>\n")
}

func (tl *Timeline) writeDefs(w *bufio.Writer) {
	w.WriteString("<defs>\n")
	kinds := make([]string, 0, len(waitColors))
	for k := range waitColors {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		c := waitColors[k]
		fmt.Fprintf(w, `<pattern id="hatch-%s" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="%s" stroke-width="2.2"/></pattern>`+"\n", k, c)
	}
	for _, m := range []struct{ id, color string }{{"arrow-create", "#6b7280"}, {"arrow-await", "#8e44ad"}} {
		fmt.Fprintf(w, `<marker id="%s" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="%s"/></marker>`+"\n", m.id, m.color)
	}
	w.WriteString("</defs>\n")
}

// writeAxis draws the time axis with "nice" ticks (1, 2 or 5 times a power
// of ten) and light grid lines down through the lanes.
func (tl *Timeline) writeAxis(w *bufio.Writer, g *geometry) {
	step := niceStep(g.end / 10)
	fmt.Fprintf(w, `<g class="axis" font-size="11" fill="#52606d"><line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#52606d"/>`+"\n", plotLeft, axisY, plotRight, axisY)
	for i := 0; ; i++ {
		t := float64(i) * step
		if t > g.end*(1+1e-9) {
			break
		}
		x := num(g.x(t))
		fmt.Fprintf(w, `<line x1="%s" y1="%d" x2="%s" y2="%s" stroke="#e4e7eb"/><line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#52606d"/><text x="%s" y="%d" text-anchor="middle">%s</text>`+"\n",
			x, axisY, x, num(g.lanesBottom), x, axisY-4, x, axisY, x, axisY-8, tickLabel(t, step))
	}
	w.WriteString("</g>\n")
}

func (tl *Timeline) writeLane(w *bufio.Writer, g *geometry, i int, l *Lane) {
	y, mid := g.laneY(i), g.mid(i)
	barH := math.Max(2, math.Round(g.laneH*0.62))
	barY := y + (g.laneH-barH)/2
	fmt.Fprintf(w, `<g class="lane" data-lane="%d">`, i)
	fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#9aa5b1" stroke-width="1"/>`,
		num(g.x(l.Created)), num(mid), num(g.x(l.Finished)), num(mid))
	// Waits first, so that a running span of no width (virtual time) is
	// drawn over the hatch that follows it.
	for _, s := range l.Spans {
		if s.Kind == "run" {
			continue
		}
		tl.writeSpan(w, g, l, s, mid, barY, barH)
	}
	for _, s := range l.Spans {
		if s.Kind == "run" {
			tl.writeSpan(w, g, l, s, mid, barY, barH)
		}
	}
	if i > 0 {
		writeEndMarker(w, g.x(l.Finished), mid, math.Min(5, g.laneH/3), l)
	}
	w.WriteString("</g>\n")
}

// writeSpan draws one span: a filled bar for running, a hatched one
// labelled with what it waits on (when the label fits) for waiting.
func (tl *Timeline) writeSpan(w *bufio.Writer, g *geometry, l *Lane, s Span, mid, barY, barH float64) {
	x0, x1 := g.x(s.Start), g.x(s.End)
	width := x1 - x0
	tip := l.Label() + ": "
	if s.Kind == "run" {
		tip += "running"
	} else {
		tip += "waiting for " + s.On
	}
	tip += ", " + seconds(s.Start) + " – " + seconds(s.End) + " (" + seconds(s.End-s.Start) + ")"
	if s.Kind == "run" {
		fmt.Fprintf(w, `<rect class="run" x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s</title></rect>`,
			num(x0), num(barY), num(math.Max(width, 2)), num(barH), runColor, esc(tip))
		return
	}
	if width <= 0 {
		return
	}
	c := waitColor(s.WaitKind)
	fmt.Fprintf(w, `<rect class="wait" x="%s" y="%s" width="%s" height="%s" fill="url(#hatch-%s)" stroke="%s" stroke-width="0.8"><title>%s</title></rect>`,
		num(x0), num(barY), num(width), num(barH), hatchID(s.WaitKind), c, esc(tip))
	if g.showSpanText {
		fs := math.Min(11, barH-3)
		if textWidth(s.On, fs)+8 <= width {
			fmt.Fprintf(w, `<text x="%s" y="%s" font-size="%s" text-anchor="middle" fill="#1f2933" stroke="#ffffff" stroke-width="3" paint-order="stroke">%s</text>`,
				num((x0+x1)/2), num(mid+fs*0.36), num(fs), esc(s.On))
		}
	}
}

// writeEndMarker shows how a task ended: a green dot (result), a red cross
// (exception), a grey slashed circle (cancelled); pending tasks get none.
func writeEndMarker(w *bufio.Writer, x, y, r float64, l *Lane) {
	tip := esc(l.Label() + " " + outcomeText(l))
	switch l.Outcome {
	case "result":
		fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="%s" fill="#2b8a3e"><title>%s</title></circle>`, num(x), num(y), num(r), tip)
	case "exception":
		fmt.Fprintf(w, `<path d="M%s,%s L%s,%s M%s,%s L%s,%s" stroke="%s" stroke-width="2.2"><title>%s</title></path>`,
			num(x-r), num(y-r), num(x+r), num(y+r), num(x-r), num(y+r), num(x+r), num(y-r), stallColor, tip)
	case "cancelled":
		fmt.Fprintf(w, `<g stroke="#6b7280" stroke-width="1.5" fill="#ffffff"><circle cx="%s" cy="%s" r="%s"/><path d="M%s,%s L%s,%s"/><title>%s</title></g>`,
			num(x), num(y), num(r), num(x-r*0.7), num(y+r*0.7), num(x+r*0.7), num(y-r*0.7), tip)
	}
}

func outcomeText(l *Lane) string {
	switch l.Outcome {
	case "pending":
		return "never finished"
	case "exception":
		return "raised " + l.Detail + " at " + seconds(l.Finished)
	}
	return l.Outcome + " at " + seconds(l.Finished)
}

// writeLinks draws creation arrows (grey, dashed, straight) and await
// arrows (purple, curved so that they stay apart from a creation arrow at
// the same instant).
func (tl *Timeline) writeLinks(w *bufio.Writer, g *geometry) {
	w.WriteString(`<g class="links" fill="none">` + "\n")
	for _, k := range tl.Links {
		if k.From >= len(tl.Lanes) || k.To >= len(tl.Lanes) || k.From == k.To {
			continue
		}
		x := g.x(k.T)
		y0, y1 := g.mid(k.From), g.mid(k.To)
		// Stop short of the target's bar so that the head stays visible.
		gap := math.Min(g.laneH*0.35, 6)
		if y1 > y0 {
			y1 -= gap
		} else {
			y1 += gap
		}
		tip := esc(tl.Lanes[k.From].Label() + " " + linkVerb(k) + tl.Lanes[k.To].Label())
		if k.Kind == "create" {
			fmt.Fprintf(w, `<path d="M%s,%s L%s,%s" stroke="#6b7280" stroke-width="1" stroke-dasharray="3 2" marker-end="url(#arrow-create)"><title>%s</title></path>`+"\n",
				num(x), num(y0), num(x), num(y1), tip)
		} else {
			bulge := math.Min(40, 10+math.Abs(y1-y0)/6)
			if x+bulge > plotRight {
				bulge = -bulge // curve inwards at the right edge
			}
			fmt.Fprintf(w, `<path d="M%s,%s Q%s,%s %s,%s" stroke="#8e44ad" stroke-width="1.3" marker-end="url(#arrow-await)"><title>%s</title></path>`+"\n",
				num(x), num(y0), num(x+bulge), num((y0+y1)/2), num(x), num(y1), tip)
		}
	}
	w.WriteString("</g>\n")
}

func (tl *Timeline) writeLegend(w *bufio.Writer, g *geometry) {
	y := g.lanesBottom + 34
	fmt.Fprintf(w, `<g class="legend" font-size="11" fill="#1f2933" transform="translate(12,%s)">`, num(y))
	x := 0.0
	item := func(shape, label string) {
		fmt.Fprintf(w, `<g transform="translate(%s,0)">%s<text x="26" y="9">%s</text></g>`, num(x), shape, esc(label))
		x += 32 + textWidth(label, 11)
	}
	item(`<rect y="2" width="20" height="10" fill="`+runColor+`"/>`, "running")
	item(`<rect y="2" width="20" height="10" fill="url(#hatch-sleep)" stroke="#7b8794"/>`, "sleeping")
	item(`<rect y="2" width="20" height="10" fill="url(#hatch-task)" stroke="#8e44ad"/>`, "awaiting a task / gather")
	item(`<rect y="2" width="20" height="10" fill="url(#hatch-lock)" stroke="#d35400"/>`, "lock")
	item(`<rect y="2" width="20" height="10" fill="url(#hatch-queue)" stroke="#138d75"/>`, "queue")
	item(`<rect y="2" width="20" height="10" fill="url(#hatch-event)" stroke="#b7950b"/>`, "event")
	item(`<rect y="2" width="20" height="10" fill="url(#hatch-io)" stroke="#2874a6"/>`, "I/O, thread")
	item(`<rect y="2" width="20" height="10" fill="`+stallColor+`" fill-opacity="0.13" stroke="`+stallColor+`" stroke-dasharray="4 3"/>`, "loop stalled")
	fmt.Fprintf(w, `</g><g class="legend" font-size="11" fill="#1f2933" transform="translate(12,%s)">`, num(y+20))
	x = 0
	item(`<path d="M0,7 L18,7" stroke="#6b7280" stroke-dasharray="3 2" marker-end="url(#arrow-create)"/>`, "created")
	item(`<path d="M0,7 L18,7" stroke="#8e44ad" stroke-width="1.3" marker-end="url(#arrow-await)"/>`, "awaits")
	item(`<circle cx="10" cy="7" r="4.5" fill="#2b8a3e"/>`, "returned")
	item(`<path d="M6,3 L14,11 M6,11 L14,3" stroke="`+stallColor+`" stroke-width="2.2"/>`, "raised")
	item(`<g stroke="#6b7280" stroke-width="1.5" fill="#fff"><circle cx="10" cy="7" r="4.5"/><path d="M7,10 L13,4"/></g>`, "cancelled")
	if len(tl.Deadlocks) > 0 {
		item(`<path d="M10,0 L10,14" stroke="`+stallColor+`" stroke-width="2.5"/>`, "deadlock found")
	}
	w.WriteString("</g>\n")
}

func hatchID(kind string) string {
	if _, ok := waitColors[kind]; ok {
		return kind
	}
	return "future"
}

func laneTip(l *Lane) string {
	if l.ID == 0 {
		return "the main program (outside the event loop)"
	}
	parent := "the main program"
	if l.Parent > 0 {
		parent = "task " + strconv.Itoa(l.Parent)
	}
	return l.Label() + ": created at " + seconds(l.Created) + " by " + parent + ", " + outcomeText(l)
}

// niceStep rounds a raw tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// tickLabel prints t with as many decimals as the step needs: "0.5s".
func tickLabel(t, step float64) string {
	dec := 0
	if step < 1 {
		dec = int(math.Ceil(-math.Log10(step) - 1e-9))
	}
	return strconv.FormatFloat(t, 'f', dec, 64) + "s"
}

// seconds prints a time for labels and tips: "1.5s", "0.201s" (real
// clock readings are cut to the millisecond above 0.1 s, to the
// microsecond below).
func seconds(t float64) string {
	unit := 1e6
	if math.Abs(t) >= 0.1 {
		unit = 1e3
	}
	return strconv.FormatFloat(math.Round(t*unit)/unit, 'f', -1, 64) + "s"
}

// num prints a coordinate with at most two decimals.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }

// fit shortens s with an ellipsis to fit width pixels at size.
func fit(s string, width, size float64) string {
	if textWidth(s, size) <= width {
		return s
	}
	r := []rune(s)
	n := int(width/(size*0.58)) - 1
	if n < 1 {
		return ""
	}
	return string(r[:n]) + "…"
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

func esc(s string) string { return xmlEscaper.Replace(s) }

func linkVerb(k Link) string {
	if k.Kind == "create" {
		return "created at " + seconds(k.T) + ": "
	}
	return "awaited from " + seconds(k.Since) + " to " + seconds(k.T) + ": "
}
