package vm

import (
	"github.com/pya-lang/pya/vm/compile"
	"os"
	"path/filepath"
	"strings"
)

// Imports: built-in modules registered with RegisterModule, then `.pya`
// source modules and packages (name.pya, name/__init__.pya) found beside the
// main script and then in Config.Path. Every module is executed once and
// cached in the interpreter's sys.modules dict.

// importName implements IMPORT_NAME (and __import__).
func (th *Thread) importName(f *Frame, name string, fromlist Value, level int) (Value, error) {
	globals := f.globals
	return th.Import(name, globals, fromlist, level)
}

// Import is __import__(name, globals, None, fromlist, level).
func (th *Thread) Import(name string, globals *Dict, fromlist Value, level int) (Value, error) {
	in := th.Interp
	if in == nil {
		return NULL, NewError(ImportErrorType, "import outside an interpreter")
	}
	full := name
	if level > 0 {
		pkg, err := packageOf(globals)
		if err != nil {
			return NULL, err
		}
		parts := strings.Split(pkg, ".")
		if pkg == "" || level-1 >= len(parts) {
			if pkg == "" {
				return NULL, NewError(ImportErrorType, "attempted relative import with no known parent package")
			}
			return NULL, NewError(ImportErrorType, "attempted relative import beyond top-level package")
		}
		base := strings.Join(parts[:len(parts)-(level-1)], ".")
		if name == "" {
			full = base
		} else {
			full = base + "." + name
		}
	} else if name == "" {
		return NULL, NewError(ValueErrorType, "Empty module name")
	}
	// Import every prefix: a, a.b, a.b.c.
	var top, mod Value
	parts := strings.Split(full, ".")
	for i := range parts {
		prefix := strings.Join(parts[:i+1], ".")
		m, err := th.importOne(prefix)
		if err != nil {
			return NULL, err
		}
		if i == 0 {
			top = m
		}
		mod = m
	}
	hasFrom := false
	if !fromlist.IsNull() && !fromlist.IsNone() {
		if t, ok := fromlist.o.(*Tuple); ok {
			hasFrom = len(t.Items) > 0
			if m, ok := mod.o.(*Module); ok && isPackage(m) {
				for _, x := range t.Items {
					s, ok := x.o.(*Str)
					if !ok || s.s == "*" {
						continue
					}
					if _, ok := m.Dict.GetStr(s.s); !ok {
						sub := full + "." + s.s
						if _, err := th.importOne(sub); err != nil {
							// Only the submodule itself missing means "not
							// a submodule" (IMPORT_FROM then reports the
							// name); a module it imports failing is an error.
							if e, ok := err.(*Exception); ok && e.typ == ModuleNotFoundErrorType && e.Dict != nil {
								if n, ok := e.Dict.GetStr("name"); ok {
									if ns, ok := n.o.(*Str); ok && ns.s == sub {
										continue
									}
								}
							}
							return NULL, err
						}
					}
				}
			}
		} else {
			hasFrom = true
		}
	}
	if hasFrom || level > 0 {
		return mod, nil
	}
	return top, nil
}

// packageOf returns the package a module's relative imports start from.
func packageOf(globals *Dict) (string, error) {
	if p, ok := globals.GetStr("__package__"); ok {
		if s, ok := p.o.(*Str); ok {
			return s.s, nil
		}
	}
	n, ok := globals.GetStr("__name__")
	if !ok {
		return "", NewError(KeyErrorType, "'__name__' not in globals")
	}
	name := n.o.(*Str).s
	if _, ok := globals.GetStr("__path__"); ok {
		return name, nil
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[:i], nil
	}
	return "", nil
}

func isPackage(m *Module) bool {
	_, ok := m.Dict.GetStr("__path__")
	return ok
}

// importOne imports the fully qualified module name (its parent is
// already imported).
func (th *Thread) importOne(full string) (Value, error) {
	in := th.Interp
	if m, ok := in.modules.GetStr(full); ok {
		if m.IsNone() {
			return NULL, NewError(ModuleNotFoundErrorType, "import of %s halted; None in sys.modules", full)
		}
		return m, nil
	}
	var parent *Module
	var dirs []string
	child := full
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		pv, _ := in.modules.GetStr(full[:i])
		parent, _ = pv.o.(*Module)
		child = full[i+1:]
		if parent == nil || !isPackage(parent) {
			return NULL, notFound(full, "'"+full[:i]+"' is not a package")
		}
		if p, ok := parent.Dict.GetStr("__path__"); ok {
			if l, ok := p.o.(*List); ok {
				for _, d := range l.Items {
					if s, ok := d.o.(*Str); ok {
						dirs = append(dirs, s.s)
					}
				}
			}
		}
	} else {
		if init := lookupRegistered(full); init != nil {
			return in.initBuiltinModule(th, full, init)
		}
		dirs = in.searchPath()
	}
	if init := lookupRegistered(full); init != nil && parent != nil {
		m, err := in.initBuiltinModule(th, full, init)
		if err == nil {
			parent.Dict.SetStr(child, m)
		}
		return m, err
	}
	for _, d := range dirs {
		for _, cand := range []struct {
			path string
			pkg  bool
		}{
			{filepath.Join(d, child, "__init__.pya"), true},
			{filepath.Join(d, child+".pya"), false},
			{filepath.Join(d, child, "__init__.py"), true},
			{filepath.Join(d, child+".py"), false},
		} {
			if st, err := os.Stat(cand.path); err == nil && !st.IsDir() {
				m, err := in.execSourceModule(th, full, cand.path, cand.pkg)
				if err != nil {
					return NULL, err
				}
				if parent != nil {
					parent.Dict.SetStr(child, m)
				}
				return m, nil
			}
		}
	}
	return NULL, notFound(full, "")
}

func notFound(name, why string) error {
	msg := "No module named '" + name + "'"
	if why != "" {
		msg += "; " + why
	}
	e := NewError(ModuleNotFoundErrorType, "%s", msg).(*Exception)
	e.Dict = NewDict()
	e.Dict.SetStr("name", NewStr(name))
	return e
}

// initBuiltinModule creates and initializes a registered Go module.
func (in *Interpreter) initBuiltinModule(th *Thread, name string, init func(th *Thread, m *Module) error) (Value, error) {
	m := NewModule(name)
	mv := Value{o: m}
	in.modules.SetStr(name, mv)
	m.initializing = true
	err := init(th, m)
	m.initializing = false
	if err != nil {
		in.modules.DelStr(name)
		return NULL, err
	}
	return mv, nil
}

// execSourceModule compiles and runs a source module (or package __init__).
func (in *Interpreter) execSourceModule(th *Thread, name, path string, pkg bool) (Value, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return NULL, NewError(ImportErrorType, "%s", err.Error())
	}
	if in.cfg.Compile == nil {
		return NULL, NewError(ImportErrorType, "no compiler configured to import %s", name)
	}
	code, err := in.cfg.Compile(path, src, compile.ModeExec)
	if err != nil {
		return NULL, err
	}
	in.sources[path] = src
	m := NewModule(name)
	m.File = path
	m.Dict.SetStr("__file__", NewStr(path))
	if pkg {
		m.Dict.SetStr("__path__", NewList([]Value{NewStr(filepath.Dir(path))}))
		m.Dict.SetStr("__package__", NewStr(name))
	} else if i := strings.LastIndexByte(name, '.'); i >= 0 {
		m.Dict.SetStr("__package__", NewStr(name[:i]))
	} else {
		m.Dict.SetStr("__package__", NewStr(""))
	}
	mv := Value{o: m}
	in.modules.SetStr(name, mv)
	m.initializing = true
	_, err = th.RunModule(LoadCode(code), m)
	m.initializing = false
	if err != nil {
		in.modules.DelStr(name)
		return NULL, err
	}
	// The module may have replaced itself in sys.modules.
	if r, ok := in.modules.GetStr(name); ok {
		return r, nil
	}
	return mv, nil
}

// RunModule runs a module body with the module's dict as its globals.
func (th *Thread) RunModule(co *CodeObject, m *Module) (Value, error) {
	return th.RunCode(co, m.Dict, m.Dict)
}

// RunCode runs a module-level code object with its names in locals and
// globals as the globals of the functions it defines (exec and eval with
// two mappings), returning its value.
func (th *Thread) RunCode(co *CodeObject, globals, locals *Dict) (Value, error) {
	if err := th.enter(); err != nil {
		return NULL, err
	}
	nf := th.newFrame(co, nil, globals)
	nf.ns = locals
	nf.initCells()
	return th.runFrame(nf)
}

// searchPath is where top-level source modules are looked for.
func (in *Interpreter) searchPath() []string {
	var dirs []string
	if in.mainDir != "" {
		dirs = append(dirs, in.mainDir)
	}
	return append(dirs, in.cfg.Path...)
}

// importFrom implements IMPORT_FROM with CPython's messages.
func (th *Thread) importFrom(mod Value, name string) (Value, error) {
	v, err := LookupAttr(th, mod, name)
	if err != nil {
		return NULL, err
	}
	if !v.IsNull() {
		return v, nil
	}
	m, ok := mod.o.(*Module)
	if !ok {
		return NULL, NewError(ImportErrorType, "cannot import name '%s'", name)
	}
	if th.Interp != nil {
		if sub, ok := th.Interp.modules.GetStr(m.Name + "." + name); ok {
			return sub, nil
		}
	}
	where := "unknown location"
	if m.File != "" {
		where = m.File
	}
	if m.initializing {
		return NULL, NewError(ImportErrorType, "cannot import name '%s' from partially initialized module '%s' (most likely due to a circular import) (%s)", name, m.Name, where)
	}
	return NULL, NewError(ImportErrorType, "cannot import name '%s' from '%s' (%s)", name, m.Name, where)
}

// importStar implements `from m import *` into the frame's namespace.
func (th *Thread) importStar(f *Frame, mod Value) error {
	m, ok := mod.o.(*Module)
	if !ok {
		return NewError(TypeErrorType, "import * only allowed from modules")
	}
	ns := f.ns
	if ns == nil {
		ns = f.globals
	}
	if all, ok := m.Dict.GetStr("__all__"); ok {
		return Iterate(th, all, func(x Value) error {
			s, ok := x.o.(*Str)
			if !ok {
				return NewError(TypeErrorType, "Item in %s.__all__ must be str, not %s", m.Name, TypeName(x))
			}
			v, err := GetAttr(th, mod, s.s)
			if err != nil {
				return err
			}
			ns.SetStr(s.s, v)
			return nil
		})
	}
	m.Dict.Items(func(k, v Value) bool {
		if s, ok := k.o.(*Str); ok && !strings.HasPrefix(s.s, "_") {
			ns.SetStr(s.s, v)
		}
		return true
	})
	return nil
}
