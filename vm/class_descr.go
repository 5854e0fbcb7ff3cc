package vm

// The descriptor types of classes: property, staticmethod, classmethod and
// super.

// Property is a property object (a data descriptor).
type Property struct {
	Get, Set, Del, Doc Value
	name               string
}

// StaticMethod wraps a function so that it is not bound on lookup.
type StaticMethod struct{ Func Value }

// ClassMethod wraps a function so that it is bound to the class.
type ClassMethod struct{ Func Value }

// Super is the proxy super(type, obj) returns.
type Super struct {
	This    *Type // the class whose MRO successor is searched
	Obj     Value // the instance or class (NULL for unbound super)
	ObjType *Type // type(obj), or obj itself when obj is a class
}

func (*Property) Type() *Type     { return PropertyType }
func (*StaticMethod) Type() *Type { return StaticMethodType }
func (*ClassMethod) Type() *Type  { return ClassMethodType }
func (*Super) Type() *Type        { return SuperType }

// The descriptor types.
var (
	PropertyType     = &Type{Name: "property", QualName: "property", Module: "builtins", Flags: TypeBaseType}
	StaticMethodType = &Type{Name: "staticmethod", QualName: "staticmethod", Module: "builtins", Flags: TypeBaseType}
	ClassMethodType  = &Type{Name: "classmethod", QualName: "classmethod", Module: "builtins", Flags: TypeBaseType}
	SuperType        = &Type{Name: "super", QualName: "super", Module: "builtins", Flags: TypeBaseType}
)

func (p *Property) get(th *Thread, obj Value) (Value, error) {
	if obj.IsNull() {
		return Value{o: p}, nil
	}
	if p.Get.IsNull() || p.Get.IsNone() {
		return NULL, NewError(AttributeErrorType, "property %s of '%s' object has no getter", p.quotedName(), TypeName(obj))
	}
	return th.Call(p.Get, []Value{obj}, nil)
}

func (p *Property) quotedName() string {
	if p.name == "" {
		if f, ok := p.Get.o.(*Function); ok {
			return "'" + f.Name + "'"
		}
		return "''"
	}
	return "'" + p.name + "'"
}

func (p *Property) set(th *Thread, obj, val Value, name string) error {
	if p.name == "" {
		p.name = name
	}
	fn, what := p.Set, "setter"
	args := []Value{obj, val}
	if val.IsNull() {
		fn, what = p.Del, "deleter"
		args = args[:1]
	}
	if fn.IsNull() || fn.IsNone() {
		return NewError(AttributeErrorType, "property %s of '%s' object has no %s", p.quotedName(), TypeName(obj), what)
	}
	_, err := th.Call(fn, args, nil)
	return err
}

// propertyNew is property(fget=None, fset=None, fdel=None, doc=None).
func propertyNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	p := &Property{Get: None, Set: None, Del: None, Doc: None}
	if err := ParseArgs("property", args, kwnames, []string{"fget?", "fset?", "fdel?", "doc?"}, &p.Get, &p.Set, &p.Del, &p.Doc); err != nil {
		return NULL, err
	}
	if p.Doc.IsNone() {
		if f, ok := p.Get.o.(*Function); ok {
			p.Doc = f.Doc
		}
	}
	return Value{o: p}, nil
}

// propertyCopy implements getter/setter/deleter: a new property with one accessor replaced.
func propertyCopy(which int) NativeFunc {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) != 2 {
			return NULL, NewError(TypeErrorType, "property accessor takes exactly one argument")
		}
		p := *args[0].o.(*Property)
		switch which {
		case 0:
			p.Get = args[1]
		case 1:
			p.Set = args[1]
		case 2:
			p.Del = args[1]
		}
		return Value{o: &p}, nil
	}
}

// superNew is super() / super(type) / super(type, obj). The zero-argument
// form reads the __class__ cell and the first argument of the calling frame.
func superNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return NULL, NewError(TypeErrorType, "super() takes no keyword arguments")
	}
	var this *Type
	var obj Value
	switch len(args) {
	case 0:
		f := th.frame
		if f == nil || f.co.Code.ArgCount == 0 && f.co.Code.Flags&0x1 == 0 {
			return NULL, NewError(RuntimeErrorType, "super(): no arguments")
		}
		obj = f.slots[0]
		c := f.co.Code
		if obj.IsNull() {
			// The first argument may have moved into a cell.
			for i, a := range c.CellArgs {
				if a == 0 {
					obj = f.slots[f.co.nlocals+i].o.(*Cell).V
				}
			}
		}
		if obj.IsNull() {
			return NULL, NewError(RuntimeErrorType, "super(): arg[0] deleted")
		}
		for i, n := range c.FreeVars {
			if n == "__class__" {
				cell := f.slots[f.co.nlocals+len(c.CellNames)+i].o.(*Cell)
				if cell.V.IsNull() {
					return NULL, NewError(RuntimeErrorType, "super(): empty __class__ cell")
				}
				ct, ok := cell.V.o.(*Type)
				if !ok {
					return NULL, NewError(RuntimeErrorType, "super(): __class__ is not a type (%s)", TypeName(cell.V))
				}
				this = ct
			}
		}
		if this == nil {
			return NULL, NewError(RuntimeErrorType, "super(): __class__ cell not found")
		}
	case 1, 2:
		ct, ok := args[0].o.(*Type)
		if !ok {
			return NULL, NewError(TypeErrorType, "super() argument 1 must be a type, not %s", TypeName(args[0]))
		}
		this = ct
		if len(args) == 2 {
			obj = args[1]
		}
	default:
		return NULL, NewError(TypeErrorType, "super() takes at most 2 arguments (%d given)", len(args))
	}
	s := &Super{This: this, Obj: obj}
	if !obj.IsNull() {
		if ot, ok := obj.o.(*Type); ok && ot.IsSubtype(this) {
			s.ObjType = ot
		} else if obj.Type().IsSubtype(this) {
			s.ObjType = obj.Type()
		} else {
			return NULL, NewError(TypeErrorType, "super(type, obj): obj must be an instance or subtype of type")
		}
	}
	return Value{o: s}, nil
}

// superGetAttr looks name up in the MRO of the object's type after This.
func superGetAttr(th *Thread, v Value, name string) (Value, error) {
	s := v.o.(*Super)
	if s.ObjType != nil && name != "__class__" {
		mro := s.ObjType.MRO
		i := 0
		for i < len(mro) && mro[i] != s.This {
			i++
		}
		for _, m := range mro[min(i+1, len(mro)):] {
			if m.Dict == nil {
				continue
			}
			d, ok := m.Dict.GetStr(name)
			if !ok {
				continue
			}
			obj := s.Obj
			if obj.o == s.ObjType {
				obj = NULL // super(C, C).m: bind as on the class
			}
			switch o := d.o.(type) {
			case *ClassMethod:
				return ClassMethodType.DescrGet(th, d, Value{o: s.ObjType}, s.ObjType)
			case *StaticMethod:
				return o.Func, nil
			}
			return descrGet(th, d, obj, s.ObjType)
		}
	}
	return genericGetAttr(th, v, name)
}

func superRepr(th *Thread, v Value) (string, error) {
	s := v.o.(*Super)
	if s.ObjType != nil {
		return "<super: <class '" + s.This.Name + "'>, <" + s.ObjType.Name + " object>>", nil
	}
	return "<super: <class '" + s.This.Name + "'>, NULL>", nil
}

func init() {
	for _, t := range []*Type{PropertyType, StaticMethodType, ClassMethodType, SuperType} {
		t.Bases = []*Type{ObjectType}
		t.MRO = []*Type{t, ObjectType}
		if t.Dict == nil {
			t.Dict = NewDict()
		}
	}
	PropertyType.New = propertyNew
	PropertyType.DescrGet = func(th *Thread, v, obj Value, owner *Type) (Value, error) {
		return v.o.(*Property).get(th, obj)
	}
	PropertyType.DescrSet = func(th *Thread, v, obj, val Value) error {
		return v.o.(*Property).set(th, obj, val, "")
	}
	PropertyType.GetAttr = func(th *Thread, v Value, name string) (Value, error) {
		p := v.o.(*Property)
		switch name {
		case "fget":
			return p.Get, nil
		case "fset":
			return p.Set, nil
		case "fdel":
			return p.Del, nil
		case "__doc__":
			return p.Doc, nil
		case "__isabstractmethod__":
			return anyAbstract(th, p.Get, p.Set, p.Del)
		}
		return genericGetAttr(th, v, name)
	}
	PropertyType.AddMethods(map[string]NativeFunc{
		"getter": propertyCopy(0), "setter": propertyCopy(1), "deleter": propertyCopy(2),
		"__set_name__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if s, ok := args[2].o.(*Str); ok && len(args) == 3 {
				args[0].o.(*Property).name = s.s
			}
			return None, nil
		},
	})

	StaticMethodType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		if len(args) != 1 || len(kwnames) > 0 {
			return NULL, NewError(TypeErrorType, "staticmethod expected 1 argument, got %d", len(args))
		}
		return Value{o: &StaticMethod{Func: args[0]}}, nil
	}
	StaticMethodType.DescrGet = func(th *Thread, v, obj Value, owner *Type) (Value, error) {
		return v.o.(*StaticMethod).Func, nil
	}
	StaticMethodType.Call = func(th *Thread, v Value, args []Value, kwnames []string) (Value, error) {
		return th.Call(v.o.(*StaticMethod).Func, args, kwnames)
	}
	ClassMethodType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		if len(args) != 1 || len(kwnames) > 0 {
			return NULL, NewError(TypeErrorType, "classmethod expected 1 argument, got %d", len(args))
		}
		return Value{o: &ClassMethod{Func: args[0]}}, nil
	}
	ClassMethodType.DescrGet = func(th *Thread, v, obj Value, owner *Type) (Value, error) {
		if owner == nil {
			owner = obj.Type()
		}
		fn := v.o.(*ClassMethod).Func
		// As 3.11: a wrapped descriptor (classmethod(property(...))) is bound to the class.
		if _, plain := fn.o.(*Function); !plain {
			if ft := fn.Type(); ft.DescrGet != nil {
				return ft.DescrGet(th, fn, Value{o: owner}, owner)
			}
		}
		return NewBoundMethod(fn, Value{o: owner}), nil
	}
	for _, t := range []*Type{StaticMethodType, ClassMethodType} {
		t.GetAttr = func(th *Thread, v Value, name string) (Value, error) {
			var fn Value
			switch o := v.o.(type) {
			case *StaticMethod:
				fn = o.Func
			case *ClassMethod:
				fn = o.Func
			}
			switch name {
			case "__func__", "__wrapped__":
				return fn, nil
			case "__isabstractmethod__":
				return anyAbstract(th, fn)
			case "__name__", "__qualname__", "__doc__", "__module__":
				return LookupAttr(th, fn, name)
			}
			return genericGetAttr(th, v, name)
		}
	}
	SuperType.New = superNew
	SuperType.GetAttr = superGetAttr
	SuperType.Repr = superRepr
}

// anyAbstract is __isabstractmethod__ of a descriptor wrapping fns: true
// when one of them is marked abstract (abc.abstractmethod).
func anyAbstract(th *Thread, fns ...Value) (Value, error) {
	for _, f := range fns {
		if f.IsNull() || f.IsNone() {
			continue
		}
		a, err := LookupAttr(th, f, "__isabstractmethod__")
		if err != nil {
			return NULL, err
		}
		if a.IsNull() {
			continue
		}
		b, err := Truth(th, a)
		if err != nil || b {
			return Bool(b), err
		}
	}
	return False, nil
}
