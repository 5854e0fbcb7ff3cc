// Package math is pya's math module. Elementary functions call the C
// library (as CPython does) so results match CPython bit for bit; errors
// follow CPython's math_1 rules ("math domain error", "math range error").
package math

import (
	"math"

	"github.com/pya-lang/pya/stdlib/internal/libm"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

func init() {
	vm.RegisterModule("math", initModule)
}

func initModule(th *vm.Thread, m *vm.Module) error {
	fns := map[string]vm.NativeFunc{
		"sqrt":      unary("sqrt", math.Sqrt, false),
		"exp":       unary("exp", libm.Exp, true),
		"exp2":      unary("exp2", libm.Exp2, true),
		"expm1":     unary("expm1", libm.Expm1, true),
		"sin":       unary("sin", libm.Sin, false),
		"cos":       unary("cos", libm.Cos, false),
		"tan":       unary("tan", libm.Tan, false),
		"asin":      unary("asin", libm.Asin, false),
		"acos":      unary("acos", libm.Acos, false),
		"atan":      unary("atan", libm.Atan, false),
		"sinh":      unary("sinh", libm.Sinh, true),
		"cosh":      unary("cosh", libm.Cosh, true),
		"tanh":      unary("tanh", libm.Tanh, false),
		"asinh":     unary("asinh", libm.Asinh, false),
		"acosh":     unary("acosh", libm.Acosh, false),
		"atanh":     unary("atanh", libm.Atanh, false),
		"erf":       unary("erf", libm.Erf, false),
		"erfc":      unary("erfc", libm.Erfc, false),
		"cbrt":      unary("cbrt", libm.Cbrt, false),
		"fabs":      unary("fabs", math.Abs, false),
		"log1p":     unary("log1p", libm.Log1p, false),
		"gamma":     unary("gamma", gamma, true),
		"lgamma":    unary("lgamma", lgamma, true),
		"degrees":   unary("degrees", func(x float64) float64 { return x * (180.0 / math.Pi) }, true),
		"radians":   unary("radians", func(x float64) float64 { return x * (math.Pi / 180.0) }, false),
		"log":       logFn,
		"log2":      logN("log2", libm.Log2),
		"log10":     logN("log10", libm.Log10),
		"pow":       powFn,
		"atan2":     binary("atan2", libm.Atan2),
		"copysign":  binary("copysign", math.Copysign),
		"fmod":      binary("fmod", fmod),
		"remainder": binary("remainder", remainder),
		"nextafter": binary("nextafter", math.Nextafter),
		"ldexp":     ldexp,
		"frexp":     frexp,
		"modf":      modf,
		"ulp":       unary("ulp", ulp, false),
		"isfinite":  predicate("isfinite", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }),
		"isinf":     predicate("isinf", func(x float64) bool { return math.IsInf(x, 0) }),
		"isnan":     predicate("isnan", math.IsNaN),
		"isclose":   isclose,
		"floor":     rounding("floor", "__floor__", math.Floor),
		"ceil":      rounding("ceil", "__ceil__", math.Ceil),
		"trunc":     trunc,
		"fsum":      fsum,
		"hypot":     hypot,
		"dist":      dist,
		"prod":      prod,
		"factorial": factorial,
		"gcd":       gcd,
		"lcm":       lcm,
		"comb":      comb,
		"perm":      perm,
		"isqrt":     isqrt,
	}
	pyarg.Funcs(m.Dict, fns)
	m.Dict.SetStr("pi", vm.Float(math.Pi))
	m.Dict.SetStr("e", vm.Float(math.E))
	m.Dict.SetStr("tau", vm.Float(2*math.Pi))
	m.Dict.SetStr("inf", vm.Float(math.Inf(1)))
	m.Dict.SetStr("nan", vm.Float(math.NaN()))
	return nil
}

func domainError() error { return vm.NewError(vm.ValueErrorType, "math domain error") }
func rangeError() error  { return vm.NewError(vm.OverflowErrorType, "math range error") }

// check applies CPython's math_1 error rules to r = f(x).
func check(x, r float64, canOverflow bool) error {
	if math.IsNaN(r) && !math.IsNaN(x) {
		return domainError()
	}
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
		if canOverflow {
			return rangeError()
		}
		return domainError()
	}
	return nil
}

// one parses exactly one float argument.
func one(th *vm.Thread, name string, args []vm.Value, kwnames []string) (float64, error) {
	if err := pyarg.One("math."+name, args, kwnames); err != nil {
		return 0, err
	}
	return pyarg.ToFloat(th, args[0])
}

func two(th *vm.Thread, name string, args []vm.Value, kwnames []string) (float64, float64, error) {
	if err := pyarg.NoKw(name, kwnames); err != nil {
		return 0, 0, err
	}
	if len(args) != 2 {
		return 0, 0, vm.NewError(vm.TypeErrorType, "%s expected 2 arguments, got %d", name, len(args))
	}
	x, err := pyarg.ToFloat(th, args[0])
	if err != nil {
		return 0, 0, err
	}
	y, err := pyarg.ToFloat(th, args[1])
	return x, y, err
}

func unary(name string, f func(float64) float64, canOverflow bool) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		x, err := one(th, name, args, kwnames)
		if err != nil {
			return vm.NULL, err
		}
		r := f(x)
		if err := check(x, r, canOverflow); err != nil {
			return vm.NULL, err
		}
		return vm.Float(r), nil
	}
}

func binary(name string, f func(x, y float64) float64) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		x, y, err := two(th, name, args, kwnames)
		if err != nil {
			return vm.NULL, err
		}
		r := f(x, y)
		if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
			return vm.NULL, domainError()
		}
		return vm.Float(r), nil
	}
}

func predicate(name string, f func(float64) bool) vm.NativeFunc {
	return func(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
		x, err := one(th, name, args, kwnames)
		if err != nil {
			return vm.NULL, err
		}
		return vm.Bool(f(x)), nil
	}
}

func fmod(x, y float64) float64 {
	if math.IsInf(y, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
		return x
	}
	return math.Mod(x, y)
}

func remainder(x, y float64) float64 {
	if math.IsInf(y, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
		return x
	}
	return math.Remainder(x, y)
}

func ulp(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.Abs(x)
	}
	x = math.Abs(x)
	y := math.Nextafter(x, math.Inf(1))
	if math.IsInf(y, 0) {
		return x - math.Nextafter(x, 0)
	}
	return y - x
}
