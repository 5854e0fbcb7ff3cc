package parser

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pya-lang/pya/lexer"
)

// fuzzSeeds adds the repository's .pya programs and this package's
// snippets to a fuzz corpus.
func fuzzSeeds(f *testing.F) {
	for _, path := range pyaFiles() {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	files, _ := filepath.Glob("testdata/*.py")
	files = append(files, "testdata/errors.txt")
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		f.Add(b)
		for _, s := range splitRE.Split(string(b), -1) {
			f.Add([]byte(s))
		}
	}
	for _, s := range []string{
		"", "\n", "(", ")", "'", `"""`, "\\", "\\\n", "f'{", "f'{x!", "f'{x:{y:{z}}}'", "\t x", " \tx\n\tx",
		"if x:\n\tpass\n        pass", "x = [\n", "lambda: (yield)", "@", "async", "0x", "1e", "1_", "é", "\x00", "\xff",
	} {
		f.Add([]byte(s))
	}
}

func FuzzLex(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		toks, err := lexer.Tokenize("fuzz.py", src)
		if err == nil && (len(toks) == 0 || toks[len(toks)-1].Type != lexer.EOF) {
			t.Fatalf("token stream does not end with EOF")
		}
	})
}

func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		m, err := ParseFile("fuzz.py", src)
		if err == nil && m == nil {
			t.Fatal("nil module without error")
		}
		if err == nil {
			_ = Dump(m)
		}
		Incomplete(err)
	})
}
