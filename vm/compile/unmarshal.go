package compile

import (
	"encoding/binary"
	"errors"
	"math"
	"math/big"

	"github.com/pya-lang/pya/ast"
)

// errMarshal is returned for data Marshal did not write (truncated, corrupt,
// or of another version).
var errMarshal = errors.New("compile: bad marshalled code")

// maxMarshalDepth bounds the nesting of code objects and constant tuples a
// decoder follows, so that garbage cannot recurse without limit.
const maxMarshalDepth = 10000

// Unmarshal decodes what Marshal wrote. Any other input, truncated or
// garbage, yields an error, never a panic; it checks the encoding, not
// that the bytecode makes sense (the cache guards against corruption with a
// checksum).
func Unmarshal(data []byte) (*Code, error) {
	d := &decoder{buf: data}
	if d.uint() != MarshalVersion {
		return nil, errMarshal
	}
	n := d.count()
	if d.err != nil {
		return nil, d.err
	}
	// The table becomes one Go string that every name slices: one
	// allocation for all the strings of a module.
	start := d.pos
	spans := make([][2]int, n)
	for i := range spans {
		l := d.count()
		spans[i] = [2]int{d.pos - start, d.pos - start + l}
		d.pos += l
	}
	if d.err != nil {
		return nil, d.err
	}
	blob := string(data[start:d.pos])
	d.strs = make([]string, n)
	for i, sp := range spans {
		d.strs[i] = blob[sp[0]:sp[1]]
	}
	c := d.code(0)
	if d.err == nil && d.pos != len(d.buf) {
		d.err = errMarshal
	}
	if d.err != nil {
		return nil, d.err
	}
	return c, nil
}

type decoder struct {
	buf  []byte
	pos  int
	strs []string
	err  error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errMarshal
	}
	d.pos = len(d.buf)
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.buf[d.pos:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.pos += n
	return v
}

func (d *decoder) int() int64 {
	v, n := binary.Varint(d.buf[d.pos:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.pos += n
	return v
}

// int32 reads a varint that must fit an int32 (positions, handler fields).
func (d *decoder) int32() int32 {
	v := d.int()
	if v != int64(int32(v)) {
		d.fail()
		return 0
	}
	return int32(v)
}

// intField reads a varint that must fit a non-huge int.
func (d *decoder) intField() int {
	return int(d.int32())
}

// count reads a length that the remaining input can hold (every element
// takes at least one byte), so that garbage cannot make a huge allocation.
func (d *decoder) count() int {
	v := d.uint()
	if v > uint64(len(d.buf)-d.pos) {
		d.fail()
		return 0
	}
	return int(v)
}

// length reads a slice length written by encoder.length: -1 for nil.
func (d *decoder) length() int {
	v := d.uint()
	if v == 0 {
		return -1
	}
	if v-1 > uint64(len(d.buf)-d.pos) {
		d.fail()
		return -1
	}
	return int(v - 1)
}

func (d *decoder) str() string {
	i := d.uint()
	if i >= uint64(len(d.strs)) {
		d.fail()
		return ""
	}
	return d.strs[i]
}

func (d *decoder) strList() []string {
	n := d.length()
	if n < 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (d *decoder) fixed64() uint64 {
	if len(d.buf)-d.pos < 8 {
		d.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(d.buf[d.pos:])
	d.pos += 8
	return v
}

func (d *decoder) code(depth int) *Code {
	if depth > maxMarshalDepth {
		d.fail()
		return nil
	}
	c := &Code{
		Name:            d.str(),
		QualName:        d.str(),
		Filename:        d.str(),
		FirstLine:       d.intField(),
		Flags:           Flags(d.uint()),
		ArgCount:        d.intField(),
		PosOnlyArgCount: d.intField(),
		KwOnlyArgCount:  d.intField(),
	}
	if n := d.length(); n >= 0 {
		c.Code = make([]Instr, n)
		for i := range c.Code {
			v := d.uint()
			if v > math.MaxUint32 {
				d.fail()
			}
			c.Code[i] = Instr(v)
		}
	}
	if n := d.length(); n >= 0 {
		c.Positions = make([]Position, n)
		var prev Position
		for i := range c.Positions {
			p := &c.Positions[i]
			// The deltas of int32 fields may exceed int32; int64
			// arithmetic truncated back undoes them exactly.
			p.Line = int32(int64(prev.Line) + d.int())
			p.Col = int32(int64(prev.Col) + d.int())
			p.EndLine = int32(int64(p.Line) + d.int())
			p.EndCol = int32(int64(p.Col) + d.int())
			prev = *p
		}
	}
	if n := d.length(); n >= 0 {
		c.Handlers = make([]Handler, n)
		for i := range c.Handlers {
			h := &c.Handlers[i]
			h.Start, h.End, h.Target, h.Depth = d.int32(), d.int32(), d.int32(), d.int32()
			h.Lasti = d.uint() != 0
		}
	}
	if n := d.length(); n >= 0 {
		c.Consts = make([]any, n)
		for i := range c.Consts {
			c.Consts[i] = d.constant(depth + 1)
		}
	}
	c.Names = d.strList()
	c.LocalNames = d.strList()
	c.CellNames = d.strList()
	c.FreeVars = d.strList()
	c.CellArgs = d.ints()
	c.MaxStack = d.intField()
	c.Doc = d.constant(depth + 1)
	c.OwnedLocals = d.ints()
	return c
}

// ints reads an int slice written by encoder.ints.
func (d *decoder) ints() []int {
	n := d.length()
	if n < 0 {
		return nil
	}
	s := make([]int, n)
	for i := range s {
		s[i] = d.intField()
	}
	return s
}

func (d *decoder) constant(depth int) any {
	if depth > maxMarshalDepth {
		d.fail()
		return nil
	}
	switch d.uint() {
	case tagNone:
		return nil
	case tagFalse:
		return false
	case tagTrue:
		return true
	case tagInt64:
		return d.int()
	case tagInt:
		return int(d.int())
	case tagBigInt:
		if v, ok := new(big.Int).SetString(d.str(), 62); ok {
			return v
		}
	case tagFloat:
		return math.Float64frombits(d.fixed64())
	case tagComplex:
		re := math.Float64frombits(d.fixed64())
		return complex(re, math.Float64frombits(d.fixed64()))
	case tagStr:
		return d.str()
	case tagBytes:
		n := d.count()
		b := append(ast.Bytes{}, d.buf[d.pos:d.pos+n]...)
		d.pos += n
		return b
	case tagBytesNil:
		return ast.Bytes(nil)
	case tagEllipsis:
		return ast.Ellipsis
	case tagCode:
		return d.code(depth + 1)
	case tagTuple:
		return d.items(depth)
	case tagTupleNil:
		return []any(nil)
	case tagFrozenSet:
		return FrozenSetConst(d.items(depth))
	case tagFrozenSetNil:
		return FrozenSetConst(nil)
	}
	d.fail()
	return nil
}

func (d *decoder) items(depth int) []any {
	items := make([]any, d.count())
	for i := range items {
		items[i] = d.constant(depth + 1)
	}
	return items
}
