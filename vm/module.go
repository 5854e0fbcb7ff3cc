package vm

import (
	"fmt"
	"sort"
	"sync"
)

// Module is a module object: its namespace is Dict (the globals of its code).
type Module struct {
	Name string
	Dict *Dict
	// File is the source path ("" for built-in modules).
	File string
	// initializing is set while the module's body runs (import cycles).
	initializing bool
}

func (*Module) Type() *Type { return ModuleType }

// ModuleType is the type of modules.
var ModuleType = &Type{Name: "module", QualName: "module", Module: "builtins", Flags: TypeBaseType}

// NewModule returns an empty module named name.
func NewModule(name string) *Module {
	m := &Module{Name: name, Dict: NewDict()}
	m.Dict.SetStr("__name__", NewStr(name))
	m.Dict.SetStr("__doc__", None)
	m.Dict.SetStr("__package__", None)
	m.Dict.SetStr("__loader__", None)
	m.Dict.SetStr("__spec__", None)
	return m
}

var (
	registryMu sync.Mutex
	registry   = map[string]func(th *Thread, m *Module) error{}
)

// RegisterModule makes a built-in module (written in Go) importable by name;
// init fills the module's namespace the first time it is imported. Modules
// register from their package's init.
func RegisterModule(name string, init func(th *Thread, m *Module) error) {
	registryMu.Lock()
	defer registryMu.Unlock()
	registry[name] = init
}

// RegisteredModules lists the names of the built-in modules (sorted).
func RegisteredModules() []string {
	registryMu.Lock()
	defer registryMu.Unlock()
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func lookupRegistered(name string) func(th *Thread, m *Module) error {
	registryMu.Lock()
	defer registryMu.Unlock()
	return registry[name]
}

func moduleRepr(th *Thread, v Value) (string, error) {
	m := v.o.(*Module)
	if m.File == "" {
		return fmt.Sprintf("<module '%s' (built-in)>", m.Name), nil
	}
	return fmt.Sprintf("<module '%s' from '%s'>", m.Name, m.File), nil
}

func moduleGetAttr(th *Thread, v Value, name string) (Value, error) {
	m := v.o.(*Module)
	if r, ok := m.Dict.GetStr(name); ok {
		return r, nil
	}
	switch name {
	case "__dict__":
		return Value{o: m.Dict}, nil
	case "__class__":
		return Value{o: ModuleType}, nil
	}
	if ga, ok := m.Dict.GetStr("__getattr__"); ok {
		return th.Call(ga, []Value{NewStr(name)}, nil)
	}
	if r := ModuleType.Lookup(name); !r.IsNull() {
		return descrGet(th, r, v, ModuleType)
	}
	return NULL, nil
}

func moduleSetAttr(th *Thread, v Value, name string, val Value) error {
	m := v.o.(*Module)
	if val.IsNull() {
		if !m.Dict.DelStr(name) {
			return NewError(AttributeErrorType, "module '%s' has no attribute '%s'", m.Name, name)
		}
		return nil
	}
	m.Dict.SetStr(name, val)
	return nil
}

func init() {
	ModuleType.Bases = []*Type{ObjectType}
	ModuleType.MRO = []*Type{ModuleType, ObjectType}
	ModuleType.Dict = NewDict()
	ModuleType.Repr = moduleRepr
	ModuleType.GetAttr = moduleGetAttr
	ModuleType.SetAttr = moduleSetAttr
	ModuleType.Hash = identityHashSlot
	ModuleType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		var name, doc Value
		if err := ParseArgs("module", args, kwnames, []string{"name", "doc?"}, &name, &doc); err != nil {
			return NULL, err
		}
		s, ok := name.o.(*Str)
		if !ok {
			return NULL, NewError(TypeErrorType, "module.__init__() argument 'name' must be str, not %s", TypeName(name))
		}
		m := NewModule(s.s)
		if !doc.IsNull() {
			m.Dict.SetStr("__doc__", doc)
		}
		return Value{o: m}, nil
	}
}
