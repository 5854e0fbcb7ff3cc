package vm

import (
	"fmt"
	"strconv"
	"testing"
)

func TestDictBasic(t *testing.T) {
	th := NewThread(nil)
	d := NewDict()
	const n = 1000
	for i := 0; i < n; i++ {
		if err := d.Set(th, Int(int64(i)), Int(int64(i*i))); err != nil {
			t.Fatal(err)
		}
		d.SetStr(fmt.Sprint("k", i), Int(int64(i)))
	}
	if d.Len() != 2*n {
		t.Fatalf("len %d", d.Len())
	}
	for i := 0; i < n; i += 2 {
		if ok, _ := d.Delete(th, Int(int64(i))); !ok {
			t.Fatalf("delete %d", i)
		}
		if !d.DelStr(fmt.Sprint("k", i)) {
			t.Fatalf("delstr %d", i)
		}
	}
	for i := 0; i < n; i++ {
		v, ok, err := d.Get(th, Int(int64(i)))
		if err != nil || ok != (i%2 == 1) || (ok && v.AsInt() != int64(i*i)) {
			t.Fatalf("get %d: %v %v %v", i, v, ok, err)
		}
		// 1.0 == 1 and hashes equal: float keys find int entries.
		_, ok, _ = d.Get(th, Float(float64(i)))
		if ok != (i%2 == 1) {
			t.Fatalf("get float %d", i)
		}
		sv, ok := d.GetStr(fmt.Sprint("k", i))
		if ok != (i%2 == 1) || (ok && sv.AsInt() != int64(i)) {
			t.Fatalf("getstr %d", i)
		}
		_, ok, _ = d.Get(th, NewStr(fmt.Sprint("k", i)))
		if ok != (i%2 == 1) {
			t.Fatalf("get str %d", i)
		}
	}
	// Insertion order survives deletions.
	keys := d.Keys()
	if len(keys) != n || keys[0].AsInt() != 1 || keys[1].o.(*Str).s != "k1" {
		t.Fatalf("keys %v", keys[:2])
	}
	k, v, ok := d.PopItem()
	if !ok || k.o.(*Str).s != fmt.Sprint("k", n-1) || v.AsInt() != n-1 {
		t.Fatalf("popitem %v %v", k, v)
	}
	if _, _, err := d.Get(th, NewList(nil)); err == nil || err.Error() != "TypeError: unhashable type: 'list'" {
		t.Fatalf("unhashable: %v", err)
	}
}

func TestDictChurn(t *testing.T) {
	// Insert/delete cycles must not fill the index with dummies forever.
	th := NewThread(nil)
	d := NewDict()
	for i := 0; i < 100000; i++ {
		d.Set(th, Int(int64(i)), None)
		d.Delete(th, Int(int64(i)))
		d.SetStr("x", None)
		d.PopItem()
	}
	if d.Len() != 0 || len(d.indices) > 64 {
		t.Fatalf("len %d, index size %d", d.Len(), len(d.indices))
	}
}

func BenchmarkDictSetGetStr(b *testing.B) {
	keys := make([]Value, 64)
	for i := range keys {
		keys[i] = NewStr(fmt.Sprint("key", i))
	}
	th := NewThread(nil)
	d := NewDict()
	for i := 0; i < b.N; i++ {
		k := keys[i&63]
		d.Set(th, k, Int(int64(i)))
		d.Get(th, k)
	}
}

func BenchmarkIntAdd(b *testing.B) {
	th := NewThread(nil)
	x := Int(0)
	for i := 0; i < b.N; i++ {
		x, _ = BinaryOp(th, 0, x, Int(1))
	}
	_ = x
}

// BenchmarkDictBuildStrKeys builds a 100k-entry dict of fresh str keys and
// reads it back (the containers benchmark's dict half): growth copies, str
// allocation and hashing, and lookups that miss the cache.
func BenchmarkDictBuildStrKeys(b *testing.B) {
	const n = 100_000
	th := NewThread(nil)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d := NewDict()
		for j := 0; j < n; j++ {
			if err := d.Set(th, NewStr("key"+strconv.Itoa(j)), Int(int64(j))); err != nil {
				b.Fatal(err)
			}
		}
		for j := 0; j < n; j++ {
			if _, ok, _ := d.Get(th, NewStr("key"+strconv.Itoa(j))); !ok {
				b.Fatal("missing key")
			}
		}
	}
}
