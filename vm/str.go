package vm

// Str is an immutable Unicode string. CONTRACT (owned by the objects work):
// NewStr, (*Str).String and the Str type name are relied on elsewhere.
type Str struct {
	s string
}

// NewStr returns the str value s (s is UTF-8).
func NewStr(s string) Value { return Value{o: &Str{s: s}} }

// String returns the Go string.
func (s *Str) String() string { return s.s }

func (s *Str) Type() *Type { return StrType }
