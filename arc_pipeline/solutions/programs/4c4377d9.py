# Stack the input's top-bottom mirror image above the input itself.
# orientation-semantic: only flip_horizontal: the mirror image goes above the input, not below or beside it
def solve(I):
    mirrored = flip_vertical(I)
    O = stack_vertical((mirrored, I))
    return O
