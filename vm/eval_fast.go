package vm

import "unsafe"

// Fast kind tests for the dispatch loop. Comparing two interfaces (v.o ==
// intKind) calls runtime.ifaceeq; the kind markers are unique allocations,
// so comparing the interface's data word alone is exact and inlines to one
// instruction.

var (
	intKindPtr   = ifaceData(intKind)
	floatKindPtr = ifaceData(floatKind)
	boolKindPtr  = ifaceData(boolKind)
)

// ifaceData returns the data word of an interface value.
func ifaceData(o Object) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&o))[1]
}

func fastIsInt(v *Value) bool {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&v.o))[1] == intKindPtr
}

func fastIsFloat(v *Value) bool {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&v.o))[1] == floatKindPtr
}

func fastIsBool(v *Value) bool {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&v.o))[1] == boolKindPtr
}

// fastIsNull reports whether v is NULL (nil interface).
func fastIsNull(v *Value) bool {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&v.o))[0] == nil
}

// nameCache remembers where LOAD_GLOBAL last found a name: the dict, the
// index of its entry and the entry's key object. The entry is still the
// name's when the same key object sits at that index (values are updated
// in place; deletions and resizes move or clear keys, failing the check).
type nameCache struct {
	d   *Dict
	ix  int
	key unsafe.Pointer
}

// getStrCached is d.GetStr(key) through the cache c.
func (d *Dict) getStrCached(c *nameCache, key string) (Value, bool) {
	if c.d == d && c.ix < len(d.entries) {
		e := &d.entries[c.ix]
		if ifaceData(e.k.o) == c.key {
			return e.value, true
		}
	}
	if d.used == 0 {
		return NULL, false
	}
	_, ix := d.findStr(key, strHash(key))
	if ix < 0 {
		return NULL, false
	}
	c.d, c.ix, c.key = d, ix, ifaceData(d.entries[ix].k.o)
	return d.entries[ix].value, true
}
