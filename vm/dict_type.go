package vm

// dictGetItem is d[k]: KeyError with the key as its argument when absent.
func dictGetItem(th *Thread, d *Dict, k Value) (Value, error) {
	v, ok, err := d.Get(th, k)
	if err != nil {
		return NULL, err
	}
	if !ok {
		return NULL, newKeyError(k)
	}
	return v, nil
}

// newKeyError makes KeyError(key) (its message is the key's repr).
func newKeyError(key Value) error { return NewException(KeyErrorType, key) }
