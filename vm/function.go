package vm

import (
	"fmt"
	"strings"

	"github.com/pya-lang/pya/vm/compile"
)

// Function is a function defined in pya (def, lambda, comprehension bodies).
type Function struct {
	Code       *CodeObject
	Globals    *Dict
	Name       string
	QualName   string
	Defaults   []Value // positional defaults (the last len(Defaults) positional parameters)
	KwDefaults *Dict   // keyword-only defaults, may be nil
	Closure    []*Cell // free variables, in Code.FreeVars order
	Doc        Value
	Module     Value
	// Annotations and Dict are created lazily (nil until used).
	Annotations *Dict
	Dict        *Dict
}

func (*Function) Type() *Type { return FunctionType }

// FunctionType is the type of pya functions.
var FunctionType = &Type{Name: "function", QualName: "function", Module: "builtins"}

// BoundMethod is a function bound to an instance (obj.method).
type BoundMethod struct {
	Func Value
	Self Value
}

func (*BoundMethod) Type() *Type { return MethodType }

// MethodType is the type of bound methods.
var MethodType = &Type{Name: "method", QualName: "method", Module: "builtins"}

// NewBoundMethod binds fn to self.
func NewBoundMethod(fn, self Value) Value { return Value{o: &BoundMethod{Func: fn, Self: self}} }

// newFunction makes a function from a loaded code object.
func newFunction(co *CodeObject, globals *Dict) *Function {
	f := &Function{Code: co, Globals: globals, Name: co.Code.Name, QualName: co.Code.QualName, Doc: None}
	if co.Code.Doc != nil {
		f.Doc = constValue(co.Code.Doc)
	}
	if m, ok := globals.GetStr("__name__"); ok {
		f.Module = m
	} else {
		f.Module = None
	}
	return f
}

// bindArgs stores the arguments of a call to fn into the frame's locals
// (slots[:nlocals]) following Python's rules, with CPython's TypeErrors.
func bindArgs(th *Thread, fn *Function, slots []Value, args []Value, kwnames []string) error {
	c := fn.Code.Code
	npos := len(args) - len(kwnames)
	nparams := c.ArgCount
	// Positional parameters.
	n := npos
	if n > nparams {
		n = nparams
	}
	copy(slots, args[:n])
	kwIndex := nparams + c.KwOnlyArgCount
	varargsIdx, kwargsIdx := -1, -1
	next := kwIndex
	if c.Flags&compile.FlagVarArgs != 0 {
		varargsIdx = next
		next++
	}
	if c.Flags&compile.FlagVarKeywords != 0 {
		kwargsIdx = next
	}
	if npos > nparams {
		if varargsIdx < 0 {
			return tooManyPositional(fn, npos, args, kwnames, slots)
		}
		slots[varargsIdx] = NewTuple(append([]Value(nil), args[nparams:npos]...))
	} else if varargsIdx >= 0 {
		slots[varargsIdx] = emptyTuple
	}
	var kwargs *Dict
	if kwargsIdx >= 0 {
		kwargs = NewDict()
		slots[kwargsIdx] = Value{o: kwargs}
	}
	var posOnlyKw []string
	for j, name := range kwnames {
		v := args[npos+j]
		i := -1
		for k := c.PosOnlyArgCount; k < kwIndex; k++ {
			if c.LocalNames[k] == name {
				i = k
				break
			}
		}
		if i < 0 {
			if kwargs != nil {
				kwargs.SetStr(name, v)
				continue
			}
			for k := 0; k < c.PosOnlyArgCount; k++ {
				if c.LocalNames[k] == name {
					posOnlyKw = append(posOnlyKw, name)
					i = k
					break
				}
			}
			if i >= 0 {
				continue
			}
			return NewError(TypeErrorType, "%s() got an unexpected keyword argument '%s'", fn.QualName, name)
		}
		if !slots[i].IsNull() {
			return NewError(TypeErrorType, "%s() got multiple values for argument '%s'", fn.QualName, name)
		}
		slots[i] = v
	}
	if posOnlyKw != nil {
		return NewError(TypeErrorType, "%s() got some positional-only arguments passed as keyword arguments: '%s'", fn.QualName, strings.Join(posOnlyKw, ", "))
	}
	// Defaults and missing arguments.
	if npos < nparams {
		ndef := len(fn.Defaults)
		firstDef := nparams - ndef
		var missing []string
		for i := npos; i < nparams; i++ {
			if !slots[i].IsNull() {
				continue
			}
			if i >= firstDef {
				slots[i] = fn.Defaults[i-firstDef]
			} else {
				missing = append(missing, c.LocalNames[i])
			}
		}
		if missing != nil {
			return missingArgs(fn, missing, "positional")
		}
	}
	if c.KwOnlyArgCount > 0 {
		var missing []string
		for i := nparams; i < kwIndex; i++ {
			if !slots[i].IsNull() {
				continue
			}
			if fn.KwDefaults != nil {
				if d, ok := fn.KwDefaults.GetStr(c.LocalNames[i]); ok {
					slots[i] = d
					continue
				}
			}
			missing = append(missing, c.LocalNames[i])
		}
		if missing != nil {
			return missingArgs(fn, missing, "keyword-only")
		}
	}
	return nil
}

// missingArgs formats "f() missing 2 required positional arguments: 'a' and 'b'".
func missingArgs(fn *Function, names []string, kind string) error {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + n + "'"
	}
	var list string
	switch len(quoted) {
	case 1:
		list = quoted[0]
	case 2:
		list = quoted[0] + " and " + quoted[1]
	default:
		list = strings.Join(quoted[:len(quoted)-1], ", ") + ", and " + quoted[len(quoted)-1]
	}
	return NewError(TypeErrorType, "%s() missing %d required %s argument%s: %s", fn.QualName, len(names), kind, plural(len(names)), list)
}

// tooManyPositional formats "f() takes 2 positional arguments but 3 were given".
func tooManyPositional(fn *Function, npos int, args []Value, kwnames []string, slots []Value) error {
	c := fn.Code.Code
	nparams := c.ArgCount
	ndef := len(fn.Defaults)
	var takes string
	if ndef > 0 {
		takes = fmt.Sprintf("from %d to %d positional arguments", nparams-ndef, nparams)
	} else {
		takes = fmt.Sprintf("%d positional argument%s", nparams, plural(nparams))
	}
	kwonly := 0
	for _, name := range kwnames {
		for k := nparams; k < nparams+c.KwOnlyArgCount; k++ {
			if c.LocalNames[k] == name {
				kwonly++
			}
		}
	}
	given := fmt.Sprintf("%d", npos)
	verb := "were"
	if npos == 1 && kwonly == 0 {
		verb = "was"
	}
	if kwonly > 0 {
		given = fmt.Sprintf("%d positional argument%s (and %d keyword-only argument%s)", npos, plural(npos), kwonly, plural(kwonly))
	}
	return NewError(TypeErrorType, "%s() takes %s but %s %s given", fn.QualName, takes, given, verb)
}
