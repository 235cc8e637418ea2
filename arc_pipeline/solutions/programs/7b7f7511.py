# The input is one pattern repeated twice (side by side or stacked); output a single copy of it.
def solve(I):
    halves_match = equals(left_half(I), right_half(I))
    repeats_sideways = logical_and(greater_than(width(I), 1), halves_match)
    O = if_else(repeats_sideways, left_half(I), top_half(I))
    return O
