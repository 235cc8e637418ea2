# Output a single cell: 1 (blue) when the input is mirror symmetric left-right,
# otherwise 7 (orange).
# colour-semantic: keep 1,7: symmetric inputs answer blue, the others orange
def solve(I):
    mirrored = flip_horizontal(I)
    symmetric = equals(I, mirrored)
    O = if_else(symmetric, ((1,),), ((7,),))
    return O
