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

// Keys whose hashes share their low bits collide in the index; the tags
// kept there (the hash bits above the slot bits) tell most apart without
// reading the entry. Keys whose hashes differ only above bit 30 have equal
// tags too and must still be found by comparing keys.
func TestDictCollidingHashes(t *testing.T) {
	th := NewThread(nil)
	for _, shift := range []uint{10, 20, 31, 40} {
		d := NewDict()
		const n = 3000
		key := func(i int) Value { return Int(int64(i) << shift) }
		for i := 0; i < n; i++ {
			if err := d.Set(th, key(i), Int(int64(i))); err != nil {
				t.Fatal(err)
			}
		}
		for i := 0; i < n; i += 3 {
			if ok, _ := d.Delete(th, key(i)); !ok {
				t.Fatalf("shift %d: delete %d", shift, i)
			}
		}
		for i := 0; i < n; i++ {
			v, ok, _ := d.Get(th, key(i))
			if ok != (i%3 != 0) || (ok && v.AsInt() != int64(i)) {
				t.Fatalf("shift %d: get %d: %v %v", shift, i, v, ok)
			}
		}
		for d.Len() > 0 { // popitem finds each last entry's index slot
			k, v, _ := d.PopItem()
			if k.AsInt() != v.AsInt()<<shift {
				t.Fatalf("shift %d: popitem %v: %v", shift, k, v)
			}
			if _, ok, _ := d.Get(th, k); ok {
				t.Fatalf("shift %d: %v still present", shift, k)
			}
		}
	}
}
