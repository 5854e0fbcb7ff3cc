package vm

import "github.com/pya-lang/pya/vm/compile"

// ForgetCode drops c and the code objects among its constants from the
// process-wide LoadCode cache. The cache holds every *compile.Code ever
// loaded (each interpreter's imported modules, every eval), so a
// long-running embedder that creates interpreters per request calls this
// for the code it compiled once the interpreter is gone; the CodeObjects
// stay valid for functions that still reference them.
func ForgetCode(c *compile.Code) {
	codeCacheMu.Lock()
	defer codeCacheMu.Unlock()
	forgetCodeLocked(c)
}

func forgetCodeLocked(c *compile.Code) {
	if _, ok := codeCache[c]; !ok {
		return
	}
	delete(codeCache, c)
	for _, k := range c.Consts {
		if sub, ok := k.(*compile.Code); ok {
			forgetCodeLocked(sub)
		}
	}
}

// CodeCacheLen returns the number of cached code objects (for tests of
// embedders that check they do not leak).
func CodeCacheLen() int {
	codeCacheMu.Lock()
	defer codeCacheMu.Unlock()
	return len(codeCache)
}
