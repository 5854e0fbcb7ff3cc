import bigmod
print("import", bigmod.f999(1))
