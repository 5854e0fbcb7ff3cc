package vm

// The builtins module. installBuiltins fills the namespace every module's
// globals fall back to: the functions defined in builtins_*.go, the built-in
// types and every built-in exception type.

// builtinFuncs are the builtins written in Go, by name.
var builtinFuncs = map[string]NativeFunc{
	"print":      biPrint,
	"input":      biInput,
	"len":        biLen,
	"repr":       biRepr,
	"ascii":      biASCII,
	"format":     biFormat,
	"isinstance": biIsInstance,
	"issubclass": biIsSubclass,
	"hasattr":    biHasAttr,
	"getattr":    biGetAttr,
	"setattr":    biSetAttr,
	"delattr":    biDelAttr,
	"id":         biID,
	"hash":       biHash,
	"abs":        biAbs,
	"round":      biRound,
	"divmod":     biDivmod,
	"pow":        biPow,
	"min":        biMin,
	"max":        biMax,
	"sum":        biSum,
	"sorted":     biSorted,
	"any":        biAny,
	"all":        biAll,
	"iter":       biIter,
	"next":       biNext,
	"aiter":      biAiter,
	"anext":      biAnext,
	"chr":        biChr,
	"ord":        biOrd,
	"hex":        biHex,
	"oct":        biOct,
	"bin":        biBin,
	"callable":   biCallable,
	"vars":       biVars,
	"dir":        biDir,
	"globals":    biGlobals,
	"locals":     biLocals,
	"open":       biOpen,
	"__import__": biImport,
	"exec":       biExec,
	"eval":       biEval,
	"compile":    biCompileBuiltin,
}

// builtinTypeList are the built-in types defined by the builtins files;
// biOtherTypes adds those of the other files.
var builtinTypeList = []*Type{
	EnumerateType, ZipType, MapType, FilterType, ReversedType,
}

// installBuiltins fills d (the builtins module's namespace) with every
// builtin name. The interpreter calls it once when it creates the builtins
// module.
func installBuiltins(d *Dict) {
	for name, fn := range builtinFuncs {
		d.SetStr(name, NewBuiltin(name, fn))
	}
	for _, t := range builtinTypeList {
		d.SetStr(t.Name, ObjectValue(t))
	}
	for _, t := range biOtherTypes() {
		if t != nil {
			d.SetStr(t.Name, ObjectValue(t))
		}
	}
	for _, t := range BuiltinExceptionTypes {
		d.SetStr(t.Name, ObjectValue(t))
	}
	// EnvironmentError and IOError are aliases of OSError.
	d.SetStr("EnvironmentError", ObjectValue(OSErrorType))
	d.SetStr("IOError", ObjectValue(OSErrorType))
	d.SetStr("None", None)
	d.SetStr("True", True)
	d.SetStr("False", False)
	d.SetStr("Ellipsis", Ellipsis)
	d.SetStr("NotImplemented", NotImplemented)
	d.SetStr("__debug__", True)
	d.SetStr("__name__", NewStr("builtins"))
	d.SetStr("__doc__", None)
	d.SetStr("__package__", NewStr(""))
	d.SetStr("__loader__", None)
	d.SetStr("__spec__", None)
	d.SetStr("exit", biQuitter("exit"))
	d.SetStr("quit", biQuitter("quit"))
}
