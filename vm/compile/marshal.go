package compile

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync"

	"github.com/pya-lang/pya/ast"
)

// MarshalVersion is the version of the binary code format written by
// Marshal. Bump it whenever the encoding or the Code struct changes: a
// decoder rejects data of any other version.
const MarshalVersion = 3

// Marshal encodes a code object and everything it holds (nested code,
// constants of every kind, positions, exception table, names) in a compact
// binary form that Unmarshal turns back into an equal Code. It is the
// payload of the compiled-code cache: decoding it is far cheaper than
// parsing and compiling the source again.
//
// Layout: uvarint version, then the string table (uvarint count, each string
// as uvarint length + bytes), then the code tree whose strings are table
// indexes. Slices are written as uvarint(len+1), 0 standing for nil, so that
// a decoded Code is identical (reflect.DeepEqual) to the original.
func Marshal(c *Code) []byte {
	e := &encoder{index: map[string]int{}}
	e.code(c)
	out := binary.AppendUvarint(nil, MarshalVersion)
	out = binary.AppendUvarint(out, uint64(len(e.strs)))
	for _, s := range e.strs {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	return append(out, e.buf...)
}

// Constant tags of the encoding.
const (
	tagNone = iota
	tagFalse
	tagTrue
	tagInt64
	tagInt
	tagBigInt
	tagFloat
	tagComplex
	tagStr
	tagBytes
	tagBytesNil
	tagEllipsis
	tagCode
	tagTuple
	tagTupleNil
	tagFrozenSet
	tagFrozenSetNil
)

type encoder struct {
	buf   []byte
	strs  []string
	index map[string]int
}

func (e *encoder) uint(n uint64) { e.buf = binary.AppendUvarint(e.buf, n) }
func (e *encoder) int(n int64)   { e.buf = binary.AppendVarint(e.buf, n) }

// length writes a slice length, 0 for a nil slice.
func (e *encoder) length(n int, isNil bool) {
	if isNil {
		e.uint(0)
		return
	}
	e.uint(uint64(n) + 1)
}

func (e *encoder) str(s string) {
	i, ok := e.index[s]
	if !ok {
		i = len(e.strs)
		e.index[s] = i
		e.strs = append(e.strs, s)
	}
	e.uint(uint64(i))
}

func (e *encoder) strList(ss []string) {
	e.length(len(ss), ss == nil)
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) code(c *Code) {
	e.str(c.Name)
	e.str(c.QualName)
	e.str(c.Filename)
	e.int(int64(c.FirstLine))
	e.uint(uint64(c.Flags))
	e.int(int64(c.ArgCount))
	e.int(int64(c.PosOnlyArgCount))
	e.int(int64(c.KwOnlyArgCount))
	e.length(len(c.Code), c.Code == nil)
	for _, in := range c.Code {
		e.uint(uint64(in))
	}
	// Positions are delta-encoded: consecutive instructions mostly share a
	// line, so each field is a small signed difference.
	e.length(len(c.Positions), c.Positions == nil)
	var prev Position
	for _, p := range c.Positions {
		e.int(int64(p.Line) - int64(prev.Line))
		e.int(int64(p.Col) - int64(prev.Col))
		e.int(int64(p.EndLine) - int64(p.Line))
		e.int(int64(p.EndCol) - int64(p.Col))
		prev = p
	}
	e.length(len(c.Handlers), c.Handlers == nil)
	for _, h := range c.Handlers {
		e.int(int64(h.Start))
		e.int(int64(h.End))
		e.int(int64(h.Target))
		e.int(int64(h.Depth))
		if h.Lasti {
			e.uint(1)
		} else {
			e.uint(0)
		}
	}
	e.length(len(c.Consts), c.Consts == nil)
	for _, k := range c.Consts {
		e.constant(k)
	}
	e.strList(c.Names)
	e.strList(c.LocalNames)
	e.strList(c.CellNames)
	e.strList(c.FreeVars)
	e.ints(c.CellArgs)
	e.int(int64(c.MaxStack))
	e.constant(c.Doc)
	e.ints(c.OwnedLocals)
}

// ints writes an int slice (nil kept apart from empty).
func (e *encoder) ints(s []int) {
	e.length(len(s), s == nil)
	for _, a := range s {
		e.int(int64(a))
	}
}

func (e *encoder) constant(k any) {
	switch k := k.(type) {
	case nil:
		e.uint(tagNone)
	case bool:
		if k {
			e.uint(tagTrue)
		} else {
			e.uint(tagFalse)
		}
	case int64:
		e.uint(tagInt64)
		e.int(k)
	case int:
		e.uint(tagInt)
		e.int(int64(k))
	case *big.Int:
		e.uint(tagBigInt)
		// Text in base 62 is compact and round-trips any sign and size.
		e.str(k.Text(62))
	case float64:
		e.uint(tagFloat)
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(k))
	case complex128:
		e.uint(tagComplex)
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(real(k)))
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(imag(k)))
	case string:
		e.uint(tagStr)
		e.str(k)
	case ast.Bytes:
		if k == nil {
			e.uint(tagBytesNil)
			return
		}
		e.uint(tagBytes)
		e.uint(uint64(len(k)))
		e.buf = append(e.buf, k...)
	case ast.EllipsisType:
		e.uint(tagEllipsis)
	case *Code:
		e.uint(tagCode)
		e.code(k)
	case []any:
		e.items(tagTuple, tagTupleNil, k)
	case FrozenSetConst:
		e.items(tagFrozenSet, tagFrozenSetNil, k)
	default:
		// The compiler makes no other constant; failing loudly here is
		// a compiler bug surfacing in tests, never user input.
		panic("compile.Marshal: unknown constant type")
	}
}

func (e *encoder) items(tag, nilTag uint64, items []any) {
	if items == nil {
		e.uint(nilTag)
		return
	}
	e.uint(tag)
	e.uint(uint64(len(items)))
	for _, x := range items {
		e.constant(x)
	}
}

var (
	opcodeHashOnce sync.Once
	opcodeHash     [32]byte
)

// OpcodeTableHash is a digest of the instruction set (every opcode's number,
// name and whether it takes an argument) and of the Marshal version: cached
// code compiled against another table is stale.
func OpcodeTableHash() [32]byte {
	opcodeHashOnce.Do(func() {
		h := sha256.New()
		h.Write([]byte("pya-code-v" + strconv.Itoa(MarshalVersion) + "\n"))
		for op := 0; op < 256; op++ {
			name := Opcode(op).String()
			if strings.HasPrefix(name, "OPCODE_") {
				continue
			}
			h.Write([]byte(strconv.Itoa(op) + " " + name + " " + strconv.FormatBool(hasArg(Opcode(op))) + "\n"))
		}
		for op := BinaryOp(0); op < NumBinaryOps; op++ {
			h.Write([]byte(op.Symbol() + "\n"))
		}
		copy(opcodeHash[:], h.Sum(nil))
	})
	return opcodeHash
}
