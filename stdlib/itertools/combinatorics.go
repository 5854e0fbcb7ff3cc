package itertools

import (
	"github.com/pya-lang/pya/stdlib/internal/pyarg"
	"github.com/pya-lang/pya/vm"
)

// The combinatoric iterators work on index vectors over a saved pool, in
// the orders CPython documents.

type combObj struct {
	typ    *vm.Type
	pools  [][]vm.Value // product: one pool per argument; others: pools[0]
	idx    []int
	cycles []int // permutations
	r      int
	first  bool
	done   bool
	kind   byte // 'p' product, 'P' permutations, 'c' combinations, 'w' with replacement
}

func (c *combObj) Type() *vm.Type { return c.typ }

func (c *combObj) tuple() vm.Value {
	out := make([]vm.Value, len(c.idx))
	if c.kind == 'P' {
		out = out[:c.r]
	}
	for i := range out {
		if c.kind == 'p' {
			out[i] = c.pools[i][c.idx[i]]
		} else {
			out[i] = c.pools[0][c.idx[i]]
		}
	}
	return vm.NewTuple(out)
}

func combNext(th *vm.Thread, v vm.Value) (vm.Value, error) {
	c := v.Object().(*combObj)
	if c.done {
		return vm.NULL, nil
	}
	if c.first {
		c.first = false
		return c.tuple(), nil
	}
	switch c.kind {
	case 'p':
		i := len(c.idx) - 1
		for ; i >= 0; i-- {
			c.idx[i]++
			if c.idx[i] < len(c.pools[i]) {
				break
			}
			c.idx[i] = 0
		}
		if i < 0 {
			c.done = true
			return vm.NULL, nil
		}
	case 'c':
		n := len(c.pools[0])
		i := c.r - 1
		for ; i >= 0 && c.idx[i] == i+n-c.r; i-- {
		}
		if i < 0 {
			c.done = true
			return vm.NULL, nil
		}
		c.idx[i]++
		for j := i + 1; j < c.r; j++ {
			c.idx[j] = c.idx[j-1] + 1
		}
	case 'w':
		n := len(c.pools[0])
		i := c.r - 1
		for ; i >= 0 && c.idx[i] == n-1; i-- {
		}
		if i < 0 {
			c.done = true
			return vm.NULL, nil
		}
		x := c.idx[i] + 1
		for j := i; j < c.r; j++ {
			c.idx[j] = x
		}
	case 'P':
		n := len(c.pools[0])
		i := c.r - 1
		for ; i >= 0; i-- {
			c.cycles[i]--
			if c.cycles[i] == 0 {
				// rotate idx[i:] left by one
				x := c.idx[i]
				copy(c.idx[i:], c.idx[i+1:])
				c.idx[n-1] = x
				c.cycles[i] = n - i
				continue
			}
			j := c.cycles[i]
			c.idx[i], c.idx[n-j] = c.idx[n-j], c.idx[i]
			break
		}
		if i < 0 {
			c.done = true
			return vm.NULL, nil
		}
	}
	return c.tuple(), nil
}

func rArg(th *vm.Thread, v vm.Value) (int, error) {
	n, err := pyarg.Int(th, v)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, vm.NewError(vm.ValueErrorType, "r must be non-negative")
	}
	return int(n), nil
}

// product(*iterables, repeat=1)
var _ = register(iterType("product", func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	npos := len(args) - len(kwnames)
	repeat := 1
	for i, k := range kwnames {
		if k != "repeat" {
			return vm.NULL, vm.NewError(vm.TypeErrorType, "product() got an unexpected keyword argument '%s'", k)
		}
		n, err := pyarg.Int(th, args[npos+i])
		if err != nil {
			return vm.NULL, err
		}
		if n < 0 {
			return vm.NULL, vm.NewError(vm.ValueErrorType, "repeat argument cannot be negative")
		}
		repeat = int(n)
	}
	var base [][]vm.Value
	for _, a := range args[:npos] {
		items, err := vm.ToSlice(th, a)
		if err != nil {
			return vm.NULL, err
		}
		base = append(base, items)
	}
	c := &combObj{typ: t, kind: 'p', first: true}
	for i := 0; i < repeat; i++ {
		c.pools = append(c.pools, base...)
	}
	c.idx = make([]int, len(c.pools))
	for _, p := range c.pools {
		if len(p) == 0 {
			c.done = true
		}
	}
	return vm.ObjectValue(c), nil
}, combNext))

// permutations(iterable, r=None)
var _ = register(iterType("permutations", func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	var it, rv vm.Value
	if err := vm.ParseArgs("permutations", args, kwnames, []string{"iterable", "r?"}, &it, &rv); err != nil {
		return vm.NULL, err
	}
	pool, err := vm.ToSlice(th, it)
	if err != nil {
		return vm.NULL, err
	}
	n := len(pool)
	r := n
	if !rv.IsNull() && !rv.IsNone() {
		if r, err = rArg(th, rv); err != nil {
			return vm.NULL, err
		}
	}
	c := &combObj{typ: t, kind: 'P', pools: [][]vm.Value{pool}, r: r, first: true, done: r > n}
	c.idx = make([]int, n)
	for i := range c.idx {
		c.idx[i] = i
	}
	c.cycles = make([]int, r)
	for i := range c.cycles {
		c.cycles[i] = n - i
	}
	return vm.ObjectValue(c), nil
}, combNext))

func combinationsNew(name string, kind byte) func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
	return func(th *vm.Thread, t *vm.Type, args []vm.Value, kwnames []string) (vm.Value, error) {
		var it, rv vm.Value
		if err := vm.ParseArgs(name, args, kwnames, []string{"iterable", "r"}, &it, &rv); err != nil {
			return vm.NULL, err
		}
		pool, err := vm.ToSlice(th, it)
		if err != nil {
			return vm.NULL, err
		}
		r, err := rArg(th, rv)
		if err != nil {
			return vm.NULL, err
		}
		c := &combObj{typ: t, kind: kind, pools: [][]vm.Value{pool}, r: r, first: true, idx: make([]int, r)}
		if kind == 'c' {
			c.done = r > len(pool)
			for i := range c.idx {
				c.idx[i] = i
			}
		} else {
			c.done = len(pool) == 0 && r > 0
		}
		return vm.ObjectValue(c), nil
	}
}

var _ = register(iterType("combinations", combinationsNew("combinations", 'c'), combNext))
var _ = register(iterType("combinations_with_replacement", combinationsNew("combinations_with_replacement", 'w'), combNext))
