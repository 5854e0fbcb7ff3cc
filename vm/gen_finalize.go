package vm

import "weak"

// Generators left suspended at exit. CPython closes them when the
// interpreter shuts down (the modules' globals and the reference cycles
// are collected after the program's last statement): their pending
// finally blocks and with exits run then, in the order the generators
// were created, and an error of close() is reported as "Exception ignored
// in". pya keeps weak references to the generators whose code has
// exception handlers (only those can run code when closed) and closes the
// ones still suspended at exit. (A generator that became unreachable
// earlier was closed by CPython at that moment; pya closes it at exit.)

// trackGen records a new generator to close at exit; entries of
// collected or finished generators are dropped when the list has doubled.
func (in *Interpreter) trackGen(g *Generator) {
	in.genMu.Lock()
	if len(in.gens) >= max(64, in.genSweep) {
		kept := in.gens[:0]
		for _, w := range in.gens {
			if x := w.Value(); x != nil && x.frame != nil {
				kept = append(kept, w)
			}
		}
		clear(in.gens[len(kept):])
		in.gens = kept
		in.genSweep = 2 * len(kept)
	}
	in.gens = append(in.gens, weak.Make(g))
	in.genMu.Unlock()
}

// FinalizeGenerators closes the generators still suspended at exit, in
// creation order (and then those that closing them created, a few rounds
// at most). The CLI calls it last, after the atexit functions, as
// CPython's finalization collects the modules' objects after those.
func (in *Interpreter) FinalizeGenerators() {
	th := in.main
	for round := 0; round < 4; round++ {
		in.genMu.Lock()
		gs := in.gens
		in.gens = nil
		in.genMu.Unlock()
		if len(gs) == 0 {
			return
		}
		for _, w := range gs {
			g := w.Value()
			if g == nil || g.frame == nil || !g.started || g.running || g.finalized {
				continue
			}
			g.finalized = true
			if _, err := genClose(th, &g.genState); err != nil {
				th.writeUnraisable(err, Value{o: g}, nil, 0)
			}
		}
	}
}
