package random

import (
	"math"

	"github.com/pya-lang/pya/stdlib/internal/libm"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// The real-valued distributions, transcribed from CPython's random.py with
// the C library's elementary functions so that results match bit for bit.

var (
	twoPi   = 2 * math.Pi
	log4    = libm.Log(4.0)
	nvMagic = 4 * libm.Exp(-0.5) / math.Sqrt(2.0)
	sgMagic = 1.0 + libm.Log(4.5)
)

// floats parses a method's float parameters (names ending in "?" are
// optional and take the defaults given).
func floats(th *vm.Thread, fname string, args []vm.Value, kwnames []string, names []string, defaults ...float64) (*Random, []float64, error) {
	r, rest, err := self(args, fname)
	if err != nil {
		return nil, nil, err
	}
	vals := make([]vm.Value, len(names))
	ptrs := make([]*vm.Value, len(names))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := pyarg.ParsePy("Random."+fname, 1, rest, kwnames, names, ptrs...); err != nil {
		return nil, nil, err
	}
	out := make([]float64, len(names))
	nreq := len(names) - len(defaults)
	for i, v := range vals {
		if v.IsNull() {
			out[i] = defaults[i-nreq]
			continue
		}
		f, err := pyarg.ToFloat(th, v)
		if err != nil {
			return nil, nil, err
		}
		out[i] = f
	}
	return r, out, nil
}

func divide(a, b float64) (float64, error) {
	if b == 0 {
		return 0, vm.NewError(vm.ZeroDivisionErrorType, "float division by zero")
	}
	return a / b, nil
}

func uniform(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, rest, err := self(args, "uniform")
	if err != nil {
		return vm.NULL, err
	}
	var a, b vm.Value
	if err := pyarg.ParsePy("Random.uniform", 1, rest, kwnames, []string{"a", "b"}, &a, &b); err != nil {
		return vm.NULL, err
	}
	fa, err := pyarg.ToFloat(th, a)
	if err != nil {
		return vm.NULL, err
	}
	var d float64
	if a.IsInt() && b.IsInt() && (b.AsInt() >= a.AsInt()) == (b.AsInt()-a.AsInt() >= 0) {
		d = float64(b.AsInt() - a.AsInt()) // b - a is computed exactly, as ints
	} else {
		fb, err := pyarg.ToFloat(th, b)
		if err != nil {
			return vm.NULL, err
		}
		d = fb - fa
	}
	return vm.Float(fa + d*r.st.Float()), nil
}

func triangular(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, rest, err := self(args, "triangular")
	if err != nil {
		return vm.NULL, err
	}
	var lowV, highV, modeV vm.Value
	if err := pyarg.ParsePy("Random.triangular", 1, rest, kwnames, []string{"low?", "high?", "mode?"}, &lowV, &highV, &modeV); err != nil {
		return vm.NULL, err
	}
	low, high := 0.0, 1.0
	if !lowV.IsNull() {
		if low, err = pyarg.ToFloat(th, lowV); err != nil {
			return vm.NULL, err
		}
	}
	if !highV.IsNull() {
		if high, err = pyarg.ToFloat(th, highV); err != nil {
			return vm.NULL, err
		}
	}
	u := r.st.Float()
	c := 0.5
	if !modeV.IsNull() && !modeV.IsNone() {
		mode, err := pyarg.ToFloat(th, modeV)
		if err != nil {
			return vm.NULL, err
		}
		if high == low {
			return lowV, nil
		}
		c = (mode - low) / (high - low)
	}
	if u > c {
		u = 1.0 - u
		c = 1.0 - c
		low, high = high, low
	}
	return vm.Float(low + (high-low)*math.Sqrt(u*c)), nil
}

// gauss(mu=0.0, sigma=1.0), caching the second value of each pair.
func gauss(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, f, err := floats(th, "gauss", args, kwnames, []string{"mu?", "sigma?"}, 0.0, 1.0)
	if err != nil {
		return vm.NULL, err
	}
	z := r.gaussNext
	had := r.hasGauss
	r.hasGauss = false
	if !had {
		x2pi := r.st.Float() * twoPi
		g2rad := math.Sqrt(-2.0 * libm.Log(1.0-r.st.Float()))
		z = libm.Cos(x2pi) * g2rad
		r.gaussNext = libm.Sin(x2pi) * g2rad
		r.hasGauss = true
	}
	return vm.Float(f[0] + z*f[1]), nil
}

func (r *Random) normal(mu, sigma float64) float64 {
	for {
		u1 := r.st.Float()
		u2 := 1.0 - r.st.Float()
		z := nvMagic * (u1 - 0.5) / u2
		zz := z * z / 4.0
		if zz <= -libm.Log(u2) {
			return mu + z*sigma
		}
	}
}

func normalvariate(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, f, err := floats(th, "normalvariate", args, kwnames, []string{"mu?", "sigma?"}, 0.0, 1.0)
	if err != nil {
		return vm.NULL, err
	}
	return vm.Float(r.normal(f[0], f[1])), nil
}

func lognormvariate(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, f, err := floats(th, "lognormvariate", args, kwnames, []string{"mu", "sigma"})
	if err != nil {
		return vm.NULL, err
	}
	return vm.Float(libm.Exp(r.normal(f[0], f[1]))), nil
}

func expovariate(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, f, err := floats(th, "expovariate", args, kwnames, []string{"lambd?"}, 1.0)
	if err != nil {
		return vm.NULL, err
	}
	x, err := divide(-libm.Log(1.0-r.st.Float()), f[0])
	if err != nil {
		return vm.NULL, err
	}
	return vm.Float(x), nil
}

func paretovariate(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, f, err := floats(th, "paretovariate", args, kwnames, []string{"alpha"})
	if err != nil {
		return vm.NULL, err
	}
	u := 1.0 - r.st.Float()
	e, err := divide(-1.0, f[0])
	if err != nil {
		return vm.NULL, err
	}
	return vm.Float(libm.Pow(u, e)), nil
}

func weibullvariate(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, f, err := floats(th, "weibullvariate", args, kwnames, []string{"alpha", "beta"})
	if err != nil {
		return vm.NULL, err
	}
	u := 1.0 - r.st.Float()
	e, err := divide(1.0, f[1])
	if err != nil {
		return vm.NULL, err
	}
	return vm.Float(f[0] * libm.Pow(-libm.Log(u), e)), nil
}

func (r *Random) gamma(alpha, beta float64) (float64, error) {
	if alpha <= 0.0 || beta <= 0.0 {
		return 0, vm.NewError(vm.ValueErrorType, "gammavariate: alpha and beta must be > 0.0")
	}
	switch {
	case alpha > 1.0:
		ainv := math.Sqrt(2.0*alpha - 1.0)
		bbb := alpha - log4
		ccc := alpha + ainv
		for {
			u1 := r.st.Float()
			if !(1e-7 < u1 && u1 < 0.9999999) {
				continue
			}
			u2 := 1.0 - r.st.Float()
			v := libm.Log(u1/(1.0-u1)) / ainv
			x := alpha * libm.Exp(v)
			z := u1 * u1 * u2
			rr := bbb + ccc*v - x
			if rr+sgMagic-4.5*z >= 0.0 || rr >= libm.Log(z) {
				return x * beta, nil
			}
		}
	case alpha == 1.0:
		return -libm.Log(1.0-r.st.Float()) * beta, nil
	}
	var x float64
	for {
		u := r.st.Float()
		b := (math.E + alpha) / math.E
		p := b * u
		if p <= 1.0 {
			x = libm.Pow(p, 1.0/alpha)
		} else {
			x = -libm.Log((b - p) / alpha)
		}
		u1 := r.st.Float()
		if p > 1.0 {
			if u1 <= libm.Pow(x, alpha-1.0) {
				break
			}
		} else if u1 <= libm.Exp(-x) {
			break
		}
	}
	return x * beta, nil
}

func gammavariate(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, f, err := floats(th, "gammavariate", args, kwnames, []string{"alpha", "beta"})
	if err != nil {
		return vm.NULL, err
	}
	x, err := r.gamma(f[0], f[1])
	if err != nil {
		return vm.NULL, err
	}
	return vm.Float(x), nil
}

func betavariate(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, f, err := floats(th, "betavariate", args, kwnames, []string{"alpha", "beta"})
	if err != nil {
		return vm.NULL, err
	}
	y, err := r.gamma(f[0], 1.0)
	if err != nil {
		return vm.NULL, err
	}
	if y == 0 {
		return vm.Float(0.0), nil
	}
	y2, err := r.gamma(f[1], 1.0)
	if err != nil {
		return vm.NULL, err
	}
	return vm.Float(y / (y + y2)), nil
}

func vonmisesvariate(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	r, f, err := floats(th, "vonmisesvariate", args, kwnames, []string{"mu", "kappa"})
	if err != nil {
		return vm.NULL, err
	}
	mu, kappa := f[0], f[1]
	if kappa <= 1e-6 {
		return vm.Float(twoPi * r.st.Float()), nil
	}
	s := 0.5 / kappa
	rr := s + math.Sqrt(1.0+s*s)
	var z float64
	for {
		u1 := r.st.Float()
		z = libm.Cos(math.Pi * u1)
		d := z / (rr + z)
		u2 := r.st.Float()
		if u2 < 1.0-d*d || u2 <= (1.0-d)*libm.Exp(d) {
			break
		}
	}
	q := 1.0 / rr
	ff := (q + z) / (1.0 + q*z)
	var theta float64
	if r.st.Float() > 0.5 {
		theta = pyMod(mu+libm.Acos(ff), twoPi)
	} else {
		theta = pyMod(mu-libm.Acos(ff), twoPi)
	}
	return vm.Float(theta), nil
}

// pyMod is Python's float %.
func pyMod(a, b float64) float64 {
	m := math.Mod(a, b)
	if m != 0 && (m < 0) != (b < 0) {
		m += b
	}
	return m
}
