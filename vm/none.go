package vm

func init() {
	t := NoneType
	t.Repr = func(th *Thread, v Value) (string, error) { return "None", nil }
	t.Hash = identityHashSlot
	t.Bool = func(th *Thread, v Value) (bool, error) { return false, nil }
	t.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		if len(args) > 0 {
			return NULL, NewError(TypeErrorType, "NoneType takes no arguments")
		}
		return None, nil
	}
}
