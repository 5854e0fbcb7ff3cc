package compile

import (
	"bytes"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/parser"
)

// marshalPrograms compiles every program of the golden suite and of this
// package's testdata (those that compile).
func marshalPrograms(t testing.TB) map[string]*Code {
	codes := map[string]*Code{}
	for _, root := range []string{"../../testdata", "testdata", "../../stdlib/pymod"} {
		filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || !(strings.HasSuffix(path, ".pya") || strings.HasSuffix(path, ".py")) {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			mod, err := parser.ParseFile(path, src)
			if err != nil {
				return nil
			}
			if code, err := Compile(mod, ModeExec); err == nil {
				codes[path] = code
			}
			return nil
		})
	}
	if len(codes) < 100 {
		t.Fatalf("only %d programs compiled", len(codes))
	}
	return codes
}

// TestMarshalRoundTrip: every compiled program decodes to an identical
// Code with the same disassembly, and encodes again to the same bytes.
func TestMarshalRoundTrip(t *testing.T) {
	for path, code := range marshalPrograms(t) {
		data := Marshal(code)
		got, err := Unmarshal(data)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if !reflect.DeepEqual(got, code) {
			t.Errorf("%s: decoded code differs", path)
		}
		if Disassemble(got) != Disassemble(code) {
			t.Errorf("%s: disassembly differs", path)
		}
		if !bytes.Equal(Marshal(got), data) {
			t.Errorf("%s: re-encoding differs", path)
		}
	}
}

// TestMarshalConstants covers every constant kind, including the ones no
// program of the suite may happen to hold, and exact float bits.
func TestMarshalConstants(t *testing.T) {
	huge, _ := new(big.Int).SetString("-123456789012345678901234567890123456789", 10)
	nested := &Code{Name: "inner", Code: []Instr{MakeInstr(RETURN_VALUE, 0)}, Doc: "doc"}
	consts := []any{
		nil, true, false, int64(0), int64(-1), int64(math.MinInt64), int64(math.MaxInt64), 7,
		huge, new(big.Int).Lsh(big.NewInt(1), 200), 0.1, math.Copysign(0, -1), math.Inf(-1),
		math.SmallestNonzeroFloat64, complex(1.5, -2), "", "héllo\x00", ast.Bytes{}, ast.Bytes(nil),
		ast.Bytes("\xff\x00b"), ast.Ellipsis, nested, []any{}, []any(nil), []any{int64(1), []any{"x", nil}},
		FrozenSetConst{int64(1), "a", 2.5}, FrozenSetConst(nil),
	}
	code := &Code{
		Name: "<module>", QualName: "<module>", Filename: "t.pya", FirstLine: 1, Flags: FlagModule,
		Code:       []Instr{MakeInstr(LOAD_CONST, MaxArg), MakeInstr(RETURN_VALUE, 0)},
		Positions:  []Position{{1, 0, 1, 5}, {0, 0, 0, 0}},
		Handlers:   []Handler{{Start: 0, End: 1, Target: 1, Depth: 2, Lasti: true}},
		Consts:     consts,
		Names:      []string{},
		LocalNames: []string{"a", "b"},
		CellArgs:   []int{-1, 0},
		MaxStack:   3,
	}
	got, err := Unmarshal(Marshal(code))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, code) {
		t.Fatalf("got %#v\nwant %#v", got, code)
	}
	// NaN is not DeepEqual to itself: check its bits.
	nan := math.Float64frombits(0x7ff8000000000bad)
	got, err = Unmarshal(Marshal(&Code{Consts: []any{nan}}))
	if err != nil || math.Float64bits(got.Consts[0].(float64)) != 0x7ff8000000000bad {
		t.Fatalf("NaN: %v %v", got, err)
	}
}

// TestMarshalFields fails when Code gains a field: Marshal must learn it
// and MarshalVersion must change.
func TestMarshalFields(t *testing.T) {
	if n := reflect.TypeOf(Code{}).NumField(); n != 20 {
		t.Fatalf("Code has %d fields: update Marshal, Unmarshal and MarshalVersion", n)
	}
}

// TestUnmarshalTruncated: every proper prefix, and the data with any byte
// flipped, is an error or a Code, never a panic; prefixes are errors.
func TestUnmarshalTruncated(t *testing.T) {
	src := "def f(a, *b, k=1, **kw):\n    '''doc'''\n    try:\n        return [x for x in b]\n    except E as e:\n        return {1, 2, 3}\nclass C: pass\n"
	mod, err := parser.ParseFile("t.pya", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	code, err := Compile(mod, ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	data := Marshal(code)
	for i := 0; i < len(data); i++ {
		if _, err := Unmarshal(data[:i]); err == nil {
			t.Fatalf("prefix of %d bytes decoded", i)
		}
		flipped := append([]byte(nil), data...)
		flipped[i] ^= 0xa5
		Unmarshal(flipped)
	}
}

// FuzzUnmarshal: arbitrary input never panics, and whatever decodes
// re-encodes to bytes that decode to the same code.
func FuzzUnmarshal(f *testing.F) {
	for _, src := range []string{"x = 1\n", "async def f():\n    await g()\n", "print({1, 2, 3}, 10**30, b'x', ...)\n"} {
		mod, err := parser.ParseFile("s.pya", []byte(src))
		if err != nil {
			f.Fatal(err)
		}
		code, err := Compile(mod, ModeExec)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(Marshal(code))
	}
	f.Add([]byte{MarshalVersion, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, data []byte) {
		code, err := Unmarshal(data)
		if err != nil {
			return
		}
		enc := Marshal(code)
		again, err := Unmarshal(enc)
		if err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if !bytes.Equal(Marshal(again), enc) {
			t.Fatal("re-decoded code differs")
		}
	})
}
