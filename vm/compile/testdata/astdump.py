"""Dumps CPython's AST of the test programs (testdata/programs/*.py and the
error cases) to JSON, so the compiler's tests can build pya ast nodes without
pya's parser. Regenerate with: python3 testdata/astdump.py (from vm/compile).
Also records, for each error case, CPython's SyntaxError (msg, line, offset,
end offset) as the oracle."""
import ast, json, glob, os, sys

def enc(x):
    if isinstance(x, ast.AST):
        d = {"_t": type(x).__name__}
        if hasattr(x, "lineno"):
            d["_pos"] = [x.lineno, x.col_offset + 1, x.end_lineno, x.end_col_offset + 1]
        for f in x._fields:
            if f == "ctx" or f == "type_comment":
                continue
            d[f] = enc(getattr(x, f))
        return d
    if isinstance(x, list):
        return [enc(e) for e in x]
    if x is None or isinstance(x, str):
        return x
    if isinstance(x, bool):
        return {"_c": "bool", "v": x}
    if isinstance(x, int):
        return {"_c": "int", "v": str(x)}
    if isinstance(x, float):
        return {"_c": "float", "v": x.hex()}
    if isinstance(x, complex):
        return {"_c": "complex", "v": [x.real.hex(), x.imag.hex()]}
    if isinstance(x, bytes):
        return {"_c": "bytes", "v": list(x)}
    if x is Ellipsis:
        return {"_c": "ellipsis"}
    raise TypeError(type(x))

here = os.path.dirname(os.path.abspath(__file__))
out = {"programs": [], "errors": []}
for path in sorted(glob.glob(os.path.join(here, "programs", "*.py"))):
    src = open(path).read()
    out["programs"].append({"name": os.path.basename(path), "src": src, "ast": enc(ast.parse(src))})
errs = open(os.path.join(here, "errors.txt")).read().split("\n===\n")
for src in errs:
    src = src.strip("\n")
    if not src:
        continue
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        print("parser rejects", repr(src), e, file=sys.stderr)
        continue
    try:
        compile(src, "f.py", "exec")
        print("compiles", repr(src), file=sys.stderr)
        continue
    except SyntaxError as e:
        want = {"msg": e.msg, "line": e.lineno, "col": e.offset, "end_line": e.end_lineno, "end_col": e.end_offset}
    out["errors"].append({"src": src, "ast": enc(tree), "want": want})
out["unparse"] = []
for line in open(os.path.join(here, "unparse.txt")).read().split("\n"):
    if not line:
        continue
    prog = "from __future__ import annotations\nasync def f() -> " + line + ": pass\n"
    try:
        ns = {}
        exec(compile(prog, "u.py", "exec"), ns)
        want = ns["f"].__annotations__["return"]
    except SyntaxError as e:
        print("unparse case rejected", line, e, file=sys.stderr)
        continue
    tree = ast.parse(prog)
    out["unparse"].append({"src": line, "ast": enc(tree.body[1].returns), "want": want})
import dis
ops = {"LOAD_ATTR", "LOAD_METHOD", "STORE_ATTR", "CALL", "CALL_FUNCTION_EX", "BINARY_OP", "BINARY_SUBSCR", "COMPARE_OP", "STORE_SUBSCR"}
psrc = open(os.path.join(here, "positions.py")).read()
pcode = compile(psrc, "positions.py", "exec")
def walk(code, acc):
    acc.append({"name": code.co_qualname, "instrs": [[i.opname] + [p + 1 if k in (2, 3) and p is not None else p for k, p in enumerate(i.positions)]
        for i in dis.get_instructions(code) if i.opname in ops]})
    for k in code.co_consts:
        if hasattr(k, "co_code"):
            walk(k, acc)
    return acc
out["positions"] = {"src": psrc, "ast": enc(ast.parse(psrc)), "codes": walk(pcode, [])}
json.dump(out, open(os.path.join(here, "ast.json"), "w"), indent=None)
