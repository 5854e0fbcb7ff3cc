package main

// The standard library: each package registers its modules with
// vm.RegisterModule at init. TEMPORARY list of blank imports until LIBS
// provides an aggregator package (then import only that).
import (
	_ "github.com/pya-lang/pya/stdlib/asyncio"
	_ "github.com/pya-lang/pya/stdlib/json"
	_ "github.com/pya-lang/pya/stdlib/math"
	_ "github.com/pya-lang/pya/stdlib/random"
	_ "github.com/pya-lang/pya/stdlib/sys"
	_ "github.com/pya-lang/pya/stdlib/time"
)
