"""Writes bigmod.py/bigmod.pya: a 5,000-line module for the import-startup benchmark."""
lines = []
for i in range(1000):
    lines.append(f"def f{i}(a, b=1):")
    lines.append(f"    x = a * {i} + b")
    lines.append(f"    y = [x, {i}, 'item{i}']")
    lines.append(f"    return x if y else None")
    lines.append("")
src = "\n".join(lines) + "\n"
for name in ("bigmod.py", "bigmod.pya"):
    with open(name, "w") as f:
        f.write(src)
