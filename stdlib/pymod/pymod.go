// Package pymod holds the stdlib modules written in pya itself (typing,
// dataclasses, enum, collections, functools, contextlib, ...): each
// NAME.py embedded here is registered as module NAME and executed when
// first imported. Writing them in pya gives CPython's behaviour (class
// machinery, decorators, error messages) with little code; hot paths live
// in Go helper modules (_collections, _functools) that they import.
package pymod

import (
	"embed"
	"strings"

	"github.com/pya-lang/pya/vm"
)

//go:embed *.py
var sources embed.FS

func init() {
	entries, err := sources.ReadDir(".")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		file := e.Name()
		name := strings.TrimSuffix(file, ".py")
		vm.RegisterModule(name, func(th *vm.Thread, m *vm.Module) error {
			src, err := sources.ReadFile(file)
			if err != nil {
				return err
			}
			return vm.ExecSource(th, m, "<frozen "+name+">", src)
		})
	}
}
