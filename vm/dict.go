package vm

// Dict is an insertion-ordered hash map (Python's dict). It is also the
// namespace of modules, classes and instances, so string keys have a fast path.
//
// CONTRACT (owned by the objects work): the methods below are the API the
// interpreter relies on; their bodies are placeholders until implemented.
type Dict struct {
	keys []Value // placeholder storage, replaced by the real hash table
	vals []Value
}

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{} }

// Len returns the number of items.
func (d *Dict) Len() int { return len(d.keys) }

// GetStr looks up a str key without calling any Python code.
func (d *Dict) GetStr(key string) (Value, bool) {
	for i, k := range d.keys {
		if s, ok := k.o.(*Str); ok && s.s == key {
			return d.vals[i], true
		}
	}
	return NULL, false
}

// SetStr sets a str key.
func (d *Dict) SetStr(key string, v Value) {
	for i, k := range d.keys {
		if s, ok := k.o.(*Str); ok && s.s == key {
			d.vals[i] = v
			return
		}
	}
	d.keys = append(d.keys, NewStr(key))
	d.vals = append(d.vals, v)
}

// DelStr deletes a str key, reporting whether it was present.
func (d *Dict) DelStr(key string) bool {
	for i, k := range d.keys {
		if s, ok := k.o.(*Str); ok && s.s == key {
			d.keys = append(d.keys[:i], d.keys[i+1:]...)
			d.vals = append(d.vals[:i], d.vals[i+1:]...)
			return true
		}
	}
	return false
}

// Get looks up any key (hashing and comparing may run Python code, hence th
// and the error: TypeError "unhashable type: 'list'").
func (d *Dict) Get(th *Thread, key Value) (Value, bool, error) { panic("TODO Dict.Get") }

// Set sets any key.
func (d *Dict) Set(th *Thread, key, v Value) error { panic("TODO Dict.Set") }

// Delete removes a key, reporting whether it was present.
func (d *Dict) Delete(th *Thread, key Value) (bool, error) { panic("TODO Dict.Delete") }

// Keys returns the keys in insertion order (a fresh slice).
func (d *Dict) Keys() []Value { return append([]Value(nil), d.keys...) }

// Items calls f for each item in insertion order until f returns false.
// The dict must not be modified during the walk.
func (d *Dict) Items(f func(k, v Value) bool) {
	for i := range d.keys {
		if !f(d.keys[i], d.vals[i]) {
			return
		}
	}
}

func (d *Dict) Type() *Type { return DictType }
