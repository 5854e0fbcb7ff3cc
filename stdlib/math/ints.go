package math

import (
	"math/big"

	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// bigArg converts an integer argument (via __index__).
func bigArg(th *vm.Thread, v vm.Value) (*big.Int, error) {
	i, err := pyarg.Index(th, v)
	if err != nil {
		return nil, err
	}
	b, _ := pyarg.Big(i)
	return b, nil
}

func factorial(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.One("math.factorial", args, kwnames); err != nil {
		return vm.NULL, err
	}
	n, err := bigArg(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	if n.Sign() < 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "factorial() not defined for negative values")
	}
	if !n.IsInt64() || n.Int64() > 1<<20 {
		return vm.NULL, vm.NewError(vm.OverflowErrorType, "factorial() argument should not exceed %d", int64(1<<63-1))
	}
	if n.Int64() < 2 {
		return vm.Int(1), nil
	}
	return vm.NewBigInt(new(big.Int).MulRange(1, n.Int64())), nil
}

func gcd(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoKw("gcd", kwnames); err != nil {
		return vm.NULL, err
	}
	acc := new(big.Int)
	for _, a := range args {
		b, err := bigArg(th, a)
		if err != nil {
			return vm.NULL, err
		}
		acc.GCD(nil, nil, acc, new(big.Int).Abs(b))
	}
	return vm.NewBigInt(acc), nil
}

func lcm(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.NoKw("lcm", kwnames); err != nil {
		return vm.NULL, err
	}
	acc := big.NewInt(1)
	for _, a := range args {
		b, err := bigArg(th, a)
		if err != nil {
			return vm.NULL, err
		}
		b = new(big.Int).Abs(b)
		if b.Sign() == 0 || acc.Sign() == 0 {
			acc.SetInt64(0)
			continue
		}
		g := new(big.Int).GCD(nil, nil, acc, b)
		acc.Mul(acc, new(big.Int).Quo(b, g))
	}
	return vm.NewBigInt(acc), nil
}

// nk parses comb/perm's (n, k) with CPython's non-negativity errors.
func nk(th *vm.Thread, name string, args []vm.Value, kwnames []string, kOptional bool) (*big.Int, *big.Int, error) {
	if err := pyarg.NoKw(name, kwnames); err != nil {
		return nil, nil, err
	}
	min := 2
	if kOptional {
		min = 1
	}
	if len(args) < min || len(args) > 2 {
		if kOptional {
			return nil, nil, vm.NewError(vm.TypeErrorType, "%s expected at most 2 arguments, got %d", name, len(args))
		}
		return nil, nil, vm.NewError(vm.TypeErrorType, "%s expected 2 arguments, got %d", name, len(args))
	}
	n, err := bigArg(th, args[0])
	if err != nil {
		return nil, nil, err
	}
	var k *big.Int
	if len(args) == 2 && !args[1].IsNone() {
		if k, err = bigArg(th, args[1]); err != nil {
			return nil, nil, err
		}
	}
	if n.Sign() < 0 {
		return nil, nil, vm.NewError(vm.ValueErrorType, "n must be a non-negative integer")
	}
	if k != nil && k.Sign() < 0 {
		return nil, nil, vm.NewError(vm.ValueErrorType, "k must be a non-negative integer")
	}
	return n, k, nil
}

func comb(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	n, k, err := nk(th, "comb", args, kwnames, false)
	if err != nil {
		return vm.NULL, err
	}
	if k.Cmp(n) > 0 {
		return vm.Int(0), nil
	}
	if !n.IsInt64() {
		return vm.NULL, vm.NewError(vm.OverflowErrorType, "min(n - k, k) must not exceed %d", int64(1<<63-1))
	}
	return vm.NewBigInt(new(big.Int).Binomial(n.Int64(), k.Int64())), nil
}

func perm(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	n, k, err := nk(th, "perm", args, kwnames, true)
	if err != nil {
		return vm.NULL, err
	}
	if k == nil {
		k = n
	}
	if k.Cmp(n) > 0 {
		return vm.Int(0), nil
	}
	if !n.IsInt64() {
		return vm.NULL, vm.NewError(vm.OverflowErrorType, "k must not exceed %d", int64(1<<63-1))
	}
	if k.Sign() == 0 {
		return vm.Int(1), nil
	}
	return vm.NewBigInt(new(big.Int).MulRange(n.Int64()-k.Int64()+1, n.Int64())), nil
}

func isqrt(th *vm.Thread, args []vm.Value, kwnames []string) (vm.Value, error) {
	if err := pyarg.One("math.isqrt", args, kwnames); err != nil {
		return vm.NULL, err
	}
	n, err := bigArg(th, args[0])
	if err != nil {
		return vm.NULL, err
	}
	if n.Sign() < 0 {
		return vm.NULL, vm.NewError(vm.ValueErrorType, "isqrt() argument must be nonnegative")
	}
	return vm.NewBigInt(new(big.Int).Sqrt(n)), nil
}
