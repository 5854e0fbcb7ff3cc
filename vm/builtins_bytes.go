package vm

// biBytesOf returns the content of a bytes or bytearray value.
func biBytesOf(v Value) ([]byte, bool) {
	if b, ok := v.o.(*Bytes); ok {
		return b.B, true
	}
	return nil, false
}

// biMakeBytes returns a bytes value holding b.
func biMakeBytes(b []byte) Value { return NewBytes(b) }
