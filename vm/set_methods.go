package vm

import "github.com/pya-lang/pya/vm/compile"

// setArg returns the other operand of a set method as a set (converting
// any iterable, as CPython's methods accept iterables).
func setArg(th *Thread, v Value) (*Set, error) {
	if s, ok := v.o.(*Set); ok {
		return s, nil
	}
	return newSetFrom(th, SetType, v)
}

func addSetMethods() {
	self := func(args []Value) *Set { return args[0].o.(*Set) }
	name := func(s *Set, m string) string {
		if s.frozen {
			return "frozenset." + m
		}
		return "set." + m
	}
	// Methods shared by set and frozenset.
	common := map[string]NativeFunc{
		"copy": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone(name(self(args), "copy"), args, kwnames); err != nil {
				return NULL, err
			}
			if self(args).frozen {
				return args[0], nil
			}
			return Value{o: self(args).Copy(th)}, nil
		},
		"union": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			r := self(args).Copy(th)
			for _, o := range args[1:] {
				if err := r.update(th, o); err != nil {
					return NULL, err
				}
			}
			return Value{o: r}, nil
		},
		"intersection": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			r := self(args)
			if len(args) == 1 {
				return Value{o: r.Copy(th)}, nil
			}
			for _, o := range args[1:] {
				n, err := r.intersection(th, o)
				if err != nil {
					return NULL, err
				}
				r = n
			}
			return Value{o: r}, nil
		},
		"difference": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			s := self(args)
			if len(args) == 1 {
				return Value{o: s.Copy(th)}, nil
			}
			r, err := s.difference(th, args[1])
			if err != nil {
				return NULL, err
			}
			for _, o := range args[2:] {
				if err := r.differenceUpdate(th, o); err != nil {
					return NULL, err
				}
			}
			return Value{o: r}, nil
		},
		"symmetric_difference": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne(name(self(args), "symmetric_difference"), args, kwnames); err != nil {
				return NULL, err
			}
			o, err := setArg(th, args[1])
			if err != nil {
				return NULL, err
			}
			return setBinaryOp(th, compile.BinXor, self(args), o)
		},
		"issubset": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne(name(self(args), "issubset"), args, kwnames); err != nil {
				return NULL, err
			}
			o, err := setArg(th, args[1])
			if err != nil {
				return NULL, err
			}
			r, err := self(args).isSubset(th, o)
			return Bool(r), err
		},
		"issuperset": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne(name(self(args), "issuperset"), args, kwnames); err != nil {
				return NULL, err
			}
			o, err := setArg(th, args[1])
			if err != nil {
				return NULL, err
			}
			r, err := o.isSubset(th, self(args))
			return Bool(r), err
		},
		"isdisjoint": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne(name(self(args), "isdisjoint"), args, kwnames); err != nil {
				return NULL, err
			}
			s := self(args)
			found := false
			err := Iterate(th, args[1], func(x Value) error {
				ok, err := s.Contains(th, x)
				if err == nil && ok {
					found = true
					return errStopIteration
				}
				return err
			})
			if err == errStopIteration {
				err = nil
			}
			return Bool(!found), err
		},
	}
	FrozenSetType.AddMethods(common)
	SetType.AddMethods(common)
	SetType.AddMethods(map[string]NativeFunc{
		"__init__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsRange("set", "set", args, kwnames, 0, 1); err != nil {
				return NULL, err
			}
			s := self(args)
			s.Clear()
			if len(args) > 1 {
				return None, s.update(th, args[1])
			}
			return None, nil
		},
		"add": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("set.add", args, kwnames); err != nil {
				return NULL, err
			}
			return None, self(args).Add(th, args[1])
		},
		"remove": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("set.remove", args, kwnames); err != nil {
				return NULL, err
			}
			ok, err := self(args).Discard(th, args[1])
			if err == nil && !ok {
				err = newKeyError(args[1])
			}
			return None, err
		},
		"discard": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("set.discard", args, kwnames); err != nil {
				return NULL, err
			}
			_, err := self(args).Discard(th, args[1])
			return None, err
		},
		"pop": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("set.pop", args, kwnames); err != nil {
				return NULL, err
			}
			v, ok := self(args).Pop()
			if !ok {
				return NULL, newKeyError(NewStr("pop from an empty set"))
			}
			return v, nil
		},
		"clear": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsNone("set.clear", args, kwnames); err != nil {
				return NULL, err
			}
			self(args).Clear()
			return None, nil
		},
		"update": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			for _, o := range args[1:] {
				if err := self(args).update(th, o); err != nil {
					return NULL, err
				}
			}
			return None, nil
		},
		"intersection_update": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			s := self(args)
			r := s
			for _, o := range args[1:] {
				n, err := r.intersection(th, o)
				if err != nil {
					return NULL, err
				}
				r = n
			}
			if r != s {
				*s = *r
				s.frozen = false
			}
			return None, nil
		},
		"difference_update": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			for _, o := range args[1:] {
				if err := self(args).differenceUpdate(th, o); err != nil {
					return NULL, err
				}
			}
			return None, nil
		},
		"symmetric_difference_update": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if err := argsOne("set.symmetric_difference_update", args, kwnames); err != nil {
				return NULL, err
			}
			return None, self(args).symmetricDifferenceUpdate(th, args[1])
		},
	})
}
