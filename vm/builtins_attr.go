package vm

import "sort"

// isinstance, issubclass, the attribute builtins, callable, vars, dir.

// biIsInstanceOf reports isinstance(v, cls) for a class or a (nested)
// tuple of classes; ok false when cls is neither.
func biIsInstanceOf(th *Thread, v, cls Value) (bool, error) {
	switch c := cls.o.(type) {
	case *Type:
		if v.Type().IsSubtype(c) {
			return true, nil
		}
		if m := c.Type().Lookup("__instancecheck__"); !m.IsNull() && c.Type() != TypeType {
			r, err := CallUnbound(th, m, cls, v)
			if err != nil {
				return false, err
			}
			return Truth(th, r)
		}
		return false, nil
	case *Tuple:
		for _, x := range c.Items {
			ok, err := biIsInstanceOf(th, v, x)
			if ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	}
	if args, ok := biUnionArgs(th, cls); ok {
		return biIsInstanceOf(th, v, args)
	}
	return false, NewError(TypeErrorType, "isinstance() arg 2 must be a type, a tuple of types, or a union")
}

// biUnionArgs returns the __args__ of a union (int | str), if cls is one.
func biUnionArgs(th *Thread, cls Value) (Value, bool) {
	if cls.Type().Name != "UnionType" && cls.Type().Name != "_UnionGenericAlias" {
		return NULL, false
	}
	a, err := LookupAttr(th, cls, "__args__")
	if err != nil || a.IsNull() {
		return NULL, false
	}
	if _, ok := a.o.(*Tuple); !ok {
		return NULL, false
	}
	return a, true
}

func biIsInstance(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("isinstance", args, kwnames, 2, 2); err != nil {
		return NULL, err
	}
	ok, err := biIsInstanceOf(th, args[0], args[1])
	if err != nil {
		return NULL, err
	}
	return Bool(ok), nil
}

func biIsSubclassOf(th *Thread, c *Type, cls Value) (bool, error) {
	switch b := cls.o.(type) {
	case *Type:
		if c.IsSubtype(b) {
			return true, nil
		}
		if m := b.Type().Lookup("__subclasscheck__"); !m.IsNull() && b.Type() != TypeType {
			r, err := CallUnbound(th, m, cls, ObjectValue(c))
			if err != nil {
				return false, err
			}
			return Truth(th, r)
		}
		return false, nil
	case *Tuple:
		for _, x := range b.Items {
			ok, err := biIsSubclassOf(th, c, x)
			if ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	}
	if args, ok := biUnionArgs(th, cls); ok {
		return biIsSubclassOf(th, c, args)
	}
	return false, NewError(TypeErrorType, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
}

func biIsSubclass(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("issubclass", args, kwnames, 2, 2); err != nil {
		return NULL, err
	}
	c, ok := args[0].o.(*Type)
	if !ok {
		return NULL, NewError(TypeErrorType, "issubclass() arg 1 must be a class")
	}
	r, err := biIsSubclassOf(th, c, args[1])
	if err != nil {
		return NULL, err
	}
	return Bool(r), nil
}

// biAttrName checks an attribute name argument.
func biAttrName(v Value) (string, error) {
	s, ok := v.o.(*Str)
	if !ok {
		return "", NewError(TypeErrorType, "attribute name must be string, not '%s'", biTypeName(v))
	}
	return s.s, nil
}

func biGetAttr(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("getattr", args, kwnames, 2, 3); err != nil {
		return NULL, err
	}
	name, err := biAttrName(args[1])
	if err != nil {
		return NULL, err
	}
	if len(args) == 3 {
		v, err := LookupAttr(th, args[0], name)
		if err != nil {
			return NULL, err
		}
		if v.IsNull() {
			return args[2], nil
		}
		return v, nil
	}
	return GetAttr(th, args[0], name)
}

func biHasAttr(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("hasattr", args, kwnames, 2, 2); err != nil {
		return NULL, err
	}
	name, err := biAttrName(args[1])
	if err != nil {
		return NULL, err
	}
	v, err := LookupAttr(th, args[0], name)
	if err != nil {
		return NULL, err
	}
	return Bool(!v.IsNull()), nil
}

func biSetAttr(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("setattr", args, kwnames, 3, 3); err != nil {
		return NULL, err
	}
	name, err := biAttrName(args[1])
	if err != nil {
		return NULL, err
	}
	return None, SetAttr(th, args[0], name, args[2])
}

func biDelAttr(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("delattr", args, kwnames, 2, 2); err != nil {
		return NULL, err
	}
	name, err := biAttrName(args[1])
	if err != nil {
		return NULL, err
	}
	return None, SetAttr(th, args[0], name, NULL)
}

// IsCallable reports callable(v).
func IsCallable(v Value) bool {
	if _, ok := v.o.(*Builtin); ok {
		return true
	}
	if v.IsNull() {
		return false
	}
	t := v.Type()
	if _, isType := v.o.(*Type); isType {
		return true
	}
	return t.Call != nil || !t.Lookup("__call__").IsNull()
}

func biCallable(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biExactlyOne("callable", args, kwnames); err != nil {
		return NULL, err
	}
	return Bool(IsCallable(args[0])), nil
}

func biVars(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("vars", args, kwnames, 0, 1); err != nil {
		return NULL, err
	}
	if len(args) == 0 {
		return biLocals(th, nil, nil)
	}
	d, err := LookupAttr(th, args[0], "__dict__")
	if err != nil {
		return NULL, err
	}
	if d.IsNull() {
		return NULL, NewError(TypeErrorType, "vars() argument must have __dict__ attribute")
	}
	return d, nil
}

// dir([object]): sorted attribute names (object.__dir__ or the type's
// __dir__), or the local names without an argument.
func biDir(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := biArgCount("dir", args, kwnames, 0, 1); err != nil {
		return NULL, err
	}
	var names []Value
	if len(args) == 0 {
		l, err := biLocals(th, nil, nil)
		if err != nil {
			return NULL, err
		}
		if d, ok := l.o.(*Dict); ok {
			names = d.Keys()
		}
	} else if m := args[0].Type().Lookup("__dir__"); !m.IsNull() {
		r, err := CallUnbound(th, m, args[0])
		if err != nil {
			return NULL, err
		}
		if names, err = ToSlice(th, r); err != nil {
			return NULL, err
		}
	} else {
		names = biDefaultDir(th, args[0])
	}
	if err := SortValues(th, names, NULL, false); err != nil {
		return NULL, err
	}
	return NewList(names), nil
}

// biDefaultDir is object.__dir__: the instance's own attributes, the
// attributes of its class and of every class in the MRO (for a class, of
// itself and its MRO).
func biDefaultDir(th *Thread, v Value) []Value {
	seen := map[string]bool{}
	var names []Value
	add := func(d *Dict) {
		if d == nil {
			return
		}
		d.Items(func(k, _ Value) bool {
			if s, ok := k.o.(*Str); ok && !seen[s.s] {
				seen[s.s] = true
				names = append(names, k)
			}
			return true
		})
	}
	if m, ok := v.o.(*Module); ok {
		add(m.Dict)
		return names
	}
	t, isType := v.o.(*Type)
	if !isType {
		if d, err := LookupAttr(th, v, "__dict__"); err == nil {
			if dd, ok := d.o.(*Dict); ok {
				add(dd)
			}
		}
		t = v.Type()
	}
	for _, c := range t.MRO {
		add(c.Dict)
	}
	sort.SliceStable(names, func(i, j int) bool { return names[i].o.(*Str).s < names[j].o.(*Str).s })
	return names
}
