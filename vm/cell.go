package vm

// Cell holds a variable shared between a function and the functions nested
// in it (a closure cell). Its contents are NULL while the variable is unbound.
type Cell struct {
	V Value
}

func (*Cell) Type() *Type { return CellType }

// CellType is the type of closure cells.
var CellType = &Type{Name: "cell", QualName: "cell", Module: "builtins"}
