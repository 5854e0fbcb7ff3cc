package runtime

import "github.com/pya-lang/pya/vm"

// subclassed is embedded by the primitives user classes may extend (class
// MyLock(asyncio.Lock), class F(asyncio.Future)): an object created
// through such a class records the class and its attribute dict; plain
// objects hold nil.
type subclassed struct{ sub *vm.Sub }

// SubOf implements vm.SubHolder.
func (s *subclassed) SubOf() *vm.Sub { return s.sub }

// SetSub records that the object is an instance of a user subclass (the
// type's New calls it with vm.NewSub's result).
func (s *subclassed) SetSub(sub *vm.Sub) { s.sub = sub }

// typeOr is the object's type: the user subclass, else the native t.
func (s *subclassed) typeOr(t *vm.Type) *vm.Type {
	if s.sub != nil {
		return s.sub.Type
	}
	return t
}
