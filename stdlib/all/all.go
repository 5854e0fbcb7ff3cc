// Package all links every stdlib module into a program: import it for its
// side effects (each module registers itself with vm.RegisterModule).
package all

import (
	_ "github.com/pya-lang/pya/stdlib/aiofiles"
	_ "github.com/pya-lang/pya/stdlib/aiohttp"
	_ "github.com/pya-lang/pya/stdlib/asyncio"
	_ "github.com/pya-lang/pya/stdlib/base64"
	_ "github.com/pya-lang/pya/stdlib/collections"
	_ "github.com/pya-lang/pya/stdlib/contextvars"
	_ "github.com/pya-lang/pya/stdlib/hashlib"
	_ "github.com/pya-lang/pya/stdlib/itertools"
	_ "github.com/pya-lang/pya/stdlib/json"
	_ "github.com/pya-lang/pya/stdlib/math"
	_ "github.com/pya-lang/pya/stdlib/os"
	_ "github.com/pya-lang/pya/stdlib/pyahelp"
	_ "github.com/pya-lang/pya/stdlib/pymod"
	_ "github.com/pya-lang/pya/stdlib/pystruct"
	_ "github.com/pya-lang/pya/stdlib/random"
	_ "github.com/pya-lang/pya/stdlib/re"
	_ "github.com/pya-lang/pya/stdlib/requests"
	_ "github.com/pya-lang/pya/stdlib/signal"
	_ "github.com/pya-lang/pya/stdlib/sys"
	_ "github.com/pya-lang/pya/stdlib/thread"
	_ "github.com/pya-lang/pya/stdlib/time"
	_ "github.com/pya-lang/pya/stdlib/weakref"
)
