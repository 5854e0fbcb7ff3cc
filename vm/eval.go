package vm

import (
	"github.com/pya-lang/pya/ast"
	"github.com/pya-lang/pya/vm/compile"
)

// errKind says how an error entered the unwinding code: a new raise (gets
// __context__ and a traceback entry), a re-raise (neither), or an exception
// propagating out of a callee frame (a traceback entry only).
type errKind uint8

const (
	errNew errKind = iota
	errReraise
	errPropagated
)

// run executes the thread's frame chain from th.frame until the frame marked
// base returns (result, false, nil), raises (NULL, false, err), or a
// generator frame yields (value, true, nil; th.frame is then the innermost
// suspended frame). A non-nil throw is raised at th.frame's current
// instruction before anything runs (generator.throw, resuming a failed await).
//
// Python-to-Python calls push a frame and continue in this loop; returns pop
// it. There is no Go recursion except through natives (Thread.Call).
func (th *Thread) run(throw *Exception) (Value, bool, error) {
	var (
		f      *Frame
		co     *CodeObject
		code   []compile.Instr
		slots  []Value
		consts []Value
		names  []string
		pc, sp int
		err    error
		kind   errKind
		// jumpTo is where a backward jump goes once the eval breaker is
		// served (onBreaker); written only on that cold path.
		jumpTo int
	)
	if throw != nil {
		err = throw
	}
reload:
	f = th.frame
	co = f.co
	code = co.code
	slots = f.slots
	consts = co.Consts
	names = co.Code.Names
	pc = f.pc
	sp = f.sp
	if err != nil {
		// A pending throw (generator.throw, failed resume).
		if exc := th.unwind(f, err, kind); exc != nil {
			return NULL, false, exc
		}
		err, kind = nil, errNew
		goto reload
	}
	for {
		in := code[pc]
		pc++
		arg := in.Arg()
		switch in.Op() {
		case compile.NOP:
		case compile.POP_TOP:
			sp--
			switch o := slots[sp].o.(type) {
			case *Coroutine:
				if !o.started && th.Interp != nil {
					th.Interp.droppedCoroutine(o, f, pc-1)
				}
			case *Generator:
				if o.owned {
					slots[sp] = NULL
					f.pc, f.sp = pc, sp
					th.dropOwned(f, Value{o: o}, pc-1)
				}
			case *AsyncGenerator:
				if o.owned {
					slots[sp] = NULL
					f.pc, f.sp = pc, sp
					th.dropOwned(f, Value{o: o}, pc-1)
				}
			case *enumerateObj, *filterObj, *mapObj, *zipObj:
				if gs := wrappedGens(slots[sp]); len(gs) > 0 && gs[0].owned {
					v := slots[sp]
					slots[sp] = NULL
					f.pc, f.sp = pc, sp
					th.dropOwned(f, v, pc-1)
				}
			default:
				if o != noneObject && o != nil {
					if fl := o.Type().Flags; fl&TypeNativeCoroutine != 0 {
						th.droppedNative(o, f, pc-1)
					} else if fl&TypeDropNotify != 0 {
						droppedResult(o, f, pc-1)
					}
				}
			}
			slots[sp] = NULL
		case compile.COPY:
			slots[sp] = slots[sp-arg]
			sp++
		case compile.SWAP:
			slots[sp-1], slots[sp-arg] = slots[sp-arg], slots[sp-1]
		case compile.LOAD_CONST:
			slots[sp] = consts[arg]
			sp++
		case compile.LOAD_FAST:
			v := slots[arg]
			if fastIsNull(&v) {
				err = unboundLocal(co, arg)
				goto onError
			}
			slots[sp] = v
			sp++
		case compile.LOAD_FAST_CONST_ADDSUB:
			// n - 1, i += 1: the int fast path of the BINARY_OP two
			// instructions on, without dispatching the three; otherwise
			// the two loads.
			if a, b := slots[arg], consts[code[pc].Arg()]; fastIsInt(&a) && fastIsInt(&b) {
				x, y := int64(a.n), int64(b.n)
				if compile.BinaryOp(code[pc+1].Arg())%compile.InplaceOffset == compile.BinAdd {
					if r := x + y; (r^x)&(r^y) >= 0 {
						slots[sp] = Value{o: intKind, n: uint64(r)}
						sp++
						pc += 2
						continue
					}
				} else if r := x - y; (x^y)&(x^r) >= 0 { // BinSub, InplaceSub
					slots[sp] = Value{o: intKind, n: uint64(r)}
					sp++
					pc += 2
					continue
				}
			}
			fallthrough
		case compile.LOAD_FAST_LOAD_CONST:
			v := slots[arg]
			if fastIsNull(&v) {
				err = unboundLocal(co, arg)
				goto onError
			}
			slots[sp] = v
			slots[sp+1] = consts[code[pc].Arg()]
			sp += 2
			pc++
		case compile.LOAD_FAST_LOAD_FAST:
			v := slots[arg]
			if fastIsNull(&v) {
				err = unboundLocal(co, arg)
				goto onError
			}
			slots[sp] = v
			sp++
			if w := slots[code[pc].Arg()]; !fastIsNull(&w) {
				slots[sp] = w
				sp++
				pc++
			}
		case compile.STORE_FAST:
			sp--
			slots[arg] = slots[sp]
		case compile.DELETE_FAST:
			if slots[arg].o == nil {
				err = unboundLocal(co, arg)
				goto onError
			}
			v := slots[arg]
			slots[arg] = NULL
			if len(co.Code.OwnedLocals) != 0 {
				f.pc, f.sp = pc, sp
				th.deletedOwned(f, v, compile.STORE_FAST, arg)
			}
		case compile.LOAD_DEREF:
			cell := slots[co.nlocals+arg].o.(*Cell)
			if cell.V.o == nil {
				err = unboundCell(co, arg)
				goto onError
			}
			slots[sp] = cell.V
			sp++
		case compile.STORE_DEREF:
			sp--
			slots[co.nlocals+arg].o.(*Cell).V = slots[sp]
		case compile.DELETE_DEREF:
			cell := slots[co.nlocals+arg].o.(*Cell)
			if cell.V.o == nil {
				err = unboundCell(co, arg)
				goto onError
			}
			cell.V = NULL
		case compile.LOAD_CLOSURE:
			slots[sp] = slots[co.nlocals+arg]
			sp++
		case compile.LOAD_CLASSDEREF:
			name := cellName(co, arg)
			if v, ok := f.ns.GetStr(name); ok {
				slots[sp] = v
				sp++
				break
			}
			cell := slots[co.nlocals+arg].o.(*Cell)
			if cell.V.o == nil {
				err = unboundCell(co, arg)
				goto onError
			}
			slots[sp] = cell.V
			sp++
		case compile.LOAD_GLOBAL:
			// The hit of the globals cache is inlined (see getStrCached).
			if c := &co.nameCache[2*arg]; c.d == f.globals && c.ix < len(c.d.entries) {
				if e := &c.d.entries[c.ix]; ifaceData(e.k.o) == c.key {
					slots[sp] = e.value
					sp++
					break
				}
			}
			name := names[arg]
			v, ok := f.globals.getStrCached(&co.nameCache[2*arg], name)
			if !ok {
				if v, ok = f.builtins.getStrCached(&co.nameCache[2*arg+1], name); !ok {
					err = nameError(f, name)
					goto onError
				}
			}
			slots[sp] = v
			sp++
		case compile.STORE_GLOBAL:
			sp--
			f.globals.SetStr(names[arg], slots[sp])
		case compile.DELETE_GLOBAL:
			if !f.globals.DelStr(names[arg]) {
				err = NewError(NameErrorType, "name '%s' is not defined", names[arg])
				goto onError
			}
		case compile.LOAD_NAME:
			name := names[arg]
			v, ok := f.ns.GetStr(name)
			if !ok {
				if v, ok = f.globals.GetStr(name); !ok {
					if v, ok = f.builtins.GetStr(name); !ok {
						err = nameError(f, name)
						goto onError
					}
				}
			}
			slots[sp] = v
			sp++
		case compile.STORE_NAME:
			sp--
			if f.ns.ext != nil {
				// A class namespace from __prepare__ that is a dict
				// subclass: its __setitem__ sees each assignment (enum).
				f.pc, f.sp = pc, sp
				if e := SetItem(th, Value{o: f.ns}, NewStr(names[arg]), slots[sp]); e != nil {
					err = e
					goto onError
				}
				break
			}
			f.ns.SetStr(names[arg], slots[sp])
		case compile.DELETE_NAME:
			v, _ := f.ns.GetStr(names[arg])
			if !f.ns.DelStr(names[arg]) {
				err = NewError(NameErrorType, "name '%s' is not defined", names[arg])
				goto onError
			}
			if len(co.Code.OwnedLocals) != 0 && f.ns == f.globals {
				f.pc, f.sp = pc, sp
				th.deletedOwned(f, v, compile.STORE_NAME, arg)
			}

		case compile.LOAD_ATTR:
			f.pc, f.sp = pc, sp
			v, e := GetAttr(th, slots[sp-1], names[arg])
			if e != nil {
				err = e
				goto onError
			}
			slots[sp-1] = v
		case compile.STORE_ATTR:
			f.pc, f.sp = pc, sp
			if e := SetAttr(th, slots[sp-1], names[arg], slots[sp-2]); e != nil {
				err = e
				goto onError
			}
			sp -= 2
		case compile.DELETE_ATTR:
			f.pc, f.sp = pc, sp
			if e := SetAttr(th, slots[sp-1], names[arg], NULL); e != nil {
				err = e
				goto onError
			}
			sp--
		case compile.LOAD_METHOD:
			f.pc, f.sp = pc, sp
			fn, self, e := loadMethod(th, slots[sp-1], names[arg])
			if e != nil {
				err = e
				goto onError
			}
			slots[sp-1] = fn
			slots[sp] = self
			sp++

		case compile.CALL, compile.CALL_METHOD, compile.CALL_KW:
			if th.breaker.Load() != 0 {
				// Serve the eval breaker, then run this call from its
				// start (nothing has been touched yet).
				jumpTo = pc - 1
				goto onBreaker
			}
			var kwnames []string
			if in.Op() == compile.CALL_KW {
				sp--
				kwnames = th.kwNames(slots[sp])
				slots[sp] = NULL
			}
			argStart := sp - arg
			fpos := argStart - 1
			if in.Op() == compile.CALL_METHOD {
				fpos--
				if slots[fpos+1].o != nil {
					argStart--
				}
			}
			callee := slots[fpos]
			if bm, ok := callee.o.(*BoundMethod); ok {
				// The slot below the arguments (the callable's or the NULL)
				// is free: self goes there, no copy of the arguments.
				callee = bm.Func
				argStart--
				slots[argStart] = bm.Self
			}
			if fn, ok := callee.o.(*Function); ok {
				// A Python function's frame is pushed and run in this loop;
				// so is an async function's when its coroutine is awaited
				// at once (await f(...), see await_call.go): the caller
				// then resumes after the YIELD_FROM.
				var nf *Frame
				var e error
				resume := pc
				if fn.Code.kind == kindPlain {
					nf, e = th.pushCall(fn, slots[argStart:sp], kwnames)
				} else if fn.Code.kind == kindCoroutine && awaitsCallResult(code, consts, pc) {
					nf, e = th.startAwaitedCoroutine(fn, slots[argStart:sp], kwnames)
					resume = pc + 3
				}
				if e != nil {
					f.pc, f.sp = pc, sp
					err = e
					goto onError
				}
				if nf != nil {
					clearValues(slots[fpos:sp])
					f.pc, f.sp = resume, fpos
					nf.back = f
					th.frame = nf
					goto reload
				}
			}
			f.pc, f.sp = pc, sp
			r, e := th.Call(callee, slots[argStart:sp], kwnames)
			if e == nil && sp > argStart && madeByCall(code, pc-1) {
				th.checkDroppedArg(callee, slots[sp-1], f, pc-1) // print(main())
			}
			if th.lastGenFrame == f && th.lastGenPC == pc-1 && sp > argStart {
				th.consumedArg(f, callee, slots[sp-1], r, pc-1) // next(gen())
			}
			clear(slots[fpos:sp])
			sp = fpos
			if e != nil {
				err = e
				goto onError
			}
			slots[sp] = r
			sp++
		case compile.CALL_EX:
			f.pc, f.sp = pc, sp
			var kw Value
			if arg&1 != 0 {
				sp--
				kw = slots[sp]
			}
			sp--
			posargs := slots[sp]
			sp--
			callee := slots[sp]
			r, e := th.callEx(callee, posargs, kw)
			clear(slots[sp : sp+3])
			if e != nil {
				err = e
				goto onError
			}
			slots[sp] = r
			sp++

		case compile.BINARY_OP:
			a, b := slots[sp-2], slots[sp-1]
			if fastIsInt(&a) && fastIsInt(&b) {
				x, y := int64(a.n), int64(b.n)
				switch op := compile.BinaryOp(arg); op {
				case compile.BinAdd, compile.InplaceOffset + compile.BinAdd:
					if r := x + y; (r^x)&(r^y) >= 0 {
						sp--
						slots[sp-1] = Value{o: intKind, n: uint64(r)}
						continue
					}
				case compile.BinSub, compile.InplaceOffset + compile.BinSub:
					if r := x - y; (x^y)&(x^r) >= 0 {
						sp--
						slots[sp-1] = Value{o: intKind, n: uint64(r)}
						continue
					}
				case compile.BinMul, compile.InplaceOffset + compile.BinMul:
					if x > -1<<31 && x < 1<<31 && y > -1<<31 && y < 1<<31 {
						sp--
						slots[sp-1] = Value{o: intKind, n: uint64(x * y)}
						continue
					}
				case compile.BinFloorDiv, compile.InplaceOffset + compile.BinFloorDiv:
					if y > 0 || (y < 0 && x != -1<<63) {
						q := x / y
						if (x%y != 0) && ((x < 0) != (y < 0)) {
							q--
						}
						sp--
						slots[sp-1] = Value{o: intKind, n: uint64(q)}
						continue
					}
				case compile.BinMod, compile.InplaceOffset + compile.BinMod:
					if y > 0 || (y < 0 && x != -1<<63) {
						m := x % y
						if m != 0 && ((m < 0) != (y < 0)) {
							m += y
						}
						sp--
						slots[sp-1] = Value{o: intKind, n: uint64(m)}
						continue
					}
				}
			} else if fastIsFloat(&a) && fastIsFloat(&b) {
				x, y := a.AsFloat(), b.AsFloat()
				switch op := compile.BinaryOp(arg); op {
				case compile.BinAdd, compile.InplaceOffset + compile.BinAdd:
					sp--
					slots[sp-1] = Float(x + y)
					continue
				case compile.BinSub, compile.InplaceOffset + compile.BinSub:
					sp--
					slots[sp-1] = Float(x - y)
					continue
				case compile.BinMul, compile.InplaceOffset + compile.BinMul:
					sp--
					slots[sp-1] = Float(x * y)
					continue
				}
			}
			f.pc, f.sp = pc, sp
			r, e := BinaryOp(th, compile.BinaryOp(arg), a, b)
			if e != nil {
				err = e
				goto onError
			}
			sp--
			slots[sp] = NULL
			slots[sp-1] = r
		case compile.UNARY_NEGATIVE, compile.UNARY_POSITIVE, compile.UNARY_INVERT:
			v := slots[sp-1]
			op := ast.USub
			switch in.Op() {
			case compile.UNARY_POSITIVE:
				op = ast.UAdd
			case compile.UNARY_INVERT:
				op = ast.Invert
			}
			if op == ast.USub && fastIsInt(&v) && int64(v.n) != -1<<63 {
				slots[sp-1] = Int(-int64(v.n))
				break
			}
			f.pc, f.sp = pc, sp
			r, e := UnaryOp(th, op, v)
			if e != nil {
				err = e
				goto onError
			}
			slots[sp-1] = r
		case compile.UNARY_NOT:
			v := slots[sp-1]
			if fastIsBool(&v) {
				slots[sp-1] = Bool(v.n == 0)
				break
			}
			f.pc, f.sp = pc, sp
			t, e := Truth(th, v)
			if e != nil {
				err = e
				goto onError
			}
			slots[sp-1] = Bool(!t)
		case compile.COMPARE_OP:
			a, b := slots[sp-2], slots[sp-1]
			if fastIsInt(&a) && fastIsInt(&b) {
				r := compareOrdered(compile.CompareOp(arg), int64(a.n), int64(b.n))
				// COMPARE_OP + POP_JUMP_IF_FALSE/TRUE (an if or while
				// test): jump at once instead of pushing the bool.
				// (Both operands are ints: their slots need no clearing.)
				if next := code[pc]; next.Op() == compile.POP_JUMP_IF_FALSE || next.Op() == compile.POP_JUMP_IF_TRUE {
					sp -= 2
					pc++
					if r == (next.Op() == compile.POP_JUMP_IF_TRUE) {
						if t := next.Arg(); t < pc && th.breaker.Load() != 0 {
							jumpTo = t
							goto onBreaker
						}
						pc = next.Arg()
					}
					break
				}
				sp--
				slots[sp-1] = Bool(r)
				break
			}
			if fastIsFloat(&a) && fastIsFloat(&b) {
				sp--
				slots[sp-1] = Bool(compareOrdered(compile.CompareOp(arg), a.AsFloat(), b.AsFloat()))
				break
			}
			f.pc, f.sp = pc, sp
			r, e := CompareOp(th, compile.CompareOp(arg), a, b)
			if e != nil {
				err = e
				goto onError
			}
			sp--
			slots[sp] = NULL
			slots[sp-1] = r
		case compile.IS_OP:
			r := slots[sp-2].Is(slots[sp-1])
			sp--
			slots[sp] = NULL
			slots[sp-1] = Bool(r != (arg != 0))
		case compile.CONTAINS_OP:
			f.pc, f.sp = pc, sp
			r, e := Contains(th, slots[sp-1], slots[sp-2])
			if th.lastGenFrame == f && th.lastGenPC == pc-1 {
				th.dropTemp(f, slots[sp-1], pc-1) // x in gen()
			}
			if e != nil {
				err = e
				goto onError
			}
			sp--
			slots[sp] = NULL
			slots[sp-1] = Bool(r != (arg != 0))
		case compile.BINARY_SUBSCR:
			f.pc, f.sp = pc, sp
			r, e := GetItem(th, slots[sp-2], slots[sp-1])
			if e != nil {
				err = e
				goto onError
			}
			sp--
			slots[sp] = NULL
			slots[sp-1] = r
		case compile.STORE_SUBSCR:
			f.pc, f.sp = pc, sp
			if e := SetItem(th, slots[sp-2], slots[sp-1], slots[sp-3]); e != nil {
				err = e
				goto onError
			}
			sp -= 3
			clear(slots[sp : sp+3])
		case compile.DELETE_SUBSCR:
			f.pc, f.sp = pc, sp
			if e := SetItem(th, slots[sp-2], slots[sp-1], NULL); e != nil {
				err = e
				goto onError
			}
			sp -= 2
			clear(slots[sp : sp+2])
		case compile.BUILD_SLICE:
			step := None
			if arg == 3 {
				sp--
				step = slots[sp]
			}
			sp--
			slots[sp-1] = NewSlice(slots[sp-1], slots[sp], step)

		case compile.JUMP:
			if arg < pc && th.breaker.Load() != 0 {
				jumpTo = arg
				goto onBreaker
			}
			pc = arg
		case compile.POP_JUMP_IF_FALSE, compile.POP_JUMP_IF_TRUE:
			sp--
			v := slots[sp]
			var t bool
			if fastIsBool(&v) {
				t = v.n != 0
			} else {
				f.pc, f.sp = pc, sp
				var e error
				if t, e = Truth(th, v); e != nil {
					err = e
					goto onError
				}
			}
			if t == (in.Op() == compile.POP_JUMP_IF_TRUE) {
				if arg < pc && th.breaker.Load() != 0 {
					jumpTo = arg
					goto onBreaker
				}
				pc = arg
			}
		case compile.JUMP_IF_FALSE_OR_POP, compile.JUMP_IF_TRUE_OR_POP:
			v := slots[sp-1]
			var t bool
			if fastIsBool(&v) {
				t = v.n != 0
			} else {
				f.pc, f.sp = pc, sp
				var e error
				if t, e = Truth(th, v); e != nil {
					err = e
					goto onError
				}
			}
			if t == (in.Op() == compile.JUMP_IF_TRUE_OR_POP) {
				pc = arg
			} else {
				sp--
			}
		case compile.POP_JUMP_IF_NONE:
			sp--
			if slots[sp].o == noneObject {
				pc = arg
			}
		case compile.POP_JUMP_IF_NOT_NONE:
			sp--
			if slots[sp].o != noneObject {
				pc = arg
			}
		case compile.GET_ITER:
			f.pc, f.sp = pc, sp
			it, e := Iter(th, slots[sp-1])
			if e != nil {
				err = e
				goto onError
			}
			if g, ok := it.o.(*Generator); ok && &g.genState == th.lastGen {
				th.ownIter(f, &g.genState, pc-1)
			} else if th.lastGenFrame == f {
				th.ownWrapped(f, it, pc-1)
			}
			slots[sp-1] = it
		case compile.FOR_ITER:
			it := slots[sp-1]
			f.pc, f.sp = pc, sp
			var v Value
			var e error
			if t := it.Type(); t.Next != nil {
				v, e = t.Next(th, it)
			} else {
				v, e = Next(th, it)
			}
			if e != nil {
				if ex, ok := e.(*Exception); !ok || !ex.typ.IsSubtype(StopIterationType) {
					err = e
					goto onError
				}
			}
			if v.o == nil {
				sp--
				slots[sp] = NULL
				pc = arg
				break
			}
			slots[sp] = v
			sp++

		case compile.RETURN_VALUE:
			sp--
			v := slots[sp]
			if f.gen != nil {
				f.gen.finish(th)
			}
			if th.lastGenFrame == f {
				th.passGen(f, v, pc-1)
			}
			if len(co.Code.OwnedLocals) != 0 {
				f.pc, f.sp = pc, sp
				th.closeOwnedLocals(f)
			}
			th.depth--
			back := f.back
			if f.base {
				f.base = false
				th.frame = back
				th.releaseFrame(f)
				return v, false, nil
			}
			th.releaseFrame(f)
			th.frame = back
			back.slots[back.sp] = v
			back.sp++
			goto reload

		case compile.BUILD_TUPLE:
			items := make([]Value, arg)
			copy(items, slots[sp-arg:sp])
			clear(slots[sp-arg : sp])
			sp -= arg
			slots[sp] = NewTuple(items)
			sp++
		case compile.BUILD_LIST:
			items := make([]Value, arg)
			copy(items, slots[sp-arg:sp])
			clear(slots[sp-arg : sp])
			sp -= arg
			slots[sp] = NewList(items)
			sp++
		case compile.LIST_APPEND:
			sp--
			l := slots[sp-arg].o.(*List)
			l.Items = appendValue(l.Items, slots[sp])
			slots[sp] = NULL
		case compile.PRINT_EXPR, compile.SETUP_ANNOTATIONS, compile.BUILD_SET, compile.BUILD_MAP,
			compile.BUILD_STRING, compile.SET_ADD, compile.MAP_ADD, compile.LIST_EXTEND,
			compile.SET_UPDATE, compile.DICT_UPDATE, compile.DICT_MERGE, compile.LIST_TO_TUPLE,
			compile.FORMAT_VALUE, compile.UNPACK_SEQUENCE, compile.UNPACK_EX, compile.MAKE_FUNCTION,
			compile.LOAD_BUILD_CLASS, compile.IMPORT_NAME, compile.IMPORT_FROM, compile.IMPORT_STAR,
			compile.CHECK_EXC_MATCH, compile.CHECK_EG_MATCH, compile.PUSH_EXC_INFO, compile.POP_EXCEPT,
			compile.BEFORE_WITH, compile.BEFORE_ASYNC_WITH, compile.WITH_EXCEPT_START,
			compile.LOAD_ASSERTION_ERROR, compile.GET_YIELD_FROM_ITER, compile.GET_AWAITABLE,
			compile.GET_AITER, compile.GET_ANEXT, compile.ASYNC_GEN_WRAP, compile.END_ASYNC_FOR,
			compile.PREP_RERAISE_STAR:
			// Less frequent instructions live in execOther (eval_other.go).
			f.pc, f.sp = pc, sp
			if e := th.execOther(f, in.Op(), arg); e != nil {
				pc, sp = f.pc, f.sp
				err = e
				if r, ok := e.(reraise); ok {
					err, kind = r.e, errReraise
				}
				goto onError
			}
			pc, sp = f.pc, f.sp

		case compile.RAISE_VARARGS:
			f.pc, f.sp = pc, sp
			switch arg {
			case 0:
				if th.handled == nil {
					err = NewError(RuntimeErrorType, "No active exception to reraise")
					goto onError
				}
				err = th.handled
				kind = errReraise
				goto onError
			case 1:
				sp--
				err = makeRaise(th, slots[sp], NULL, false)
			case 2:
				sp -= 2
				err = makeRaise(th, slots[sp], slots[sp+1], true)
			}
			goto onError
		case compile.RERAISE:
			sp--
			err = slots[sp].o.(*Exception)
			if arg != 0 {
				pc = int(slots[sp-1].AsInt()) + 1
			}
			kind = errReraise
			goto onError

		case compile.YIELD_VALUE:
			sp--
			v := slots[sp]
			slots[sp] = NULL
			f.pc, f.sp = pc, sp
			return v, true, nil
		case compile.YIELD_FROM:
			f.pc, f.sp = pc, sp
			r, yielded, pushed, e := th.yieldFrom(f)
			if e != nil {
				pc, sp = f.pc, f.sp
				err = e
				goto onError
			}
			if pushed {
				goto reload
			}
			if yielded {
				return r, true, nil
			}
			pc, sp = f.pc, f.sp

		default:
			// The match statement's instructions (eval_match.go) come here,
			// off the dispatch switch.
			f.pc, f.sp = pc, sp
			if e := th.execMatch(f, in.Op(), arg); e != nil {
				err = e
				goto onError
			}
			pc, sp = f.pc, f.sp
		}
		continue

	onBreaker:
		// A backward jump or a call found the eval breaker set (a thread
		// waits for the GIL, or a SIGINT): serve it, then go on at jumpTo
		// (the jump's target, or the call again). An exception shows the
		// jump's or the call's line.
		// It resumes through reload, a merge point the dispatch loop has
		// anyway, so the hot loop's registers stay as they were.
		f.pc, f.sp = pc, sp
		if err = th.handleBreaker(); err != nil {
			goto onError
		}
		f.pc = jumpTo
		goto reload

	onError:
		f.pc, f.sp = pc, sp
		if exc := th.unwind(f, err, kind); exc != nil {
			return NULL, false, exc
		}
		err, kind = nil, errNew
		goto reload
	}
}

// unwind handles an exception raised at f's current instruction: it finds a
// handler in f or, popping frames, in its callers, and makes that frame the
// running one (returning nil); when the exception leaves the base frame it
// returns it.
func (th *Thread) unwind(f *Frame, err error, kind errKind) *Exception {
	exc := asException(err)
	if kind == errNew {
		th.setContext(exc)
	}
	if kind != errReraise {
		exc.addTraceback(f.co, f.pc-1)
	}
	for {
		co := f.co
		if h := findHandler(co.Code.Handlers, f.pc-1); h != nil {
			base := co.nlocals + co.ncells
			sp := base + int(h.Depth)
			if sp < f.sp {
				th.dropOwnedIn(f, f.slots[sp:f.sp], exc, f.pc-1)
				clear(f.slots[sp:f.sp])
			}
			if h.Lasti {
				f.slots[sp] = Int(int64(f.pc - 1))
				sp++
			}
			f.slots[sp] = Value{o: exc}
			f.sp = sp + 1
			f.pc = int(h.Target)
			th.frame = f
			return nil
		}
		th.dropOwnedIn(f, f.slots[co.nlocals+co.ncells:f.sp], exc, f.pc-1)
		if f.gen != nil {
			exc = f.gen.fail(th, exc)
		}
		th.depth--
		back := f.back
		if f.base {
			f.base = false
			th.frame = back
			th.releaseFrame(f)
			return exc
		}
		th.releaseFrame(f)
		f = back
		th.frame = f
		exc.addTraceback(f.co, f.pc-1)
	}
}

// findHandler returns the first exception-table entry covering pc.
func findHandler(hs []compile.Handler, pc int) *compile.Handler {
	for i := range hs {
		h := &hs[i]
		if int(h.Start) <= pc && pc < int(h.End) {
			return h
		}
	}
	return nil
}

// cellName is the name of cell slot i (own cells, then free variables).
func cellName(co *CodeObject, i int) string {
	c := co.Code
	if i < len(c.CellNames) {
		return c.CellNames[i]
	}
	return c.FreeVars[i-len(c.CellNames)]
}

// unboundCell is the error for reading an empty cell.
func unboundCell(co *CodeObject, i int) error {
	if i < len(co.Code.CellNames) {
		return NewError(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", cellName(co, i))
	}
	return NewError(NameErrorType, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", cellName(co, i))
}

// addTraceback prepends the entry for co at pc (the exception propagates
// outwards, and the outermost entry prints first).
func (e *Exception) addTraceback(co *CodeObject, pc int) {
	c := co.Code
	te := TraceEntry{File: c.Filename, Name: c.Name}
	if pc >= 0 && pc < len(c.Positions) {
		p := c.Positions[pc]
		te.Line, te.Col, te.EndLine, te.EndCol = int(p.Line), int(p.Col), int(p.EndLine), int(p.EndCol)
	} else if pc < 0 {
		// Thrown into a frame that never ran (a task cancelled before its
		// first step): CPython shows the def line, where RESUME stands.
		te.Line = c.FirstLine
	}
	if e.tbShared {
		// Another holder (a split exception group, a __traceback__ object)
		// sees this traceback and except* compares tracebacks by
		// identity: grow a copy, never the shared array.
		tb := make([]TraceEntry, len(e.Traceback)+1, 2*len(e.Traceback)+1)
		tb[0] = te
		copy(tb[1:], e.Traceback)
		e.Traceback, e.tbShared = tb, false
		return
	}
	e.Traceback = append(e.Traceback, TraceEntry{})
	copy(e.Traceback[1:], e.Traceback)
	e.Traceback[0] = te
}

// setContext sets exc.__context__ to the exception being handled (breaking
// cycles as CPython does).
func (th *Thread) setContext(exc *Exception) {
	h := th.handled
	if h == nil || h == exc {
		return
	}
	// Avoid a cycle: if exc is already in h's context chain, cut it there.
	for o := h; o != nil; o = o.Context {
		if o.Context == exc {
			o.Context = nil
			break
		}
	}
	exc.Context = h
}

// takeInterrupt clears the interrupt flag and returns KeyboardInterrupt,
// or, when signals with Python handlers were recorded (signals.go), runs
// their handlers and returns what they raised (nil: go on).
func (th *Thread) takeInterrupt() error {
	th.breaker.And(^uint32(breakInterrupt))
	if ok, err := th.RunPendingSignals(); ok {
		return err
	}
	return NewException(KeyboardInterruptType)
}

// compareOrdered is COMPARE_OP's fast path for two ints or two floats.
func compareOrdered[T int64 | float64](op compile.CompareOp, x, y T) bool {
	switch op {
	case compile.CmpLt:
		return x < y
	case compile.CmpLe:
		return x <= y
	case compile.CmpEq:
		return x == y
	case compile.CmpNe:
		return x != y
	case compile.CmpGt:
		return x > y
	}
	return x >= y
}

// unboundLocal is the error of reading local i while it is unset.
func unboundLocal(co *CodeObject, i int) error {
	return NewError(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", co.Code.LocalNames[i])
}
