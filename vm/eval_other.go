package vm

import (
	"strings"

	"github.com/pya-lang/pya/vm/compile"
)

// execOther executes the less frequent instructions, kept out of the
// dispatch loop's body so that the hot cases stay compact. It works on f's
// saved pc and sp.
func (th *Thread) execOther(f *Frame, op compile.Opcode, arg int) error {
	s := f.slots
	push := func(v Value) { s[f.sp] = v; f.sp++ }
	pop := func() Value { f.sp--; v := s[f.sp]; s[f.sp] = NULL; return v }
	top := func() Value { return s[f.sp-1] }
	switch op {
	case compile.BUILD_SET:
		set := NewSet()
		for _, x := range s[f.sp-arg : f.sp] {
			if err := set.Add(th, x); err != nil {
				return err
			}
		}
		clear(s[f.sp-arg : f.sp])
		f.sp -= arg
		push(Value{o: set})
	case compile.BUILD_MAP:
		d := NewDictSize(arg)
		items := s[f.sp-2*arg : f.sp]
		for i := 0; i < len(items); i += 2 {
			if err := d.Set(th, items[i], items[i+1]); err != nil {
				return err
			}
		}
		clear(items)
		f.sp -= 2 * arg
		push(Value{o: d})
	case compile.BUILD_STRING:
		var b strings.Builder
		for _, x := range s[f.sp-arg : f.sp] {
			b.WriteString(x.o.(*Str).s)
		}
		clear(s[f.sp-arg : f.sp])
		f.sp -= arg
		push(NewStr(b.String()))
	case compile.SET_ADD:
		v := pop()
		return s[f.sp-arg].o.(*Set).Add(th, v)
	case compile.MAP_ADD:
		v := pop()
		k := pop()
		return s[f.sp-arg].o.(*Dict).Set(th, k, v)
	case compile.LIST_EXTEND:
		it := pop()
		l := s[f.sp-arg].o.(*List)
		// Tuples and lists are copied in one step (as CPython's
		// list_extend does): `f(*big_list)` then allocates the argument
		// array once instead of growing it item by item.
		// Only exact ones: a subclass may override __iter__.
		switch t := it.o.(type) {
		case *Tuple:
			if t.ext == nil {
				l.Items = appendValues(l.Items, t.Items...)
				return nil
			}
		case *List:
			if t.ext == nil {
				l.Items = appendValues(l.Items, t.Items...)
				return nil
			}
		}
		if !isIterable(it) {
			return NewError(TypeErrorType, "Value after * must be an iterable, not %s", TypeName(it))
		}
		return Iterate(th, it, func(x Value) error { l.Items = appendValue(l.Items, x); return nil })
	case compile.SET_UPDATE:
		it := pop()
		return s[f.sp-arg].o.(*Set).update(th, it)
	case compile.DICT_UPDATE, compile.DICT_MERGE:
		m := pop()
		d := s[f.sp-arg].o.(*Dict)
		var fn Value
		if op == compile.DICT_MERGE {
			fn = s[f.sp-arg-2]
		}
		return dictMerge(th, d, m, op == compile.DICT_MERGE, fn)
	case compile.LIST_TO_TUPLE:
		l := top().o.(*List)
		s[f.sp-1] = NewTuple(l.Items)
	case compile.FORMAT_VALUE:
		spec := ""
		if arg&4 != 0 {
			spec = pop().o.(*Str).s
		}
		v := pop()
		var err error
		switch arg & 3 {
		case 1:
			var str string
			if str, err = ToStr(th, v); err == nil {
				v = NewStr(str)
			}
		case 2:
			var str string
			if str, err = Repr(th, v); err == nil {
				v = NewStr(str)
			}
		case 3:
			var str string
			if str, err = Repr(th, v); err == nil {
				v = NewStr(asciiEscape(str))
			}
		}
		if err != nil {
			return err
		}
		if _, ok := v.o.(*Str); ok && spec == "" && v.Type() == StrType {
			push(v)
			break
		}
		str, err := Format(th, v, spec)
		if err != nil {
			return err
		}
		push(NewStr(str))
	case compile.UNPACK_SEQUENCE:
		return th.unpack(f, arg, -1)
	case compile.UNPACK_EX:
		return th.unpack(f, arg&0xff, arg>>8)
	case compile.MAKE_FUNCTION:
		co := pop().o.(*CodeObject)
		fn := newFunction(co, f.globals)
		if arg&8 != 0 {
			t := pop().o.(*Tuple)
			fn.Closure = make([]*Cell, len(t.Items))
			for i, c := range t.Items {
				fn.Closure[i] = c.o.(*Cell)
			}
		}
		if arg&4 != 0 {
			if d, ok := pop().o.(*Dict); ok {
				fn.Annotations = d
			}
		}
		if arg&2 != 0 {
			fn.KwDefaults, _ = pop().o.(*Dict)
		}
		if arg&1 != 0 {
			fn.Defaults = pop().o.(*Tuple).Items
		}
		push(Value{o: fn})
	case compile.LOAD_BUILD_CLASS:
		push(buildClassBuiltin)
	case compile.LOAD_ASSERTION_ERROR:
		push(Value{o: AssertionErrorType})
	case compile.SETUP_ANNOTATIONS:
		if _, ok := f.ns.GetStr("__annotations__"); !ok {
			f.ns.SetStr("__annotations__", Value{o: NewDict()})
		}
	case compile.PRINT_EXPR:
		return th.printExpr(pop())

	case compile.PUSH_EXC_INFO:
		exc := pop()
		prev := None
		if th.handled != nil {
			prev = Value{o: th.handled}
		}
		push(prev)
		push(exc)
		th.handled, _ = exc.o.(*Exception)
	case compile.POP_EXCEPT:
		prev := pop()
		if h := th.handled; h != nil && h.deferClose != nil {
			th.handlerDone(f, h)
		}
		th.handled, _ = prev.o.(*Exception)
	case compile.CHECK_EXC_MATCH:
		typ := pop()
		ok, err := excMatches(top(), typ)
		if err != nil {
			return err
		}
		push(Bool(ok))
	case compile.CHECK_EG_MATCH:
		return th.checkEGMatch(f)
	case compile.PREP_RERAISE_STAR:
		l := pop().o.(*List)
		r, err := th.prepReraiseStar(top(), l.Items)
		if err != nil {
			return err
		}
		s[f.sp-1] = r
	case compile.BEFORE_WITH, compile.BEFORE_ASYNC_WITH:
		return th.beforeWith(f, op == compile.BEFORE_ASYNC_WITH)
	case compile.WITH_EXCEPT_START:
		exc := s[f.sp-1]
		exit := s[f.sp-4]
		tb := None
		if e, ok := exc.o.(*Exception); ok {
			tb = tracebackValue(e)
		}
		r, err := th.Call(exit, []Value{Value{o: exc.Type()}, exc, tb}, nil)
		if err != nil {
			return err
		}
		push(r)

	case compile.IMPORT_NAME:
		fromlist := pop()
		level := pop()
		m, err := th.importName(f, f.co.Code.Names[arg], fromlist, int(level.AsInt()))
		if err != nil {
			return err
		}
		push(m)
	case compile.IMPORT_FROM:
		v, err := th.importFrom(top(), f.co.Code.Names[arg])
		if err != nil {
			return err
		}
		push(v)
	case compile.IMPORT_STAR:
		return th.importStar(f, pop())

	case compile.GET_YIELD_FROM_ITER:
		v := top()
		if genOf(v) != nil {
			if _, ok := v.o.(*Coroutine); ok && f.co.kind != kindCoroutine {
				return NewError(TypeErrorType, "cannot 'yield from' a coroutine object in a non-coroutine generator")
			}
			break
		}
		it, err := Iter(th, v)
		if err != nil {
			return err
		}
		s[f.sp-1] = it
	case compile.GET_AWAITABLE:
		it, err := th.getAwaitable(top(), arg)
		if err != nil {
			return err
		}
		s[f.sp-1] = it
	case compile.GET_AITER:
		v := top()
		if ag, ok := v.o.(*AsyncGenerator); ok && &ag.genState == th.lastGen {
			th.ownIter(f, &ag.genState, f.pc-1)
		}
		m := lookupSpecial(v, "__aiter__")
		if m.IsNull() {
			return NewError(TypeErrorType, "'async for' requires an object with __aiter__ method, got %s", TypeName(v))
		}
		it, err := callSpecial(th, m, v)
		if err != nil {
			return err
		}
		if lookupSpecial(it, "__anext__").IsNull() {
			return NewError(TypeErrorType, "'async for' received an object from __aiter__ that does not implement __anext__: %s", TypeName(it))
		}
		s[f.sp-1] = it
	case compile.GET_ANEXT:
		ait := top()
		var aw Value
		if ag, ok := ait.o.(*AsyncGenerator); ok {
			if err := ag.initHooks(th); err != nil {
				return err
			}
			aw = Value{o: &asyncGenOp{g: ag, sent: None}}
		} else {
			m := lookupSpecial(ait, "__anext__")
			if m.IsNull() {
				return NewError(TypeErrorType, "'async for' requires an iterator with __anext__ method, got %s", TypeName(ait))
			}
			r, err := callSpecial(th, m, ait)
			if err != nil {
				return err
			}
			if aw, err = th.getAwaitable(r, 0); err != nil {
				return NewError(TypeErrorType, "'async for' received an invalid object from __anext__: %s", TypeName(r))
			}
		}
		push(aw)
	case compile.END_ASYNC_FOR:
		exc := pop()
		if e, ok := exc.o.(*Exception); ok && e.typ.IsSubtype(StopAsyncIterationType) {
			pop()
			return nil
		}
		return reraise{exc.o.(*Exception)}
	case compile.ASYNC_GEN_WRAP:
		s[f.sp-1] = Value{o: &asyncGenWrapped{v: top()}}
	default:
		return NewError(SystemErrorType, "unknown opcode %d", op)
	}
	return nil
}

// reraise is returned by execOther to re-raise an exception without a new
// traceback entry or context.
type reraise struct{ e *Exception }

func (r reraise) Error() string { return r.e.Error() }

// isIterable reports whether iter(v) can work, without calling it.
func isIterable(v Value) bool {
	t := v.Type()
	return t.Iter != nil || !t.Lookup("__iter__").IsNull() || t.GetItem != nil
}

// unpack implements UNPACK_SEQUENCE (after < 0) and UNPACK_EX.
func (th *Thread) unpack(f *Frame, before, after int) error {
	seq := f.slots[f.sp-1]
	var items []Value
	switch t := seq.o.(type) {
	case *Tuple:
		items = t.Items
	case *List:
		items = t.Items
	default:
		if !isIterable(seq) {
			return NewError(TypeErrorType, "cannot unpack non-iterable %s object", TypeName(seq))
		}
		var err error
		if items, err = ToSlice(th, seq); err != nil {
			return err
		}
	}
	f.sp--
	if after < 0 {
		if len(items) != before {
			if len(items) < before {
				return NewError(ValueErrorType, "not enough values to unpack (expected %d, got %d)", before, len(items))
			}
			return NewError(ValueErrorType, "too many values to unpack (expected %d)", before)
		}
		for i := len(items) - 1; i >= 0; i-- {
			f.slots[f.sp] = items[i]
			f.sp++
		}
		return nil
	}
	if len(items) < before+after {
		return NewError(ValueErrorType, "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
	}
	for i := len(items) - 1; i >= len(items)-after; i-- {
		f.slots[f.sp] = items[i]
		f.sp++
	}
	mid := make([]Value, len(items)-after-before)
	copy(mid, items[before:len(items)-after])
	f.slots[f.sp] = NewList(mid)
	f.sp++
	for i := before - 1; i >= 0; i-- {
		f.slots[f.sp] = items[i]
		f.sp++
	}
	return nil
}

// dictMerge implements {**m} (DICT_UPDATE) and f(**m) (DICT_MERGE, with
// duplicate-key errors naming fn).
func dictMerge(th *Thread, d *Dict, m Value, merge bool, fn Value) error {
	add := func(k, v Value) error {
		if merge {
			s, ok := k.o.(*Str)
			if !ok {
				return NewError(TypeErrorType, "keywords must be strings")
			}
			if _, dup := d.GetStr(s.s); dup {
				return NewError(TypeErrorType, "%s got multiple values for keyword argument '%s'", funcStr(fn), s.s)
			}
		}
		return d.Set(th, k, v)
	}
	if src, ok := m.o.(*Dict); ok {
		var err error
		src.Items(func(k, v Value) bool {
			err = add(k, v)
			return err == nil
		})
		return err
	}
	keys, err := LookupAttr(th, m, "keys")
	if err != nil {
		return err
	}
	if keys.IsNull() {
		if merge {
			return NewError(TypeErrorType, "%s argument after ** must be a mapping, not %s", funcStr(fn), TypeName(m))
		}
		return NewError(TypeErrorType, "'%s' object is not a mapping", TypeName(m))
	}
	ks, err := th.Call(keys, nil, nil)
	if err != nil {
		return err
	}
	return Iterate(th, ks, func(k Value) error {
		v, err := GetItem(th, m, k)
		if err != nil {
			return err
		}
		return add(k, v)
	})
}

// excMatches implements `except typ` for the exception exc.
func excMatches(exc, typ Value) (bool, error) {
	if err := checkExceptType(typ); err != nil {
		return false, err
	}
	et := exc.Type()
	if tup, ok := typ.o.(*Tuple); ok {
		for _, t := range tup.Items {
			if et.IsSubtype(t.o.(*Type)) {
				return true, nil
			}
		}
		return false, nil
	}
	return et.IsSubtype(typ.o.(*Type)), nil
}

// checkExceptType is check_except_type_valid: an except clause names an
// exception class or a tuple of them (all checked before matching).
func checkExceptType(typ Value) error {
	items := []Value{typ}
	if tup, ok := typ.o.(*Tuple); ok {
		items = tup.Items
	}
	for _, t := range items {
		if tt, ok := t.o.(*Type); !ok || !tt.IsSubtype(BaseExceptionType) {
			return NewError(TypeErrorType, "catching classes that do not inherit from BaseException is not allowed")
		}
	}
	return nil
}

// beforeWith implements BEFORE_WITH and BEFORE_ASYNC_WITH.
func (th *Thread) beforeWith(f *Frame, async bool) error {
	mgr := f.slots[f.sp-1]
	enterName, exitName := "__enter__", "__exit__"
	if async {
		enterName, exitName = "__aenter__", "__aexit__"
	}
	enter := lookupSpecial(mgr, enterName)
	exit := lookupSpecial(mgr, exitName)
	if enter.IsNull() || exit.IsNull() {
		missed := ""
		if !enter.IsNull() {
			missed = " (missed " + exitName + " method)"
		}
		if async {
			return NewError(TypeErrorType, "'%s' object does not support the asynchronous context manager protocol%s", TypeName(mgr), missed)
		}
		return NewError(TypeErrorType, "'%s' object does not support the context manager protocol%s", TypeName(mgr), missed)
	}
	boundExit, err := bindSpecial(th, exit, mgr)
	if err != nil {
		return err
	}
	r, err := callSpecial(th, enter, mgr)
	if err != nil {
		return err
	}
	f.slots[f.sp-1] = boundExit
	f.slots[f.sp] = r
	f.sp++
	return nil
}

// printExpr echoes an expression's value in the REPL.
func (th *Thread) printExpr(v Value) error {
	if v.IsNone() {
		return nil
	}
	if th.builtins != nil {
		th.builtins.SetStr("_", v)
	}
	s, err := Repr(th, v)
	if err != nil {
		return err
	}
	if th.Interp != nil {
		_, werr := th.Interp.stdout().Write([]byte(s + "\n"))
		return werr
	}
	return nil
}
