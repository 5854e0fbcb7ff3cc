package vm

import "math/big"

// The lazy iterator types of builtins: enumerate, zip, map, filter,
// reversed, and iter(callable, sentinel)'s callable_iterator.

var (
	EnumerateType        = MakeNativeType("enumerate", "builtins", nil)
	ZipType              = MakeNativeType("zip", "builtins", nil)
	MapType              = MakeNativeType("map", "builtins", nil)
	FilterType           = MakeNativeType("filter", "builtins", nil)
	ReversedType         = MakeNativeType("reversed", "builtins", nil)
	CallableIteratorType = MakeNativeType("callable_iterator", "builtins", nil)
)

// IteratorMethods gives a native iterator type __iter__ (returning self)
// and __next__ built on its Next slot, plus the Iter slot.
func IteratorMethods(t *Type) {
	t.Iter = func(th *Thread, v Value) (Value, error) { return v, nil }
	t.AddMethods(map[string]NativeFunc{
		"__iter__": func(th *Thread, args []Value, kw []string) (Value, error) { return args[0], nil },
		"__next__": func(th *Thread, args []Value, kw []string) (Value, error) {
			v, err := args[0].Type().Next(th, args[0])
			if err != nil {
				return NULL, err
			}
			if v.IsNull() {
				return NULL, NewException(StopIterationType)
			}
			return v, nil
		},
	})
}

func init() {
	for _, t := range []*Type{EnumerateType, ZipType, MapType, FilterType, ReversedType, CallableIteratorType} {
		IteratorMethods(t)
	}
	EnumerateType.New, EnumerateType.Next = enumerateNew, enumerateNext
	ZipType.New, ZipType.Next = zipNew, zipNext
	MapType.New, MapType.Next = mapNew, mapNext
	FilterType.New, FilterType.Next = filterNew, filterNext
	ReversedType.New, ReversedType.Next = reversedNew, reversedNext
	CallableIteratorType.Next = callableIterNext
	for _, t := range []*Type{EnumerateType, ZipType, MapType, FilterType, ReversedType} {
		t.Flags |= TypeBaseType
	}
}

type enumerateObj struct {
	typ *Type
	it  Value
	n   int64
	big Value // the count once it leaves int64 (or started as a big int), else NULL
}

func (e *enumerateObj) Type() *Type { return e.typ }

func enumerateNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	var it, start Value
	if err := ParseArgs("enumerate", args, kwnames, []string{"iterable", "start?"}, &it, &start); err != nil {
		return NULL, err
	}
	iter, err := Iter(th, it)
	if err != nil {
		return NULL, err
	}
	e := &enumerateObj{typ: t, it: iter}
	if !start.IsNull() {
		s, err := biIndex(th, start)
		if err != nil {
			return NULL, err
		}
		if s.IsInt() {
			e.n = s.AsInt()
		} else {
			e.big = s
		}
	}
	return Value{o: e}, nil
}

func enumerateNext(th *Thread, v Value) (Value, error) {
	e := v.o.(*enumerateObj)
	item, err := Next(th, e.it)
	if err != nil || item.IsNull() {
		return NULL, err
	}
	var idx Value
	if e.big.IsNull() {
		idx = Int(e.n)
		if e.n == 1<<63-1 {
			e.big = NewBigInt(new(big.Int).Add(big.NewInt(e.n), big.NewInt(1)))
		} else {
			e.n++
		}
	} else {
		idx = e.big
		b, _ := biBig(e.big)
		e.big = NewBigInt(new(big.Int).Add(b, big.NewInt(1)))
	}
	return NewTuple([]Value{idx, item}), nil
}

type zipObj struct {
	typ    *Type
	its    []Value
	strict bool
}

func (z *zipObj) Type() *Type { return z.typ }

func zipNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	z := &zipObj{typ: t}
	for i, kw := range kwnames {
		if kw != "strict" {
			return NULL, NewError(TypeErrorType, "zip() got an unexpected keyword argument '%s'", kw)
		}
		b, err := Truth(th, args[npos+i])
		if err != nil {
			return NULL, err
		}
		z.strict = b
	}
	for _, a := range args[:npos] {
		it, err := Iter(th, a)
		if err != nil {
			return NULL, err
		}
		z.its = append(z.its, it)
	}
	return Value{o: z}, nil
}

func zipNext(th *Thread, v Value) (Value, error) {
	z := v.o.(*zipObj)
	if len(z.its) == 0 {
		return NULL, nil
	}
	items := make([]Value, len(z.its))
	for i, it := range z.its {
		x, err := Next(th, it)
		if err != nil {
			return NULL, err
		}
		if x.IsNull() {
			if z.strict {
				return NULL, z.strictError(th, i)
			}
			return NULL, nil
		}
		items[i] = x
	}
	return NewTuple(items), nil
}

// strictError reports the first iterator of unequal length, with
// CPython's wording ("zip() argument 2 is shorter than argument 1").
func (z *zipObj) strictError(th *Thread, i int) error {
	plural := func(i int) string {
		if i == 1 {
			return " 1"
		}
		return "s 1-" + itoa(i)
	}
	if i > 0 {
		return NewError(ValueErrorType, "zip() argument %d is shorter than argument%s", i+1, plural(i))
	}
	for j := 1; j < len(z.its); j++ {
		x, err := Next(th, z.its[j])
		if err != nil {
			return err
		}
		if !x.IsNull() {
			return NewError(ValueErrorType, "zip() argument %d is longer than argument%s", j+1, plural(j))
		}
	}
	return nil
}

func itoa(i int) string { return big.NewInt(int64(i)).String() }

type mapObj struct {
	typ *Type
	fn  Value
	its []Value
}

func (m *mapObj) Type() *Type { return m.typ }

func mapNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "map() takes no keyword arguments")
	}
	if len(args) < 2 {
		return NULL, NewError(TypeErrorType, "map() must have at least two arguments.")
	}
	m := &mapObj{typ: t, fn: args[0]}
	for _, a := range args[1:] {
		it, err := Iter(th, a)
		if err != nil {
			return NULL, err
		}
		m.its = append(m.its, it)
	}
	return Value{o: m}, nil
}

func mapNext(th *Thread, v Value) (Value, error) {
	m := v.o.(*mapObj)
	args := make([]Value, len(m.its))
	for i, it := range m.its {
		x, err := Next(th, it)
		if err != nil || x.IsNull() {
			return NULL, err
		}
		args[i] = x
	}
	return th.Call(m.fn, args, nil)
}

type filterObj struct {
	typ *Type
	fn  Value
	it  Value
}

func (f *filterObj) Type() *Type { return f.typ }

func filterNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "filter() takes no keyword arguments")
	}
	if len(args) != 2 {
		return NULL, NewError(TypeErrorType, "filter expected 2 arguments, got %d", len(args))
	}
	it, err := Iter(th, args[1])
	if err != nil {
		return NULL, err
	}
	return Value{o: &filterObj{typ: t, fn: args[0], it: it}}, nil
}

func filterNext(th *Thread, v Value) (Value, error) {
	f := v.o.(*filterObj)
	for {
		x, err := Next(th, f.it)
		if err != nil || x.IsNull() {
			return NULL, err
		}
		test := x
		if !f.fn.IsNone() {
			if test, err = th.Call(f.fn, []Value{x}, nil); err != nil {
				return NULL, err
			}
		}
		ok, err := Truth(th, test)
		if err != nil {
			return NULL, err
		}
		if ok {
			return x, nil
		}
	}
}

// reversedObj walks a sequence backwards through __getitem__.
type reversedObj struct {
	typ *Type
	seq Value
	i   int
}

func (r *reversedObj) Type() *Type { return r.typ }

func reversedNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "reversed() takes no keyword arguments")
	}
	if len(args) != 1 {
		return NULL, NewError(TypeErrorType, "reversed expected 1 argument, got %d", len(args))
	}
	seq := args[0]
	if t == ReversedType {
		if m := seq.Type().Lookup("__reversed__"); !m.IsNull() {
			if m.IsNone() {
				return NULL, NewError(TypeErrorType, "'%s' object is not reversible", biTypeName(seq))
			}
			return CallUnbound(th, m, seq)
		}
	}
	st := seq.Type()
	if st.GetItem == nil || st.Len == nil || st == DictType || st.IsSubtype(DictType) {
		return NULL, NewError(TypeErrorType, "'%s' object is not reversible", biTypeName(seq))
	}
	n, err := Len(th, seq)
	if err != nil {
		return NULL, err
	}
	return Value{o: &reversedObj{typ: t, seq: seq, i: n - 1}}, nil
}

func reversedNext(th *Thread, v Value) (Value, error) {
	r := v.o.(*reversedObj)
	if r.i < 0 {
		return NULL, nil
	}
	x, err := GetItem(th, r.seq, Int(int64(r.i)))
	if err != nil {
		if e, ok := err.(*Exception); ok && (e.IsInstance(IndexErrorType) || e.IsInstance(StopIterationType)) {
			r.i = -1
			return NULL, nil
		}
		return NULL, err
	}
	r.i--
	return x, nil
}

type callableIter struct {
	fn, sentinel Value
	done         bool
}

func (*callableIter) Type() *Type { return CallableIteratorType }

func callableIterNext(th *Thread, v Value) (Value, error) {
	c := v.o.(*callableIter)
	if c.done {
		return NULL, nil
	}
	x, err := th.Call(c.fn, nil, nil)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.IsInstance(StopIterationType) {
			c.done = true
			return NULL, nil
		}
		return NULL, err
	}
	eq, err := Equal(th, x, c.sentinel)
	if err != nil {
		return NULL, err
	}
	if eq {
		c.done = true
		return NULL, nil
	}
	return x, nil
}

// iter(object) or iter(callable, sentinel)
func biIter(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("iter", args, kwnames, 1, 2); err != nil {
		return NULL, err
	}
	if len(args) == 1 {
		return Iter(th, args[0])
	}
	if args[0].Type().Call == nil {
		if _, ok := args[0].o.(*Builtin); !ok {
			return NULL, NewError(TypeErrorType, "iter(v, w): v must be callable")
		}
	}
	return Value{o: &callableIter{fn: args[0], sentinel: args[1]}}, nil
}

// next(iterator[, default])
func biNext(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("next", args, kwnames, 1, 2); err != nil {
		return NULL, err
	}
	it := args[0]
	if it.Type().Next == nil {
		return NULL, NewError(TypeErrorType, "'%s' object is not an iterator", biTypeName(it))
	}
	x, err := Next(th, it)
	if err != nil {
		if len(args) == 2 {
			if e, ok := err.(*Exception); ok && e.IsInstance(StopIterationType) {
				return args[1], nil
			}
		}
		return NULL, err
	}
	if x.IsNull() {
		stop := th.TakeStopValue() // a generator's return value
		if len(args) == 2 {
			return args[1], nil
		}
		if !stop.IsNull() && !stop.IsNone() {
			return NULL, NewException(StopIterationType, stop)
		}
		return NULL, NewException(StopIterationType)
	}
	return x, nil
}

// biTruthLoop iterates v until f reports stop, for any() and all().
func biTruthLoop(th *Thread, v Value, want bool) (bool, error) {
	it, err := Iter(th, v)
	if err != nil {
		return false, err
	}
	for {
		x, err := Next(th, it)
		if err != nil {
			return false, err
		}
		if x.IsNull() {
			return false, nil
		}
		b, err := Truth(th, x)
		if err != nil {
			return false, err
		}
		if b == want {
			return true, nil
		}
	}
}

func biAny(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biExactlyOne("any", args, kwnames); err != nil {
		return NULL, err
	}
	found, err := biTruthLoop(th, args[0], true)
	if err != nil {
		return NULL, err
	}
	return Bool(found), nil
}

func biAll(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biExactlyOne("all", args, kwnames); err != nil {
		return NULL, err
	}
	found, err := biTruthLoop(th, args[0], false)
	if err != nil {
		return NULL, err
	}
	return Bool(!found), nil
}
