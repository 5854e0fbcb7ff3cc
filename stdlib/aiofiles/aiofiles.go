// Package aiofiles is pya's aiofiles: file objects whose blocking calls
// run on a worker thread (loop.run_in_executor, as aiofiles does), so that
// the event loop keeps running tasks while a file is read or written, and
// aiofiles.os / aiofiles.os.path wrappers of the os functions. It is pya
// code (aiofiles.py, os.py).
package aiofiles

import (
	_ "embed"

	"github.com/pya-lang/pya/vm"
)

//go:embed aiofiles.py
var source []byte

//go:embed os.py
var osSource []byte

func init() {
	vm.RegisterModule("aiofiles", func(th *vm.Thread, m *vm.Module) error {
		return vm.ExecSource(th, m, "<frozen aiofiles>", source)
	})
	vm.RegisterModule("aiofiles.os", func(th *vm.Thread, m *vm.Module) error {
		return vm.ExecSource(th, m, "<frozen aiofiles.os>", osSource)
	})
}
