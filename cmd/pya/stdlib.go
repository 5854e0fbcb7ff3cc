package main

// The standard library: every module registers itself with
// vm.RegisterModule at init; stdlib/all links them all (asyncio included).
import _ "github.com/pya-lang/pya/stdlib/all"
