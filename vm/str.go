package vm

import (
	"hash/maphash"
	"unicode/utf8"
)

// Str is an immutable Unicode string held as UTF-8. Python indexes strings by
// code point, so Str caches whether it is pure ASCII (then byte offsets are
// code point offsets and len/index are O(1)) and its length in code points.
// Its hash is cached too, which makes dicts keyed by strings (namespaces,
// attributes) cheap. CONTRACT (owned by the objects work): NewStr,
// (*Str).String and the Str type name are relied on elsewhere.
type Str struct {
	s     string
	hash  int64 // 0: not computed yet (strHash never returns 0)
	n     int   // length in code points, valid when info&strKnown
	flags uint8
	ext   *subExt // non-nil for instances of user subclasses
}

const (
	strKnown uint8 = 1 << iota // n and strASCII are valid
	strASCII                   // every byte is < 0x80
)

// NewStr returns the str value s (s is UTF-8).
func NewStr(s string) Value {
	if len(s) <= 1 {
		if len(s) == 0 {
			return emptyStr
		}
		if s[0] < utf8.RuneSelf {
			return asciiChars[s[0]]
		}
	}
	return Value{o: &Str{s: s}}
}

// newStrObj is NewStr returning the object itself.
func newStrObj(s string) *Str { return NewStr(s).o.(*Str) }

// The shared strings are built by variable initializers (so that they exist
// before any other package-level variable uses NewStr) and get their hash
// now: a lazy cache write from several interpreters running in parallel
// would be a data race.
var (
	emptyStr   = Value{o: &Str{s: "", flags: strKnown | strASCII}}
	asciiChars = makeASCIIChars()
)

func makeASCIIChars() (chars [128]Value) {
	for i := range chars {
		s := string(rune(i))
		chars[i] = Value{o: &Str{s: s, n: 1, flags: strKnown | strASCII, hash: strHash(s)}}
	}
	return chars
}

// String returns the Go string.
func (s *Str) String() string { return s.s }

func (s *Str) Type() *Type {
	if s.ext != nil {
		return s.ext.typ
	}
	return StrType
}

// info computes the cached length and ASCII flag.
func (s *Str) info() {
	if s.flags&strKnown != 0 {
		return
	}
	ascii := true
	for i := 0; i < len(s.s); i++ {
		if s.s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		s.n = len(s.s)
		s.flags = strKnown | strASCII
	} else {
		s.n = utf8.RuneCountInString(s.s)
		s.flags = strKnown
	}
}

// Len returns the length in code points.
func (s *Str) Len() int {
	s.info()
	return s.n
}

// IsASCII reports whether the string is pure ASCII.
func (s *Str) IsASCII() bool {
	s.info()
	return s.flags&strASCII != 0
}

// Hash returns the cached hash of the string.
func (s *Str) Hash() int64 {
	if s.hash == 0 {
		s.hash = strHash(s.s)
	}
	return s.hash
}

// strSeed makes str hashes differ between runs, as CPython's do.
var strSeed = maphash.MakeSeed()

// strHash hashes a Go string as its str value hashes: 0 for "" (as
// CPython), otherwise never 0 or -1.
func strHash(s string) int64 {
	if s == "" {
		return 0
	}
	h := int64(maphash.String(strSeed, s))
	if h == 0 || h == -1 {
		h = 1
	}
	return h
}

// byteOffset returns the byte offset of code point i (0 <= i <= Len()).
func (s *Str) byteOffset(i int) int {
	if s.IsASCII() {
		return i
	}
	off := 0
	for ; i > 0; i-- {
		_, size := utf8.DecodeRuneInString(s.s[off:])
		off += size
	}
	return off
}

// At returns the code point at index i (0 <= i < Len()).
func (s *Str) At(i int) rune {
	if s.IsASCII() {
		return rune(s.s[i])
	}
	r, _ := utf8.DecodeRuneInString(s.s[s.byteOffset(i):])
	return r
}

// Substr returns the code points [i, j) (0 <= i <= j <= Len()).
func (s *Str) Substr(i, j int) string {
	if s.IsASCII() {
		return s.s[i:j]
	}
	a := s.byteOffset(i)
	b := a
	for k := i; k < j; k++ {
		_, size := utf8.DecodeRuneInString(s.s[b:])
		b += size
	}
	return s.s[a:b]
}

// charStr returns the one-character str for r, without allocating for ASCII.
func charStr(r rune) Value {
	if r >= 0 && r < utf8.RuneSelf {
		return asciiChars[r]
	}
	return Value{o: &Str{s: string(r), n: 1, flags: strKnown}}
}

// AsStr returns the *Str of a str value (str subclasses included when their
// instance layout embeds one), or nil.
func AsStr(v Value) *Str {
	s, _ := v.o.(*Str)
	return s
}
