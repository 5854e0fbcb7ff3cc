// Package httpresp holds what pya's two HTTP clients (aiohttp and
// requests) share: a response head as pya values, and (name, value) pair
// lists.
package httpresp

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/pya-lang/pya/vm"
)

// Head is a response's status line, headers and final URL.
type Head struct {
	Status  int
	Reason  string
	Headers [][2]string // sorted by name (Go's map loses the wire order; Go servers send them sorted)
	URL     string
}

// HeadOf returns resp's head.
func HeadOf(resp *http.Response) Head {
	h := Head{Status: resp.StatusCode, URL: resp.Request.URL.String()}
	h.Reason = strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)+" ")
	for k, vs := range resp.Header {
		for _, v := range vs {
			h.Headers = append(h.Headers, [2]string{k, v})
		}
	}
	sort.SliceStable(h.Headers, func(i, j int) bool { return h.Headers[i][0] < h.Headers[j][0] })
	return h
}

// HeaderList is the headers as a list of (name, value) str tuples.
func HeaderList(h [][2]string) vm.Value {
	hs := make([]vm.Value, len(h))
	for i, kv := range h {
		hs[i] = vm.NewTuple([]vm.Value{vm.NewStr(kv[0]), vm.NewStr(kv[1])})
	}
	return vm.NewList(hs)
}

// Tuple is (status, reason, headers, url).
func (h Head) Tuple() vm.Value {
	return vm.NewTuple([]vm.Value{vm.Int(int64(h.Status)), vm.NewStr(h.Reason), HeaderList(h.Headers), vm.NewStr(h.URL)})
}

// Pairs iterates a list of (name, value) pairs, converting both with str().
func Pairs(th *vm.Thread, v vm.Value, f func(k, v string)) error {
	return vm.Iterate(th, v, func(p vm.Value) error {
		t, ok := p.Object().(*vm.Tuple)
		if !ok || len(t.Items) != 2 {
			return vm.NewError(vm.TypeErrorType, "expected (name, value) pairs")
		}
		k, err := vm.ToStr(th, t.Items[0])
		if err != nil {
			return err
		}
		val, err := vm.ToStr(th, t.Items[1])
		if err != nil {
			return err
		}
		f(k, val)
		return nil
	})
}

// CheckNetwork refuses the import of the native module name when the
// interpreter is sandboxed: pya.Options.Sandbox sets socket to None in
// sys.modules, and no HTTP client may reach the network either.
func CheckNetwork(th *vm.Thread, name string) error {
	if th.Interp != nil {
		if v, ok := th.Interp.Modules().GetStr("socket"); ok && v.IsNone() {
			return vm.NewError(vm.ModuleNotFoundErrorType, "import of %s halted; None in sys.modules", name)
		}
	}
	return nil
}
