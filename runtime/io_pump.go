package runtime

import "github.com/pya-lang/pya/vm"

// pump feeds a protocol: it reads continuously and calls fn(data) on the
// loop for each chunk, fn(b"") at end of file and fn(exc) on an error,
// as a selector transport calls data_received / eof_received /
// connection_lost. While it runs a read is in flight, so an open
// protocol connection keeps the loop waiting for its peer.
type pump struct {
	s      *Stream
	fn     vm.Value
	paused bool
	wait   bool // a read is pending
	done   bool
}

// Pump starts feeding fn; PausePump and ResumePump stop and restart the
// reading (pause_reading / resume_reading).
func (s *Stream) Pump(fn vm.Value) {
	s.pump = &pump{s: s, fn: fn}
	s.pump.next()
}

func (p *pump) next() {
	if p.paused || p.wait || p.done {
		return
	}
	p.wait = true
	p.s.Read(-1).AddDoneCallback(pumpStep, p)
}

func pumpStep(arg any, v vm.Value) error {
	p := arg.(*pump)
	p.wait = false
	f := asFuture(v)
	if f.Cancelled() {
		return nil
	}
	th := p.s.loop.th
	r, err := f.Result()
	if err != nil {
		p.done = true
		_, err = th.Call(p.fn, []vm.Value{vm.ObjectValue(asException(err))}, nil)
		return err
	}
	if b, ok := r.Object().(*vm.Bytes); ok && len(b.B) == 0 {
		p.done = true
	}
	if _, err := th.Call(p.fn, []vm.Value{r}, nil); err != nil {
		return err
	}
	p.next()
	return nil
}

// PausePump stops reading after the chunk in flight.
func (s *Stream) PausePump() {
	if s.pump != nil {
		s.pump.paused = true
	}
}

// ResumePump restarts reading.
func (s *Stream) ResumePump() {
	if s.pump != nil && s.pump.paused {
		s.pump.paused = false
		s.pump.next()
	}
}
