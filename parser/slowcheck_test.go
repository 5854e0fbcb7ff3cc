package parser

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

func TestSlowCorpus(t *testing.T) {
	dir := os.Getenv("PYA_CORPUS")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		s := string(b)
		// go fuzz corpus format: "go test fuzz v1\n[]byte(...)\n"
		lines := splitLines(s)
		if len(lines) < 2 {
			continue
		}
		arg := lines[1]
		arg = arg[len("[]byte(") : len(arg)-1]
		src, err := strconv.Unquote(arg)
		if err != nil {
			continue
		}
		start := time.Now()
		ParseFile("x.py", []byte(src))
		if d := time.Since(start); d > 50*time.Millisecond {
			t.Logf("%s: %v %q", filepath.Base(f), d, src[:min(len(src), 200)])
		}
	}
}

func splitLines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		out = append(out, s[:i])
		if i < len(s) {
			i++
		}
		s = s[i:]
	}
	return out
}
