// Package random is pya's random module: CPython's Random class over the
// MT19937 core in stdlib/internal/mt, so that after random.seed(n) every
// function returns exactly what CPython returns. The module functions are
// bound methods of a hidden Random instance, as in CPython.
package random

import (
	"crypto/rand"
	"encoding/binary"
	"time"

	"github.com/pya-lang/pya/stdlib/internal/mt"
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// RandomType is random.Random.
var RandomType = vm.MakeNativeType("Random", "random", nil)

// Random is an instance of random.Random.
type Random struct {
	st        *mt.State
	gaussNext float64
	hasGauss  bool
}

func (*Random) Type() *vm.Type { return RandomType }

// methods are Random's methods; each takes self as args[0].
var methods = map[string]vm.NativeFunc{
	"seed":            seed,
	"random":          random,
	"getrandbits":     getrandbits,
	"randrange":       randrange,
	"randint":         randint,
	"choice":          choice,
	"choices":         choices,
	"shuffle":         shuffle,
	"sample":          sample,
	"uniform":         uniform,
	"triangular":      triangular,
	"gauss":           gauss,
	"normalvariate":   normalvariate,
	"lognormvariate":  lognormvariate,
	"expovariate":     expovariate,
	"paretovariate":   paretovariate,
	"weibullvariate":  weibullvariate,
	"gammavariate":    gammavariate,
	"betavariate":     betavariate,
	"vonmisesvariate": vonmisesvariate,
	"getstate":        getstate,
	"randbytes":       randbytes,
	"setstate":        setstate,
}

func init() {
	RandomType.Flags |= vm.TypeBaseType
	RandomType.AddMethods(methods)
	RandomType.New = func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
		if err := pyarg.Range("Random", args, kwnames, 0, 1); err != nil {
			return vm.NULL, err
		}
		r := vm.ObjectValue(&Random{st: mt.New()})
		a := vm.None
		if len(args) == 1 {
			a = args[0]
		}
		if _, err := seed(th, []vm.Value{r, a}, nil); err != nil {
			return vm.NULL, err
		}
		return r, nil
	}
	vm.RegisterModule("random", initModule)
}

func initModule(th *vm.Thread, m *vm.Module) error {
	inst := &Random{st: mt.New()}
	seedFromOS(inst)
	self := vm.ObjectValue(inst)
	for name, fn := range methods {
		m.Dict.SetStr(name, pyarg.Bind(name, fn, self))
	}
	m.Dict.SetStr("Random", vm.ObjectValue(RandomType))
	m.Dict.SetStr("_inst", self)
	m.Dict.SetStr("NV_MAGICCONST", vm.Float(nvMagic))
	m.Dict.SetStr("TWOPI", vm.Float(twoPi))
	m.Dict.SetStr("LOG4", vm.Float(log4))
	m.Dict.SetStr("SG_MAGICCONST", vm.Float(sgMagic))
	m.Dict.SetStr("BPF", vm.Int(53))
	m.Dict.SetStr("RECIP_BPF", vm.Float(1.0/(1<<53)))
	return nil
}

// seedFromOS seeds as random.seed(None): from the OS's randomness.
func seedFromOS(r *Random) {
	var buf [2496]byte
	key := make([]uint32, len(buf)/4)
	if _, err := rand.Read(buf[:]); err != nil {
		binary.LittleEndian.PutUint64(buf[:], uint64(time.Now().UnixNano()))
	}
	for i := range key {
		key[i] = binary.LittleEndian.Uint32(buf[4*i:])
	}
	r.st.InitByArray(key)
	r.hasGauss = false
}

// self returns the Random receiver of a method call.
func self(args []vm.Value, name string) (*Random, []vm.Value, error) {
	if len(args) > 0 {
		if r, ok := args[0].Object().(*Random); ok {
			return r, args[1:], nil
		}
	}
	return nil, nil, vm.NewError(vm.TypeErrorType, "descriptor '%s' for 'Random' objects doesn't apply to this object", name)
}
