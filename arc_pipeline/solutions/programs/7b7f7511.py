# The input is one pattern repeated twice (side by side or stacked); output a single copy of it.
def solve(I):
    repeats_sideways = equals(left_half(I), right_half(I))
    O = if_else(repeats_sideways, left_half(I), top_half(I))
    return O
