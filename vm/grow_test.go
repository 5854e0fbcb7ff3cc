package vm

import "testing"

func TestAppendValueGrows(t *testing.T) {
	var s []Value
	for i := 0; i < 3*copyChunk+7; i++ {
		s = appendValue(s, Int(int64(i)))
	}
	s = appendValues(s, s[:copyChunk+3]...)
	if len(s) != 4*copyChunk+10 {
		t.Fatalf("len %d", len(s))
	}
	for i, v := range s {
		want := int64(i)
		if i >= 3*copyChunk+7 {
			want = int64(i - (3*copyChunk + 7))
		}
		if v.AsInt() != want {
			t.Fatalf("s[%d] = %d, want %d", i, v.AsInt(), want)
		}
	}
}

// BenchmarkListAppend appends 300k ints to a list (the containers
// benchmark's list half): growth must stay cheap while the collector runs.
func BenchmarkListAppend(b *testing.B) {
	benchProgram(b, `
def f():
    xs = []
    for i in range(300_000):
        xs.append(i)
    return len(xs)
f()
`)
}
