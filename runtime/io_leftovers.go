package runtime

// Leftover I/O at loop close. A program may leave a server listening or
// a connection open when asyncio.run returns (CPython closes such sockets
// when the garbage collector frees them, warning "unclosed transport").
// pya has no finalizers for them, so the loop keeps the listeners and
// transports it made and closes those still open in loop.close() (which
// asyncio.run's teardown calls): their accept and read goroutines end and
// their file descriptors are released, in the CLI and in an embedding host
// that runs many programs alike.

// leftover is an I/O object that the loop closes if the program did not.
type leftover interface{ closeLeftover() }

// track records r as open on l; untrack forgets it once closed. Both run
// with the GIL held.
func (l *Loop) track(r leftover) {
	if l.open == nil {
		l.open = map[leftover]struct{}{}
	}
	l.open[r] = struct{}{}
}

func (l *Loop) untrack(r leftover) { delete(l.open, r) }

// closeLeftovers closes what the program left open (loop.close()).
func (l *Loop) closeLeftovers() {
	open := l.open
	l.open = nil
	for r := range open {
		r.closeLeftover()
	}
}

func (ln *Listener) closeLeftover() { ln.ln.Close() }

// closeLeftover drops what is still buffered, as closing an abandoned
// socket does.
func (s *Stream) closeLeftover() { s.Abort() }
