package vm

// Subclassing types written in Go whose objects are plain Go structs (the
// asyncio primitives: class MyLock(asyncio.Lock), class F(asyncio.Future)).
// Such an object, created through a user class, carries a *Sub: the class
// it is an instance of and its attribute dict. Plain instances carry nil,
// so they pay one pointer and their Type() stays a constant.

// Sub is the user class and attribute dict of a Go object created through
// a user subclass of its native type.
type Sub struct {
	Type *Type
	Dict *Dict
}

// NewSub returns the Sub for an object of the native type base created as
// an instance of t: nil when t is base itself (no subclass involved).
func NewSub(t, base *Type) *Sub {
	if t == nil || t == base || t.Flags&TypeHeap == 0 {
		return nil
	}
	return &Sub{Type: t, Dict: NewDict()}
}

// SubHolder is implemented by Go objects of subclassable native types
// (MakeSubclassable): SubOf returns their Sub, nil for plain instances.
type SubHolder interface {
	SubOf() *Sub
}

// subDict returns the attribute dict of a Go object that is an instance of
// a user subclass (its type is a heap type), or nil.
func subDict(o Object) *Dict {
	if o == nil || o.Type().Flags&TypeHeap == 0 {
		return nil
	}
	if h, ok := o.(SubHolder); ok {
		if s := h.SubOf(); s != nil {
			return s.Dict
		}
	}
	return nil
}

// MakeSubclassable lets user classes extend the native type t, whose New
// must build the object with a Sub when called with a user subclass (see
// NewSub) and whose objects implement SubHolder. init, when not nil,
// becomes t.__init__, so that a subclass's own __init__ can call
// super().__init__(...): New then builds a default object (InitOverridden
// says when) and init applies the arguments. t.Init stays unset, so that
// plain construction parses its arguments once, in New.
func MakeSubclassable(t *Type, init func(th *Thread, self Value, args []Value, kwnames []string) error) {
	t.Flags |= TypeBaseType
	if init == nil {
		return
	}
	t.AddMethods(map[string]NativeFunc{"__init__": func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) == 0 || !args[0].Type().IsSubtype(t) {
			return NULL, NewError(TypeErrorType, "descriptor '__init__' of '%s' object needs an argument", t.Name)
		}
		return None, init(th, args[0], args[1:], kwnames)
	}})
}

// InitOverridden reports whether the class t (an instance's type) has an
// __init__ of its own rather than the native base's: base's New then
// ignores the constructor arguments, which the user's __init__ receives.
func InitOverridden(t, base *Type) bool { return initOverridden(t, base) }
