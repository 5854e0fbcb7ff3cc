package parser

import (
	"bytes"
	"os"
	"testing"

	"github.com/pya-lang/pya/lexer"
)

// BenchmarkParse parses testdata/bench.py (about 2,000 lines of the
// repository's asyncio programs) and reports lines per second.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("testdata/bench.py")
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Count(src, []byte("\n"))
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ParseFile("bench.py", src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

// BenchmarkLex tokenizes the same file.
func BenchmarkLex(b *testing.B) {
	src, err := os.ReadFile("testdata/bench.py")
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Count(src, []byte("\n"))
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := lexer.Tokenize("bench.py", src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}
