# Stack the input's top-bottom mirror image above the input itself.
def solve(I):
    mirrored = flip_vertical(I)
    O = stack_vertical((mirrored, I))
    return O
