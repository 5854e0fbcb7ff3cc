package vm

import (
	"math"
	"strings"

	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/vm/compile"
)

// The complex type. A complex is a boxed pair of floats (complex results
// allocate, as in CPython). Its arithmetic follows CPython's complexobject.c
// operation by operation (not Go's complex128 operators, whose handling of
// infinities and zero signs differs): ints and floats mix in as complex
// numbers with a zero imaginary part.

// ComplexType is the type of complex numbers.
var ComplexType = &Type{Name: "complex"}

// Complex is a complex number.
type Complex struct {
	Re, Im float64
}

func (*Complex) Type() *Type { return ComplexType }

// complexOf is the value of a complex or of an instance of a subclass.
func complexOf(v Value) *Complex { return numPayload(v).o.(*Complex) }

// NewComplex returns the complex value re+im*j.
func NewComplex(re, im float64) Value { return Value{o: &Complex{re, im}} }

// toComplex converts an operand of mixed arithmetic: a complex, float or
// int (an instance of a subclass by its value); ok false for other types.
func toComplex(v Value) (Complex, bool, error) {
	v = numPayload(v)
	if c, ok := v.o.(*Complex); ok {
		return *c, true, nil
	}
	f, ok, err := toFloat(v)
	return Complex{f, 0}, ok, err
}

// complexProd is _Py_c_prod.
func complexProd(a, b Complex) Complex {
	return Complex{a.Re*b.Re - a.Im*b.Im, a.Re*b.Im + a.Im*b.Re}
}

// complexQuot is _Py_c_quot (Smith's algorithm); ok false on division by zero.
func complexQuot(a, b Complex) (Complex, bool) {
	absRe, absIm := math.Abs(b.Re), math.Abs(b.Im)
	switch {
	case absRe >= absIm:
		if absRe == 0 {
			return Complex{}, false
		}
		ratio := b.Im / b.Re
		denom := b.Re + b.Im*ratio
		return Complex{(a.Re + a.Im*ratio) / denom, (a.Im - a.Re*ratio) / denom}, true
	case absIm >= absRe:
		ratio := b.Re / b.Im
		denom := b.Re*ratio + b.Im
		return Complex{(a.Re*ratio + a.Im) / denom, (a.Im*ratio - a.Re) / denom}, true
	}
	return Complex{math.NaN(), math.NaN()}, true // a NaN in b
}

// complexPowU is c_powu: x**n for n >= 0 by squaring.
func complexPowU(x Complex, n int64) Complex {
	r, p := Complex{1, 0}, x
	for mask := int64(1); mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = complexProd(r, p)
		}
		p = complexProd(p, p)
	}
	return r
}

// complexPow is complex_pow: a small integral exponent multiplies (c_powi),
// any other goes through polar form (_Py_c_pow).
func complexPow(a, b Complex) (Value, error) {
	var r Complex
	zeroDiv := false
	switch {
	case b.Im == 0 && b.Re == math.Floor(b.Re) && math.Abs(b.Re) <= 100:
		n := int64(b.Re)
		if n > 0 {
			r = complexPowU(a, n)
		} else {
			var ok bool
			r, ok = complexQuot(Complex{1, 0}, complexPowU(a, -n))
			zeroDiv = !ok
		}
	case b.Re == 0 && b.Im == 0:
		r = Complex{1, 0}
	case a.Re == 0 && a.Im == 0:
		zeroDiv = b.Im != 0 || b.Re < 0
	default:
		vabs := libmHypot(a.Re, a.Im)
		length := libmPow(vabs, b.Re)
		at := libmAtan2(a.Im, a.Re)
		phase := at * b.Re
		if b.Im != 0 {
			length /= libmExp(at * b.Im)
			phase += b.Im * libmLog(vabs)
		}
		r = Complex{length * libmCos(phase), length * libmSin(phase)}
	}
	if zeroDiv {
		return NULL, NewError(ZeroDivisionErrorType, "0.0 to a negative or complex power")
	}
	if math.IsInf(r.Re, 0) || math.IsInf(r.Im, 0) {
		return NULL, NewError(OverflowErrorType, "complex exponentiation")
	}
	return NewComplex(r.Re, r.Im), nil
}

// complexBinary computes a op b for complex operands.
func complexBinary(op compile.BinaryOp, a, b Complex) (Value, error) {
	switch op {
	case compile.BinAdd:
		return NewComplex(a.Re+b.Re, a.Im+b.Im), nil
	case compile.BinSub:
		return NewComplex(a.Re-b.Re, a.Im-b.Im), nil
	case compile.BinMul:
		r := complexProd(a, b)
		return NewComplex(r.Re, r.Im), nil
	case compile.BinTrueDiv:
		r, ok := complexQuot(a, b)
		if !ok {
			return NULL, NewError(ZeroDivisionErrorType, "complex division by zero")
		}
		return NewComplex(r.Re, r.Im), nil
	case compile.BinPow:
		return complexPow(a, b)
	}
	return NotImplemented, nil
}

func complexBinarySlot(th *Thread, op compile.BinaryOp, v, w Value, reflected bool) (Value, error) {
	if op >= compile.InplaceOffset {
		return NotImplemented, nil
	}
	a, ok, err := toComplex(v)
	if !ok || err != nil {
		return NotImplemented, err
	}
	b, ok, err := toComplex(w)
	if !ok || err != nil {
		return NotImplemented, err
	}
	if reflected {
		a, b = b, a
	}
	return complexBinary(op, a, b)
}

func complexUnary(th *Thread, op byte, v Value) (Value, error) {
	c := complexOf(v)
	switch ast.Op(op) {
	case ast.USub:
		return NewComplex(-c.Re, -c.Im), nil
	case ast.UAdd:
		return NewComplex(c.Re, c.Im), nil
	}
	return NotImplemented, nil
}

// complexCompare is complex_richcompare: == and != only; an int compares
// exactly with the real part when the imaginary part is zero.
func complexCompare(th *Thread, v, w Value, op compile.CompareOp) (Value, error) {
	if op != compile.CmpEq && op != compile.CmpNe {
		return NotImplemented, nil
	}
	c := complexOf(v)
	w = numPayload(w)
	var eq bool
	switch o := w.o.(type) {
	case *Complex:
		eq = c.Re == o.Re && c.Im == o.Im
	default:
		switch {
		case w.o == floatKind:
			eq = c.Im == 0 && c.Re == w.AsFloat()
		case isInt(w):
			eq = c.Im == 0 && cmpFloatInt(c.Re, w) == 0
		default:
			return NotImplemented, nil
		}
	}
	return Bool(eq == (op == compile.CmpEq)), nil
}

// complexHash is CPython's: hash(re) + 1000003*hash(im), wrapping.
func complexHash(th *Thread, v Value) (int64, error) {
	c := complexOf(v)
	h := uint64(hashFloat(c.Re)) + 1000003*uint64(hashFloat(c.Im))
	if int64(h) == -1 {
		return -2, nil
	}
	return int64(h), nil
}

// complexAbs is abs(c) (_Py_c_abs): OverflowError when finite parts overflow.
func complexAbs(c Complex) (Value, error) {
	switch {
	case math.IsInf(c.Re, 0) || math.IsInf(c.Im, 0):
		return Float(math.Inf(1)), nil
	case math.IsNaN(c.Re) || math.IsNaN(c.Im):
		return Float(math.NaN()), nil
	}
	r := libmHypot(c.Re, c.Im)
	if math.IsInf(r, 0) {
		return NULL, NewError(OverflowErrorType, "absolute value too large")
	}
	return Float(r), nil
}

// complexPartRepr formats a part of a complex as repr does ('r' format
// without ".0"); withSign forces a sign ("+1", "+nan").
func complexPartRepr(f float64, withSign bool) string {
	s := FloatRepr(f)
	if math.IsNaN(f) {
		s = "nan"
	}
	s = strings.TrimSuffix(s, ".0")
	if withSign && s[0] != '-' {
		s = "+" + s
	}
	return s
}

// ComplexRepr is repr(complex(re, im)): "1j", "(1+2j)", "(-0-0j)", "(nan+infj)".
func ComplexRepr(re, im float64) string {
	if re == 0 && !math.Signbit(re) {
		return complexPartRepr(im, false) + "j"
	}
	return "(" + complexPartRepr(re, false) + complexPartRepr(im, true) + "j)"
}

func complexRepr(th *Thread, v Value) (string, error) {
	c := complexOf(v)
	return ComplexRepr(c.Re, c.Im), nil
}

func init() {
	t := ComplexType
	t.Repr = complexRepr
	t.Hash = complexHash
	t.Bool = func(th *Thread, v Value) (bool, error) { c := complexOf(v); return c.Re != 0 || c.Im != 0, nil }
	t.Binary = complexBinarySlot
	t.Unary = complexUnary
	t.Compare = complexCompare
	t.New = numNew(t, complexValueOf)
	t.Format = formatComplex
	self := func(v Value) Complex { return *v.o.(*Complex) }
	t.AddGetters(numSelfGetters(map[string]func(th *Thread, v Value) (Value, error){
		"real": func(th *Thread, v Value) (Value, error) { return Float(self(v).Re), nil },
		"imag": func(th *Thread, v Value) (Value, error) { return Float(self(v).Im), nil },
	}))
	noArgs := func(name string, f func(c Complex) (Value, error)) NativeFunc {
		return func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("complex."+name, args, kwnames); err != nil {
				return NULL, err
			}
			return f(self(args[0]))
		}
	}
	t.AddMethods(numSelfMethods(map[string]NativeFunc{
		"conjugate":      noArgs("conjugate", func(c Complex) (Value, error) { return NewComplex(c.Re, -c.Im), nil }),
		"__abs__":        noArgs("__abs__", complexAbs),
		"__complex__":    noArgs("__complex__", func(c Complex) (Value, error) { return NewComplex(c.Re, c.Im), nil }),
		"__getnewargs__": noArgs("__getnewargs__", func(c Complex) (Value, error) { return NewTuple([]Value{Float(c.Re), Float(c.Im)}), nil }),
	}))
	t.AddMethods(map[string]NativeFunc{"__format__": numFormatMethod(t)})
	NewComplexHook = func(c complex128) Value { return NewComplex(real(c), imag(c)) }
}
