// Package time is pya's time module. time(), monotonic() and
// perf_counter() read the interpreter's asyncio clock (runtime.Clock), and
// sleep() advances it: under the virtual clock a program that sleeps runs
// instantly yet measures the time it would have taken.
package time

import (
	"math"
	"sync"
	gotime "time"

	"github.com/pya-lang/pya/runtime"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/stdlib/internal/structseq"
	"github.com/pya-lang/pya/vm"
)

// StructTimeType is time.struct_time.
var StructTimeType = structseq.NewType("struct_time", "time", []string{
	"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
}, 9)

func init() {
	vm.RegisterModule("time", initModule)
}

func initModule(th *vm.Thread, m *vm.Module) error {
	pyarg.Funcs(m.Dict, map[string]vm.NativeFunc{
		"time":            timeFn,
		"time_ns":         timeNs,
		"monotonic":       monotonic,
		"monotonic_ns":    monotonicNs,
		"perf_counter":    monotonic,
		"perf_counter_ns": monotonicNs,
		"process_time":    processTime,
		"process_time_ns": processTimeNs,
		"thread_time":     processTime,
		"sleep":           sleep,
		"localtime":       localtime,
		"gmtime":          gmtime,
		"mktime":          mktime,
		"strftime":        strftime,
		"strptime":        strptime,
		"asctime":         asctime,
		"ctime":           ctime,
	})
	m.Dict.SetStr("struct_time", vm.ObjectValue(StructTimeType))
	name, off := gotime.Now().Zone()
	m.Dict.SetStr("timezone", vm.Int(int64(-off)))
	m.Dict.SetStr("altzone", vm.Int(int64(-off)))
	m.Dict.SetStr("daylight", vm.Int(0))
	m.Dict.SetStr("tzname", vm.NewTuple([]vm.Value{vm.NewStr(name), vm.NewStr(name)}))
	return nil
}

// wallOffsets maps each clock to the wall time at its zero, so that time()
// moves with the clock (virtual time included).
var (
	wallMu      sync.Mutex
	wallOffsets = map[runtime.Clock]float64{}
)

// virtualWallEpoch is time.time() when a virtual clock is first read.
const virtualWallEpoch = 1_700_000_000.0

// now returns the clock reading and the matching wall time in seconds.
func now(th *vm.Thread) (mono, wall float64) {
	c := runtime.CurrentClock(th)
	mono = c.Now()
	wallMu.Lock()
	off, ok := wallOffsets[c]
	if !ok {
		if c.Virtual() {
			// A fixed epoch: time.time() is reproducible under virtual time
			// (the clock starts at 1000.0, time() at 1_700_000_000.0), as
			// in the CPython shim that records the golden outputs.
			off = virtualWallEpoch - mono
		} else {
			off = float64(gotime.Now().UnixNano())/1e9 - mono
		}
		wallOffsets[c] = off
	}
	wallMu.Unlock()
	return mono, off + mono
}

func noArgs(name string, args []vm.Value, kwnames []string) error {
	if err := pyarg.NoKw(name, kwnames); err != nil {
		return err
	}
	if len(args) != 0 {
		return vm.NewError(vm.TypeErrorType, "time.%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

func timeFn(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := noArgs("time", args, kwnames); err != nil {
		return vm.NULL, err
	}
	_, w := now(th)
	return vm.Float(w), nil
}

func timeNs(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := noArgs("time_ns", args, kwnames); err != nil {
		return vm.NULL, err
	}
	_, w := now(th)
	return vm.Int(int64(w * 1e9)), nil
}

func monotonic(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := noArgs("monotonic", args, kwnames); err != nil {
		return vm.NULL, err
	}
	m, _ := now(th)
	return vm.Float(m), nil
}

func monotonicNs(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := noArgs("monotonic_ns", args, kwnames); err != nil {
		return vm.NULL, err
	}
	m, _ := now(th)
	return vm.Int(int64(m * 1e9)), nil
}

var processStart = gotime.Now()

func processTime(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := noArgs("process_time", args, kwnames); err != nil {
		return vm.NULL, err
	}
	return vm.Float(gotime.Since(processStart).Seconds()), nil
}

func processTimeNs(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := noArgs("process_time_ns", args, kwnames); err != nil {
		return vm.NULL, err
	}
	return vm.Int(int64(gotime.Since(processStart))), nil
}

// sleep(secs) blocks (real clock, releasing the GIL) or advances the
// virtual clock.
func sleep(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoKw("sleep", kwnames); err != nil {
		return vm.NULL, err
	}
	if len(args) != 1 {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "time.sleep() takes exactly one argument (%d given)", len(args))
	}
	d, ok := pyarg.Float(args[0])
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
	}
	if math.IsNaN(d) {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "Invalid value NaN (not a number)")
	}
	if d < 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "sleep length must be non-negative")
	}
	if s := runtime.Threads(th); s.Active() {
		// Other threads run meanwhile (and, on the virtual clock, decide
		// when the clock may move).
		s.Sleep(th, d)
		return vm.None, nil
	}
	c := runtime.CurrentClock(th)
	if c.Virtual() {
		c.Sleep(d)
		return vm.None, nil
	}
	gil := runtime.CurrentGIL(th)
	gil.Release()
	c.Sleep(d)
	gil.Acquire()
	return vm.None, nil
}

// secondsArg reads an optional seconds argument (None: now).
func secondsArg(th *vm.Thread, name string, args []vm.Value, kwnames []string) (gotime.Time, error) {
	if err := pyarg.Range(name, args, kwnames, 0, 1); err != nil {
		return gotime.Time{}, err
	}
	if len(args) == 0 || args[0].IsNone() {
		_, w := now(th)
		return unixTime(w), nil
	}
	f, ok := pyarg.Float(args[0])
	if !ok {
		return gotime.Time{}, vm.NewError(vm.TypeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
	}
	if math.IsNaN(f) {
		return gotime.Time{}, vm.NewError(vm.ValueErrorType, "Invalid value NaN (not a number)")
	}
	return unixTime(math.Floor(f)), nil
}

func unixTime(secs float64) gotime.Time {
	s := math.Floor(secs)
	return gotime.Unix(int64(s), int64((secs-s)*1e9))
}

// structTime converts a Go time to a struct_time.
func structTime(t gotime.Time) vm.Value {
	zone, off := t.Zone()
	isdst := 0
	if t.IsDST() {
		isdst = 1
	}
	return structseq.New(StructTimeType, []vm.Value{
		vm.Int(int64(t.Year())), vm.Int(int64(t.Month())), vm.Int(int64(t.Day())),
		vm.Int(int64(t.Hour())), vm.Int(int64(t.Minute())), vm.Int(int64(t.Second())),
		vm.Int(int64((int(t.Weekday()) + 6) % 7)), vm.Int(int64(t.YearDay())), vm.Int(int64(isdst)),
		vm.NewStr(zone), vm.Int(int64(off)),
	})
}

func localtime(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	t, err := secondsArg(th, "localtime", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	return structTime(t.Local()), nil
}

func gmtime(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	t, err := secondsArg(th, "gmtime", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	return structTime(t.UTC()), nil
}

// tupleTime converts a struct_time or 9-tuple (local time) to a Go time.
func tupleTime(th *vm.Thread, fname string, v vm.Value) (gotime.Time, []int64, error) {
	var items []vm.Value
	switch o := v.Object().(type) {
	case *structseq.Seq:
		items = o.Items()
	case *vm.Tuple:
		items = o.Items
	default:
		return gotime.Time{}, nil, vm.NewError(vm.TypeErrorType, "Tuple or struct_time argument required")
	}
	if len(items) != 9 {
		return gotime.Time{}, nil, vm.NewError(vm.TypeErrorType, "%s(): illegal time tuple argument", fname)
	}
	f := make([]int64, 9)
	for i, it := range items {
		n, err := pyarg.Int(th, it)
		if err != nil {
			return gotime.Time{}, nil, err
		}
		f[i] = n
	}
	t := gotime.Date(int(f[0]), gotime.Month(f[1]), int(f[2]), int(f[3]), int(f[4]), int(f[5]), 0, gotime.Local)
	return t, f, nil
}

func mktime(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Exactly("mktime", args, kwnames, 1); err != nil {
		return vm.NULL, err
	}
	t, _, err := tupleTime(th, "mktime", args[0])
	if err != nil {
		return vm.NULL, err
	}
	return vm.Float(float64(t.Unix())), nil
}

func asctimeOf(t gotime.Time) string {
	return strftimeGo("%a %b %e %H:%M:%S %Y", t, nil)
}

func asctime(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Range("asctime", args, kwnames, 0, 1); err != nil {
		return vm.NULL, err
	}
	if len(args) == 0 {
		_, w := now(th)
		return vm.NewStr(asctimeOf(unixTime(w).Local())), nil
	}
	t, f, err := tupleTime(th, "asctime", args[0])
	if err != nil {
		return vm.NULL, err
	}
	return vm.NewStr(strftimeGo("%a %b %e %H:%M:%S %Y", t, f)), nil
}

func ctime(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	t, err := secondsArg(th, "ctime", args, kwnames)
	if err != nil {
		return vm.NULL, err
	}
	return vm.NewStr(asctimeOf(t.Local())), nil
}

func strftime(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.Range("strftime", args, kwnames, 1, 2); err != nil {
		return vm.NULL, err
	}
	format, ok := pyarg.Str(args[0])
	if !ok {
		return vm.NULL, vm.NewError(vm.TypeErrorType, "strftime() argument 1 must be str, not %s", args[0].Type().Name)
	}
	if len(args) == 1 {
		_, w := now(th)
		return vm.NewStr(strftimeGo(format, unixTime(w).Local(), nil)), nil
	}
	t, f, err := tupleTime(th, "strftime", args[1])
	if err != nil {
		return vm.NULL, err
	}
	return vm.NewStr(strftimeGo(format, t, f)), nil
}
