package runtime

import "github.com/pya-lang/pya/vm"

// gatherState is the closure state of tasks.gather: the children, the
// counters and the outer _GatheringFuture.
type gatherState struct {
	outer            *Future
	children         []*Future
	nfuts, nfinished int
	returnExceptions bool
	cancelRequested  bool
}

// Gather is asyncio.gather(*aws, return_exceptions=...): it returns the
// _GatheringFuture (or, with no arguments, a future already holding []).
func Gather(th *vm.Thread, aws []vm.Value, returnExceptions bool) (*Future, error) {
	if len(aws) == 0 {
		l, err := GetEventLoop(th)
		if err != nil {
			return nil, err
		}
		outer := NewFuture(l)
		outer.SetResult(vm.NewList(nil))
		return outer, nil
	}
	g := &gatherState{returnExceptions: returnExceptions, children: make([]*Future, 0, len(aws))}
	var l *Loop
	// An argument given twice is waited for once (arg_to_fut). When all
	// are pending futures (gather(*tasks)), no Python code runs in this
	// loop and a future seen before is one that already carries this
	// gather's callback: the map is needed only otherwise.
	var seen map[vm.Object]*Future
	for _, arg := range aws {
		if f := asFuture(arg); f == nil || f.Done() {
			seen = make(map[vm.Object]*Future, len(aws))
			break
		}
	}
	for _, arg := range aws {
		key := arg.Object()
		if seen == nil {
			if f := asFuture(arg); f.callbacks.has(gatherDone, g) {
				g.children = append(g.children, f)
				continue
			}
		} else if f, ok := seen[key]; ok && key != nil {
			g.children = append(g.children, f)
			continue
		} else if asFuture(arg) == nil && !IsCoroutine(arg) {
			// `arg not in arg_to_fut` hashes it first: gather([a, b])
			// fails with "unhashable type: 'list'".
			if _, err := vm.Hash(th, arg); err != nil {
				return nil, err
			}
		}
		f, err := EnsureFuture(th, arg, l)
		if err != nil {
			return nil, err
		}
		if l == nil {
			l = f.loop
		}
		if t := f.task; t != nil && asFuture(arg) == nil {
			t.logDestroy = false
		}
		g.nfuts++
		if seen != nil {
			seen[key] = f
		}
		f.AddDoneCallback(gatherDone, g)
		g.children = append(g.children, f)
	}
	g.outer = NewFuture(l)
	g.outer.extra().gather = g
	return g.outer, nil
}

// gatherDone is gather's _done_callback.
func gatherDone(arg any, v vm.Value) error {
	g := arg.(*gatherState)
	fut := asFuture(v)
	g.nfinished++
	outer := g.outer
	if outer == nil || outer.Done() {
		if !fut.Cancelled() {
			fut.Exception() // mark retrieved
		}
		return nil
	}
	if !g.returnExceptions {
		if fut.Cancelled() {
			outer.SetException(fut.makeCancelledError())
			return nil
		}
		if exc, _ := fut.Exception(); exc != nil {
			outer.SetException(exc)
			return nil
		}
	}
	if g.nfinished == g.nfuts {
		results := make([]vm.Value, len(g.children))
		for i, c := range g.children {
			if c.Cancelled() {
				msg := vm.NewStr("")
				if !c.cancelMsg().IsNull() && !c.cancelMsg().IsNone() {
					msg = c.cancelMsg()
				}
				results[i] = vm.ObjectValue(vm.NewException(CancelledErrorType, msg))
				continue
			}
			exc, _ := c.Exception()
			if exc != nil {
				results[i] = vm.ObjectValue(exc)
			} else {
				results[i] = c.result
			}
		}
		if g.cancelRequested {
			outer.SetException(fut.makeCancelledError())
		} else {
			outer.SetResult(vm.NewList(results))
		}
	}
	return nil
}

// cancel is _GatheringFuture.cancel: it cancels the children.
func (g *gatherState) cancel(msg vm.Value) bool {
	if g.outer.Done() {
		return false
	}
	ret := false
	for _, c := range g.children {
		if cancelFuture(c, msg) {
			ret = true
		}
	}
	if ret {
		g.cancelRequested = true
	}
	return ret
}

// Shield is asyncio.shield(aw).
func Shield(th *vm.Thread, aw vm.Value) (*Future, error) {
	inner, err := EnsureFuture(th, aw, nil)
	if err != nil {
		return nil, err
	}
	if inner.Done() {
		return inner, nil
	}
	outer := NewFuture(inner.loop)
	s := &shieldState{inner: inner, outer: outer}
	inner.AddDoneCallback(shieldInnerDone, s)
	outer.AddDoneCallback(shieldOuterDone, s)
	return outer, nil
}

type shieldState struct{ inner, outer *Future }

func shieldInnerDone(arg any, _ vm.Value) error {
	s := arg.(*shieldState)
	if s.outer.Cancelled() {
		if !s.inner.Cancelled() {
			s.inner.Exception()
		}
		return nil
	}
	if s.inner.Cancelled() {
		s.outer.Cancel(vm.NULL)
		return nil
	}
	if exc, _ := s.inner.Exception(); exc != nil {
		s.outer.SetException(exc)
	} else {
		s.outer.SetResult(s.inner.result)
	}
	return nil
}

func shieldOuterDone(arg any, _ vm.Value) error {
	s := arg.(*shieldState)
	if !s.inner.Done() {
		s.inner.removeGoCallback(shieldInnerDone, s)
	}
	return nil
}
