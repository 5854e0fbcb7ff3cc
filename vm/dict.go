package vm

import "math"

// Dict is an insertion-ordered hash map (Python's dict), laid out as CPython's
// compact dict: a sparse index table of int32 slots pointing into a dense,
// insertion-ordered entries array. Iteration walks the entries; deletion
// leaves a hole (NULL key) there and a dummy in the index so probe chains
// stay intact. It is also the namespace of modules, classes and instances, so
// str keys have a fast path that never calls Python code: their hash is
// cached in the *Str and equality is a Go string comparison.
//
// Unlike CPython, a live index slot also holds some bits of its key's hash
// (see tagMask): a probe that meets another key's slot skips it without
// reading that entry, which would be a cache miss in a large dict (most
// insertions into a growing dict meet one such slot).
//
// CONTRACT (owned by the objects work): the methods below are the API the
// interpreter relies on.
type Dict struct {
	indices []int32     // len is a power of two (or 0 for an empty dict)
	entries []dictEntry // insertion order; deleted entries have a NULL key
	used    int         // live entries
	fill    int         // index slots not empty (live or dummy): growth trigger
	nonStr  bool        // some key ever inserted was not a str
	ext     *subExt     // non-nil for instances of user subclasses
}

// dictEntry is a key and its value: 48 bytes. The key's hash is not a
// field of its own (CPython's entry has one; here it would make the entry
// 56 bytes, a seventh more to copy on growth, to scan and to keep resident
// in a large dict): an object key's hash lives in the key's n word, which
// an object Value never uses otherwise, and an unboxed key's hash is
// computed from its bits again (hashInt64: cheap). So k is never handed
// out as is: Key strips the hash.
type dictEntry struct {
	k, value Value
}

// newEntry returns the entry of key, whose hash is h, and v.
func newEntry(h int64, key, v Value) dictEntry {
	if !key.isUnboxed() {
		key.n = uint64(h)
	}
	return dictEntry{k: key, value: v}
}

// Key returns the entry's key (NULL for the hole of a deleted entry).
func (e *dictEntry) Key() Value {
	if e.k.isUnboxed() {
		return e.k
	}
	return Value{o: e.k.o}
}

// hash returns the hash of the entry's key.
func (e *dictEntry) hash() int64 {
	switch e.k.o {
	case intKind:
		return hashInt64(int64(e.k.n))
	case boolKind:
		return int64(e.k.n)
	case floatKind:
		return hashFloat(math.Float64frombits(e.k.n))
	}
	return int64(e.k.n)
}

// isHole reports whether the entry was deleted.
func (e *dictEntry) isHole() bool { return e.k.o == nil }

// keyIs reports whether key is the entry's key itself (is).
func (e *dictEntry) keyIs(key Value) bool {
	if key.isUnboxed() {
		return e.k.Is(key)
	}
	return e.k.o == key.o
}

const (
	ixEmpty   = -1
	ixDummy   = -2
	dictMinSz = 8
)

// tagMask returns the bits of a live index slot (non-negative int32) that
// hold a hash tag for an index of len mask+1: an entry number is below the
// index size, so it fits in the low bits and the others, up to the sign
// bit, are free. The tag is the key's hash in those bits; the entry number
// is x & mask.
func tagMask(mask uint64) int32 { return int32(0x7fffffff &^ mask) }

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{} }

// NewDictSize returns an empty dict with room for n items.
func NewDictSize(n int) *Dict {
	d := &Dict{}
	if n > 0 {
		d.resize(n)
	}
	return d
}

func (d *Dict) Type() *Type {
	if d.ext != nil {
		return d.ext.typ
	}
	return DictType
}

// Len returns the number of items.
func (d *Dict) Len() int { return d.used }

// usable returns how many entries an index of size n may address (2/3 load).
func usable(n int) int { return n * 2 / 3 }

// resize rebuilds the index for at least minUsed entries, compacting the
// entries array.
func (d *Dict) resize(minUsed int) {
	size := dictMinSz
	for usable(size) < minUsed {
		size <<= 1
	}
	if d.used != len(d.entries) {
		live := make([]dictEntry, 0, usable(size))
		for _, e := range d.entries {
			if !e.isHole() {
				live = append(live, e)
			}
		}
		d.entries = live
	} else if cap(d.entries) < usable(size) {
		n := make([]dictEntry, len(d.entries), usable(size))
		copyFresh(n, d.entries)
		d.entries = n
	}
	idx := make([]int32, size)
	for i := range idx {
		idx[i] = ixEmpty
	}
	mask := uint64(size - 1)
	tm := tagMask(mask)
	for i := range d.entries {
		h := uint64(d.entries[i].hash())
		j := h & mask
		for perturb := h; idx[j] != ixEmpty; {
			perturb >>= 5
			j = (j*5 + perturb + 1) & mask
		}
		idx[j] = int32(i) | int32(h)&tm
	}
	d.indices = idx
	d.fill = len(d.entries)
}

// findStr returns the index slot and entry number of a str key, or the
// first free slot and -1 when absent.
func (d *Dict) findStr(key string, h int64) (slot int, ix int) {
	if len(d.indices) == 0 {
		return -1, -1
	}
	mask := uint64(len(d.indices) - 1)
	tm := tagMask(mask)
	hu := uint64(h)
	tag := int32(hu) & tm
	j := hu & mask
	for perturb := hu; ; {
		x := d.indices[j]
		if x == ixEmpty {
			return int(j), -1
		}
		if x >= 0 && x&tm == tag {
			x &^= tm
			e := &d.entries[x]
			if e.k.n == uint64(h) {
				if s, ok := e.k.o.(*Str); ok && s.s == key {
					return int(j), int(x)
				}
			}
		}
		perturb >>= 5
		j = (j*5 + perturb + 1) & mask
	}
}

// find returns the index slot and entry number of key, or the first free
// slot and -1 when absent. Comparing keys may run Python code, which may
// mutate the dict: the lookup then restarts.
func (d *Dict) find(th *Thread, key Value, h int64) (slot int, ix int, err error) {
	if s, ok := key.o.(*Str); ok {
		slot, ix = d.findStr(s.s, h)
		if ix >= 0 || d.allStrKeys() {
			return slot, ix, nil
		}
	}
restart:
	if len(d.indices) == 0 {
		return -1, -1, nil
	}
	mask := uint64(len(d.indices) - 1)
	tm := tagMask(mask)
	hu := uint64(h)
	tag := int32(hu) & tm
	j := hu & mask
	for perturb := hu; ; {
		x := d.indices[j]
		if x == ixEmpty {
			return int(j), -1, nil
		}
		if x >= 0 && x&tm == tag {
			x &^= tm
			e := d.entries[x]
			if e.keyIs(key) {
				return int(j), int(x), nil
			}
			if e.hash() == h {
				indices := d.indices
				eq, err := keysEqual(th, e.Key(), key)
				if err != nil {
					return -1, -1, err
				}
				if len(d.indices) != len(indices) || &d.indices[0] != &indices[0] || int(x) >= len(d.entries) || !d.entries[x].k.Is(e.k) {
					goto restart
				}
				if eq {
					return int(j), int(x), nil
				}
			}
		}
		perturb >>= 5
		j = (j*5 + perturb + 1) & mask
	}
}

// allStrKeys reports that every key is a str, so a failed str lookup needs
// no generic lookup (a non-str key with a custom __eq__ could equal a str).
func (d *Dict) allStrKeys() bool { return !d.nonStr }

// keysEqual compares two keys with equal hashes.
func keysEqual(th *Thread, a, b Value) (bool, error) {
	if sa, ok := a.o.(*Str); ok {
		if sb, ok := b.o.(*Str); ok {
			return sa.s == sb.s, nil
		}
	}
	if a.IsInt() && b.IsInt() {
		return a.n == b.n, nil
	}
	return Equal(th, a, b)
}

// insert adds a new entry at the empty index slot that ended the failed
// lookup (slot < 0: no index yet).
func (d *Dict) insert(slot int, h int64, key, v Value) {
	if slot < 0 || d.fill >= usable(len(d.indices)) {
		// CPython's GROWTH_RATE: the new index is the smallest power of
		// two of at least 3*used slots (half the index, and a third of
		// the entries array, that asking for 3*used usable slots gives).
		size := dictMinSz
		for size < d.used*3 {
			size <<= 1
		}
		d.resize(usable(size))
		slot = d.emptySlot(h)
	}
	if _, ok := key.o.(*Str); !ok {
		d.nonStr = true
	}
	d.indices[slot] = int32(len(d.entries)) | int32(h)&tagMask(uint64(len(d.indices)-1))
	d.entries = append(d.entries, newEntry(h, key, v))
	d.used++
	d.fill++
}

// emptySlot finds the first empty slot on h's probe chain.
func (d *Dict) emptySlot(h int64) int {
	mask := uint64(len(d.indices) - 1)
	hu := uint64(h)
	j := hu & mask
	for perturb := hu; d.indices[j] != ixEmpty; {
		perturb >>= 5
		j = (j*5 + perturb + 1) & mask
	}
	return int(j)
}

// GetStr looks up a str key without calling any Python code.
func (d *Dict) GetStr(key string) (Value, bool) {
	if d.used == 0 {
		return NULL, false
	}
	_, ix := d.findStr(key, strHash(key))
	if ix < 0 {
		return NULL, false
	}
	return d.entries[ix].value, true
}

// SetStr sets a str key.
func (d *Dict) SetStr(key string, v Value) {
	h := strHash(key)
	slot, ix := d.findStr(key, h)
	if ix >= 0 {
		d.entries[ix].value = v
		return
	}
	k := NewStr(key)
	if s := k.o.(*Str); s.hash == 0 { // shared one-character strs have theirs
		s.hash = h
	}
	d.insert(slot, h, k, v)
}

// DelStr deletes a str key, reporting whether it was present.
func (d *Dict) DelStr(key string) bool {
	slot, ix := d.findStr(key, strHash(key))
	if ix < 0 {
		return false
	}
	d.deleteAt(slot, ix)
	return true
}

func (d *Dict) deleteAt(slot, ix int) {
	d.indices[slot] = ixDummy
	d.entries[ix] = dictEntry{}
	d.used--
	// Trailing holes are dropped (their index slots are already dummies), so
	// popitem stays O(1) and the next insertion reuses the space, as CPython.
	n := len(d.entries)
	for n > 0 && d.entries[n-1].isHole() {
		n--
	}
	d.entries = d.entries[:n]
}

// Get looks up any key (hashing and comparing may run Python code, hence th
// and the error: TypeError "unhashable type: 'list'").
func (d *Dict) Get(th *Thread, key Value) (Value, bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return NULL, false, err
	}
	if d.used == 0 {
		return NULL, false, nil
	}
	_, ix, err := d.find(th, key, h)
	if err != nil || ix < 0 {
		return NULL, false, err
	}
	return d.entries[ix].value, true, nil
}

// Set sets any key.
func (d *Dict) Set(th *Thread, key, v Value) error {
	h, err := Hash(th, key)
	if err != nil {
		return err
	}
	return d.SetHashed(th, key, h, v)
}

// SetHashed sets key, whose hash is h.
func (d *Dict) SetHashed(th *Thread, key Value, h int64, v Value) error {
	slot, ix, err := d.find(th, key, h)
	if err != nil {
		return err
	}
	if ix >= 0 {
		d.entries[ix].value = v
		return nil
	}
	d.insert(slot, h, key, v)
	return nil
}

// Delete removes a key, reporting whether it was present.
func (d *Dict) Delete(th *Thread, key Value) (bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return false, err
	}
	if d.used == 0 {
		return false, nil
	}
	slot, ix, err := d.find(th, key, h)
	if err != nil || ix < 0 {
		return false, err
	}
	d.deleteAt(slot, ix)
	return true, nil
}

// Pop removes key and returns its value (NULL, false when absent).
func (d *Dict) Pop(th *Thread, key Value) (Value, bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return NULL, false, err
	}
	if d.used == 0 {
		return NULL, false, nil
	}
	slot, ix, err := d.find(th, key, h)
	if err != nil || ix < 0 {
		return NULL, false, err
	}
	v := d.entries[ix].value
	d.deleteAt(slot, ix)
	return v, true, nil
}

// PopItem removes and returns the last inserted item (ok false when empty).
func (d *Dict) PopItem() (k, v Value, ok bool) {
	if d.used == 0 {
		return NULL, NULL, false
	}
	ix := len(d.entries) - 1
	e := d.entries[ix]
	slot := d.slotOf(e.hash(), ix)
	d.deleteAt(slot, ix)
	return e.Key(), e.value, true
}

// slotOf finds the index slot holding entry ix.
func (d *Dict) slotOf(h int64, ix int) int {
	mask := uint64(len(d.indices) - 1)
	want := int32(ix) | int32(h)&tagMask(mask)
	hu := uint64(h)
	j := hu & mask
	for perturb := hu; d.indices[j] != want; {
		perturb >>= 5
		j = (j*5 + perturb + 1) & mask
	}
	return int(j)
}

// Clear removes every item.
func (d *Dict) Clear() { *d = Dict{ext: d.ext} }

// Copy returns a shallow copy.
func (d *Dict) Copy() *Dict {
	n := &Dict{used: d.used, nonStr: d.nonStr}
	if d.used == len(d.entries) {
		n.entries = append([]dictEntry(nil), d.entries...)
		n.indices = append([]int32(nil), d.indices...)
		n.fill = d.fill
		return n
	}
	n.entries = make([]dictEntry, 0, d.used)
	for _, e := range d.entries {
		if !e.isHole() {
			n.entries = append(n.entries, e)
		}
	}
	n.resize(d.used)
	return n
}

// Keys returns the keys in insertion order (a fresh slice).
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.used)
	for i := range d.entries {
		if e := &d.entries[i]; !e.isHole() {
			out = append(out, e.Key())
		}
	}
	return out
}

// Values returns the values in insertion order (a fresh slice).
func (d *Dict) Values() []Value {
	out := make([]Value, 0, d.used)
	for _, e := range d.entries {
		if !e.isHole() {
			out = append(out, e.value)
		}
	}
	return out
}

// Items calls f for each item in insertion order until f returns false.
// The dict must not be modified during the walk.
func (d *Dict) Items(f func(k, v Value) bool) {
	for i := range d.entries {
		if e := &d.entries[i]; !e.isHole() && !f(e.Key(), e.value) {
			return
		}
	}
}

// entryAt returns the live entry at or after position pos and the position
// after it, or ok false at the end (used by iterators).
func (d *Dict) entryAt(pos int) (k, v Value, next int, ok bool) {
	for ; pos < len(d.entries); pos++ {
		if e := &d.entries[pos]; !e.isHole() {
			return e.Key(), e.value, pos + 1, true
		}
	}
	return NULL, NULL, pos, false
}
