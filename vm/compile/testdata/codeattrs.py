"""Prints, as JSON on stdout, the scope-related attributes of every code
object CPython compiles from the files named on the command line, keyed by
"path:qualname:firstlineno" (used by TestStdlibScopes)."""
import sys, json, os
out = {}
def walk(code, path):
    key = f"{path}:{code.co_qualname}:{code.co_firstlineno}"
    out[key] = {"varnames": list(code.co_varnames), "cellvars": sorted(code.co_cellvars), "freevars": sorted(code.co_freevars),
                "argcount": code.co_argcount, "kwonly": code.co_kwonlyargcount, "posonly": code.co_posonlyargcount,
                "flags": code.co_flags & (0x04|0x08|0x20|0x80|0x100|0x200)}
    for k in code.co_consts:
        if hasattr(k, "co_code"):
            walk(k, path)
for path in sys.argv[1:]:
    try:
        src = open(path, encoding="utf-8").read()
        walk(compile(src, path, "exec"), path)
    except Exception as e:
        pass
json.dump(out, sys.stdout)
