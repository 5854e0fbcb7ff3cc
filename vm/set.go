package vm

// Set is a set or frozenset. Its table is CPython's setobject.c, probe for
// probe (linear probing of LINEAR_PROBES slots, then perturbation), resize
// for resize, so iteration order — what print({3, 1, 2}) shows — matches
// CPython's whenever the hashes do (ints, floats, tuples of them).
type Set struct {
	table  []setEntry // len is a power of two (>= setMinSize)
	fill   int        // active + dummy slots
	used   int        // active slots
	finger int        // where pop() resumes
	frozen bool
	hash   int64   // frozenset hash cache (0: not computed)
	ext    *subExt // non-nil for instances of user subclasses
}

type setEntry struct {
	key   Value // NULL: unused; the key of a dummy is NULL too
	hash  int64
	dummy bool
}

const (
	setMinSize   = 8
	linearProbes = 9
	perturbShift = 5
)

// NewSet returns an empty set.
func NewSet() *Set { return &Set{table: make([]setEntry, setMinSize)} }

// NewFrozenSet returns an empty frozenset (to be filled before sharing).
func NewFrozenSet() *Set {
	s := NewSet()
	s.frozen = true
	return s
}

func (s *Set) Type() *Type {
	if s.ext != nil {
		return s.ext.typ
	}
	if s.frozen {
		return FrozenSetType
	}
	return SetType
}

// Len returns the number of items.
func (s *Set) Len() int { return s.used }

// Add adds v (hashing may run Python code).
func (s *Set) Add(th *Thread, v Value) error {
	h, err := Hash(th, v)
	if err != nil {
		return err
	}
	return s.addEntry(th, v, h)
}

// Contains reports whether v is in s.
func (s *Set) Contains(th *Thread, v Value) (bool, error) {
	h, err := Hash(th, v)
	if err != nil {
		return false, err
	}
	i, err := s.lookup(th, v, h)
	return i >= 0, err
}

// Discard removes v, reporting whether it was present.
func (s *Set) Discard(th *Thread, v Value) (bool, error) {
	h, err := Hash(th, v)
	if err != nil {
		return false, err
	}
	return s.discardEntry(th, v, h)
}

// Items returns the members in table (iteration) order.
func (s *Set) Items() []Value {
	out := make([]Value, 0, s.used)
	for _, e := range s.table {
		if !e.key.IsNull() {
			out = append(out, e.key)
		}
	}
	return out
}

// setKeysEqual compares an entry's key with key (hashes already equal).
func setKeysEqual(th *Thread, a, b Value) (bool, error) {
	if a.Is(b) {
		return true, nil
	}
	return keysEqual(th, a, b)
}

// addEntry is set_add_entry.
func (s *Set) addEntry(th *Thread, key Value, h int64) error {
restart:
	mask := len(s.table) - 1
	i := int(uint64(h) & uint64(mask))
	free := -1
	perturb := uint64(h)
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; ; j++ {
			e := &s.table[j]
			if e.key.IsNull() && !e.dummy {
				if free >= 0 {
					s.used++
					s.table[free] = setEntry{key: key, hash: h}
					s.hash = 0
					return nil
				}
				s.fill++
				s.used++
				*e = setEntry{key: key, hash: h}
				s.hash = 0
				if s.fill*5 < mask*3 {
					return nil
				}
				if s.used > 50000 {
					s.resize(s.used * 2)
				} else {
					s.resize(s.used * 4)
				}
				return nil
			}
			if e.dummy {
				if free < 0 {
					free = j
				}
			} else if e.hash == h {
				start := e.key
				table := s.table
				eq, err := setKeysEqual(th, start, key)
				if err != nil {
					return err
				}
				if eq {
					return nil
				}
				if len(s.table) != len(table) || &s.table[0] != &table[0] || !s.table[j].key.Is(start) {
					goto restart
				}
			}
			if probes == 0 {
				break
			}
			probes--
		}
		perturb >>= perturbShift
		i = int((uint64(i)*5 + 1 + perturb) & uint64(mask))
	}
}

// lookup is set_lookkey: the slot of key, or -1.
func (s *Set) lookup(th *Thread, key Value, h int64) (int, error) {
	if s.used == 0 {
		return -1, nil
	}
restart:
	mask := len(s.table) - 1
	i := int(uint64(h) & uint64(mask))
	perturb := uint64(h)
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; ; j++ {
			e := &s.table[j]
			if e.key.IsNull() && !e.dummy {
				return -1, nil
			}
			if !e.dummy && e.hash == h {
				start := e.key
				table := s.table
				eq, err := setKeysEqual(th, start, key)
				if err != nil {
					return -1, err
				}
				if eq {
					return j, nil
				}
				if len(s.table) != len(table) || &s.table[0] != &table[0] || !s.table[j].key.Is(start) {
					goto restart
				}
			}
			if probes == 0 {
				break
			}
			probes--
		}
		perturb >>= perturbShift
		i = int((uint64(i)*5 + 1 + perturb) & uint64(mask))
	}
}

func (s *Set) discardEntry(th *Thread, key Value, h int64) (bool, error) {
	j, err := s.lookup(th, key, h)
	if err != nil || j < 0 {
		return false, err
	}
	s.table[j] = setEntry{dummy: true, hash: -1}
	s.used--
	s.hash = 0
	return true, nil
}

// insertClean is set_insert_clean: key is known absent and the table has
// no dummies.
func insertClean(table []setEntry, key Value, h int64) {
	mask := len(table) - 1
	perturb := uint64(h)
	i := int(uint64(h) & uint64(mask))
	for {
		if table[i].key.IsNull() {
			table[i] = setEntry{key: key, hash: h}
			return
		}
		if i+linearProbes <= mask {
			for j := i + 1; j <= i+linearProbes; j++ {
				if table[j].key.IsNull() {
					table[j] = setEntry{key: key, hash: h}
					return
				}
			}
		}
		perturb >>= perturbShift
		i = int((uint64(i)*5 + 1 + perturb) & uint64(mask))
	}
}

// resize is set_table_resize.
func (s *Set) resize(minUsed int) {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	old := s.table
	s.table = make([]setEntry, size)
	s.fill = s.used
	for _, e := range old {
		if !e.key.IsNull() {
			insertClean(s.table, e.key, e.hash)
		}
	}
}

// merge is set_merge: add every member of o.
func (s *Set) merge(th *Thread, o *Set) error {
	if o.used == 0 {
		return nil
	}
	mask := len(s.table) - 1
	if (s.fill+o.used)*5 >= mask*3 {
		s.resize((s.used + o.used) * 2)
	}
	if s.fill == 0 && len(s.table) == len(o.table) && o.fill == o.used {
		copy(s.table, o.table)
		s.fill, s.used = o.fill, o.used
		s.hash = 0
		return nil
	}
	if s.fill == 0 {
		s.fill, s.used = o.used, o.used
		for _, e := range o.table {
			if !e.key.IsNull() {
				insertClean(s.table, e.key, e.hash)
			}
		}
		s.hash = 0
		return nil
	}
	for _, e := range o.table {
		if !e.key.IsNull() {
			if err := s.addEntry(th, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// update is set_update_internal: add the members of any iterable.
func (s *Set) update(th *Thread, it Value) error {
	switch o := it.o.(type) {
	case *Set:
		return s.merge(th, o)
	case *Dict:
		n := o.used
		if (s.fill+n)*5 >= (len(s.table)-1)*3 {
			s.resize((s.used + n) * 2)
		}
		for i := 0; i < len(o.entries); i++ {
			e := o.entries[i]
			if !e.isHole() {
				if err := s.addEntry(th, e.Key(), e.hash()); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return Iterate(th, it, func(x Value) error { return s.Add(th, x) })
}

// Copy returns a copy of the same kind (set_copy).
func (s *Set) Copy(th *Thread) *Set {
	r := NewSet()
	r.frozen = s.frozen
	r.merge(th, s) // cannot fail: no comparisons on an empty table
	return r
}

// Clear removes every member.
func (s *Set) Clear() {
	*s = Set{table: make([]setEntry, setMinSize), frozen: s.frozen, ext: s.ext}
}

// Pop removes an arbitrary member (CPython's: the next from the finger).
func (s *Set) Pop() (Value, bool) {
	if s.used == 0 {
		return NULL, false
	}
	i := s.finger & (len(s.table) - 1)
	for s.table[i].key.IsNull() {
		i++
		if i >= len(s.table) {
			i = 0
		}
	}
	k := s.table[i].key
	s.table[i] = setEntry{dummy: true, hash: -1}
	s.used--
	s.finger = i + 1
	s.hash = 0
	return k, true
}

// frozenHash is CPython's frozenset_hash.
func (s *Set) frozenHash() int64 {
	if s.hash != 0 {
		return s.hash
	}
	shuffle := func(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }
	var h uint64
	for _, e := range s.table {
		if !e.key.IsNull() {
			h ^= shuffle(uint64(e.hash))
		}
	}
	h ^= (uint64(s.used) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if int64(h) == -1 {
		h = 590923713
	}
	s.hash = int64(h)
	return s.hash
}

// NewSetFromConstants builds a set display whose items are all constants
// ({5, 13, 21}) in the order CPython 3.11 produces: its compiler folds such
// a display (3 or more constants) into a frozenset constant, which constant
// merging (_PyCode_ConstantKey) rebuilds once from its own iteration order;
// the code then does BUILD_SET 0 + SET_UPDATE. Table order, and so printing
// order, depends on that history (checked with python3: {5, 13, 21} prints
// {21, 5, 13}).
func NewSetFromConstants(th *Thread, items []Value) (*Set, error) {
	f := NewFrozenSet()
	for _, x := range items {
		if err := f.Add(th, x); err != nil {
			return nil, err
		}
	}
	if len(items) >= 3 {
		f = frozenSetConstant(items)
	}
	s := NewSet()
	return s, s.merge(th, f)
}

// frozenSetConstant builds the frozenset constant of a folded set display:
// added in source order, then rebuilt once from its own iteration order (as
// constant merging does). Constants hash without running Python code.
func frozenSetConstant(items []Value) *Set {
	f := NewFrozenSet()
	for _, x := range items {
		f.Add(nil, x)
	}
	g := NewFrozenSet()
	for _, x := range f.Items() {
		g.Add(nil, x)
	}
	return g
}
