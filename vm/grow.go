package vm

import "unsafe"

// Large slices of Values are grown and copied here in chunks, never by one
// append or copy of the whole slice.
//
// Why: Go's copy of a pointerful slice (typedslicecopy, growslice) runs as
// one runtime call, with its write barriers, during which the goroutine
// cannot be preempted. When the garbage collector wants to stop it (to scan
// its stack at the start of a cycle), it signals the thread again and again
// until the copy ends: copying a few MiB into fresh pages then costs several
// times its own time in signal delivery and kernel work (profiled: building
// a 200k-entry dict spent more time in tgkill/suspendG than in the dict).
// Between two chunk copies the goroutine is at an ordinary preemption point.

// copyChunk is how many elements one copy call moves: small enough that the
// collector waits microseconds, large enough that the loop costs nothing.
const copyChunk = 256

// copyFresh copies src into dst (len(dst) >= len(src)) chunk by chunk; dst
// must be freshly allocated (all zero, not yet visible to anyone else).
//
// Each chunk of dst is first written with zeros through a pointer-free view.
// While the collector runs, a typed copy reads the old destination pointers
// before writing (its write barrier shades them): on pages fresh from the
// kernel that read maps the shared zero page and the write that follows
// takes a copy-on-write fault whose TLB shootdown interrupts every other
// CPU running the process. Writing first takes one plain fault per page.
// Storing zeros over zeros without a barrier is invisible to the collector.
func copyFresh[T any](dst, src []T) {
	for len(src) > 0 {
		n := min(len(src), copyChunk)
		var zero T
		b := unsafe.Slice((*byte)(unsafe.Pointer(&dst[0])), n*int(unsafe.Sizeof(zero)))
		clear(b)
		copy(dst[:n], src[:n])
		dst, src = dst[n:], src[n:]
		preemptPoint()
	}
}

// preemptPoint lets the scheduler stop the goroutine here if it asked to.
// A runtime routine (copy, clear) cannot be preempted, and a loop around
// it has no preemption check: asynchronous preemption by signal only
// succeeds if the signal lands outside the runtime, so a goroutine that
// spends its time in such a loop gets signalled every few microseconds
// until it leaves. A function that makes a call has a stack check in its
// prologue, which the scheduler's preemption request trips (the runtime's
// own chunked clear checks the same request between chunks).
//
//go:noinline
func preemptPoint() { preemptLeaf() }

// preemptLeaf gives preemptPoint a call to make (a leaf function with a
// small frame gets no stack check).
//
//go:noinline
func preemptLeaf() {}

// growCap returns the capacity a slice of length n that needs room for
// extra more elements grows to: like append, doubling while small, then by
// a quarter plus a constant.
func growCap(n, extra int) int {
	need := n + extra
	c := n
	if c < 256 {
		c *= 2
	} else {
		c += c/4 + 192
	}
	if c < need {
		c = need
	}
	return c
}

// appendValue is append(s, v) that grows a full slice with a chunked copy.
func appendValue(s []Value, v Value) []Value {
	if len(s) < cap(s) || len(s) < copyChunk {
		return append(s, v)
	}
	n := make([]Value, len(s), growCap(len(s), 1))
	copyFresh(n, s)
	return append(n, v)
}

// cloneValues returns a fresh copy of s (a large one copied in chunks).
func cloneValues(s []Value) []Value { return appendValues(nil, s...) }

// appendValues is append(s, vs...) that grows a full slice with a chunked
// copy.
func appendValues(s []Value, vs ...Value) []Value {
	if len(s)+len(vs) <= cap(s) || len(s)+len(vs) < copyChunk {
		return append(s, vs...)
	}
	n := make([]Value, len(s)+len(vs), growCap(len(s), len(vs)))
	copyFresh(n, s)
	copyFresh(n[len(s):], vs)
	return n
}
