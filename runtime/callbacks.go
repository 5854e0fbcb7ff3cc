package runtime

// callbackList holds a future's done callbacks in registration order: the
// first inline (a task awaiting the future is the usual single callback and
// costs no allocation), the others in a slice allocated when a second one
// arrives. It takes 32 bytes where a slice with inline storage took 48.
type callbackList struct {
	first futCallback // fn nil: the list is empty
	rest  *[]futCallback
}

func (c *callbackList) len() int {
	switch {
	case c.first.fn == nil:
		return 0
	case c.rest == nil:
		return 1
	}
	return 1 + len(*c.rest)
}

func (c *callbackList) add(cb futCallback) {
	switch {
	case c.first.fn == nil:
		c.first = cb
	case c.rest == nil:
		c.rest = &[]futCallback{cb}
	default:
		*c.rest = append(*c.rest, cb)
	}
}

// has reports whether the Go callback (fn, arg) is registered.
func (c *callbackList) has(fn callFunc, arg any) bool {
	if c.first.fn == nil {
		return false
	}
	if c.first.arg == arg && funcID(c.first.fn) == funcID(fn) {
		return true
	}
	if c.rest != nil {
		for _, cb := range *c.rest {
			if cb.arg == arg && funcID(cb.fn) == funcID(fn) {
				return true
			}
		}
	}
	return false
}

// slice returns the callbacks as a new slice (for repr and removal).
func (c *callbackList) slice() []futCallback {
	if c.first.fn == nil {
		return nil
	}
	out := []futCallback{c.first}
	if c.rest != nil {
		out = append(out, *c.rest...)
	}
	return out
}

// set replaces the callbacks with cbs.
func (c *callbackList) set(cbs []futCallback) {
	*c = callbackList{}
	for _, cb := range cbs {
		c.add(cb)
	}
}

// removeIf removes the callbacks match selects and returns how many; the
// single-callback case allocates nothing.
func (c *callbackList) removeIf(match func(futCallback) bool) int {
	if c.first.fn == nil {
		return 0
	}
	if c.rest == nil {
		if match(c.first) {
			c.first = futCallback{}
			return 1
		}
		return 0
	}
	var kept []futCallback
	n := 0
	for _, cb := range c.slice() {
		if match(cb) {
			n++
		} else {
			kept = append(kept, cb)
		}
	}
	if n > 0 {
		c.set(kept)
	}
	return n
}
